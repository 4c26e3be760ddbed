import DocsLintMarkdown
import Foundation

/// Section titles compared the way people write them in mixed English/Spanish
/// trees: case, accents, numbering ("7.", "1.2", "IV.") and punctuation ignored.
package enum TitleMatcher {
  /// "## 7. Plan de Testing" → "plan de testing"; "Decisión" → "decision".
  package static func normalize(_ title: String) -> String { normalize(title, keepingWildcards: false) }

  /// The same for an alias pattern, keeping its `*` wildcards ("Riesgos*" → "riesgos*").
  package static func normalizePattern(_ pattern: String) -> String { normalize(pattern, keepingWildcards: true) }

  private static func normalize(_ title: String, keepingWildcards: Bool) -> String {
    let folded = TextFolding.caseAndAccents(title)
    var words: [Substring]
    if folded.utf8.allSatisfy({ $0 < 0x80 }) {
      // ASCII: letters and digits by byte, without Unicode property lookups.
      words = folded.utf8.split { byte in
        !(byte.isASCIIAlphanumeric || (keepingWildcards && byte == UInt8(ascii: "*")))
      }.map { Substring($0) }
    } else {
      words = folded.split { !($0.isLetter || $0.isNumber || (keepingWildcards && $0 == "*")) }
    }
    // Numbering: leading words made only of digits (from "7.", "1.2", "3)").
    while let first = words.first, words.count > 1, first.allSatisfy(\.isNumber) { words.removeFirst() }
    return words.joined(separator: " ")
  }

  /// Whether a normalized section title matches a normalized title or alias: the whole
  /// title, and a trailing `*` stands for further words only ("decision*" matches
  /// "decision" and "decision tomada", not "decisiones relacionadas").
  package static func matchesSection(_ title: String, pattern: String) -> Bool {
    guard pattern.utf8.last == UInt8(ascii: "*"), pattern.utf8.dropLast().allSatisfy({ $0 != UInt8(ascii: "*") }) else {
      return matches(title, pattern: pattern)
    }
    let prefix = pattern.dropLast()
    guard title.hasPrefix(prefix) else { return false }
    return title.utf8.count == prefix.utf8.count || prefix.isEmpty
      || title.utf8[title.utf8.index(title.utf8.startIndex, offsetBy: prefix.utf8.count)] == UInt8(ascii: " ")
  }

  /// Whether a normalized title matches a normalized pattern (`*` matches any run).
  package static func matches(_ title: String, pattern: String) -> Bool {
    guard pattern.utf8.contains(UInt8(ascii: "*")) else { return title == pattern }
    // The usual shapes, without splitting: "prefix*", "*suffix". Byte-wise: both sides are
    // normalized the same way, with accents (combining marks) folded away.
    if pattern.utf8.last == UInt8(ascii: "*"), pattern.utf8.dropLast().allSatisfy({ $0 != UInt8(ascii: "*") }) {
      return title.hasBytePrefix(String(pattern.dropLast()))
    }
    if pattern.utf8.first == UInt8(ascii: "*"), pattern.utf8.dropFirst().allSatisfy({ $0 != UInt8(ascii: "*") }) {
      return title.hasByteSuffix(String(pattern.dropFirst()))
    }
    let parts = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
    var rest = Substring(title)
    for (index, part) in parts.enumerated() {
      if part.isEmpty { continue }
      if index == 0 {
        guard rest.hasPrefix(part) else { return false }
        rest = rest.dropFirst(part.count)
      } else if index == parts.count - 1 {
        return rest.hasSuffix(part)
      } else {
        guard let range = rest.range(of: part) else { return false }
        rest = rest[range.upperBound...]
      }
    }
    return true
  }
}
