import Foundation

/// Case and accents folded away ("Producción" → "produccion"), as section titles and
/// words are compared. ASCII text (most of it) is lowercased byte by byte, and so is text
/// whose only other letters are the accented Latin letters of Spanish, French and German
/// titles; anything else goes through Foundation, which bridges through NSString and
/// dominated profiles.
package enum TextFolding {
  package static func caseAndAccents(_ text: String) -> String {
    lowercasedASCII(text) ?? foldedLatin(text) ?? text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
  }

  /// ASCII text with its letters lowercased byte by byte (the text itself when it has no
  /// capitals); nil when the text is not ASCII.
  package static func lowercasedASCII(_ text: String) -> String? {
    guard text.isASCII else { return nil }
    guard text.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return text }
    return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
  }

  /// The fold of text made of ASCII and the precomposed accented letters of Latin-1
  /// (`á`, `Ñ`, `ü`, ...) and `¿`/`¡`, as Foundation folds them; nil for anything else
  /// (decomposed accents, other scripts), which Foundation handles.
  static func foldedLatin(_ text: String) -> String? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value < 0x80 {
        bytes.append(value >= 0x41 && value <= 0x5A ? UInt8(value) | 0x20 : UInt8(value))
      } else if value >= 0xC0, value <= 0xFF, let base = latinBase[Int(value - 0xC0)] {
        bytes.append(base)
      } else if value == 0xA1 || value == 0xBF {
        bytes.append(contentsOf: String(scalar).utf8)  // ¡ ¿: punctuation, kept
      } else {
        return nil
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// U+00C0...U+00FF to the ASCII letter they fold to; nil where the fold is not one
  /// ASCII letter (Æ, Ð, ×, Ø, Þ, ß, æ, ð, ÷, ø, þ).
  private static let latinBase: [UInt8?] = Array("aaaaaa_ceeeeiiii_nooooo__uuuuy__aaaaaa_ceeeeiiii_nooooo__uuuuy_y".utf8).map {
    $0 == UInt8(ascii: "_") ? nil : $0
  }
}
