import Testing

@testable import DocsLintConfig
@testable import DocsLintEngine
@testable import DocsLintGraph
@testable import DocsLintMarkdown
@testable import DocsLintModel
@testable import DocsLintReport
@testable import DocsLintRules
@testable import DocsLintScan

/// Suppressions through the real pipeline: what they hide, and what they report.
struct SuppressionTests {
  /// Findings of `doc.md` as `line:column rule`, in report order.
  private func lint(
    _ markdown: String, path: String = "doc.md", files: [String: String] = ["scripts/run.sh": ""],
    levels: [String: Level?] = [:]
  ) throws -> [String] {
    var all = files
    all[path] = markdown
    let repository = try TestRepository(all)
    defer { repository.remove() }
    var configuration = Configuration.defaults()
    configuration.levels.merge(levels) { $1 }
    return repository.lint(configuration: configuration).filter { $0.path == path }
      .map { "\($0.span.line):\($0.span.column) \($0.ruleId)" }
  }

  @Test func disableEnableRange() throws {
    let found = try lint(
      """
      [a](gone-a.md)
      <!-- docs-lint-disable link/missing-file -->
      [b](gone-b.md) and `scripts/b.sh`
      <!-- docs-lint-enable link/missing-file -->
      [c](gone-c.md)
      """)
    #expect(found == ["1:5 link/missing-file", "3:21 ref/missing-path", "5:5 link/missing-file"])
  }

  @Test func enableWithoutNamesReenablesAllAndAnOpenDisableRunsToTheEnd() throws {
    let found = try lint(
      """
      <!-- docs-lint-disable link/missing-file, ref/missing-path -->
      [a](gone-a.md) `scripts/a.sh`
      <!-- docs-lint-enable -->
      [b](gone-b.md) `scripts/b.sh`
      <!-- docs-lint-disable ref/* -->
      `scripts/c.sh`

      `scripts/d.sh`
      """)
    #expect(found == ["4:5 link/missing-file", "4:17 ref/missing-path"])
  }

  @Test func nextLineOnlyCoversTheNextLine() throws {
    let found = try lint(
      """
      Text <!-- docs-lint-disable-next-line link/missing-file --> here
      [a](gone-a.md)
      [b](gone-b.md)
      """)
    #expect(found == ["3:5 link/missing-file"])
  }

  @Test func fileLevelCoversLinesBeforeIt() throws {
    let found = try lint("[a](gone-a.md) `scripts/a.sh`\n\n<!-- docs-lint-disable-file link/missing-file -->\n")
    #expect(found == ["1:17 ref/missing-path"])
  }

  @Test func frontMatterDisablesForTheFile() throws {
    #expect(try lint("---\ndocs-lint-disable: [link/missing-file]\n---\n[a](gone.md) `scripts/a.sh`\n") == ["4:15 ref/missing-path"])
    #expect(try lint("---\ndocs-lint-disable: ref/missing-path link/*\n---\n[a](gone.md) `scripts/a.sh`\n").isEmpty)
    #expect(try lint("---\ndocs-lint-disable: all\n---\n[a](gone.md) `scripts/a.sh`\n").isEmpty)
    // An empty key disables nothing.
    #expect(try lint("---\ndocs-lint-disable: []\n---\n[a](gone.md)\n") == ["4:5 link/missing-file"])
  }

  @Test func noRuleMeansAllRules() throws {
    let found = try lint("<!-- docs-lint-disable -->\n[a](gone-a.md) `scripts/a.sh` [b](#nowhere)\n<!-- docs-lint-enable -->\n[c](gone-c.md)\n")
    #expect(found == ["4:5 link/missing-file"])
  }

  @Test func documentRuleFindingsAreSuppressedToo() throws {
    let plan = "<!-- docs-lint-disable-next-line execplan/fenced-code -->\n```sh\nls\n```\n\n```sh\nls\n```\n"
    let found = try lint(plan, path: "docs/plans/EXECPLAN_x.md").filter { $0.hasSuffix("execplan/fenced-code") }
    #expect(found == ["6:1 execplan/fenced-code"])
  }

