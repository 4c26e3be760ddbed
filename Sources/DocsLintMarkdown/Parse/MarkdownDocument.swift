import DocsLintModel

/// Everything docs-lint needs from one Markdown file, as plain values.
/// Built once per file by `MarkdownParser`; the file's bytes are not kept.
package struct MarkdownDocument: Sendable, Equatable {
  package var headings: [Heading] = []
  package var links: [LinkItem] = []
  package var codeSpans: [CodeSpanItem] = []
  /// Words of plain or emphasised text that look like paths (`docs/x.md`, `**docs/x.md**`),
  /// from list items and from paragraphs that open with a label ("File:", "Archivo:").
  package var textPaths: [TextPathItem] = []
  package var codeBlocks: [CodeBlockItem] = []
  /// `<a name="x">` and `id="x"` anchors from raw HTML.
  package var htmlAnchors: [HTMLAnchor] = []
  /// List items in document order (nested ones included), for checklist and log rules.
  package var listItems: [ListItem] = []
  package var frontMatter: FrontMatter?
  /// The fence lines of a document wrapped whole in ```md, read as the Markdown inside.
  package var wrapperLines: WrapperLines?
  /// `docs-lint-*` directives from real HTML comments and front matter, in file order.
  package var suppressions: [SuppressionDirective] = []

  package init() {}

  /// Every fragment a link may target in this document: heading slugs and HTML anchors.
  package var anchorNames: Set<String> {
    var names = Set(headings.map(\.slug))
    names.formUnion(htmlAnchors.map(\.name))
    return names
  }
}

package struct Heading: Sendable, Hashable {
  package var level: Int
  /// The heading's plain text as GitHub renders it (code and emphasis contribute their text).
  package var text: String
  /// GitHub's anchor for this heading, with `-1`, `-2` suffixes for duplicates.
  package var slug: String
  package var span: SourceSpan
  /// Last line of the heading (setext headings span two).
  package var endLine: Int

  package init(level: Int, text: String, slug: String, span: SourceSpan, endLine: Int? = nil) {
    self.level = level
    self.text = text
    self.slug = slug
    self.span = span
    self.endLine = endLine ?? span.line
  }
}

/// One list item: where it starts and ends and where its text begins.
package struct ListItem: Sendable, Hashable {
  package var line: Int
  package var endLine: Int
  package var contentLine: Int
  package var contentColumn: Int
  /// 1 for a top-level list.
  package var depth: Int
  package var isOrdered: Bool
}

extension ListItem {
  /// A checkbox at the start of the item's text (`[ ]`, `[x]`): nil, or whether it is checked.
  package func checkbox(in source: SourceText) -> Bool? {
    guard contentLine <= source.lineCount else { return nil }
    // On bytes: called for every list item of a document that needs its checked items.
    let range = source.byteRange(ofLine: contentLine)
    var index = range.lowerBound
    var column = 1
    while index < range.upperBound, column < contentColumn {
      index += 1
      if index == range.upperBound || source.bytes[index] & 0xC0 != 0x80 { column += 1 }
    }
    guard range.upperBound - index >= 3, source.bytes[index] == UInt8(ascii: "["), source.bytes[index + 2] == UInt8(ascii: "]"),
      index + 3 == range.upperBound || source.bytes[index + 3] == UInt8(ascii: " ")
    else { return nil }
    switch source.bytes[index + 1] {
    case UInt8(ascii: " "): return false
    case UInt8(ascii: "x"), UInt8(ascii: "X"): return true
    default: return nil
    }
  }
}

package enum LinkKind: String, Sendable, Hashable, Codable {
  case link
  case image
  case referenceDefinition = "reference-definition"
  case htmlLink = "html-link"
  case htmlImage = "html-image"
}

/// A link destination as written, with the span of the destination text itself.
package struct LinkItem: Sendable, Hashable {
  package var kind: LinkKind
  package var destination: String
  package var title: String?
  package var span: SourceSpan
}

/// An inline code span; `span` covers the code text inside the backticks.
package struct CodeSpanItem: Sendable, Hashable {
  package var text: String
  package var span: SourceSpan
  /// Byte ranges of the code text and of its enclosing block in the file, so the
  /// sentence around it can be read when needed ("create `x/y.rs`"); empty if unknown.
  package var bytes: Range<Int> = 0..<0
  package var block: Range<Int> = 0..<0
  /// The label of a link (``[`docs/x.md`](docs/x.md)``): the link is the reference.
  package var inLink = false
}

package struct CodeBlockItem: Sendable, Hashable {
  /// The fence's info string (first word is the language); nil for indented blocks.
  package var info: String?
  package var isFenced: Bool
  /// The code as cmark gives it (container indentation removed), one string for the block.
  package var literal: String
  /// Line of the first content line in the file.
  package var firstLine: Int

  /// The block's lines, each with the column where its content starts in the file.
  package func lines(in source: SourceText) -> [CodeLine] {
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

  package var language: String? {
    guard let info else { return nil }
    // The first word, read on bytes: rules ask every block's language, some many times.
    let end = info.withBytes { bytes in
      bytes.firstIndex { $0 == 0x20 || $0 == 0x09 || $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: ",") } ?? bytes.count
    }
    guard end > 0 else {
      // Separators first ("{.python}"): the first word after them.
      return info.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "{" || $0 == "," }).first.map { $0.lowercased() }
    }
    let word = info.utf8.prefix(end)
    return TextFolding.lowercasedASCII(String(Substring(word))) ?? String(Substring(word)).lowercased()
  }
}

/// One line of a code block: its content and where the content starts in the file.
package struct CodeLine: Sendable, Hashable {
  package var text: Substring
  package var line: Int
  /// Column (in scalars) of the first character of `text` in the file.
  package var column: Int

  package init(text: Substring, line: Int, column: Int) {
    self.text = text
    self.line = line
    self.column = column
  }
}

package struct HTMLAnchor: Sendable, Hashable {
  package var name: String
  package var span: SourceSpan
}

extension MarkdownDocument {
  /// The line of the heading that closes the section of `headings[index]` (the next one
  /// of the same or a higher level); nil when the section runs to the end of the file.
  package func sectionEnd(of index: Int) -> Int? {
    let level = headings[index].level
    return headings[(index + 1)...].first { $0.level <= level }?.span.line
  }
}

/// A path-like word written as plain text; `span` covers the word.
package struct TextPathItem: Sendable, Hashable {
  package var text: String
  package var span: SourceSpan
  /// Byte ranges of the word and of its paragraph, to read the sentence around it.
  package var bytes: Range<Int>
  package var block: Range<Int>
}

/// The opening and closing fence lines of a document wrapped whole in ```md.
package struct WrapperLines: Sendable, Hashable {
  package var open: Int
  package var close: Int
}
