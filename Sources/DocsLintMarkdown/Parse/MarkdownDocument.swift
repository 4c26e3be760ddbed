import DocsLintModel

/// Everything docs-lint needs from one Markdown file, as plain values.
/// Built once per file by `MarkdownParser`; the file's bytes are not kept.
public struct MarkdownDocument: Sendable, Equatable {
  public var headings: [Heading] = []
  public var links: [LinkItem] = []
  public var codeSpans: [CodeSpanItem] = []
  public var codeBlocks: [CodeBlockItem] = []
  /// `<a name="x">` and `id="x"` anchors from raw HTML.
  public var htmlAnchors: [HTMLAnchor] = []
  /// List items in document order (nested ones included), for checklist and log rules.
  public var listItems: [ListItem] = []
  public var frontMatter: FrontMatter?
  /// `docs-lint-*` directives from real HTML comments and front matter, in file order.
  public var suppressions: [SuppressionDirective] = []

  public init() {}

  /// Every fragment a link may target in this document: heading slugs and HTML anchors.
  public var anchorNames: Set<String> {
    var names = Set(headings.map(\.slug))
    names.formUnion(htmlAnchors.map(\.name))
    return names
  }
}

public struct Heading: Sendable, Hashable {
  public var level: Int
  /// The heading's plain text as GitHub renders it (code and emphasis contribute their text).
  public var text: String
  /// GitHub's anchor for this heading, with `-1`, `-2` suffixes for duplicates.
  public var slug: String
  public var span: SourceSpan
  /// Last line of the heading (setext headings span two).
  public var endLine: Int

  public init(level: Int, text: String, slug: String, span: SourceSpan, endLine: Int? = nil) {
    self.level = level
    self.text = text
    self.slug = slug
    self.span = span
    self.endLine = endLine ?? span.line
  }
}

/// One list item: where it starts and ends and where its text begins.
public struct ListItem: Sendable, Hashable {
  public var line: Int
  public var endLine: Int
  public var contentLine: Int
  public var contentColumn: Int
  /// 1 for a top-level list.
  public var depth: Int
  public var isOrdered: Bool
}

public enum LinkKind: String, Sendable, Hashable, Codable {
  case link
  case image
  case referenceDefinition = "reference-definition"
  case htmlLink = "html-link"
  case htmlImage = "html-image"
}

/// A link destination as written, with the span of the destination text itself.
public struct LinkItem: Sendable, Hashable {
  public var kind: LinkKind
  public var destination: String
  public var title: String?
  public var span: SourceSpan
}

/// An inline code span; `span` covers the code text inside the backticks.
public struct CodeSpanItem: Sendable, Hashable {
  public var text: String
  public var span: SourceSpan
  /// Byte ranges of the code text and of its enclosing block in the file, so the
  /// sentence around it can be read when needed ("create `x/y.rs`"); empty if unknown.
  public var bytes: Range<Int> = 0..<0
  public var block: Range<Int> = 0..<0
}

public struct CodeBlockItem: Sendable, Hashable {
  /// The fence's info string (first word is the language); nil for indented blocks.
  public var info: String?
  public var isFenced: Bool
  /// The code as cmark gives it (container indentation removed), one string for the block.
  public var literal: String
  /// Line of the first content line in the file.
  public var firstLine: Int

  /// The block's lines, each with the column where its content starts in the file.
  public func lines(in source: SourceText) -> [CodeLine] {
    var result: [CodeLine] = []
    var line = firstLine
    // Byte offsets of the "\n"s (ASCII, so each bounds a valid String index).
    let breaks = literal.withBytes { bytes in bytes.indices.filter { bytes[$0] == 0x0A } }
    var start = 0
    for end in breaks {
      let text = literal[literal.utf8.index(literal.startIndex, offsetBy: start)..<literal.utf8.index(literal.startIndex, offsetBy: end)]
      result.append(CodeLine(text: text, line: line, column: source.contentColumn(of: text, onLine: line)))
      line += 1
      start = end + 1
    }
    return result
  }

  public var language: String? {
    guard let info else { return nil }
    let word = info.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "{" || $0 == "," }).first
    return word.map { $0.lowercased() }
  }
}

/// One line of a code block: its content and where the content starts in the file.
public struct CodeLine: Sendable, Hashable {
  public var text: Substring
  public var line: Int
  /// Column (in scalars) of the first character of `text` in the file.
  public var column: Int

  package init(text: Substring, line: Int, column: Int) {
    self.text = text
    self.line = line
    self.column = column
  }
}

public struct HTMLAnchor: Sendable, Hashable {
  public var name: String
  public var span: SourceSpan
}

extension MarkdownDocument {
  /// The line of the heading that closes the section of `headings[index]` (the next one
  /// of the same or a higher level); nil when the section runs to the end of the file.
  public func sectionEnd(of index: Int) -> Int? {
    let level = headings[index].level
    return headings[(index + 1)...].first { $0.level <= level }?.span.line
  }
}
