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

/// `lint --fix`: which findings carry a fix, how fixes are verified and applied, the diff.
struct FixTests {
  // MARK: - choosing the fix

  @Test(
    "folding strips accents, lowercases and collapses hyphen runs",
    arguments: [
      ("Validación", "validacion"), ("Install--Steps", "install-steps"), ("-a---b-", "a-b"), ("Ünïcödé_2", "unicode_2"),
    ])
  func folding(_ text: String, _ folded: String) {
    #expect(AnchorFolding.fold(text) == folded)
  }

  @Test(
    "exactly one anchor folding like the fragment is the fix",
    arguments: [
      ("validacion", ["validación", "validar"], "validación"),
      ("Install--Steps", ["install-steps", "install"], "install-steps"),
      ("A-B", ["a-b", "a--b"], nil),  // two candidates: ambiguous
      ("setup", ["installation"], nil),  // none
      ("Custom", ["custom anchor", "custom(1)"], nil),  // folds differently
    ] as [(String, Set<String>, String?)])
  func candidate(_ fragment: String, _ anchors: Set<String>, _ expected: String?) {
    #expect(AnchorFolding.candidate(for: fragment, in: AnchorSet(anchors)) == expected)
  }

  @Test(
    "only the path segments whose case differs are rewritten",
    arguments: [
      ("./Docs/Guide.md#Intro", "Docs/Guide.md", "docs/guide.md", true, "./docs/guide.md#Intro"),
      ("../Docs/a.md?plain=1#L2", "Docs/a.md", "docs/a.md", true, "../docs/a.md?plain=1#L2"),
      ("My%20Docs/A.md", "My Docs/A.md", "My Docs/a.md", true, "My%20Docs/a.md"),
      ("My%20Docs/a.md", "My Docs/a.md", "my docs/a.md", true, nil),  // would need re-encoding
      ("Docs/x/../a.md", "Docs/a.md", "docs/a.md", true, nil),  // the differing folder is behind "../"
      ("Scripts/Deploy.sh", "Scripts/Deploy.sh", "scripts/deploy.sh", false, "scripts/deploy.sh"),
      ("/Docs/", "Docs", "docs", true, "/docs/"),
    ] as [(String, String, String, Bool, String?)])
  func pathCase(_ written: String, _ resolved: String, _ actual: String, _ isLink: Bool, _ expected: String?) {
    #expect(PathCaseRewrite.rewrite(written, resolved: resolved, actual: actual, isLink: isLink) == expected)
  }

  @Test func rulesDeclareFixesOnlyForTextWrittenAsParsed() throws {
    let repository = try TestRepository([
      "doc.md": """
      # Título

      Véase [g](Docs/Guide.md) <a href="Docs/Guide.md">h</a> [e](Docs/Guide\\_x.md) [t](#titulo) `Docs/Guide.md`

      [ref]: ./Docs/Guide.md#Part

      """,
      "docs/guide.md": "# Guide\n", "docs/guide_x.md": "",
    ])
    defer { repository.remove() }
    let fixes = repository.lint().map { ($0.ruleId, $0.span.column, $0.fix?.replacements.map(\.text)) }
    #expect(fixes.count == 6)
    #expect(fixes.contains { $0 == ("link/case-mismatch", 11, ["docs/guide.md"]) })
    #expect(fixes.contains { $0 == ("link/case-mismatch", 35, ["docs/guide.md"]) })
    // Written with an escape: the span does not hold the parsed text, so no fix.
    #expect(fixes.contains { $0 == ("link/case-mismatch", 60, nil) })
    #expect(fixes.contains { $0 == ("link/missing-anchor", 82, ["#título"]) })
    #expect(fixes.contains { $0 == ("ref/case-mismatch", 92, ["docs/guide.md"]) })
    #expect(fixes.contains { $0 == ("link/case-mismatch", 8, ["./docs/guide.md#Part"]) })
  }

  // MARK: - applying it

  private func replacement(_ line: Int, _ column: Int, _ original: String, _ text: String) -> Fix {
    Fix([
      Replacement(
        span: SourceSpan(line: line, column: column, endColumn: column + original.unicodeScalars.count),
        original: original, text: text)
    ])
  }

  @Test func patchKeepsEveryOtherByteAndSkipsWhatDoesNotVerify() throws {
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    let raw = bom + Array("é [a](A.md)\r\nx\n\r\n[b](B.md) [c](C.md)".utf8)
    let fixes = [
      replacement(1, 7, "A.md", "a.md"),
      replacement(4, 5, "B.md", "b.md"),
      replacement(4, 5, "B.md", "bb.md"),  // overlaps the one before: skipped
      replacement(4, 15, "X.md", "x.md"),  // the file does not hold this text: skipped
    ]
    let patch = try #require(FilePatch.make(path: "doc.md", bytes: raw, fixes: fixes))
    #expect(patch.patched == bom + Array("é [a](a.md)\r\nx\n\r\n[b](b.md) [c](C.md)".utf8))
    #expect(patch.changedLines == [1, 4])
    #expect((patch.fixed, patch.skipped) == (2, 2))
    #expect(FilePatch.make(path: "doc.md", bytes: raw, fixes: [fixes[3]]) == nil)
  }

