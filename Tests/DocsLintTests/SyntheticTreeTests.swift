import Foundation
import Testing

@testable import DocsLintConfig
@testable import DocsLintEngine
@testable import DocsLintGraph
@testable import DocsLintMarkdown
@testable import DocsLintModel
@testable import DocsLintReport
@testable import DocsLintRules
@testable import DocsLintScan

/// End to end at some scale: the benchmark's generator plants broken links,
/// anchors, letter-case errors and backtick paths (and decoys inside code
/// blocks) and writes where it put them; docs-lint must report exactly those lines.
struct SyntheticTreeTests {
  @Test func reportsExactlyThePlantedDefects() throws {
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("docs-lint-synthetic-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: output) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", packageRoot + "/bench/generate.py", output.path, "--files", "300", "--target-mb", "3"]
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)

    let manifest = try String(contentsOf: output.appendingPathComponent(".bench/planted.jsonl"), encoding: .utf8)
    var planted = Set<String>()
    for line in manifest.split(separator: "\n") {
      let entry = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
      planted.insert("\(entry["file"] as! String):\(entry["line"] as! Int)")
    }
    let run = try LintRun.execute(paths: [output.path], root: output.path, configFile: nil)
    // The generator plants link, anchor and path defects; structure and metadata rules have their own fixtures.
    let references = run.findings.filter { $0.ruleId.hasPrefix("link/") || $0.ruleId.hasPrefix("ref/") }
    let found = Set(references.map { "\($0.path):\($0.span.line)" })
    #expect(planted.count > 50)
    #expect(references.count == planted.count)
    #expect(found == planted)
    // Its ExecPlans, agent cards, globs, front-matter ids and agent names are written as the
    // defaults expect them: none of those rules has anything to say.
    let others = run.findings.filter { finding in
      ["execplan/", "agent/", "meta/", "iac/", "structure/", "input/", "suppression/"].contains { finding.ruleId.hasPrefix($0) }
    }
    #expect(others.isEmpty, "\(others.prefix(5).map { "\($0.path):\($0.span.line) \($0.ruleId) \($0.message)" })")
  }
}
