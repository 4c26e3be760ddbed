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
  /// Every destination written after a "](" of the block, decoded, with where it is written
  /// (in document order): built only when a link's destination is not at the next "](".
  private var written: [String: [Range<Int>]]?

  /// Byte range of an inline link's destination; nil for reference-style links
  /// and autolinks (their destination is not written after "](").
  /// The destination is normally the one written right after the first "](" past `cursor`
  /// (blanks and a `<` between). When it is not (a "](" inside the link's text, a reference
  /// link), the first later one that decodes to `url` is looked up in an index of the block,
  /// so a paragraph of thousands of links is never searched to its end once per link.
  mutating func find(_ url: String, in source: SourceText, block: Range<Int>, after cursor: Int) -> Range<Int>? {
    let parens = positions(in: source, block: block)
    var low = 0
    var high = parens.count
    while low < high {
      let mid = (low + high) / 2
      if parens[mid] + 2 < cursor { low = mid + 1 } else { high = mid }
    }
    guard
      let next = parens[low...].lazy.map({ Self.opening(after: $0, in: source.bytes, block: block) })
        .first(where: { Self.skippingPointy($0, in: source.bytes, block: block) >= cursor })
    else { return nil }
    if let found = Self.destination(url, at: next, in: source.bytes, block: block) { return found }
    let index = writtenIndex(in: source.bytes, block: block)
    guard let ranges = index[url] else { return nil }
    // The first written at or past the cursor.
    var first = 0
    var last = ranges.count
    while first < last {
      let mid = (first + last) / 2
      if ranges[mid].lowerBound < cursor { first = mid + 1 } else { last = mid }
    }
    return first < ranges.count ? ranges[first] : nil
  }

  /// Where a destination after the "](" at `paren` opens: past blanks.
  private static func opening(after paren: Int, in bytes: [UInt8], block: Range<Int>) -> Int {
    var start = paren + 2
    while start < block.upperBound, isSpace(bytes[start]) { start += 1 }
    return start
  }

  /// Past the `<` of a pointy destination.
  private static func skippingPointy(_ opening: Int, in bytes: [UInt8], block: Range<Int>) -> Int {
    opening < block.upperBound && bytes[opening] == UInt8(ascii: "<") ? opening + 1 : opening
  }

  /// `url` as written at `opening`: byte for byte, or once escapes and entities are decoded.
  private static func destination(_ url: String, at opening: Int, in bytes: [UInt8], block: Range<Int>) -> Range<Int>? {
    let start = skippingPointy(opening, in: bytes, block: block)
    var needle = url
    let exact = needle.withUTF8 { wanted in
      start + wanted.count <= block.upperBound
        && bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, wanted.baseAddress!, wanted.count) == 0 }
    }
    if exact { return start..<start + url.utf8.count }
    return written(at: opening, in: bytes, block: block).flatMap { $0.decoded == url ? $0.range : nil }
  }

  /// The destination written at `opening`, decoded.
  private static func written(at opening: Int, in bytes: [UInt8], block: Range<Int>) -> (decoded: String, range: Range<Int>)? {
    LinkDestinationSyntax.read(bytes, at: opening, limit: block.upperBound).map { ($0.decoded(in: bytes), $0.range) }
  }

  private mutating func writtenIndex(in bytes: [UInt8], block: Range<Int>) -> [String: [Range<Int>]] {
    if let written { return written }
    var index: [String: [Range<Int>]] = [:]
    for paren in parens {
      let opening = Self.opening(after: paren, in: bytes, block: block)
      if let found = Self.written(at: opening, in: bytes, block: block) { index[found.decoded, default: []].append(found.range) }
    }
    written = index
    return index
  }

  private mutating func positions(in source: SourceText, block: Range<Int>) -> [Int] {
    if parensBlock == block { return parens }
    parens = []
    written = nil
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
