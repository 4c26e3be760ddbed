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

/// The pull-request workflow on small git repositories built on the fly: impact mode,
/// baselines, output gating and GitHub annotations, through the real binary.
struct PullRequestTests {
  static let guide = "# Guía\n\n## Instalación\n\ntexto\n"
  static let index = "# Índice\n\nVer [instalar](guide.md#instalación) y [old](old.md) y [roto](missing.md).\n"

  @Test func renamedHeadingBreaksAnAnchorInAnUntouchedFile() throws {
    let repository = try GitRepository(["guide.md": Self.guide, "index.md": Self.index, "old.md": "# Old\n"])
    defer { repository.remove() }
    try repository.commit("init")
    try repository.write("guide.md", Self.guide.replacingOccurrences(of: "Instalación", with: "Puesta en marcha"))
    try repository.delete("old.md")
    try repository.commit("rename a heading, delete a file")
    let result = try repository.lint(["--changed-since", "HEAD~1"])
    #expect(result.status == 1)
    #expect(
      result.stdout == """
        index.md:3:16: error: no heading or anchor '#instalación' in 'guide.md' (caused by the change to \
        'guide.md') [link/missing-anchor]
        index.md:3:46: error: link target 'old.md' does not exist (caused by the change to 'old.md') \
        [link/missing-file]
        2 errors, 0 warnings, 0 infos in 2 files

        """)
    // The old broken link to missing.md is not this change's doing; a full run still reports it.
    let full = try repository.lint()
    #expect(full.stdout.contains("'missing.md' does not exist"))
  }

  @Test func impactModeCoversUncommittedChangesAndFindingsInChangedFiles() throws {
    let repository = try GitRepository(["guide.md": Self.guide, "index.md": Self.index, "old.md": "# Old\n"])
    defer { repository.remove() }
    try repository.commit("init")
    let clean = try repository.lint(["--changed-since", "HEAD"])
    #expect(clean.status == 0)
    #expect(clean.stdout == "0 errors, 0 warnings, 0 infos in 3 files\n")
    // An untracked file with its own broken link, and an unstaged edit of an existing one.
    try repository.write("new.md", "# New\n\n[x](nowhere.md)\n")
    try repository.write("guide.md", Self.guide + "\n[y](gone.md)\n")
    let result = try repository.lint(["--changed-since", "HEAD", "--format", "json"])
    let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let findings = try #require(json["findings"] as? [[String: Any]])
    #expect(findings.map { $0["path"] as? String } == ["guide.md", "new.md"])
    #expect(findings.allSatisfy { $0["causedBy"] == nil })
  }

  @Test func removedIdIsAttributedToTheFileThatDeclaredIt() throws {
    let repository = try GitRepository([
      "a.md": "---\nid: A\nrelacionados: [SPEC-1]\n---\n# A\n",
      "spec.md": "---\nid: SPEC-1\n---\n# Spec\n",
    ])
    defer { repository.remove() }
    try repository.commit("init")
    try repository.write("spec.md", "---\nid: SPEC-2\n---\n# Spec\n")
    let result = try repository.lint(["--changed-since", "HEAD"])
    #expect(result.stdout.contains("a.md:3:16: warning: 'relacionados' names id 'SPEC-1'"))
    #expect(result.stdout.contains("(caused by the change to 'spec.md') [meta/unknown-reference]"))
  }

  @Test func deletingAFileNamedAsAPathInFrontMatterIsAttributedToIt() throws {
    let repository = try GitRepository([
      "plans/a.md": "---\nid: A\nrelacionados: [docs/spec.md, ../b.md]\n---\n# A\n",
      "docs/spec.md": "# Spec\n",
      "b.md": "# B\n",
    ])
    defer { repository.remove() }
    try repository.commit("init")
    let clean = try repository.lint(["--no-cache"])
    #expect(clean.stdout.hasSuffix("0 errors, 0 warnings, 0 infos in 3 files\n"))
    try repository.delete("docs/spec.md")
    let result = try repository.lint(["--changed-since", "HEAD"])
    #expect(
      result.stdout.contains(
        "plans/a.md:3:16: warning: 'relacionados' names 'docs/spec.md', which is neither a declared id nor a path"))
    #expect(result.stdout.contains("(caused by the change to 'docs/spec.md') [meta/unknown-reference]"))
  }

  @Test func unknownRevisionIsAUsageError() throws {
    let repository = try GitRepository(["a.md": "# A\n"])
    defer { repository.remove() }
    try repository.commit("init")
    let result = try repository.lint(["--changed-since", "no-such-branch"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("unknown revision 'no-such-branch'"))
  }

  @Test func baselineSurvivesLinesInsertedAbove() throws {
    let index = "# Índice\n\nVer [instalar](guide.md#instalación).\n\nY [old](old.md).\n\nY [roto](missing.md).\n"
    let repository = try GitRepository(["index.md": index, "guide.md": "# Guía\n"])
    defer { repository.remove() }
    let written = try repository.lint(["--write-baseline", "baseline.json"])
    #expect(written.status == 0)
    #expect(written.stderr.contains("wrote 3 findings to baseline 'baseline.json'"))
    let baseline = try repository.read("baseline.json")
    #expect(baseline.contains("\"line\" : \"Y [old](old.md).\""))
    #expect(baseline.hasSuffix("\"version\" : 1\n}\n"))

    try repository.write("index.md", "Una línea nueva.\n\nOtra   más.\n\n" + index)
    let shifted = try repository.lint(["--baseline", "baseline.json"])
    #expect(shifted.status == 0)
    #expect(shifted.stdout == "0 errors, 0 warnings, 0 infos in 2 files (3 in the baseline; 0 baseline entries no longer found)\n")

    // A new finding is reported; so is a repeat of a recorded line beyond its count.
    try repository.write("index.md", index + "\n[x](otro.md)\n\n  Y   [old](old.md).\n")
    let grown = try repository.lint(["--baseline", "baseline.json"])
    #expect(grown.status == 1)
    #expect(grown.stdout.hasPrefix("index.md:9:5: error: link target 'otro.md' does not exist [link/missing-file]\n"))
    #expect(grown.stdout.contains("index.md:11:13: error: link target 'old.md' does not exist"))
    #expect(grown.stdout.hasSuffix("2 errors, 0 warnings, 0 infos in 2 files (3 in the baseline; 0 baseline entries no longer found)\n"))

    // Fixing a recorded finding shows as a stale entry: debt paid off.
    try repository.write("index.md", index.replacingOccurrences(of: "Y [roto](missing.md).\n", with: ""))
    let paid = try repository.lint(["--baseline", "baseline.json"])
    #expect(paid.stdout == "0 errors, 0 warnings, 0 infos in 2 files (2 in the baseline; 1 baseline entry no longer found)\n")
  }

  @Test func malformedBaselineIsAUsageError() throws {
    let repository = try GitRepository(["a.md": "# A\n", "b.json": "{not json"])
    defer { repository.remove() }
    let result = try repository.lint(["--baseline", "b.json"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("'b.json' is not a docs-lint baseline"))
  }

  @Test func levelsGateAndFilterTheReport() throws {
    // One warning (a missing backtick path) and no errors.
    let repository = try GitRepository(["a.md": "# A\n\nEjecutar `scripts/gone.sh`.\n", "scripts/ok.sh": ""])
    defer { repository.remove() }
    #expect(try repository.lint().status == 0)
    #expect(try repository.lint(["--fail-on", "warning"]).status == 1)
    let capped = try repository.lint(["--max-warnings", "0"])
    #expect(capped.status == 1)
    #expect(capped.stderr.contains("1 warnings exceed --max-warnings 0"))
    #expect(try repository.lint(["--max-warnings", "1"]).status == 0)
    let quiet = try repository.lint(["--min-level", "error"])
    #expect(quiet.stdout == "0 errors, 0 warnings, 0 infos in 1 file (1 below --min-level not shown)\n")
    #expect(try repository.lint(["--fail-on", "info"]).status == 2)
    #expect(try repository.lint(["--min-level", "loud"]).status == 2)
  }

  @Test func githubFormatAnnotatesMostSevereFirstAndCountsTheRest() throws {
    var files = ["a.md": "# A\n\nVer `scripts/gone.sh`, con coma: sí.\n", "scripts/ok.sh": ""]
    for index in 0..<12 { files["e\(index).md"] = "# E\n\n[x](missing\(index).md)\n" }
    let repository = try GitRepository(files)
    defer { repository.remove() }
    let result = try repository.lint(["--format", "github"])
    #expect(result.status == 1)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "::error file=e0.md,line=3,endLine=3,col=5,endColumn=16,title=link/missing-file::link target 'missing0.md' does not exist")
    #expect(lines.filter { $0.hasPrefix("::error ") }.count == 10)
    #expect(lines[10].hasPrefix("::warning file=a.md,line=3,"))
    #expect(lines[11...12] == ["e8.md:3:5: error: link target 'missing8.md' does not exist [link/missing-file]", "e9.md:3:5: error: link target 'missing9.md' does not exist [link/missing-file]"])
    #expect(lines.last == "docs-lint: 12 errors, 1 warning, 0 infos in 13 files; 2 not annotated (GitHub shows 10 per level per step)")
  }

  @Test func workflowCommandEscaping() {
    // A line break from a file is a visible escape first: no raw break reaches the runner.
    #expect(GitHubReporter.data("50% done\nnext\r") == "50%25 done\\nnext\\r")
    #expect(GitHubReporter.property("a:b,c") == "a%3Ab%2Cc")
  }
}

/// The progress line: redrawn in place while files are parsed, cleared at the end, and
/// nothing at all when the run ends before it was ever drawn.
struct ProgressMeterTests {
  final class Lines: @unchecked Sendable {
    var text = ""
  }

  @Test func drawsCountsAndClearsTheLine() {
    let lines = Lines()
    let meter = ProgressMeter { lines.text += $0 }
    meter.expect(3)
    meter.advance()
    meter.draw()
    meter.advance()
    meter.draw()
    meter.finish()
    #expect(!meter.draw())
    #expect(lines.text == "\rdocs-lint: parsed 1/3 files\rdocs-lint: parsed 2/3 files\r\u{1B}[K")
  }

  @Test func aShortRunPrintsNothing() {
    let lines = Lines()
    let meter = ProgressMeter { lines.text += $0 }
    meter.expect(2)
    meter.advance()
    meter.finish()
    #expect(lines.text.isEmpty)
  }
}
