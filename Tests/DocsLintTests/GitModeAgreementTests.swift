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

/// Git mode asks git which missing paths are build outputs. A `.gitignore` written with
/// CRLF line endings ends in a line holding only "\r", which git matches against every
/// folder query: git mode must still report what plain mode reports on the same tree.
struct GitModeAgreementTests {
  @Test("git mode and plain mode agree", arguments: FixtureTests.names)
  func agree(_ name: String) throws {
    let fixture = packageRoot + "/fixtures/" + name
    let copy = FileManager.default.temporaryDirectory.appendingPathComponent("docs-lint-git-\(name)-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: copy) }
    try FileManager.default.copyItem(atPath: fixture, toPath: copy)
    // Appended to any .gitignore the fixture has; it ignores nothing the fixture names.
    let gitignore = copy + "/.gitignore"
    let existing = (try? String(contentsOfFile: gitignore, encoding: .utf8)) ?? ""
    try (existing + "node_cache/\r\n*.tmp\r\n\r\n").write(toFile: gitignore, atomically: true, encoding: .utf8)
    try git(["init", "-q", "-b", "main"], in: copy)
    try git(["add", "-A"], in: copy)
    try git(["-c", "user.email=t@example.com", "-c", "user.name=T", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "base"], in: copy)

    let plain = try LintRun.execute(paths: [fixture], root: fixture, configFile: nil)
    let git = try LintRun.execute(paths: [copy], root: copy, configFile: nil)
    let render = { (run: LintRun) in run.findings.map { "\($0.path):\($0.span.line):\($0.span.column) \($0.ruleId)" } }
    #expect(render(git) == render(plain))
  }

  private func git(_ arguments: [String], in directory: String) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-C", directory] + arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " ")) failed")
  }
}
