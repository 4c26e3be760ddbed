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

/// Cases found by reviewing the linter against real and adversarial input.
struct RegressionTests {
  private func lint(_ markdown: String, files: [String: String] = [:]) throws -> [String] {
    var all = files
    all["doc.md"] = markdown
    let repository = try TestRepository(all)
    defer { repository.remove() }
    return repository.lint(["doc.md"]).map { "\($0.span.line):\($0.span.column) \($0.ruleId)" }
  }

  @Test func loneCarriageReturnsEndLinesLikeCmark() throws {
    let found1 = try lint("Para one \r\n\nText\rmore [a](m1.md)\n\n`scripts/x.sh`\n", files: ["scripts/y.sh": ""])
    #expect(found1
      == ["4:10 link/missing-file", "6:2 ref/missing-path"])
    let found2 = try lint("\r\r\r[a](m.md)\r")
    #expect(found2 == ["4:5 link/missing-file"])
  }

  @Test func referenceDefinitionsFollowCommonMark() throws {
    let text = """
      [Note]: this is important, do not skip.

      [x]: <foo bar> baz

      [n]: gone-n.md "title"

      > [q]: gone-q.md

      - [l]: gone-l.md
      """
    let found3 = try lint(text)
    #expect(found3 == ["5:6 link/missing-file", "7:8 link/missing-file", "9:8 link/missing-file"])
  }

  @Test func codeSpanIsFoundInsideItsBackticks() throws {
    let found4 = try lint("Text scripts/m.sh then `scripts/m.sh`.\n", files: ["scripts/a.sh": ""])
    #expect(found4 == ["1:25 ref/missing-path"])
  }

  @Test func multiLineCodeSpanCommandsAreSkipped() throws {
    let found5 = try lint("Run `cat\ndocs/g7.md` here.\n", files: ["docs/a.md": ""])
    #expect(found5.isEmpty)
  }

  @Test func optionValuesThatAreNotPaths() throws {
    let text = """
      `docker logs -f web` and `kubectl exec -i mypod -- sh`

      ```console
      $ ls docs
      docs/generated/ other
      docs/out/missing.md: No such file
      ```

      ```bash
      pytest -k "docs/x" tests
      docker compose -f compose.yml up
      ```
      """
    let found6 = try lint(text, files: ["docs/a.md": "", "tests/t.py": ""])
    #expect(found6 == ["11:19 ref/missing-path"])
  }

  @Test func sourceViewLineAnchorsIntoMarkdown() throws {
    let found7 = try lint("[src](other.md?plain=1#L1-L3) [bad](other.md#L1)\n", files: ["other.md": "# Other\n"])
    #expect(found7
      == ["1:37 link/missing-anchor"])
  }

  @Test func invalidByteAtLineStart() throws {
    let repository = try TestRepository(files: ["doc.md": Array("# ok\n\n".utf8) + [0xFF]])
    defer { repository.remove() }
    #expect(repository.lint().map { "\($0.span.line):\($0.span.column)" } == ["3:1"])
  }

  @Test func hypotheticalWordsOnlyNearThePath() throws {
    let text = """
      You should run `scripts/deploy.sh` before merging.

      Config is read from `docs/config.yml` or the environment.

      Create `scripts/new.sh` later. Use `scripts/a.sh` or `scripts/b.sh`.
      """
    let found8 = try lint(text, files: ["scripts/x.sh": "", "docs/x.md": ""])
    #expect(found8 == ["1:17 ref/missing-path", "3:22 ref/missing-path"])
  }

  @Test func spanishHypotheticalWords() throws {
    let text = "¿Listo? «Cree» `scripts/nuevo.sh` — y después `scripts/viejo.sh` está obsoleto.\n\nVer `scripts/falta.sh`.\n"
    let found = try lint(text, files: ["scripts/x.sh": ""])
    #expect(found == ["3:6 ref/missing-path"])
  }

  @Test func thematicBreakIsNotFrontMatter() throws {
    let found9 = try lint("---\nSome prose with [broken](gone1.md).\n\nSection\n---\n")
    #expect(found9 == ["2:26 link/missing-file"])
  }

  /// Values of options like `--changed-since` are revisions and levels, not operands.
  @Test func valueOptionsAreNotPaths() throws {
    let found = try lint(
      "Run `docs-lint --changed-since origin/main --format github docs/` and `docs-lint --output out/r.json gone/`.\n",
      files: ["docs/a.md": ""])
    #expect(found == ["1:102 ref/missing-path"])
  }

  @Test func tabPaddedCodeSpan() throws {
    let found10 = try lint("a `` \tscripts/b1.sh `` b\n", files: ["scripts/x.sh": ""])
    #expect(found10 == ["1:7 ref/missing-path"])
  }
}

/// Inside a git work tree: git's view of the files, and ignored outputs.
struct GitWorkTreeTests {
  @Test func ignoredOutputsAndGitView() throws {
    let repository = try GitRepository([
      ".gitignore": "build/\n",
      "doc.md": "[r](build/none.txt) `build/out/report.html` [ok](src/a.rs)\n",
      "src/a.rs": "",
      "build/cache.md": "[x](nope.md)\n",
    ])
    defer { repository.remove() }
    let run = try LintRun.execute(paths: [repository.root], root: nil, configFile: nil)
    // The ignored Markdown file is not linted; a link into an ignored folder is still a 404,
    // a backtick path there is a build output.
    #expect(run.findings.map { "\($0.path) \($0.ruleId)" } == ["doc.md link/missing-file"])
  }
}
