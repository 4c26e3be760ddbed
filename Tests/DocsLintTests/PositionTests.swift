import Testing

@testable import DocsLintConfig
@testable import DocsLintEngine
@testable import DocsLintGraph
@testable import DocsLintMarkdown
@testable import DocsLintModel
@testable import DocsLintReport
@testable import DocsLintRules
@testable import DocsLintScan

/// cmark 0.30 reports some inline positions wrongly; the parser re-finds the
/// text in the raw lines. Columns are Unicode scalars, 1-based.
struct PositionTests {
  private func link(_ markdown: String, _ index: Int = 0) -> (Int, Int)? {
    let links = parse(markdown).links
    guard index < links.count else { return nil }
    return (links[index].span.line, links[index].span.column)
  }

  @Test func continuationLineWithLeadingWhitespace() {
    #expect(link("aaa\n   see [t](u.md) ok\n")! == (2, 12))
  }

  @Test func autolinkOnContinuationLineDoesNotShiftLaterLinks() {
    #expect(link("aaaaaaaaaa\nsee <http://x.y> ok [l](d.md)\n")! == (2, 25))
  }

  /// After an autolink, a destination written with an entity is still found: the search
  /// resumes after the autolink, not at an earlier "](".
  @Test func entityDestinationAfterAnAutolink() {
    let markdown = "[multi\nline](m.md) <https://e.com/1> [amp](m&amp;3.md)\n"
    #expect(parse(markdown).links.map(\.destination) == ["m.md", "m&3.md"])
    #expect(link(markdown, 1)! == (2, 37))
  }

  /// Thousands of autolinks and links in one paragraph: each found, in order.
  @Test func manyLinksInOneParagraph() {
    let markdown = (0..<2_000).map { "<https://e.com/\($0)> [l](m\($0).md)" }.joined(separator: " ") + "\n"
    let links = parse(markdown).links
    #expect(links.count == 2_000)
    #expect(links.last?.destination == "m1999.md")
  }

  /// A "](" in plain text before a link whose destination is written with an escape: the
  /// link is found after it (it was dropped once), and a paragraph of such links is read
  /// once, not searched to its end per link.
  @Test func escapedDestinationAfterAStrayBracketParen() {
    let markdown = "line](m46.md) [e](m\\_22.md)\n"
    #expect(parse(markdown).links.map(\.destination) == ["m_22.md"])
    #expect(link(markdown)! == (1, 19))
    let many = (0..<2_000).map { "[l](m&amp;\($0).md)" }.joined(separator: "\n") + "\n"
    let links = parse(many).links
    #expect(links.count == 2_000)
    #expect(links.last.map { ($0.destination, $0.span.line, $0.span.column) }! == ("m&1999.md", 2_000, 5))
  }

  @Test func linkTextWrapsOntoNextLine() {
    #expect(link("see [link\ntext](dest.md) after\n")! == (2, 7))
  }

  @Test func afterBackslashHardBreak() {
    #expect(link("foo\\\nbar\\\nbaz [x](y.md)\n")! == (3, 9))
  }

  @Test func lazyContinuationInBlockQuote() {
    #expect(link("> quote\nlazy [c](d.md)\n")! == (2, 10))
  }

  @Test func paragraphStartingWithReferenceDefinitions() {
    let document = parse("[a]: http://a\n[b]: b.md\ntext [inline](c.md)\n")
    let kinds = document.links.map { "\($0.kind.rawValue)@\($0.span.line):\($0.span.column)" }
    #expect(kinds == ["reference-definition@1:6", "reference-definition@2:6", "link@3:15"])
  }

  @Test func multibyteColumnsAreScalars() {
    #expect(link("é 日本 🎉 [x](y.md)\n")! == (1, 12))
  }

  @Test func repeatedDestinationsMapInOrder() {
    let document = parse("[a](x.md) and [b](x.md)\n")
    #expect(document.links.map(\.span.column) == [5, 19])
  }

  @Test func linkTextEqualToDestination() {
    #expect(link("[docs/a.md](docs/a.md)\n")! == (1, 13))
  }

  @Test func codeSpanAndCodeBlockLines() {
    let text = "---\na: 1\n---\n# T\n\nRun `x/y.sh` now.\n\n```bash\necho 1\nbash s/t.sh\n```\n\n    make all\n"
    let source = SourceText(bytes: Array(text.utf8))
    let document = MarkdownParser.parse(source)
    #expect(document.codeSpans.first.map { ($0.span.line, $0.span.column) }! == (6, 6))
    #expect(document.codeBlocks.count == 2)
    #expect(document.codeBlocks[0].lines(in: source).map(\.line) == [9, 10])
    #expect(document.codeBlocks[0].language == "bash")
    #expect(document.codeBlocks[1].isFenced == false)
    #expect(document.codeBlocks[1].lines(in: source).first.map { ($0.line, $0.column) }! == (13, 5))
  }

  @Test func frontMatterKeepsLineNumbers() {
    let document = parse("---\nid: A\nrelacionados:\n  - B\n---\n# Título\n")
    #expect(document.headings.first?.span.line == 6)
    #expect(document.frontMatter?.value?["id"]?.string == "A")
    #expect(document.frontMatter?.value?["relacionados"]?.line == 4)
  }

  @Test func htmlAttributesInBlocksAndInline() {
    let document = parse("<p>\n  <img src=\"a.png\">\n</p>\n\nSee <a href=\"b.md\">b</a>.\n")
    let found = document.links.map { "\($0.destination)@\($0.span.line):\($0.span.column)" }
    #expect(found == ["a.png@2:13", "b.md@5:14"])
  }

  @Test func footnotesAreNotReferenceDefinitions() {
    #expect(parse("Text[^1].\n\n[^1]: <docs/x.md> note\n").links.isEmpty)
  }
}

extension PositionTests {
  @Test func itemsAtTheVeryEndOfTheFile() {
    // No trailing newline: the destination ends at the last byte.
    let document = parse("[a](é.md)")
    #expect(document.links.first.map { ($0.span.line, $0.span.column, $0.span.endColumn) }! == (1, 5, 9))
    #expect(parse("`x/y.md`").codeSpans.first.map { ($0.span.column, $0.span.endColumn) }! == (2, 8))
  }
}

/// Front-matter values are found where they stand as values, not inside a key or another value.
struct FrontMatterValueColumnTests {
  @Test func valuesStandAsWholeTokens() {
    let source = SourceText(bytes: Array("id: d\nrelated: [ADR-10, ADR-1, 'ADR-1']\n  - ADR-1 # note\n".utf8))
    #expect(source.column(ofValue: "d", onLine: 1) == 5)
    #expect(source.column(ofValue: "ADR-1", onLine: 2) == 19)
    #expect(source.column(ofValue: "ADR-1", onLine: 2, occurrence: 1) == 27)
    #expect(source.column(ofValue: "ADR-1", onLine: 3) == 5)
  }

  @Test func referencesAndTheIdGetTheirOwnColumns() {
    let text = "---\nid: d\nrelated: [ADR-10, ADR-1, ADR-1]\n---\n# T\n"
    let source = SourceText(bytes: Array(text.utf8))
    let facts = FactsCollector.collect(
      path: "a.md", markdown: MarkdownParser.parse(source), source: source, isAgentDoc: false, referenceKeys: ["related"])
    #expect(facts.idSpan?.column == 5)
    #expect(facts.idReferences.map(\.span.column) == [11, 19, 26])
  }
}
