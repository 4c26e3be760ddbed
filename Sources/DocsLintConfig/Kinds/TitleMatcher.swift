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
    if let ascii = normalizedASCII(title, keepingWildcards: keepingWildcards) { return ascii }
    let folded = TextFolding.caseAndAccents(title)
    if let ascii = normalizedASCII(folded, keepingWildcards: keepingWildcards) { return ascii }
    var words = folded.split { !($0.isLetter || $0.isNumber || (keepingWildcards && $0 == "*")) }
    // Numbering: leading words made only of digits (from "7.", "1.2", "3)").
    while let first = words.first, words.count > 1, first.allSatisfy(\.isNumber) { words.removeFirst() }
    return words.joined(separator: " ")
  }

  /// The same for ASCII text (most titles, and most once folded), in one pass over its
  /// bytes: letters lowercased, words of letters and digits joined by one space, leading
  /// numbering dropped. Nil for any other text.
  private static func normalizedASCII(_ text: String, keepingWildcards: Bool) -> String? {
    text.withBytes { bytes -> String? in
      guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
      let words = bytes.runs { !($0.isASCIIAlphanumeric || (keepingWildcards && $0 == UInt8(ascii: "*"))) }
      var first = 0
      while words.count - first > 1, words[first].allSatisfy({ bytes[$0] >= 0x30 && bytes[$0] <= 0x39 }) { first += 1 }
      var normalized: [UInt8] = []
      normalized.reserveCapacity(bytes.count)
      for word in words[first...] {
        if !normalized.isEmpty { normalized.append(0x20) }
        for index in word { normalized.append(bytes[index] >= 0x41 && bytes[index] <= 0x5A ? bytes[index] | 0x20 : bytes[index]) }
      }
      return String(decoding: normalized, as: UTF8.self)
    }
  }

  /// Whether a normalized section title matches a normalized title or alias: the whole
  /// title, and a trailing `*` stands for further words only ("decision*" matches
  /// "decision" and "decision tomada", not "decisiones relacionadas").
  package static func matchesSection(_ title: some StringProtocol, pattern: String) -> Bool {
    guard title.isASCII, pattern.isASCII else { return UnicodeTitles.matchesSection(String(title), pattern: pattern) }
    return pattern.withBytes { pattern in
      title.withBytes { title in
        guard let star = pattern.firstIndex(of: UInt8(ascii: "*")), star == pattern.count - 1 else {
          return matches(title, pattern: pattern)
        }
        guard title.count >= star, equal(title, from: 0, pattern, 0..<star) else { return false }
        return title.count == star || star == 0 || title[star] == UInt8(ascii: " ")
      }
    }
  }

  /// Whether a normalized title matches a normalized pattern (`*` matches any run).
  package static func matches(_ title: some StringProtocol, pattern: String) -> Bool {
    // Bytes compare as characters only for ASCII: other text (scripts whose marks are not
    // folded away) compares as Swift strings do, canonical equivalents equal.
    guard title.isASCII, pattern.isASCII else { return UnicodeTitles.matches(String(title), pattern: pattern) }
    return pattern.withBytes { pattern in title.withBytes { title in matches(title, pattern: pattern) } }
  }

  /// The same on bytes, without allocating: both sides are normalized the same way (accents
  /// folded away), so bytes compare as characters do. The part before the first `*` is a
  /// prefix, the part after the last a suffix, and the parts between occur in order.
  private static func matches(_ title: UnsafeBufferPointer<UInt8>, pattern: UnsafeBufferPointer<UInt8>) -> Bool {
    let star = UInt8(ascii: "*")
    guard let first = pattern.firstIndex(of: star) else {
      return title.count == pattern.count && equal(title, from: 0, pattern, 0..<pattern.count)
    }
    let last = pattern.lastIndex(of: star)!
    let suffixCount = pattern.count - last - 1
    guard title.count >= first + suffixCount, equal(title, from: 0, pattern, 0..<first),
      equal(title, from: title.count - suffixCount, pattern, (last + 1)..<pattern.count)
    else { return false }
    // The middle parts, each found after the previous one, before the suffix.
    var at = first
    var part = first + 1
    let end = title.count - suffixCount
    while part < last {
      let partEnd = pattern[part...last].firstIndex(of: star)!
      if partEnd > part {
        let needle = UnsafeBufferPointer(rebasing: pattern[part..<partEnd])
        guard let found = ByteSearch.firstIndex(of: needle, in: title, from: at, to: end) else { return false }
        at = found + needle.count
      }
      part = partEnd + 1
    }
    return true
  }

  /// Whether `title[offset...]` begins with `pattern[range]`.
  private static func equal(
    _ title: UnsafeBufferPointer<UInt8>, from offset: Int, _ pattern: UnsafeBufferPointer<UInt8>, _ range: Range<Int>
  ) -> Bool {
    guard offset >= 0, offset + range.count <= title.count else { return false }
    for index in 0..<range.count where title[offset + index] != pattern[range.lowerBound + index] { return false }
    return true
  }
}

/// Titles and patterns with non-ASCII text left after folding, compared as strings.
private enum UnicodeTitles {
  static func matchesSection(_ title: String, pattern: String) -> Bool {
    guard pattern.utf8.last == UInt8(ascii: "*"), pattern.utf8.dropLast().allSatisfy({ $0 != UInt8(ascii: "*") }) else {
      return matches(title, pattern: pattern)
    }
    let prefix = pattern.dropLast()
    guard title.hasPrefix(prefix) else { return false }
    // By characters: a canonically equal prefix may have other bytes than the pattern's.
    let rest = title.dropFirst(prefix.count)
    return rest.isEmpty || prefix.isEmpty || rest.first == " "
  }

  static func matches(_ title: String, pattern: String) -> Bool {
    guard pattern.utf8.contains(UInt8(ascii: "*")) else { return title == pattern }
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
