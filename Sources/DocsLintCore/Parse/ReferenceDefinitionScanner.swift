/// Finds link reference definitions (`[label]: destination "title"`), which
/// cmark resolves and then drops from its tree. A definition starts a block:
/// it follows a blank line, another definition or the start of the file, and
/// never sits inside a code or HTML block.
enum ReferenceDefinitionScanner {
  /// `rawLines` are the line ranges of code and HTML blocks, in document order.
  static func scan(_ source: SourceText, skipping rawLines: [ClosedRange<Int>], firstLine: Int) -> [LinkItem] {
    let raw = rawLines.sorted { $0.lowerBound < $1.lowerBound }
    var next = 0
    var items: [LinkItem] = []
    var previousAllowsDefinition = true
    guard firstLine <= source.lineCount else { return [] }
    for line in firstLine...source.lineCount {
      let range = source.byteRange(ofLine: line)
      let isBlank = source.bytes[range].allSatisfy { $0 == 0x20 || $0 == 0x09 }
      while next < raw.count, raw[next].upperBound < line { next += 1 }
      if next < raw.count, raw[next].contains(line) {
        previousAllowsDefinition = true
        continue
      }
      if previousAllowsDefinition, let item = definition(in: source, range: range) {
        items.append(item)
        previousAllowsDefinition = true
        continue
      }
      previousAllowsDefinition = isBlank || isHeading(source.bytes[range])
    }
    return items
  }

  private static func isHeading(_ bytes: ArraySlice<UInt8>) -> Bool {
    bytes.drop { $0 == 0x20 }.first == UInt8(ascii: "#")
  }

  private static func definition(in source: SourceText, range: Range<Int>) -> LinkItem? {
    let bytes = source.bytes
    var index = range.lowerBound
    var indent = 0
    while index < range.upperBound, bytes[index] == 0x20 {
      index += 1
      indent += 1
    }
    guard indent <= 3, index < range.upperBound, bytes[index] == UInt8(ascii: "[") else { return nil }
    index += 1
    // Footnotes ("[^1]: ...") and empty labels are not link definitions.
    guard index < range.upperBound, bytes[index] != UInt8(ascii: "^"), bytes[index] != UInt8(ascii: "]") else {
      return nil
    }
    while index < range.upperBound, bytes[index] != UInt8(ascii: "]") {
      if bytes[index] == UInt8(ascii: "\\") { index += 1 }
      if index < range.upperBound, bytes[index] == UInt8(ascii: "[") { return nil }
      index += 1
    }
    guard index + 1 < range.upperBound, bytes[index + 1] == UInt8(ascii: ":") else { return nil }
    index += 2
    while index < range.upperBound, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
    guard index < range.upperBound else { return nil }
    var start = index
    var end: Int
    if bytes[index] == UInt8(ascii: "<") {
      start += 1
      end = start
      while end < range.upperBound, bytes[end] != UInt8(ascii: ">") { end += 1 }
      guard end < range.upperBound else { return nil }
    } else {
      end = start
      while end < range.upperBound, bytes[end] != 0x20, bytes[end] != 0x09 { end += 1 }
    }
    guard end > start else { return nil }
    let written = String(decoding: bytes[start..<end], as: UTF8.self)
    let destination = HTMLScanner.decodeEntities(MarkdownEscapes.unescape(written))
    return LinkItem(kind: .referenceDefinition, destination: destination, span: source.span(bytes: start..<end))
  }
}
