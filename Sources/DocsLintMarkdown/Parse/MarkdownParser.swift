import CMark
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import DocsLintModel

/// Parses one Markdown file with libcmark and returns plain values.
/// The only place that touches cmark: parse, walk and free happen inside `parse`.
package enum MarkdownParser {
  package static func parse(_ source: SourceText) -> MarkdownDocument {
    var document = MarkdownDocument()
    let frontMatter = FrontMatterSplitter.split(source)
    document.frontMatter = frontMatter?.frontMatter
    var masked = frontMatter?.maskedBytes ?? source.bytes
    guard var root = parseDocument(masked) else { return document }
    // A plan written as one ```md fence around the whole file (as PLANS.md tells agents to
    // hand plans over) is read as the Markdown it holds: its two fence lines are blanked.
    if let fence = wholeFileFence(root, source: source) {
      for line in [fence.open, fence.close] {
        for offset in source.byteRange(ofLine: line) { masked[offset] = 0x20 }
      }
      if let unwrapped = parseDocument(masked) {
        cmark_node_free(root)
        root = unwrapped
        document.wrapperLines = WrapperLines(open: fence.open, close: fence.close)
      }
    }
    defer { cmark_node_free(root) }

    var walker = TreeWalker(source: source)
    guard let iterator = cmark_iter_new(root) else { return document }
    defer { cmark_iter_free(iterator) }
    while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
      guard let node = cmark_iter_get_node(iterator) else { continue }
      walker.visit(node, entering: event == CMARK_EVENT_ENTER)
    }
    walker.finish(into: &document, skipLines: frontMatter?.frontMatter.endLine ?? 0)
    if let directive = SuppressionDirectiveReader.frontMatter(document.frontMatter, source: source) {
      document.suppressions.insert(directive, at: 0)
    }
    return document
  }
}

/// State for one walk over cmark's tree. Inline positions are re-found in
/// the raw bytes of the enclosing block (cmark 0.30 gets some of them wrong),
/// using a cursor that only moves forward so repeated text maps in order.
private struct TreeWalker {
  let source: SourceText
  var headings: [Heading] = []
  var links: [LinkItem] = []
  var codeSpans: [CodeSpanItem] = []
  var codeBlocks: [CodeBlockItem] = []
  var htmlAnchors: [HTMLAnchor] = []
  var suppressions: [SuppressionDirective] = []
  /// Lines inside code and HTML blocks, where reference definitions cannot occur.
  var rawLines: [ClosedRange<Int>] = []

  var block: Range<Int> = 0..<0
  var cursor = 0
  var destinations = DestinationFinder()
  var heading: (level: Int, text: String, span: SourceSpan, endLine: Int)?
  var listItems: [ListItem] = []
  var listDepth = 0
  var imageDepth = 0
  var linkDepth = 0
  /// The current paragraph opens with "File:" or "Archivo:".
  var labelled = false
  var textPaths: [TextPathItem] = []
  var slugger = GitHubSlugger()
  var columns = ColumnCounter()

  init(source: SourceText) { self.source = source }

  mutating func visit(_ node: OpaquePointer, entering: Bool) {
    let type = cmark_node_get_type(node)
    switch type {
    case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
      if entering {
        let (first, last) = lines(of: node)
        block = source.byteRange(lines: first, last)
        cursor = block.lowerBound
        labelled = type == CMARK_NODE_PARAGRAPH && opensWithFileLabel(block)
        if type == CMARK_NODE_HEADING {
          heading = (Int(cmark_node_get_heading_level(node)), "", startSpan(of: node), last)
        }
      } else if type == CMARK_NODE_HEADING, let open = heading {
        let text = open.text
        headings.append(
          Heading(level: open.level, text: text, slug: slugger.next(text), span: open.span, endLine: open.endLine))
        heading = nil
      }
    case CMARK_NODE_LIST:
      listDepth += entering ? 1 : -1
    case CMARK_NODE_ITEM:
      if entering { visitListItem(node) }
    case CMARK_NODE_TEXT:
      if entering, heading != nil, imageDepth == 0 { appendToHeading(literal(of: node)) }
      if entering, heading == nil, imageDepth == 0, linkDepth == 0 { visitText(node) }
    case CMARK_NODE_CODE:
      if entering { visitCodeSpan(node) }
    case CMARK_NODE_IMAGE:
      if entering { imageDepth += 1 } else {
        imageDepth -= 1
        if imageDepth == 0 { visitLink(node, kind: .image) }
      }
    case CMARK_NODE_LINK:
      linkDepth += entering ? 1 : -1
      // A link inside an image's alt text renders as plain text: no link.
      if !entering, imageDepth == 0 { visitLink(node, kind: .link) }
    case CMARK_NODE_HTML_INLINE:
      if entering { visitInlineHTML(node) }
    case CMARK_NODE_HTML_BLOCK:
      if entering { visitHTMLBlock(node) }
    case CMARK_NODE_CODE_BLOCK:
      if entering { visitCodeBlock(node) }
    default:
      break
    }
  }

