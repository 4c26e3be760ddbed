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

/// Each folder under `fixtures/` is a repository; `fixtures/<name>.expected.txt`
/// beside it holds the exact text report docs-lint must produce for it.
struct FixtureTests {
  static let names: [String] = {
    let folder = packageRoot + "/fixtures"
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return entries.filter { $0.hasSuffix(".expected.txt") }.map { String($0.dropLast(13)) }.sorted()
  }()

  @Test func fixturesExist() {
    #expect(Self.names.contains("demo"))
    #expect(Self.names.contains("positions"))
  }

  @Test("fixture reports match exactly", arguments: names)
  func fixture(_ name: String) throws {
    let root = packageRoot + "/fixtures/" + name
    let run = try LintRun.execute(paths: [root], root: root, configFile: nil)
    var report = Report(findings: run.findings, filesLinted: run.filesLinted)
    report.fixable = run.fixable(run.findings)
    let actual = TextReporter().render(report)
    let expected = try String(contentsOfFile: root + ".expected.txt", encoding: .utf8)
    #expect(actual == expected)
  }

  @Test func outputIsDeterministic() throws {
    let root = packageRoot + "/fixtures/demo"
    let outputs = try (0..<3).map { _ in
      let run = try LintRun.execute(paths: [root], root: root, configFile: nil)
      return SARIFReporter().render(Report(findings: run.findings, filesLinted: run.filesLinted))
    }
    #expect(Set(outputs).count == 1)
  }

  /// The binary on one worker, on every core and on more workers than cores reports every
  /// fixture byte for byte the same: no step's result depends on the order threads finish.
  @Test("one worker and all cores report the same", arguments: names)
  func workersDoNotChangeTheReport(_ name: String) throws {
    let root = packageRoot + "/fixtures/" + name
    for format in ["json", "sarif"] {
      let outputs = try [["--jobs", "1"], [], ["--jobs", "3"]].map { jobs in
        let result = try CommandLineTests.run(["--no-cache", "--root", root, root, "--format", format] + jobs)
        #expect(result.status == 0 || result.status == 1, "\(result.stderr)")
        return result.stdout
      }
      #expect(!outputs[0].isEmpty)
      #expect(outputs[1] == outputs[0], "\(name) \(format): all cores differ from one worker")
      #expect(outputs[2] == outputs[0], "\(name) \(format): three workers differ from one")
    }
  }

  @Test func lintingOneFileStillSeesTheWholeTree() throws {
    let root = packageRoot + "/fixtures/demo"
    let run = try LintRun.execute(paths: [root + "/README.md"], root: root, configFile: nil)
    #expect(run.filesLinted == 1)
    #expect(Set(run.findings.map(\.path)) == ["README.md"])
    // The anchor in docs/operaciones/runbook.md (not linted) was still checked: no finding for it.
    #expect(!run.findings.contains { $0.message.contains("validación-final") })
  }
}
