import DocsLintModel

/// The prose next to an inline item within its block: the current sentence
/// up to the item, and the first words after it. Bounded, so cost stays per item.
package enum SentenceContext {
  private static let window = 160

  package static func before(_ offset: Int, in source: SourceText, block: Range<Int>) -> String {
    let offset = max(block.lowerBound, offset)
    var start = max(block.lowerBound, offset - window)
    while start < offset, source.bytes[start] & 0xC0 == 0x80 { start += 1 }
    let text = String(decoding: source.bytes[start..<offset], as: UTF8.self)
    return String(lastSentence(of: text)).lowercased()
  }

  package static func after(_ offset: Int, in source: SourceText, block: Range<Int>) -> String {
    let offset = min(block.upperBound, offset)
    var end = min(block.upperBound, offset + 48)
    while end > offset, end < source.bytes.count, source.bytes[end] & 0xC0 == 0x80 { end -= 1 }
    guard end > offset else { return "" }
    let text = String(decoding: source.bytes[offset..<end], as: UTF8.self)
    return String(firstSentence(of: text)).lowercased()
  }

  private static func lastSentence(of text: String) -> Substring {
    let scalars = Array(text.unicodeScalars)
    var index = scalars.count - 1
    while index > 0 {
      // A sentence ends at ". " unless the period closes an abbreviation like "e.g.".
      if ".!?".unicodeScalars.contains(scalars[index - 1]), scalars[index] == " " || scalars[index] == "\n",
        index < 3 || scalars[index - 3] != "."
      {
        return Substring(String(scalars: scalars[index...]))
      }
      index -= 1
    }
    return Substring(text)
  }

  private static func firstSentence(of text: String) -> Substring {
    let scalars = Array(text.unicodeScalars)
    for index in scalars.indices.dropLast() where ".!?".unicodeScalars.contains(scalars[index]) {
      if scalars[index + 1] == " " || scalars[index + 1] == "\n" {
        return Substring(String(scalars: scalars[...index]))
      }
    }
    return Substring(text)
  }
}
