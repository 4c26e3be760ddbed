import Foundation
import Testing

/// The text report as a person at a terminal sees it, through the executable: colour,
/// paths from the current folder, the fixable marker, counts per rule, quiet and summary
/// forms, and several reports from one run.
struct TerminalOutputTests {
  static let files = [
    "README.md": "# R\n\n[guide](docs/Guide.md) [gone](gone.md)\n",
    "docs/guide.md": "# Guide\n\n[home](../README.md#nope)\n",
  ]

  /// Runs docs-lint in `folder` of a fresh copy of `files`, through `/bin/sh` with `prefix`
  /// (environment or a wrapper) before the binary.
  private func run(_ arguments: String, in folder: String = "", prefix: String = "") throws -> CommandLineTests.Result {
    let repository = try GitRepository(Self.files)
    defer { repository.remove() }
    try repository.commit("init")
    let command = "cd '\(repository.root)/\(folder)' && \(prefix) '\(CommandLineTests.binary)' --no-cache \(arguments)"
    return try CommandLineTests.run(["-c", command], shell: true)
  }

  static let script = FileManager.default.isExecutableFile(atPath: "/usr/bin/script")

  @Test(.enabled(if: script, "needs util-linux's script for a pseudo-terminal"))
  func colourOnATerminalNoneThroughAPipeAndTheEnvironmentDecides() throws {
    let binary = CommandLineTests.binary
    // script(1) runs the command on a pseudo-terminal and copies what it printed.
    func onTerminal(_ environment: String) throws -> String {
      try run("", prefix: "\(environment) script -qec \"'\(binary)' --no-cache\" /dev/null; true #").stdout
    }
    let coloured = try onTerminal("env -u NO_COLOR -u FORCE_COLOR")
    #expect(coloured.contains("\u{1B}[1;31merror\u{1B}[0m"), "\(coloured)")
    #expect(coloured.contains("\u{1B}[2m[link/missing-file]\u{1B}[0m"))
    #expect(!(try onTerminal("env NO_COLOR=1")).contains("\u{1B}["))
    let piped = try run("", prefix: "env -u NO_COLOR -u FORCE_COLOR")
    #expect(!piped.stdout.contains("\u{1B}["))
    #expect(piped.stdout.contains("README.md:3:9: error: [*] link target 'docs/Guide.md'"), "\(piped.stdout)")
    let forced = try run("", prefix: "env -u NO_COLOR FORCE_COLOR=1")
    #expect(forced.stdout.contains("\u{1B}[1;31merror\u{1B}[0m"))
    // A report written to a file never has colour.
    let file = try run("--output report.txt; cat report.txt", prefix: "env FORCE_COLOR=1")
    #expect(!file.stdout.contains("\u{1B}["))
  }

  @Test func pathsFromASubfolderAndFromTheRootWhenAsked() throws {
    let inDocs = try run("", in: "docs")
    #expect(
      inDocs.stdout == """
        ../README.md:3:9: error: [*] link target 'docs/Guide.md' differs in letter case from the real path \
        'docs/guide.md' [link/case-mismatch]
        ../README.md:3:31: error: link target 'gone.md' does not exist [link/missing-file]
        guide.md:3:8: error: no heading or anchor '#nope' in 'README.md' [link/missing-anchor]
        3 errors, 0 warnings, 0 infos in 2 files
        [*] 1 fixable with `docs-lint --fix`

        """, "\(inDocs.stdout)")
    let fromRoot = try run("--root-relative", in: "docs")
    #expect(fromRoot.stdout.hasPrefix("README.md:3:9: error: [*] link target"))
    #expect(fromRoot.stdout.contains("\ndocs/guide.md:3:8: error:"))
    // Machine formats keep root-relative paths wherever they are run.
    let json = try run("--format json", in: "docs")
    #expect(json.stdout.contains("\"path\" : \"docs/guide.md\"") || json.stdout.contains("\"path\":\"docs/guide.md\""))
  }

  @Test func statisticsQuietAndSummaryOnly() throws {
    let statistics = try run("--statistics")
    #expect(
      statistics.stdout == """
        1  link/case-mismatch   error  [*] 1 fixable
        1  link/missing-anchor  error
        1  link/missing-file    error
        3 errors, 0 warnings, 0 infos in 2 files
        [*] 1 fixable with `docs-lint --fix`

        """, "\(statistics.stdout)")
    #expect(statistics.status == 1)
    let quiet = try run("--quiet")
    #expect(quiet.stdout.split(separator: "\n").count == 3 && !quiet.stdout.contains("errors,"))
    let summary = try run("--summary-only")
    #expect(summary.stdout == "3 errors, 0 warnings, 0 infos in 2 files\n[*] 1 fixable with `docs-lint --fix`\n")
    #expect(summary.status == 1)
    let both = try run("--quiet --summary-only")
    #expect(both.status == 2)
    let notText = try run("--format json --statistics")
    #expect(notText.status == 2 && notText.stderr.contains("add --format text"), "\(notText.stderr)")
  }

  @Test func severalReportsFromOneRun() throws {
    let result = try run("--format text --format sarif --format json --output sarif=out/x.sarif --output json=x.json; cat x.json")
    #expect(result.stdout.hasPrefix("README.md:3:9: error: [*]"), "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("\"tool\""))
    let sarif = try run("--format text --format sarif --output sarif=x.sarif >/dev/null; cat x.sarif")
    #expect(sarif.stdout.contains("\"$schema\""), "\(sarif.stdout)")

    for (arguments, message) in [
      ("--format text --format sarif", "only one report can go to standard output"),
      ("--format text --output sarif=x.sarif", "sarif is not one of the --format values"),
      ("--format text --format text", "--format text is given twice"),
      ("--format text --format json --output a --output b", "write --output FORMAT=FILE"),
      ("--format text --format json --output json=", "names no file"),
    ] {
      let failed = try run(arguments)
      #expect(failed.status == 2, "\(arguments)")
      #expect(failed.stderr.contains(message), "\(arguments): \(failed.stderr)")
    }
  }

  @Test func rulesAsJSON() throws {
    let result = try CommandLineTests.run(["rules", "--format", "json"])
    let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let rules = try #require(json["rules"] as? [[String: Any]])
    let text = try CommandLineTests.run(["rules"]).stdout.split(separator: "\n")
    #expect(rules.count == text.count)
    let orphan = try #require(rules.first { $0["id"] as? String == "docs/orphan" })
    #expect(orphan["level"] as? String == "off" && orphan["defaultLevel"] as? String == "info")
    let caseMismatch = try #require(rules.first { $0["id"] as? String == "link/case-mismatch" })
    #expect(caseMismatch["fixable"] as? Bool == true && caseMismatch["category"] as? String == "link")
  }

  /// A decoded `%0A` or `%1B` in a target stays one visible escape: one finding, one line.
  @Test func controlCharactersInMessagesStayOnOneLine() throws {
    let repository = try TestRepository(["a.md": "# A\n\n[x](a%0Ab.md) [y](a%1Bb.md)\n"])
    defer { repository.remove() }
    for format in ["text", "github"] {
      let result = try CommandLineTests.run(["--no-cache", "--root", repository.root, repository.root, "--format", format])
      let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
      #expect(lines.count == 4, "\(format): \(result.stdout)")
      #expect(result.stdout.contains("(resolved to 'a\\nb.md')") && result.stdout.contains("(resolved to 'a\\x1Bb.md')"))
      #expect(!result.stdout.contains("\u{1B}"))
    }
  }
}