  mutating func finish(into document: inout MarkdownDocument, skipLines: Int) {
    links += ReferenceDefinitionScanner.scan(source, skipping: rawLines, firstLine: skipLines + 1)
    links.sort { $0.span < $1.span }
    document.headings = headings
    document.listItems = listItems
    document.links = links
    document.codeSpans = codeSpans
    document.textPaths = textPaths
    document.codeBlocks = codeBlocks
    document.htmlAnchors = htmlAnchors
    document.suppressions = suppressions
  }

  /// In place: a copy of the open heading would make every append copy its whole text.
  private mutating func appendToHeading(_ text: String) {
    heading?.text += text
  }

  // MARK: - cmark accessors

  private func literal(of node: OpaquePointer) -> String {
    cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
  }

  private func lines(of node: OpaquePointer) -> (Int, Int) {
    let first = Int(cmark_node_get_start_line(node))
    return (first, max(first, Int(cmark_node_get_end_line(node))))
  }

  /// Start of a block node from cmark (block positions are reliable), in scalar columns.
  private func startSpan(of node: OpaquePointer) -> SourceSpan {
    let line = min(max(1, Int(cmark_node_get_start_line(node))), source.lineCount)
    let offset = source.byteOffset(line: line, byteColumn: Int(cmark_node_get_start_column(node)))
    return SourceSpan(line: line, column: source.scalarColumn(line: line, byteOffset: offset))
  }

  /// Finds `needle` in the current block at or after the cursor.
  /// Like `locate`, but only where the text opens a code span (a backtick, maybe
  /// padding, before it), not at an earlier plain-text copy of the same words.
  private func locateCode(_ needle: String) -> Range<Int>? {
    guard !needle.isEmpty else { return nil }
    var from = cursor
    while let range = locate(needle, from: from) {
      var index = range.lowerBound - 1
      while index >= block.lowerBound, source.bytes[index] == 0x20 || source.bytes[index] == 0x0A { index -= 1 }
      if index >= block.lowerBound, source.bytes[index] == UInt8(ascii: "`") { return range }
      from = range.lowerBound + 1
    }
    return nil
  }

  private func locate(_ needle: String, from start: Int? = nil) -> Range<Int>? {
    var needle = needle
    return needle.withUTF8 { bytes in
      guard let found = source.find(bytes, from: start ?? cursor, to: block.upperBound) else { return nil }
      return found..<found + bytes.count
    }
  }

  // MARK: - inline nodes

  /// Labels that make a paragraph name a file in plain text.
  private static let fileLabels: [[UInt8]] = ["file:", "archivo:", "fichero:", "path:", "ruta:", "location:", "ubicación:"]
    .map { Array($0.utf8) }

  /// By byte: whether some label starts with it (a table, not a set: one load per paragraph).
  private static let labelInitials: [Bool] = {
    var table = [Bool](repeating: false, count: 256)
    for label in fileLabels { if let first = label.first { table[Int(first)] = true } }
    return table
  }()

