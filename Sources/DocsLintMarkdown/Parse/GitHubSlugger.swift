import DocsLintModel

/// Heading anchors exactly as github.com renders them: lowercase, drop every
/// character that is not a letter, mark, number, `-`, `_` or space, then turn
/// each space into `-` (runs are not collapsed). Repeats get `-1`, `-2`, ...
package struct GitHubSlugger: Sendable {
  private var occurrences: [String: Int] = [:]

  package init() {}

  /// The slug for one heading text, without duplicate handling.
  package static func slug(_ text: String) -> String {
    if text.isASCII { return asciiSlug(text) }
    return latinSlug(text) ?? unicodeSlug(text)
  }

  /// The general case: Unicode lowercasing and properties, scalar by scalar.
  static func unicodeSlug(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if scalar.isASCII {
        switch scalar {
        case " ": result.append("-")
        case "A"..."Z": result.append(Unicode.Scalar(scalar.value | 0x20)!)
        case "a"..."z", "0"..."9", "_", "-": result.append(scalar)
        default: break
        }
        continue
      }
      // Full Unicode lowercasing, scalar by scalar ("İ" becomes "i" + U+0307).
      let properties = scalar.properties
      let lowered = properties.changesWhenLowercased ? Array(properties.lowercaseMapping.unicodeScalars) : [scalar]
      for piece in lowered where isKept(piece) { result.append(piece) }
    }
    return String(result)
  }

  /// The same rules for ASCII text, without Unicode tables.
  private static func asciiSlug(_ text: String) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    text.withBytes { text in
      for byte in text {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte | 0x20)
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"),
          UInt8(ascii: "_"):
          bytes.append(byte)
        case UInt8(ascii: " "): bytes.append(UInt8(ascii: "-"))
        default: break
        }
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The same rules for text of Latin-1 scalars (Spanish, French, German headings), with
  /// their lowercase mappings and properties written out: nil for any other scalar.
  private static func latinSlug(_ text: String) -> String? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      let value = scalar.value
      switch value {
      case 0x41...0x5A: bytes.append(UInt8(value) | 0x20)
      case 0x61...0x7A, 0x30...0x39, 0x2D, 0x5F: bytes.append(UInt8(value))
      case 0x20: bytes.append(0x2D)
      case 0x00...0x7F: break
      // Capitals À–Þ (not ×) lowercase to their letter 0x20 above; ß, à–ÿ (not ÷), ª, µ
      // and º are letters kept as they are; everything else up to ÿ is dropped.
      case 0xC0...0xD6, 0xD8...0xDE: UTF8.encode(Unicode.Scalar(value + 0x20)!) { bytes.append($0) }
      case 0xDF...0xF6, 0xF8...0xFF, 0xAA, 0xB5, 0xBA: UTF8.encode(scalar) { bytes.append($0) }
      case 0x80...0xFF: break
      default: return nil
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The next slug for a heading in document order, unique within the document.
  package mutating func next(_ text: String) -> String {
    let base = Self.slug(text)
    var candidate = base
    while occurrences[candidate] != nil {
      let count = (occurrences[base] ?? 0) + 1
      occurrences[base] = count
      candidate = "\(base)-\(count)"
    }
    occurrences[candidate] = 0
    return candidate
  }

  /// GitHub keeps `[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}-]` and spaces; everything else
  /// (punctuation, symbols, emoji, other whitespace, `²`, `½`) is dropped.
  private static func isKept(_ scalar: Unicode.Scalar) -> Bool {
    if scalar == "-" || scalar.properties.isAlphabetic { return true }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation:
      return true
    default:
      return false
    }
  }
}