  @Test func diffHunksHaveThreeLinesOfContextAndMergeWhenClose() throws {
    #expect(UnifiedDiff.hunks([2, 11], context: 3, lineCount: 12) == [1...5, 8...12])
    #expect(UnifiedDiff.hunks([2, 8], context: 3, lineCount: 12) == [1...11])
    let text = (1...4).map { "line \($0)\n" }.joined() + "A.md"
    let patch = try #require(
      FilePatch.make(path: "d.md", bytes: Array(text.utf8), fixes: [replacement(5, 1, "A.md", "a.md")]))
    let diff = String(decoding: UnifiedDiff.render([patch]), as: UTF8.self)
    #expect(
      diff == """
        --- a/d.md
        +++ b/d.md
        @@ -2,4 +2,4 @@
         line 2
         line 3
         line 4
        -A.md
        \\ No newline at end of file
        +a.md
        \\ No newline at end of file

        """)
  }

  // MARK: - the command line

  @Test func fixRewritesKeepsCRLFAndLeavesIgnoredFilesAlone() throws {
    let repository = try GitRepository([
      "README.md":
        "# Readme\r\n\r\nSee [the guide](./Docs/Guide.md) and [checks](docs/guide.md#validacion).\r\nRun `Scripts/deploy.sh` first.\r\n",
      "docs/guide.md": "# Guía\n\n## Validación\n",
      "scripts/deploy.sh": "#!/bin/sh\n",
      ".gitignore": "private/\n",
      "private/notes.md": "See [the guide](../Docs/Guide.md).\n",
    ])
    defer { repository.remove() }
    try repository.commit()
    let readme = repository.root + "/README.md"
    try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: readme)
    let ignored = try Data(contentsOf: URL(fileURLWithPath: repository.root + "/private/notes.md"))

    // The ignored file is named, so it is linted, and its finding remains.
    let fixed = try repository.lint(["--fix", ".", "private/notes.md"])
    #expect(fixed.stderr == "fixed 3 findings in 1 file (1 fixable finding left alone)\n")
    #expect(fixed.stdout.hasPrefix("private/notes.md:1:17: error: link target '../Docs/Guide.md'"))
    #expect(fixed.stdout.hasSuffix("1 error, 0 warnings, 0 infos in 3 files\n"))
    #expect(fixed.status == 1)

    #expect(
      try Data(contentsOf: URL(fileURLWithPath: readme))
        == Data(
          "# Readme\r\n\r\nSee [the guide](./docs/guide.md) and [checks](docs/guide.md#validación).\r\nRun `scripts/deploy.sh` first.\r\n"
            .utf8))
    #expect(try Data(contentsOf: URL(fileURLWithPath: repository.root + "/private/notes.md")) == ignored)
    let mode = try FileManager.default.attributesOfItem(atPath: readme)[.posixPermissions] as? Int
    #expect(mode == 0o640)
    // No temporary file is left beside it.
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: repository.root).sorted() == [
        ".git", ".gitignore", "README.md", "docs", "private", "scripts",
      ])

    let relinted = try repository.lint()
    #expect(relinted.status == 0)
    #expect(relinted.stdout == "0 errors, 0 warnings, 0 infos in 2 files\n")
    // Nothing left to fix: --fix exits on what remains, which is nothing.
    let again = try repository.lint(["--fix"])
    #expect((again.status, again.stderr) == (0, "fixed 0 findings in 0 files\n"))
  }

  @Test func dryRunPrintsTheDiffAndWritesNothing() throws {
    let notes =
      (1...12).map { line in
        switch line {
        case 2: "See [the guide](./Docs/Guide.md#setup)."
        case 11: "Back to [the top](#Install--Steps)."
        case 1: "# Notes"
        case 4: "## Install Steps"
        default: "Line \(line)."
        }
      }.joined(separator: "\n") + "\n"
    let repository = try GitRepository(["notes.md": notes, "docs/guide.md": "# Guide\n\n## Setup\n"])
    defer { repository.remove() }
    try repository.commit()
    let before = try repository.read("notes.md")

    let result = try repository.lint(["--fix", "--dry-run"])
    #expect(result.status == 0)
    #expect(result.stderr == "would fix 2 findings in 1 file\n")
    #expect(
      result.stdout == """
        --- a/notes.md
        +++ b/notes.md
        @@ -1,5 +1,5 @@
         # Notes
        -See [the guide](./Docs/Guide.md#setup).
        +See [the guide](./docs/guide.md#setup).
         Line 3.
         ## Install Steps
         Line 5.
        @@ -8,5 +8,5 @@
         Line 8.
         Line 9.
         Line 10.
        -Back to [the top](#Install--Steps).
        +Back to [the top](#install-steps).
         Line 12.

        """)
    #expect(try repository.read("notes.md") == before)
    #expect(try repository.git("status", "--porcelain").isEmpty)
    // The diff applies as it is.
    try repository.write("fix.patch", result.stdout)
    try repository.git("apply", "--check", "fix.patch")
  }

  /// git splits lines at "\n" only: diffs of CRLF, lone-CR and mixed files apply as printed
  /// and give what --fix writes.
  @Test("dry-run diffs apply with git apply, whatever the line breaks", arguments: ["\r", "\r\n", "\n"])
  func dryRunDiffsApplyWithAnyLineBreak(_ newline: String) throws {
    let lines = ["# Notas", "Ver [la guía](./Docs/Guide.md).", "Texto.", "Otra [vez](Docs/Guide.md)."]
    let text = lines.joined(separator: newline) + newline
    let repository = try GitRepository(["notes.md": text, "docs/guide.md": "# Guide\n"])
    defer { repository.remove() }
    try repository.git("config", "core.autocrlf", "false")
    try repository.commit("init")
    let dry = try repository.lint(["--fix", "--dry-run"])
    #expect(dry.stdout.contains("+++ b/notes.md"))
    try repository.write(".git/fix.patch", dry.stdout)
    try repository.git("apply", ".git/fix.patch")
    let applied = try Data(contentsOf: URL(fileURLWithPath: repository.root + "/notes.md"))
    try repository.git("checkout", "--", "notes.md")
    _ = try repository.lint(["--fix"])
    #expect(applied == (try Data(contentsOf: URL(fileURLWithPath: repository.root + "/notes.md"))))
    #expect(String(decoding: applied, as: UTF8.self).contains("./docs/guide.md"))
  }

  /// A file reached through a symbolic link inside the root is fixed once, through its own
  /// path; the link stays a link.
  @Test func aFileBehindASymlinkIsFixedOnce() throws {
    let repository = try TestRepository(["real.md": "Ver [la guía](Docs/Guide.md).\n", "docs/guide.md": "# Guide\n"])
    defer { repository.remove() }
    try FileManager.default.createSymbolicLink(atPath: repository.root + "/link.md", withDestinationPath: "real.md")
    let result = try CommandLineTests.run(["--no-cache", "--fix", "--root", repository.root, repository.root])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr == "fixed 1 finding in 1 file\n")
    #expect(try String(contentsOfFile: repository.root + "/real.md", encoding: .utf8) == "Ver [la guía](docs/guide.md).\n")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: repository.root + "/link.md") == "real.md")
  }

  /// A fixed file keeps its owner, group and mode; one the run could only take over is left alone.
  @Test(.enabled(if: geteuid() == 0, "needs root to hand the file to another user"))
  func fixesKeepOwnerAndModeOrLeaveTheFileAlone() throws {
    let repository = try TestRepository(["notes.md": "Ver [la guía](Docs/Guide.md).\n", "docs/guide.md": "# Guide\n"])
    defer { repository.remove() }
    let notes = repository.root + "/notes.md"
    #expect(chown(notes, 65534, 65534) == 0 && chmod(notes, 0o444) == 0)
    #expect(try CommandLineTests.run(["--no-cache", "--fix", "--root", repository.root, repository.root]).status == 0)
    var info = stat()
    stat(notes, &info)
    #expect((info.st_uid, info.st_gid, info.st_mode & 0o777) == (65534, 65534, 0o444))
    #expect(try String(contentsOfFile: notes, encoding: .utf8).contains("docs/guide.md"))
    // As nobody, in a folder nobody may write, a file root owns is not taken over.
    guard let runner = HardeningTests.unreadableRunner else { return }
    try Data("Ver [la guía](Docs/Guide.md).\n".utf8).write(to: URL(fileURLWithPath: notes))
    #expect(chown(notes, 0, 0) == 0 && chmod(notes, 0o644) == 0 && chmod(repository.root, 0o777) == 0)
    let command = runner + [CommandLineTests.binary, "--no-cache", "--fix", "--root", repository.root, repository.root]
    let result = try CommandLineTests.run(["-c", command.map { "'\($0)'" }.joined(separator: " ")], shell: true)
    #expect(result.stderr.hasPrefix("fixed 0 findings in 0 files (1 fixable finding left alone)"), "\(result.stderr)")
    stat(notes, &info)
    #expect((info.st_uid, info.st_gid) == (0, 0))
  }

  @Test func anAmbiguousAnchorIsNotFixed() throws {
    let document = "# Doc\n\n## A B\n\n## A  B\n\nSee [x](#A-B).\n"
    let repository = try GitRepository(["doc.md": document])
    defer { repository.remove() }
    let dry = try repository.lint(["--fix", "--dry-run"])
    #expect((dry.status, dry.stdout, dry.stderr) == (0, "", "would fix 0 findings in 0 files\n"))
    let fixed = try repository.lint(["--fix"])
    #expect(fixed.status == 1)
    #expect(fixed.stdout.contains("no heading or anchor '#A-B' in this document"))
    #expect(try repository.read("doc.md") == document)
  }

  @Test func dryRunWithoutFixIsAUsageError() throws {
    let result = try CommandLineTests.run(["--dry-run", "fixtures/demo"])
    #expect(result.status == 2)
    #expect(result.stderr == "docs-lint: error: --dry-run only goes with --fix\n")
  }
}
