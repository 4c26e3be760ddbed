import DocsLintModel

/// Finds tags and their attributes in raw HTML bytes, tolerant of anything
/// that is not well-formed. Comments are skipped. Only what links and
/// anchors need: tag name, attribute name, value and the value's byte range.
struct HTMLScanner {
  struct Attribute {
    var tag: String
    var name: String
    var value: String
    /// Byte range of the value (inside quotes) in the scanned buffer.
    var valueRange: Range<Int>
  }

  /// Scans `bytes[range]`; `firstTagOnly` stops after one tag (inline HTML nodes).
  static func attributes(in bytes: [UInt8], range: Range<Int>, firstTagOnly: Bool = false) -> [Attribute] {
    var found: [Attribute] = []
    var index = range.lowerBound
    let end = range.upperBound
    while index < end {
      guard bytes[index] == UInt8(ascii: "<") else {
        index += 1
        continue
      }
      if hasPrefix(bytes, at: index, "<!--") {
        index = skipComment(bytes, from: index + 4, end: end)
        continue
      }
      let (tagAttributes, next) = scanTag(bytes, at: index, end: end)
      found += tagAttributes
      index = max(next, index + 1)
      if firstTagOnly { break }
    }
    return found
  }

  private static func hasPrefix(_ bytes: [UInt8], at index: Int, _ prefix: String) -> Bool {
    let utf8 = Array(prefix.utf8)
    guard index + utf8.count <= bytes.count else { return false }
    return Array(bytes[index..<index + utf8.count]) == utf8
  }

  private static func skipComment(_ bytes: [UInt8], from start: Int, end: Int) -> Int {
    var index = start
    while index + 2 < end {
      if bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: "-"),
        bytes[index + 2] == UInt8(ascii: ">")
      {
        return index + 3
      }
      index += 1
    }
    return end
  }

  private static func isNameByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: ":"):
      return true
    default: return false
    }
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
  }

  /// Scans one start tag at `start` ("<name ...>"); returns its attributes and the index after it.
  private static func scanTag(_ bytes: [UInt8], at start: Int, end: Int) -> ([Attribute], Int) {
    var index = start + 1
    let nameStart = index
    while index < end, isNameByte(bytes[index]) { index += 1 }
    guard index > nameStart, bytes[nameStart] != UInt8(ascii: "-") else { return ([], start + 1) }
    let tag = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
    var attributes: [Attribute] = []
    while index < end {
      while index < end, isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1 }
      guard index < end else { break }
      if bytes[index] == UInt8(ascii: ">") { return (attributes, index + 1) }
      let attributeStart = index
      while index < end, isNameByte(bytes[index]) { index += 1 }
      guard index > attributeStart else { return (attributes, index + 1) }
      let name = String(decoding: bytes[attributeStart..<index], as: UTF8.self).lowercased()
      var probe = index
      while probe < end, isSpace(bytes[probe]) { probe += 1 }
      guard probe < end, bytes[probe] == UInt8(ascii: "=") else { continue }
      probe += 1
      while probe < end, isSpace(bytes[probe]) { probe += 1 }
      guard probe < end else { break }
      let valueRange: Range<Int>
      let quote = bytes[probe]
      if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
        var close = probe + 1
        while close < end, bytes[close] != quote { close += 1 }
        valueRange = (probe + 1)..<close
        index = min(close + 1, end)
      } else {
        var close = probe
        while close < end, !isSpace(bytes[close]), bytes[close] != UInt8(ascii: ">") { close += 1 }
        valueRange = probe..<close
        index = close
      }
      let value = String(decoding: bytes[valueRange], as: UTF8.self)
      attributes.append(Attribute(tag: tag, name: name, value: MarkdownEscapes.decodeEntities(value), valueRange: valueRange))
    }
    return (attributes, index)
  }
}
