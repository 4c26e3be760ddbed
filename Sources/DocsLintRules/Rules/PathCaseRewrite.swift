import DocsLintGraph

/// The written form of a path whose letter case differs from the real one, with only
/// the differing segments rewritten: `./`, `../`, a query and a fragment stay as written.
enum PathCaseRewrite {
  /// - Parameters:
  ///   - written: the path as written (a link destination may carry `?query` and `#fragment`).
  ///   - resolved: the root-relative path `written` resolved to.
  ///   - actual: the real path, equal to `resolved` but for letter case.
  ///   - isLink: link destinations are percent-decoded and end at `?` or `#`.
  /// - Returns: the rewritten text, or nil unless the rewrite provably resolves to `actual`.
  static func rewrite(_ written: String, resolved: String, actual: String, isLink: Bool) -> String? {
    // Byte-wise: `/`, `#` and `?` are ASCII, and walking characters is slow.
    let bytes = written.utf8
    let pathEnd =
      isLink ? bytes.firstIndex { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") } ?? bytes.endIndex : bytes.endIndex
    func split(_ text: Substring, keepingEmpty: Bool) -> [String] {
      text.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: !keepingEmpty).map { String(Substring($0)) }
    }
    var segments = split(written[..<pathEnd], keepingEmpty: true)
    var target = split(resolved[...], keepingEmpty: false)
    let real = split(actual[...], keepingEmpty: false)
    guard target.count == real.count else { return nil }
    // Written segments, read from the end, name the resolved path's last segments; "./"
    // adds nothing and "../" ends what the written text controls.
    var position = target.count - 1
    for index in segments.indices.reversed() {
      let segment = segments[index]
      if segment.isEmpty || segment == "." { continue }
      if segment == ".." || position < 0 { break }
      let decoded = isLink ? RepoPath.percentDecoded(segment) : segment
      // The pairing is lost (escapes, odd resolution): not sure, so no rewrite.
      guard decoded == target[position] else { return nil }
      if target[position] != real[position] {
        // Percent-encoded segments would need re-encoding; leave them to the author.
        guard !segment.contains("%") else { return nil }
        segments[index] = real[position]
        target[position] = real[position]
      }
      position -= 1
    }
    // Only when the written text now resolves to the real path (a differing folder
    // before a "../" or the document's own folder cannot be rewritten here).
    guard target == real else { return nil }
    return segments.joined(separator: "/") + written[pathEnd...]
  }
}

extension Fix {
  /// Replaces a reference's text as written with `text`; nil when there is nothing
  /// to change or the span cannot hold the written text (then the span is not trusted).
  package static func replacing(_ reference: Reference, with text: String) -> Fix? {
    let span = reference.span
    guard text != reference.text, span.line == span.endLine,
      span.endColumn - span.column == reference.text.unicodeScalars.count
    else { return nil }
    return Fix([Replacement(span: span, original: reference.text, text: text)])
  }
}