  private func opensWithFileLabel(_ range: Range<Int>) -> Bool {
    var start = range.lowerBound
    let bytes = source.bytes
    while start < range.upperBound, bytes[start] == 0x20 || bytes[start] == UInt8(ascii: "*") || bytes[start] == UInt8(ascii: "_") {
      start += 1
    }
    // Most paragraphs open with no label's first letter.
    guard start < range.upperBound, Self.labelInitials[Int(bytes[start] | 0x20)] else { return false }
    return Self.fileLabels.contains { label in
      start + label.count <= range.upperBound
        && zip(bytes[start..<start + label.count], label).allSatisfy { ($0 | 0x20) == $1 || $0 == $1 }
    }
  }

  /// Path-shaped words of a text node in a list item or a labelled paragraph: a `/` and a
  /// `.` in one word. Which of them are repository paths is decided later.
  private mutating func visitText(_ node: OpaquePointer) {
    // Most text nodes hold no "/": strchr reads them in place.
    guard listDepth > 0 || labelled, let raw = cmark_node_get_literal(node), strchr(raw, 0x2F) != nil else { return }
    let text = UnsafeRawBufferPointer(start: raw, count: strlen(raw)).bindMemory(to: UInt8.self)
    var start = 0
    while start < text.count {
      var end = start
      while end < text.count, text[end] != 0x20, text[end] != 0x09, text[end] != 0x0A { end += 1 }
      defer { start = end + 1 }
      guard let word = Self.trimmed(text, start..<end),
        text[word].contains(UInt8(ascii: "/")), text[word].contains(UInt8(ascii: "."))
      else { continue }
      let trimmed = String(decoding: text[word], as: UTF8.self)
      guard let range = locate(trimmed) else { continue }
      cursor = range.upperBound
      textPaths.append(TextPathItem(text: trimmed, span: columns.span(range, in: source), bytes: range, block: block))
    }
  }

  /// A word without the punctuation around it (`**docs/x.md**,` → `docs/x.md`); nil when empty.
  private static func trimmed(_ text: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Range<Int>? {
    var lower = word.lowerBound
    var upper = word.upperBound
    while lower < upper {
      if asciiPunctuation[Int(text[lower])] { lower += 1; continue }
      guard let length = wordPunctuation.first(where: { text[lower..<min(upper, lower + $0.count)].elementsEqual($0) })?.count
      else { break }
      lower += length
    }
    while upper > lower {
      if asciiPunctuation[Int(text[upper - 1])] { upper -= 1; continue }
      guard let length = wordPunctuation.first(where: { text[max(lower, upper - $0.count)..<upper].elementsEqual($0) })?.count
      else { break }
      upper -= length
    }
    return lower < upper ? lower..<upper : nil
  }

  private static let asciiPunctuation: [Bool] = {
    var table = [Bool](repeating: false, count: 256)
    for byte in "*_()[],;:.!?\"'".utf8 { table[Int(byte)] = true }
    return table
  }()
  /// «, », “ and ” in UTF-8.
  private static let wordPunctuation: [[UInt8]] = ["«", "»", "“", "”"].map { Array($0.utf8) }

  private mutating func visitCodeSpan(_ node: OpaquePointer) {
    let text = literal(of: node)
    if imageDepth == 0 { appendToHeading(text) }
    // Multi-line spans have their line breaks turned into spaces; fall back to the first word.
    let range = locateCode(text) ?? locateCode(String(text.utf8.prefix { $0 != 0x20 })!)
    var item = CodeSpanItem(text: text, span: startSpan(of: node), inLink: linkDepth > 0)
    if let range {
      cursor = range.upperBound
      item.span = columns.span(range, in: source)
      item.bytes = range
      item.block = block
    }
    codeSpans.append(item)
  }

  private mutating func visitLink(_ node: OpaquePointer, kind: LinkKind) {
    let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
    guard !url.isEmpty, let range = destinations.find(url, in: source, block: block, after: cursor) else {
      // The next search starts after an autolink: thousands in a paragraph are read once.
      if let end = DestinationFinder.autolinkEnd(node, url: url, in: source) { cursor = max(cursor, end) }
      return
    }
    cursor = range.upperBound
    let title = cmark_node_get_title(node).map { String(cString: $0) }
    links.append(
      LinkItem(
        kind: kind, destination: url, title: title?.isEmpty == false ? title : nil,
        span: columns.span(range, in: source)))
  }

  private mutating func visitInlineHTML(_ node: OpaquePointer) {
    let text = literal(of: node)
    if text.hasPrefix("<!--") {
      visitInlineComment(text)
      return
    }
    guard text.hasPrefix("<"), !text.hasPrefix("</"), !text.hasPrefix("<!") else { return }
    let firstLine = String(text.prefix { $0 != "\n" })
    guard let range = locate(firstLine) else { return }
    cursor = range.upperBound
    collectHTML(HTMLScanner.attributes(in: source.bytes, range: range.lowerBound..<block.upperBound, firstTagOnly: true))
  }

  /// An inline comment: only its own bytes are read, so a later `<!--` in code is not.
  private mutating func visitInlineComment(_ text: String) {
    guard let start = locate(String(text.prefix { $0 != "\n" })) else { return }
    let close = source.find(Array("-->".utf8), from: start.lowerBound + 4, to: block.upperBound)
    let end = close.map { $0 + 3 } ?? start.upperBound
    cursor = end
    suppressions += SuppressionDirectiveReader.comments(in: source, range: start.lowerBound..<end)
  }

  private mutating func visitHTMLBlock(_ node: OpaquePointer) {
    // cmark 0.30 ends comment/script-style HTML blocks a line early; count the literal's lines.
    let first = Int(cmark_node_get_start_line(node))
    let last = max(first, first + literal(of: node).utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } - 1)
    rawLines.append(first...last)
    let range = source.byteRange(lines: first, last)
    collectHTML(HTMLScanner.attributes(in: source.bytes, range: range))
    if source.find(Array("<!--".utf8), from: range.lowerBound, to: range.upperBound) != nil {
      suppressions += SuppressionDirectiveReader.comments(in: source, range: range)
    }
  }