  @Test func unusedSuppressionsAreReported() throws {
    let found = try lint(
      """
      <!-- docs-lint-disable-next-line link/missing-file, ref/missing-path -->
      [a](gone-a.md)

      <!-- docs-lint-disable -->
      Nothing here.
      <!-- docs-lint-enable -->

      <!-- docs-lint-disable-next-line docs/orphan -->
      Orphans are off by default: not reported.
      """, levels: ["suppression/unused": .warning])
    #expect(found == ["1:1 suppression/unused", "4:1 suppression/unused"])
    let repository = try TestRepository(["doc.md": "<!-- docs-lint-disable-next-line link/missing-file, ref/* -->\nText.\n"])
    defer { repository.remove() }
    let findings = repository.lint()
    #expect(findings.map(\.message) == ["unused docs-lint-disable-next-line for 'link/missing-file', 'ref/*': nothing to suppress"])
    #expect(findings.map(\.level) == [.info])
  }

  @Test func unknownRuleIsAnErrorAtTheNameWithASuggestion() throws {
    let repository = try TestRepository(["doc.md": "Hi <!-- docs-lint-disable-next-line  ref/missing-path,link/mising-file -->\n[a](gone.md)\n"])
    defer { repository.remove() }
    let unknown = repository.lint().filter { $0.ruleId == "suppression/unknown-rule" }
    #expect(unknown.count == 1)
    #expect(unknown.first?.span.line == 1 && unknown.first?.span.column == 55)
    #expect(unknown.first?.level == .error)
    #expect(unknown.first?.message == "unknown rule 'link/mising-file' in docs-lint-disable-next-line; did you mean 'link/missing-file'?")
    #expect(try lint("<!-- docs-lint-disable nope/* -->\n") == ["1:24 suppression/unknown-rule"])
  }

  @Test func suppressionFindingsNeedAnotherDirective() throws {
    // A directive cannot hide its own finding...
    #expect(try lint("<!-- docs-lint-disable -->\nText.\n") == ["1:1 suppression/unused"])
    #expect(try lint("<!-- docs-lint-disable-file suppression/* -->\nText.\n") == ["1:1 suppression/unused"])
    // ...another one can, and is then used itself.
    let found = try lint(
      "<!-- docs-lint-disable-file suppression/unused, suppression/unknown-rule -->\n<!-- docs-lint-disable link/missing-file no/such -->\nText.\n")
    #expect(found.isEmpty)
  }

  @Test func suppressionRulesFollowConfiguredLevels() throws {
    // An unknown name and a known one that suppresses nothing: each rule can be off alone.
    let text = "<!-- docs-lint-disable no/such link/missing-file -->\nText.\n"
    #expect(try lint(text, levels: ["suppression/unknown-rule": nil, "suppression/unused": nil]).isEmpty)
    #expect(try lint(text, levels: ["suppression/unknown-rule": nil]) == ["1:1 suppression/unused"])
    #expect(try lint(text, levels: ["suppression/unused": nil]) == ["1:24 suppression/unknown-rule"])
    #expect(try lint("<!-- docs-lint-disable -->\n", levels: ["suppression/unused": nil]).isEmpty)
  }

  @Test func commandLineExitStatusFollowsSuppressions() throws {
    let repository = try GitRepository([
      "docs/a.md": "<!-- docs-lint-disable-file link/missing-file -->\n[a](gone.md)\n",
      ".gitignore": "",
    ])
    defer { repository.remove() }
    try repository.commit()
    #expect(try repository.lint().status == 0)
    try repository.write("docs/a.md", "<!-- docs-lint-disable-file link/missing-fiel -->\n[a](gone.md)\n")
    let run = try repository.lint()
    #expect(run.status == 1)
    #expect(run.stdout.contains("docs/a.md:1:29: error: unknown rule 'link/missing-fiel'"))
    #expect(run.stdout.contains("docs/a.md:2:5: error: link target 'gone.md' does not exist"))
  }
}
