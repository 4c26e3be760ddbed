import Foundation

/// Case and accents folded away ("Producción" → "produccion"), as section titles and
/// words are compared. ASCII text (most of it) is lowercased byte by byte; anything else
/// goes through Foundation, which bridges through NSString and dominated profiles.
package enum TextFolding {
  package static func caseAndAccents(_ text: String) -> String {
    lowercasedASCII(text) ?? text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
  }

  /// ASCII text with its letters lowercased byte by byte (the text itself when it has no
  /// capitals); nil when the text is not ASCII.
  package static func lowercasedASCII(_ text: String) -> String? {
    guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
    guard text.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return text }
    return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
  }
}
