/// A path glob as in `.gitignore`-style configs: `*` and `?` stay within one
/// path segment, `**` spans any number of segments, `[abc]`/`[!a-z]` are
/// character classes. Matching is case-sensitive, like Linux file systems.
package struct Glob: Sendable, Hashable, CustomStringConvertible {
  package let pattern: String
  private let segments: [[Unicode.Scalar]]
  /// A literal ending every match must have ("**/*.md" → ".md"): a cheap first test.
  private let requiredSuffix: String
  /// The literal folders before the first wildcard, with their slash ("docs/adr/").
  private let requiredPrefix: String
  /// Literal folders after a wildcard ("/adr/" in "**/adr/*.md"), each a cheap substring test.
  private let requiredSegments: [String]
  private let isAnySuffix: Bool

  package init(_ pattern: String) {
    var trimmed = pattern
    while trimmed.hasPrefix("./") { trimmed.removeFirst(2) }
    if trimmed.hasPrefix("/") { trimmed.removeFirst() }
    // A trailing slash means "this folder and everything below it".
    if trimmed.hasSuffix("/") { trimmed += "**" }
    self.pattern = trimmed
    self.segments = trimmed.split(separator: "/", omittingEmptySubsequences: true).map { Array($0.unicodeScalars) }
    let last = segments.last ?? []
    let tail = last.reversed().prefix { $0 != "*" && $0 != "?" && $0 != "]" && $0 != "[" }
    self.requiredSuffix = tail.count < last.count ? String(String.UnicodeScalarView(tail.reversed())) : ""
    let literal = segments.prefix { !$0.contains(where: { $0 == "*" || $0 == "?" || $0 == "[" }) }
    self.requiredPrefix = literal.count < segments.count && !literal.isEmpty
      ? literal.map { String(String.UnicodeScalarView($0)) }.joined(separator: "/") + "/" : ""
    self.requiredSegments = segments.dropFirst(literal.count).dropLast()
      .filter { !$0.contains(where: { $0 == "*" || $0 == "?" || $0 == "[" }) }
      .map { "/" + String(String.UnicodeScalarView($0)) + "/" }
    self.isAnySuffix = segments.count == 2 && segments[0] == ["*", "*"] && last.first == "*" && tail.count == last.count - 1
  }

  package var description: String { pattern }

  /// True when the text has glob metacharacters.
  @inlinable
  package static func isPattern(_ text: Substring) -> Bool {
    text.utf8.contains { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "[") }
  }

  /// The literal folder prefix before the first wildcard segment (for fast listing).
  package var literalPrefix: String {
    var parts: [String] = []
    for segment in segments {
      if segment.contains(where: { $0 == "*" || $0 == "?" || $0 == "[" }) { break }
      parts.append(String(String.UnicodeScalarView(segment)))
    }
    return parts.joined(separator: "/")
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
    // "**/EXECPLAN_*.md": only the file name matters.
    if segments.count == 2, segments[0] == ["*", "*"] {
      let name = RepoPath.name(of: path)
      return Self.matchSegment(segments[1][...], Array(name.unicodeScalars)[...])
    }
    let parts = path.split(separator: "/", omittingEmptySubsequences: true).map { Array($0.unicodeScalars) }
    return Self.match(segments[...], parts[...])
  }

  private static func match(_ pattern: ArraySlice<[Unicode.Scalar]>, _ path: ArraySlice<[Unicode.Scalar]>) -> Bool {
    guard let head = pattern.first else { return path.isEmpty }
    if head == ["*", "*"] {
      let rest = pattern.dropFirst()
      var candidate = path
      while true {
        if match(rest, candidate) { return true }
        guard !candidate.isEmpty else { return false }
        candidate = candidate.dropFirst()
      }
    }
    guard let segment = path.first, matchSegment(head[...], segment[...]) else { return false }
    return match(pattern.dropFirst(), path.dropFirst())
  }

  private static func matchSegment(_ pattern: ArraySlice<Unicode.Scalar>, _ text: ArraySlice<Unicode.Scalar>) -> Bool {
    guard let head = pattern.first else { return text.isEmpty }
    switch head {
    case "*":
      var candidate = text
      while true {
        if matchSegment(pattern.dropFirst(), candidate) { return true }
        guard !candidate.isEmpty else { return false }
        candidate = candidate.dropFirst()
      }
    case "?":
      guard !text.isEmpty else { return false }
      return matchSegment(pattern.dropFirst(), text.dropFirst())
    case "[":
      guard let character = text.first,
        let (matched, rest) = matchClass(pattern.dropFirst(), character)
      else {
        // An unterminated class is a literal "[".
        return text.first == "[" && matchSegment(pattern.dropFirst(), text.dropFirst())
      }
      return matched && matchSegment(rest, text.dropFirst())
    default:
      guard text.first == head else { return false }
      return matchSegment(pattern.dropFirst(), text.dropFirst())
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
