import Testing

@testable import DocsLintMarkdown
@testable import DocsLintModel

/// CommonMark 0.30's rules for link destinations, reference definitions, entities and
/// backslash escapes (spec sections 2.4, 2.5, 4.7 and 6.3), as our own cases: the
/// destinations docs-lint reads from each input, with the line and column each starts at.
struct LinkSyntaxTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var markdown: String
    /// Every destination read, in order: decoded text, line, scalar column.
    var expected: [(String, Int, Int)]
    var testDescription: String { markdown.replacingOccurrences(of: "\n", with: "⏎") }
  }

  static let definitions: [Case] = [
    Case(markdown: "[foo]: /url \"title\"\n\n[foo]\n", expected: [("/url", 1, 8)]),
    Case(markdown: "   [foo]: \n      /url  \n           'the title'  \n\n[foo]\n", expected: [("/url", 2, 7)]),
    Case(markdown: "[Foo*bar\\]]:my_(url) 'title (with parens)'\n\n[Foo*bar\\]]\n", expected: [("my_(url)", 1, 13)]),
    Case(markdown: "[Foo bar]:\n<my url>\n'title'\n\n[Foo bar]\n", expected: [("my url", 2, 2)]),
    // A title cannot hold a blank line; then nothing is a definition.
    Case(markdown: "[foo]: /url 'title\n\nwith blank line'\n\n[foo]\n", expected: []),
    Case(markdown: "[foo]:\n/url\n\n[foo]\n", expected: [("/url", 2, 1)]),
    Case(markdown: "[foo]:\n\n[foo]\n", expected: []),
    Case(markdown: "[foo]: <bar>(baz)\n\n[foo]\n", expected: []),
    Case(markdown: "[foo]: /url\\bar\\*baz \"foo\\\"bar\\baz\"\n\n[foo]\n", expected: [("/url\\bar*baz", 1, 8)]),
    Case(markdown: "[foo]: /url \"title\" ok\n", expected: []),
    // A title on the next line that is not one leaves the definition without a title.
    Case(markdown: "[foo]: /url\n\"title\" ok\n", expected: [("/url", 1, 8)]),
    Case(markdown: "    [foo]: /url \"title\"\n\n[foo]\n", expected: []),
    Case(markdown: "```\n[foo]: /url\n```\n\n[foo]\n", expected: []),
    // A definition cannot interrupt a paragraph.
    Case(markdown: "Foo\n[bar]: /baz\n\n[bar]\n", expected: []),
    Case(markdown: "# [Foo]\n[foo]: /url\n> bar\n", expected: [("/url", 2, 8)]),
    Case(
      markdown: "[foo]: /foo-url \"foo\"\n[bar]: /bar-url\n  \"bar\"\n[baz]: /baz-url\n\n[foo], [bar], [baz]\n",
      expected: [("/foo-url", 1, 8), ("/bar-url", 2, 8), ("/baz-url", 4, 8)]),
    Case(markdown: "[foo]: /url 'title\nline1\nline2'\n\n[foo]\n", expected: [("/url", 1, 8)]),
    Case(markdown: "[\nfoo\n]: /url\nbar\n", expected: [("/url", 3, 4)]),
    Case(markdown: "[foo]: /f&ouml;&ouml; \"f&ouml;&ouml;\"\n\n[foo]\n", expected: [("/föö", 1, 8)]),
    Case(markdown: "[rd]: a&#95;b.md\n[x]: &MadeUp;.md\n", expected: [("a_b.md", 1, 7), ("&MadeUp;.md", 2, 6)]),
    Case(markdown: "[foo]: /bar\\* \"ti\\*tle\"\n\n[foo]\n", expected: [("/bar*", 1, 8)]),
    Case(markdown: "[^1]: a footnote, not a definition\n", expected: []),
  ]

  static let inline: [Case] = [
    Case(markdown: "[link](/uri \"title\")\n", expected: [("/uri", 1, 8)]),
    Case(markdown: "[link](<>)\n", expected: []),
    Case(markdown: "[link](/my uri)\n", expected: []),
    Case(markdown: "[link](<foo\nbar>)\n", expected: []),
    Case(markdown: "[a](<b)c>)\n", expected: [("b)c", 1, 6)]),
    Case(markdown: "[link](\\(foo\\))\n", expected: [("(foo)", 1, 8)]),
    Case(markdown: "[link](foo(and(bar)))\n", expected: [("foo(and(bar))", 1, 8)]),
    Case(markdown: "[link](foo\\)\\:)\n", expected: [("foo):", 1, 8)]),
    Case(markdown: "[link](foo\\bar)\n", expected: [("foo\\bar", 1, 8)]),
    Case(markdown: "[link](foo%20b&auml;)\n", expected: [("foo%20bä", 1, 8)]),
    Case(markdown: "[é](<missing x\\_.md>) [n](missing&#95;n.md)\n", expected: [("missing x_.md", 1, 6), ("missing_n.md", 1, 27)]),
    Case(markdown: "[foo](/f&ouml;&ouml; \"f&ouml;&ouml;\")\n", expected: [("/föö", 1, 7)]),
    Case(markdown: "[foo](/bar\\* \"ti\\*tle\")\n", expected: [("/bar*", 1, 7)]),
    Case(markdown: "`[x](a.md)` \\[y](b.md)\n", expected: []),
    Case(markdown: "![alt [inner](in.md)](img.png)\n", expected: [("img.png", 1, 23)]),
    Case(markdown: "<a href=\"&#x66;&#111;o.md\">f</a> <img src=\"a&amp;b\\c.png\">\n", expected: [("foo.md", 1, 10), ("a&b\\c.png", 1, 44)]),
  ]

  @Test(arguments: definitions + inline)
  func destinations(_ example: Case) {
    let document = MarkdownParser.parse(SourceText(bytes: Array(example.markdown.utf8)))
    let read = document.links.map { ($0.destination, $0.span.line, $0.span.column) }
    #expect(read.map(\.0) == example.expected.map(\.0))
    #expect(read.map { [$0.1, $0.2] } == example.expected.map { [$0.1, $0.2] })
  }
}