  private mutating func collectHTML(_ attributes: [HTMLScanner.Attribute]) {
    for attribute in attributes {
      let span = columns.span(attribute.valueRange, in: source)
      switch (attribute.tag, attribute.name) {
      case ("a", "href"):
        links.append(LinkItem(kind: .htmlLink, destination: attribute.value, span: span))
      case ("img", "src"):
        links.append(LinkItem(kind: .htmlImage, destination: attribute.value, span: span))
      case (_, "id"), ("a", "name"):
        htmlAnchors.append(HTMLAnchor(name: attribute.value, span: span))
      default:
        break
      }
    }
  }

  private mutating func visitListItem(_ node: OpaquePointer) {
    let (first, last) = lines(of: node)
    // The item's text starts where its first child block does.
    let content = cmark_node_first_child(node).map { startSpan(of: $0) } ?? startSpan(of: node)
    let ordered = cmark_node_get_list_type(cmark_node_parent(node)) == CMARK_ORDERED_LIST
    listItems.append(
      ListItem(
        line: first, endLine: last, contentLine: content.line, contentColumn: content.column, depth: listDepth,
        isOrdered: ordered))
  }

  // MARK: - code blocks

  private mutating func visitCodeBlock(_ node: OpaquePointer) {
    let (first, last) = lines(of: node)
    rawLines.append(first...last)
    // Fenced when the block's first line opens with ``` or ~~~ where cmark says it starts.
    var probe = source.byteOffset(line: first, byteColumn: Int(cmark_node_get_start_column(node)))
    let lineEnd = source.byteRange(ofLine: first).upperBound
    while probe < lineEnd, source.bytes[probe] == 0x20 { probe += 1 }
    let fence = probe + 2 < lineEnd ? source.bytes[probe] : 0
    let isFenced =
      (fence == UInt8(ascii: "`") || fence == UInt8(ascii: "~")) && source.bytes[probe + 1] == fence
      && source.bytes[probe + 2] == fence
    let info = cmark_node_get_fence_info(node).map { String(cString: $0) }
    codeBlocks.append(
      CodeBlockItem(
        info: isFenced ? (info ?? "") : nil, isFenced: isFenced, literal: literal(of: node),
        firstLine: isFenced ? first + 1 : first))
  }
}
