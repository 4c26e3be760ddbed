/// A path glob as in `.gitignore`-style configs: `*` and `?` stay within one
/// path segment, `**` spans any number of segments (at least one when it ends the
/// pattern: `docs/**` is what is inside `docs`, as in git), `[abc]`/`[!a-z]` are
/// character classes. Matching is case-sensitive, like Linux file systems.
package struct Glob: Sendable, Hashable, CustomStringConvertible {
  package let pattern: String
  private let segments: [[Unicode.Scalar]]
  /// The segments as matched: a closing `**` as `*/**`, so it takes one segment at least.
  private let matched: [[Unicode.Scalar]]
  /// A literal ending every match must have ("**/*.md" → ".md"): a cheap first test.
  private let requiredSuffix: String
  /// The literal folders before the first wildcard, with their slash ("docs/adr/").
  private let requiredPrefix: String
  /// Literal folders after a wildcard ("/adr/" in "**/adr/*.md"), each a cheap substring test.
  private let requiredSegments: [String]
  private let isAnySuffix: Bool
  /// `matched` as bytes, when the pattern has no character class: matched over the path's
  /// own bytes, without splitting it into arrays of scalars.
  private let byteSegments: [[UInt8]]?
  /// The literal text every match starts with, up to the first wildcard ("tests/test_"
  /// for "tests/test_*.py", "docs/" for "docs/**"): the paths worth trying sort together.
  package let leadingLiteral: String

  package init(_ pattern: String) {
    var trimmed = pattern
    while trimmed.hasPrefix("./") { trimmed.removeFirst(2) }
    if trimmed.hasPrefix("/") { trimmed.removeFirst() }
    // A trailing slash means "this folder and everything below it".
    if trimmed.hasSuffix("/") { trimmed += "**" }
    self.pattern = trimmed
    self.segments = trimmed.split(separator: "/", omittingEmptySubsequences: true).map { Array($0.unicodeScalars) }
    self.matched = segments.last == ["*", "*"] ? segments.dropLast() + [["*"], ["*", "*"]] : segments
    let last = segments.last ?? []
    let tail = last.reversed().prefix { $0 != "*" && $0 != "?" && $0 != "]" && $0 != "[" }
    self.requiredSuffix = tail.count < last.count ? String(scalars: tail.reversed()) : ""
    let literal = segments.prefix { !$0.contains(where: { $0 == "*" || $0 == "?" || $0 == "[" }) }
    self.requiredPrefix = literal.count < segments.count && !literal.isEmpty
      ? literal.map { String(scalars: $0) }.joined(separator: "/") + "/" : ""
    self.requiredSegments = segments.dropFirst(literal.count).dropLast()
      .filter { !$0.contains(where: { $0 == "*" || $0 == "?" || $0 == "[" }) }
      .map { "/" + String(scalars: $0) + "/" }
    if let wildcard = segments.dropFirst(literal.count).first {
      self.leadingLiteral = requiredPrefix + String(scalars: wildcard.prefix { $0 != "*" && $0 != "?" && $0 != "[" })
    } else {
      self.leadingLiteral = segments.map { String(scalars: $0) }.joined(separator: "/")
    }
    self.byteSegments = trimmed.utf8.contains(UInt8(ascii: "[")) ? nil : matched.map { Array(String(scalars: $0).utf8) }
    self.isAnySuffix = segments.count == 2 && segments[0] == ["*", "*"] && last.first == "*" && tail.count == last.count - 1
  }

  package var description: String { pattern }

  /// A path written as a pattern that matches just it: `*`, `?` and `[` in a name (a
  /// Next.js `app/[locale]/` folder) become one-character classes.
  package static func escaping(_ literal: String) -> String {
    var escaped = ""
    for character in literal {
      switch character {
      case "*", "?", "[": escaped += "[\(character)]"
      default: escaped.append(character)
      }
    }
    return escaped
  }

  /// True when the text has glob metacharacters.
  @inlinable
  package static func isPattern(_ text: Substring) -> Bool {
    text.utf8.contains { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "[") }
  }

  package func matches(_ path: String) -> Bool {
    if !requiredSuffix.isEmpty, !path.hasByteSuffix(requiredSuffix) { return false }
    if !requiredPrefix.isEmpty, !path.hasBytePrefix(requiredPrefix) { return false }
    // "/adr/" inside the path, or "adr/" opening it ("**/" may match no folder at all).
    for segment in requiredSegments where !path.includes(segment) && !path.hasBytePrefix(String(segment.dropFirst())) {
      return false
    }
    // "**/*.md": the suffix test above was the whole question.
    if isAnySuffix { return true }
    if let byteSegments { return Self.match(byteSegments, path) }
    // "**/EXECPLAN_*.md": only the file name matters.
    if segments.count == 2, segments[0] == ["*", "*"] {
      let name = RepoPath.name(of: path)
      return Self.matchSegment(segments[1][...], Array(name.unicodeScalars)[...])
    }
    let parts = path.split(separator: "/", omittingEmptySubsequences: true).map { Array($0.unicodeScalars) }
    return Self.match(matched[...], parts[...])
  }

  /// A path against byte segments: the path's segments as ranges of its bytes.
  private static func match(_ pattern: [[UInt8]], _ path: String) -> Bool {
    path.withBytes { bytes in
      let parts = bytes.runs { $0 == UInt8(ascii: "/") }
      let doubleStar: [UInt8] = [UInt8(ascii: "*"), UInt8(ascii: "*")]
      return greedy(
        pattern[...], parts[...], isStar: { $0 == doubleStar },
        step: { index, part in matchSegment(pattern[index], bytes, part) ? index + 1 : nil })
    }
  }

  /// One segment on bytes: `*` and `?` take whole scalars (a literal byte after a `*` is
  /// never a continuation byte, so matches stay on scalar boundaries).
  private static func matchSegment(_ pattern: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    func nextScalar(_ index: Int) -> Int {
      var next = index + 1
      while next < range.upperBound, bytes[next] & 0xC0 == 0x80 { next += 1 }
      return next
    }
    var p = 0
    var t = range.lowerBound
    var star: (pattern: Int, text: Int)?
    while t < range.upperBound {
      if p < pattern.count {
        switch pattern[p] {
        case UInt8(ascii: "*"):
          star = (p, t)
          p += 1
          continue
        case UInt8(ascii: "?"):
          p += 1
          t = nextScalar(t)
          continue
        case bytes[t]:
          p += 1
          t += 1
          continue
        default: break
        }
      }
      guard let last = star else { return false }
      let next = nextScalar(last.text)
      star = (last.pattern, next)
      p = last.pattern + 1
      t = next
    }
    while p < pattern.count, pattern[p] == UInt8(ascii: "*") { p += 1 }
    return p == pattern.count
  }

  /// Wildcards are matched greedily, going back only to the last `*` (or `**`) seen, as
  /// shells and git do: patterns with many stars cost the product of the two lengths at
  /// most, never the exponential time of trying every split.
  private static func match(_ pattern: ArraySlice<[Unicode.Scalar]>, _ path: ArraySlice<[Unicode.Scalar]>) -> Bool {
    greedy(
      pattern, path, isStar: { $0 == ["*", "*"] },
      step: { index, segment in matchSegment(pattern[index][...], segment[...]) ? index + 1 : nil })
  }

  private static func matchSegment(_ pattern: ArraySlice<Unicode.Scalar>, _ text: ArraySlice<Unicode.Scalar>) -> Bool {
    greedy(pattern, text, isStar: { $0 == "*" }, step: { index, character in step(pattern, at: index, over: character) })
  }

  /// The one matching loop, for segments against `**` and characters against `*`: `step`
  /// says where the pattern goes on after an element matched, or nil.
  private static func greedy<Pattern, Element>(
    _ pattern: ArraySlice<Pattern>, _ text: ArraySlice<Element>, isStar: (Pattern) -> Bool,
    step: (Int, Element) -> Int?
  ) -> Bool {
    var p = pattern.startIndex
    var t = text.startIndex
    var star: (pattern: Int, text: Int)?
    while t < text.endIndex {
      if p < pattern.endIndex {
        if isStar(pattern[p]) {
          star = (p, t)
          p += 1
          continue
        }
        if let next = step(p, text[t]) {
          p = next
          t += 1
          continue
        }
      }
      guard let last = star else { return false }
      star = (last.pattern, last.text + 1)
      p = last.pattern + 1
      t = last.text + 1
    }
    while p < pattern.endIndex, isStar(pattern[p]) { p += 1 }
    return p == pattern.endIndex
  }

  /// Where the pattern goes on after matching `character` at `index` (`?`, a class, a
  /// literal), or nil when it does not match.
  private static func step(_ pattern: ArraySlice<Unicode.Scalar>, at index: Int, over character: Unicode.Scalar) -> Int? {
    switch pattern[index] {
    case "?":
      return index + 1
    case "[":
      guard let (matched, rest) = matchClass(pattern[(index + 1)...], character) else {
        // An unterminated class is a literal "[".
        return character == "[" ? index + 1 : nil
      }
      return matched ? rest.startIndex : nil
    case let literal:
      return literal == character ? index + 1 : nil
    }
  }

  /// Reads a class body after "[", returning whether `character` is in it and the rest of the pattern.
  private static func matchClass(_ body: ArraySlice<Unicode.Scalar>, _ character: Unicode.Scalar)
    -> (Bool, ArraySlice<Unicode.Scalar>)?
  {
    var rest = body
    var negated = false
    if let first = rest.first, first == "!" || first == "^" {
      negated = true
      rest = rest.dropFirst()
    }
    var matched = false
    var isFirst = true
    while let current = rest.first {
      if current == "]" && !isFirst {
        return (matched != negated, rest.dropFirst())
      }
      isFirst = false
      rest = rest.dropFirst()
      if rest.count >= 2, rest.first == "-", let upper = rest.dropFirst().first, upper != "]" {
        if current <= character && character <= upper { matched = true }
        rest = rest.dropFirst(2)
      } else if current == character {
        matched = true
      }
    }
    return nil
  }
}
