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

/// Impact mode against IaC and configuration: what a change caused is reported with its
/// cause, and what it did not cause stays out (findings from the review of the first cut).
struct ImpactModeTests {
  @Test func aMakeTargetFindingBelongsToItsOwnMakefile() throws {
    let repository = try GitRepository([
      "Makefile": "build:\n\techo b\ndeploy:\n\techo d\n",
      "infra/Makefile": "plan:\n\techo p\ndeploy:\n\techo x\n",
      "docs/run.md": "# Run\n\n```bash\nmake -C infra deploy\n```\n",
    ])
    defer { repository.remove() }
    try repository.commit("init")
    // Another Makefile that also has `deploy` changes: nothing is caused.
    try repository.write("Makefile", "build:\n\techo b2\ndeploy:\n\techo d2\n")
    #expect(try repository.lint(["--changed-since", "HEAD", "--no-cache"]).status == 0)
    // The Makefile the command runs loses the target: that is caused.
    try repository.write("infra/Makefile", "plan:\n\techo p\n")
    let result = try repository.lint(["--changed-since", "HEAD", "--no-cache"])
    #expect(
      result.stdout.hasPrefix(
        "docs/run.md:4:15: warning: 'infra/Makefile' has no target 'deploy' (caused by the change to 'infra/Makefile')"))
  }

  /// A page that says a path is not there yet excuses it on every page, also when impact
  /// mode reads that page back from the cache as a summary.
  @Test func aPlannedPathStaysExcusedWhenItsPageIsASummary() throws {
    let repository = try GitRepository([
      "skills/README.md": "# Skills\n\n### Stack Skills (`skills/stacks/`) - Tier 2\n\nPatterns.\n\n**Currently empty** - added later.\n",
      "skills/REGISTRY.md": "# Registry\n\nUse skills from `skills/stacks/`.\n",
    ])
    defer { repository.remove() }
    try repository.commit("init")
    // Outside the work tree: the cache's own files would change the file list it is keyed by.
    let cache = NSTemporaryDirectory() + "docs-lint-planned-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: cache) }
    #expect(try repository.lint(["--cache-dir", cache]).stdout == "0 errors, 0 warnings, 0 infos in 2 files\n")
    try repository.write("skills/REGISTRY.md", "# Registry\n\nUse skills from `skills/stacks/` here.\n")
    let result = try repository.lint(["--changed-since", "HEAD", "--cache-dir", cache])
    #expect(result.stdout.hasPrefix("0 errors, 0 warnings"), "\(result.stdout)")
  }

  @Test func editingAnExcludedIaCFileCausesNothing() throws {
    let repository = try GitRepository([
      "infra/main.tf": "variable \"region\" {}\n",
      "legacy/main.tf": "variable \"old_size\" {}\n",
      "docs/d.md": "# D\n\nUse `var.old_size`.\n",
      ".docs-lint.yml": "exclude: [\"legacy/**\"]\n",
    ])
    defer { repository.remove() }
    try repository.commit("init")
    try repository.write("legacy/main.tf", "variable \"old_size\" {}\n// touched\n")
    let result = try repository.lint(["--changed-since", "HEAD", "--no-cache"])
    #expect(result.stdout == "0 errors, 0 warnings, 0 infos in 2 files\n")
  }

  @Test func aRenamedVariableDriftsTheTableOfAnUntouchedDocument() throws {
    let repository = try GitRepository([
      "infra/net/main.tf": "variable \"cidr\" {}\nvariable \"name\" {}\n",
      "docs/red.md": "# Red\n\nMódulo [red](../infra/net/main.tf).\n\n| Variable | Uso |\n|---|---|\n| cidr | rango |\n| name | nombre |\n",
    ])
    defer { repository.remove() }
    try repository.commit("init")
    try repository.write("infra/net/main.tf", "variable \"cidr_block\" {}\nvariable \"name\" {}\n")
    let result = try repository.lint(["--changed-since", "HEAD", "--no-cache"])
    #expect(
      result.stdout == """
        docs/red.md:5:3: warning: variable 'cidr_block' of module 'infra/net' is missing from this table (caused by \
        the change to 'infra/net/main.tf') [iac/variable-drift]
        docs/red.md:7:3: error: module 'infra/net' declares no variable 'cidr' (caused by the change to \
        'infra/net/main.tf') [iac/variable-drift]
        1 error, 1 warning, 0 infos in 2 files

        """)
  }

  @Test func deletingTheOnlyRunbookOfAStackLeavesItUndocumented() throws {
    let repository = try GitRepository([
      ".github/workflows/ci.yml": "name: ci\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n",
      "docs/runbooks/ci.md": "# Runbook CI\n\nEl flujo [ci](../../.github/workflows/ci.yml) corre las pruebas.\n",
      "docs/runbooks/other.md": "# Runbook otro\n\nNada.\n",
    ])
    defer { repository.remove() }
    try repository.commit("init")
    #expect(try repository.lint(["--no-cache"]).stdout.hasPrefix("0 errors"))
    try repository.git("rm", "-q", "docs/runbooks/ci.md")
    let result = try repository.lint(["--changed-since", "HEAD", "--no-cache"])
    #expect(result.stdout.contains("(caused by the change to 'docs/runbooks/ci.md') [iac/undocumented-stack]"))
  }

  @Test func aWarmCacheSeesIgnoredTargetsComeAndGo() throws {
    let repository = try GitRepository([
      "a.md": "# A\n\n[report](out/report.html)\n", ".gitignore": "out/\n", "out/report.html": "x",
    ])
    defer { repository.remove() }
    try repository.commit("init")
    let cache = FileManager.default.temporaryDirectory.appendingPathComponent("docs-lint-cache-\(UUID())").path
    defer { try? FileManager.default.removeItem(atPath: cache) }
    #expect(try repository.lint(["--cache-dir", cache]).status == 0)
    try repository.delete("out/report.html")
    let gone = try repository.lint(["--cache-dir", cache])
    #expect(gone.status == 1)
    #expect(gone.stdout == (try repository.lint(["--no-cache"])).stdout)
    try repository.write("out/report.html", "y")
    #expect(try repository.lint(["--cache-dir", cache]).status == 0)
  }

  @Test func misuseAndMissingHistoryAreUsageErrors() throws {
    let repository = try GitRepository(["a.md": "# A\n"])
    defer { repository.remove() }
    let empty = try repository.lint(["--changed-since", "HEAD", "--no-cache"])
    #expect(empty.status == 2)
    #expect(empty.stderr.contains("the repository has no commits yet"))
    try repository.commit("init")
    let partial = try repository.lint(["--changed-since", "HEAD", "--write-baseline", "b.json"])
    #expect(partial.status == 2)
    #expect(partial.stderr.contains("--write-baseline does not go with --changed-since"))
  }

  @Test func entriesOfDeletedFilesCountAsPaidOff() throws {
    let repository = try GitRepository(["a.md": "[x](m.md)\n", "b.md": "[y](n.md)\n"])
    defer { repository.remove() }
    #expect(try repository.lint(["--write-baseline", "b.json", "--no-cache"]).status == 0)
    try repository.delete("a.md")
    let result = try repository.lint(["--baseline", "b.json", "--no-cache"])
    #expect(result.stdout.hasSuffix("(1 in the baseline; 1 baseline entry no longer found)\n"))
    // Linting one file judges only that file's entries.
    try repository.write("a.md", "[x](m.md)\n")
    let one = try repository.lint(["b.md", "--baseline", "b.json", "--no-cache"])
    #expect(one.stdout.hasSuffix("(1 in the baseline; 0 baseline entries no longer found)\n"))
  }

  @Test func aFailureTheReportDoesNotShowIsExplained() throws {
    let repository = try GitRepository(["a.md": "# A\n\nEjecutar `scripts/gone.sh`.\n", "scripts/ok.sh": ""])
    defer { repository.remove() }
    let result = try repository.lint(["--fail-on", "warning", "--min-level", "error", "--no-cache"])
    #expect(result.status == 1)
    #expect(result.stderr == "docs-lint: failed: 1 finding at level warning or above\n")
  }
}
