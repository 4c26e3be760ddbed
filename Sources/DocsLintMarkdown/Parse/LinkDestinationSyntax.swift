import DocsLintModel

/// A link destination as CommonMark writes it: `<any text but line breaks>` or a run
/// without blanks or controls whose parentheses balance (a backslash escapes either).
struct LinkDestinationSyntax {
  /// The written destination, without the pointy brackets.
  var range: Range<Int>
  var isPointy: Bool
  /// The byte after the destination (after `>` for pointy ones).
  var end: Int

  /// Reads a destination at `start`; nil when none is written there.
  static func read(_ bytes: [UInt8], at start: Int, limit: Int) -> LinkDestinationSyntax? {
    guard start < limit else { return nil }
    if bytes[start] == UInt8(ascii: "<") {
      var index = start + 1
      while index < limit {
        switch bytes[index] {
        case UInt8(ascii: "\\"): index += 2
        case UInt8(ascii: ">"): return LinkDestinationSyntax(range: (start + 1)..<index, isPointy: true, end: index + 1)
        case UInt8(ascii: "<"), 0x0A, 0x0D: return nil
        default: index += 1
        }
      }
      return nil
    }
    var index = start
    var depth = 0
    scan: while index < limit {
      switch bytes[index] {
      case UInt8(ascii: "\\"):
        index += index + 1 < limit && isPunctuation(bytes[index + 1]) ? 2 : 1
        continue
      case UInt8(ascii: "("): depth += 1
      case UInt8(ascii: ")"):
        if depth == 0 { break scan }
        depth -= 1
      case 0...0x20, 0x7F: break scan
      default: break
      }
      index += 1
    }
    guard index > start, depth == 0 else { return nil }
    return LinkDestinationSyntax(range: start..<index, isPointy: false, end: index)
  }

  /// The destination with escapes and character references decoded.
  func decoded(in bytes: [UInt8]) -> String {
    MarkdownEscapes.decodeDestination(String(decoding: bytes[range], as: UTF8.self), pointy: isPointy)
  }

  static func isPunctuation(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: true
    default: false
    }
  }
}
