import Testing

@testable import DocsLintConfig
@testable import DocsLintEngine
@testable import DocsLintGraph
@testable import DocsLintMarkdown
@testable import DocsLintModel
@testable import DocsLintReport
@testable import DocsLintRules
@testable import DocsLintScan

/// The directive reader: which comments count, and exact positions of the rule names.
struct SuppressionDirectiveTests {
  private func directives(_ text: String) -> [SuppressionDirective] { parse(text).suppressions }

  private func names(_ directive: SuppressionDirective) -> [String] {
    directive.rules.map { "\($0.span.line):\($0.span.column)-\($0.span.endColumn) \($0.id)" }
  }

  @Test func commaSeparatedNamesInAnHTMLBlock() {
    let found = directives("# T\n\n<!-- docs-lint-disable link/missing-file, ref/missing-path -->\n")
    #expect(found.count == 1)
    #expect(found[0].kind == .disable)
    #expect(found[0].span.line == 3 && found[0].span.column == 1)
    #expect(names(found[0]) == ["3:24-41 link/missing-file", "3:43-59 ref/missing-path"])
  }

  @Test func extraSpacesSpaceSeparatedAndAGluedTerminator() {
    let found = directives("<!--   docs-lint-disable-next-line   link/*  ref/missing-path-->\ntext\n")
    #expect(found.map(\.kind) == [.disableNextLine])
    #expect(names(found[0]) == ["1:38-44 link/*", "1:46-62 ref/missing-path"])
    #expect(found[0].endLine == 1)
  }

  @Test func noNamesMeansEveryRuleAndAReasonIsIgnored() {
    let found = directives("<!--docs-lint-enable-->\n\n<!-- docs-lint-disable-file link/missing-file -- legacy links -->\n")
    #expect(found.map(\.kind) == [.enable, .disableFile])
    #expect(found[0].rules.isEmpty)
    #expect(names(found[1]) == ["3:29-46 link/missing-file"])
  }

  @Test func inlineCommentAfterMultibyteText() {
    let found = directives("Día ñ <!-- docs-lint-disable-next-line link/missing-file --> and more\n[x](y.md)\n")
    #expect(found.count == 1)
    #expect(found[0].span.line == 1 && found[0].span.column == 7)
    #expect(names(found[0]) == ["1:40-57 link/missing-file"])
  }

  @Test func multiLineCommentEndsWhereItsTerminatorIs() {
    let found = directives("<!-- docs-lint-disable-next-line\n     link/missing-file\n-->\n[x](y.md)\n")
    #expect(found.count == 1)
    #expect(found[0].span.line == 1 && found[0].endLine == 3)
    #expect(names(found[0]) == ["2:6-23 link/missing-file"])
  }

  @Test func commentInsideABlockquoteAndAnHTMLBlock() {
    let found = directives("> <!-- docs-lint-disable ref/missing-path -->\n\n<div>\n  <!-- docs-lint-enable -->\n</div>\n")
    #expect(found.map(\.kind) == [.disable, .enable])
    #expect(names(found[0]) == ["1:26-42 ref/missing-path"])
    #expect(found[1].span.line == 4 && found[1].span.column == 3)
  }

  @Test func codeBlocksCodeSpansAndOtherCommentsDoNotCount() {
    let text = """
      ```md
      <!-- docs-lint-disable -->
      ```

          <!-- docs-lint-disable-file -->

      Write `<!-- docs-lint-disable link/* -->` to disable.

      <!-- a plain comment -->
      <!-- TODO docs-lint-disable -->
      <!-- unknown -->
      """
    #expect(directives(text).isEmpty)
  }

  /// A `docs-lint-` word that is no directive is kept, to be reported, with where it stands.
  @Test func misspeltDirectivesAreKeptAsUnknown() {
    let found = directives("x <!-- docs-lint-disable-line a/b -->\n<!-- docs-lint-disabled link/missing-file -->\n")
    #expect(found.map(\.kind) == [.disableLine, .unknown])
    #expect(found[1].rules.map(\.id) == ["docs-lint-disabled"])
    #expect(found[1].rules.first?.span.column == 6)
  }

  @Test func frontMatterListStringAndEmpty() {
    let list = directives("---\nid: X\ndocs-lint-disable: [link/missing-file, ref/*]\n---\n# T\n")
    #expect(list.map(\.kind) == [.disableFile])
    #expect(list[0].inFrontMatter && list[0].span.line == 3 && list[0].span.column == 1)
    #expect(names(list[0]) == ["3:21-38 link/missing-file", "3:40-45 ref/*"])

    let block = directives("---\ndocs-lint-disable:\n  - all\n---\n<!-- docs-lint-enable -->\n")
    #expect(block.map(\.kind) == [.disableFile, .enable])
    #expect(names(block[0]) == ["3:5-8 all"])

    let single = directives("---\ndocs-lint-disable: link/missing-file\n---\n")
    #expect(names(single[0]) == ["2:20-37 link/missing-file"])

    #expect(directives("---\ndocs-lint-disable: []\n---\n# T\n").isEmpty)
    #expect(directives("---\ndocs-lint-disable:\n---\n# T\n").isEmpty)
  }
}
