import Testing

@testable import DocsLintConfig
@testable import DocsLintEngine
@testable import DocsLintGraph
@testable import DocsLintMarkdown
@testable import DocsLintModel
@testable import DocsLintReport
@testable import DocsLintRules
@testable import DocsLintScan

/// Vectors from github.com's own rendering (as recorded by github-slugger's
/// fixtures) and from the issue.
struct SluggerTests {
  /// The Latin-1 fast path slugs as the Unicode tables do, scalar by scalar and in words.
  @Test func latinSlugsAnswerAsUnicodeDoes() {
    let latin = (0x80...0xFF).map { String(UnicodeScalar(UInt8($0))) }
    for text in latin + latin.map({ "Año \($0)Ñandú-ß \($0)" }) + ["Decisión Técnica", "ÀÉÎÕÜ àéîõü ÿ"] {
      #expect(GitHubSlugger.slug(text) == GitHubSlugger.unicodeSlug(text), "\(text)")
    }
  }

  @Test(
    "single heading slugs",
    arguments: [
      ("Hello World", "hello-world"),
      ("Hello, World!", "hello-world"),
      ("What's new?", "whats-new"),
      ("C++ & C#", "c--c"),
      ("Makefile - comandos", "makefile---comandos"),
      ("Validación", "validación"),
      ("7. Plan de Testing", "7-plan-de-testing"),
      ("1.2 Alcance", "12-alcance"),
      ("Decisión / Decision", "decisión--decision"),
      ("heading with an _ underscore", "heading-with-an-_-underscore"),
      ("Привет non-latin 你好", "привет-non-latin-你好"),
      ("你好，世界", "你好世界"),
      ("en–dash", "endash"),
      ("I ♥ unicode", "i--unicode"),
      ("😄 unicode emoji", "-unicode-emoji"),
      ("😄_😄 unicode emoji", "_-unicode-emoji"),
      ("👍🏽 thumbs", "-thumbs"),
      ("x² + y²", "x--y"),
      ("a\tb", "ab"),
      ("a\u{00A0}b", "ab"),
      ("İstanbul", "i\u{0307}stanbul"),
      ("ǅ title", "ǆ-title"),
      ("١٢٣ digits", "١٢٣-digits"),
      (":smile: - a gemoji", "smile---a-gemoji"),
      ("Ünïcödé — em dash", "ünïcödé--em-dash"),
      ("© 2024 Acme™", "-2024-acme"),
    ])
  func slug(_ text: String, _ expected: String) {
    #expect(GitHubSlugger.slug(text).unicodeScalars.elementsEqual(expected.unicodeScalars))
  }

  @Test func variationSelectorSurvives() {
    // "⚙️ Settings": the gear is dropped, its U+FE0F (a mark) is kept, as on github.com.
    #expect(Array(GitHubSlugger.slug("\u{2699}\u{FE0F} Settings").unicodeScalars) == Array("\u{FE0F}-settings".unicodeScalars))
  }

  @Test func duplicatesFollowGitHub() {
    var slugger = GitHubSlugger()
    let slugs = ["echo", "echo", "echo 1", "echo-1", "echo"].map { slugger.next($0) }
    #expect(slugs == ["echo", "echo-1", "echo-1-1", "echo-1-2", "echo-2"])
    var other = GitHubSlugger()
    #expect(["a", "a", "a-1"].map { other.next($0) } == ["a", "a-1", "a-1-1"])
  }

  @Test(
    "heading text from Markdown",
    arguments: [
      ("## Use `--online` **now**", "use---online-now"),
      ("## [Link text](https://example.com/x.html) here", "link-text-here"),
      ("## ![Logo](logo.png) Project", "-project"),
      ("## Foo <a name=\"bar\"></a>", "foo-"),
      ("## <kbd>Ctrl</kbd>+<kbd>C</kbd>", "ctrlc"),
      ("## A &amp; B &copy; C", "a--b--c"),
      ("## Title #", "title"),
      ("## *emph* and _under_score_", "emph-and-under_score"),
      ("## 1. Introduction", "1-introduction"),
      ("Setext line one\nline two\n===", "setext-line-oneline-two"),
    ])
  func markdownHeading(_ markdown: String, _ expected: String) {
    #expect(parse(markdown).headings.first?.slug == expected)
  }

  @Test func htmlAnchorsCount() {
    let document = parse("<a name=\"anexo\"></a>\n\n<div id=\"tabla\">x</div>\n\nTexto <span id=\"inline\">y</span>\n")
    #expect(document.anchorNames == ["anexo", "tabla", "inline"])
  }
}
