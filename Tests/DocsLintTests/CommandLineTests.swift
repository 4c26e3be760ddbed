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

/// The `docs-lint` binary as users run it: exit codes, streams, formats.
struct CommandLineTests {
  /// The binary sits beside the test bundle in the build folder.
  static let binary: String = {
    let candidates = [
      Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("docs-lint").path,
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("docs-lint").path,
      packageRoot + "/.build/debug/docs-lint",
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
  }()

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// `shell`: run `/bin/sh` with the arguments instead of the binary.
  static func run(_ arguments: [String], in directory: String = packageRoot, shell: Bool = false) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: shell ? "/bin/sh" : binary)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  @Test func binaryIsBuilt() {
    #expect(FileManager.default.isExecutableFile(atPath: Self.binary), "\(Self.binary)")
  }

  @Test func errorsExitOneAndPrintTheReport() throws {
    let result = try Self.run(["--root", "fixtures/demo", "fixtures/demo"])
    #expect(result.status == 1)
    let expected = try String(contentsOfFile: packageRoot + "/fixtures/demo.expected.txt", encoding: .utf8)
    #expect(result.stdout == expected)
    #expect(result.stderr.isEmpty)
  }

  @Test func cleanRepositoryExitsZero() throws {
    let repository = try TestRepository(["a.md": "# A\n\n[b](b.md) `c/d.md`\n", "b.md": "# B\n", "c/d.md": ""])
    defer { repository.remove() }
    let result = try Self.run([repository.root])
    #expect(result.status == 0)
    #expect(result.stdout == "0 errors, 0 warnings, 0 infos in 3 files\n")
  }

  @Test func warningsAloneExitZero() throws {
    let repository = try TestRepository(["a.md": "`docs/gone.md`\n", "docs/x.md": ""])
    defer { repository.remove() }
    #expect(try Self.run([repository.root]).status == 0)
  }

  @Test(
    "usage and configuration errors exit 2 with a message",
    arguments: [
      (["--format", "xml"], "unknown --format 'xml'"),
      (["--bogus"], "Unknown option '--bogus'"),
      (["/nonexistent/docs-lint-path"], "no such file or directory"),
      (["explain", "link/nope"], "unknown rule 'link/nope'"),
      (["graph", "fixtures/iac", "--format", "png"], "unknown --format 'png'"),
      (["graph", "fixtures/iac", "--root", "fixtures/iac", "--focus", "nada.md"], "'nada.md' is not in the graph"),
    ])
  func usageErrors(_ arguments: [String], _ message: String) throws {
    let result = try Self.run(arguments)
    #expect(result.status == 2)
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(result.stdout.isEmpty)
  }

  @Test func badConfigurationIsFileLineMessage() throws {
    let repository = try TestRepository(["a.md": "# A\n", ".docs-lint.yml": "rules:\n  link/nope: error\n"])
    defer { repository.remove() }
    let result = try Self.run([repository.root])
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix(".docs-lint.yml:2: unknown rule 'link/nope'"))
  }

  @Test func outputFileAndFormats() throws {
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("docs-lint-\(UUID().uuidString).sarif").path
    defer { try? FileManager.default.removeItem(atPath: output) }
    let result = try Self.run(["--root", "fixtures/demo", "fixtures/demo", "--format", "sarif", "--output", output])
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    let sarif = try String(contentsOfFile: output, encoding: .utf8)
    #expect(sarif.contains("\"version\" : \"2.1.0\""))
  }

  @Test func graphFocusFromTheCurrentFolder() throws {
    let result = try Self.run([
      "graph", "fixtures/iac", "--root", "fixtures/iac", "--format", "mermaid", "--focus", "fixtures/iac/compose.yml",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("flowchart LR\n"))
    #expect(result.stdout.contains("\"docs/runbooks/red.md\""))
  }

  @Test func rulesAndExplain() throws {
    let rules = try Self.run(["rules"])
    #expect(rules.status == 0)
    #expect(rules.stdout.split(separator: "\n").count == RuleRegistry.descriptors.count)
    #expect(rules.stdout.split(separator: "\n").contains { $0.hasPrefix("link/missing-anchor ") && $0.contains(" error ") })
    let explain = try Self.run(["explain", "ref/missing-path"])
    #expect(explain.status == 0)
    #expect(explain.stdout.contains("Triggers on:"))
  }
}
