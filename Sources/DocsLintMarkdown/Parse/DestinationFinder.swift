import CMark
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import DocsLintModel

/// Where an inline link's destination is written, for its true line and column: cmark
/// gives the decoded URL, not its position.
struct DestinationFinder {
  /// The "](" of `parensBlock`, listed when a link of the block first asks.
  private var parens: [Int] = []
  private var parensBlock: Range<Int>?

  /// Byte range of an inline link's destination; nil for reference-style links
  /// and autolinks (their destination is not written after "](").
  /// The destination is the first `url` right after a "](" (blanks and a `<` between)
  /// at or past `cursor`; the block's "](" are listed once, so a paragraph of thousands of
  /// links is not searched to its end once per link.
  mutating func find(_ url: String, in source: SourceText, block: Range<Int>, after cursor: Int) -> Range<Int>? {
    let parens = positions(in: source, block: block)
    let bytes = source.bytes
    var low = 0
    var high = parens.count
    while low < high {
      let mid = (low + high) / 2
      if parens[mid] + 2 < cursor { low = mid + 1 } else { high = mid }
    }
    var needle = url
    let found: Range<Int>? = needle.withUTF8 { wanted in
      for paren in parens[low...] {
        var start = paren + 2
        while start < block.upperBound, Self.isSpace(bytes[start]) { start += 1 }
        if start < block.upperBound, bytes[start] == UInt8(ascii: "<") { start += 1 }
        guard start >= cursor, start + wanted.count <= block.upperBound else { continue }
        let matches = bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, wanted.baseAddress!, wanted.count) == 0 }
        if matches { return start..<start + wanted.count }
      }
      return nil
    }
    if let found { return found }
    // The written form differs (escapes, entities, `<...>`): decode the next "](" destination.
    guard let paren = parens[low...].first(where: { $0 >= cursor }) else { return nil }
    var start = paren + 2
    while start < block.upperBound, Self.isSpace(bytes[start]) { start += 1 }
    guard let written = LinkDestinationSyntax.read(bytes, at: start, limit: block.upperBound),
      written.decoded(in: bytes) == url
    else { return nil }
    return written.range
  }

  private mutating func positions(in source: SourceText, block: Range<Int>) -> [Int] {
    if parensBlock == block { return parens }
    parens = []
    var from = block.lowerBound
    while let found = source.find(Self.closeAndOpen, from: from, to: block.upperBound) {
      parens.append(found)
      from = found + 1
    }
    parensBlock = block
    return parens
  }

  private static let closeAndOpen = Array("](".utf8)

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  /// The end of an autolink (`<https://…>`, `<a@b.c>`), read from cmark's position only
  /// when the source there says exactly that: nil for any other link.
  static func autolinkEnd(_ node: OpaquePointer, url: String, in source: SourceText) -> Int? {
    guard let child = cmark_node_first_child(node), cmark_node_next(child) == nil,
      cmark_node_get_type(child) == CMARK_NODE_TEXT
    else { return nil }
    let text = cmark_node_get_literal(child).map { String(cString: $0) } ?? ""
    guard url == text || url == "mailto:" + text else { return nil }
    let line = Int(cmark_node_get_end_line(node))
    guard line >= 1, line <= source.lineCount else { return nil }
    let range = source.byteRange(ofLine: line)
    let end = range.lowerBound + Int(cmark_node_get_end_column(node))
    let written = Array(("<" + text + ">").utf8)
    guard end <= range.upperBound, end - written.count >= range.lowerBound,
      source.bytes[end - written.count..<end].elementsEqual(written)
    else { return nil }
    return end
  }
}
