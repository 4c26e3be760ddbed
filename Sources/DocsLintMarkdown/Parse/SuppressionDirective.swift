import DocsLintModel

/// One `docs-lint-*` directive, from an HTML comment or the front-matter key
/// `docs-lint-disable`. Plain values, so the parse cache stores them with the node.
package struct SuppressionDirective: Sendable, Hashable {
  package enum Kind: String, Sendable, Hashable {
    case disable = "docs-lint-disable"
    case enable = "docs-lint-enable"
    case disableNextLine = "docs-lint-disable-next-line"
    case disableLine = "docs-lint-disable-line"
    case disableFile = "docs-lint-disable-file"
    /// A `docs-lint-…` word that is no directive (`docs-lint-disabel`): reported, not ignored.
    case unknown = "unknown"

    /// The keywords a comment may open with.
    package static let keywords = [disable, enable, disableNextLine, disableLine, disableFile].map(\.rawValue)
  }

  /// A rule name as written (`link/missing-file`, `link/*`, `all`) and where.
  package struct RuleName: Sendable, Hashable {
    package var id: String
    package var span: SourceSpan
  }

  package var kind: Kind
  /// Where the comment (or the front-matter key) starts.
  package var span: SourceSpan
  /// Last line of the comment: `disable-next-line` covers the line after it.
  package var endLine: Int
  /// The names listed; empty means every rule. For `.unknown`, the one word written as
  /// the keyword, where it stands.
  package var rules: [RuleName]
  /// True for the front-matter key (which needs `all` to mean every rule).
  package var inFrontMatter: Bool = false
}

/// Reads directives out of HTML comments and front matter. The parser hands it only
/// bytes that are real HTML (blocks and inline HTML), so code never counts.
package enum SuppressionDirectiveReader {
  package static let frontMatterKey = "docs-lint-disable"

  /// Every `<!-- ... -->` comment in `range` that holds a directive.
  static func comments(in source: SourceText, range: Range<Int>) -> [SuppressionDirective] {
    var found: [SuppressionDirective] = []
    var index = range.lowerBound
    while let open = source.find(Array("<!--".utf8), from: index, to: range.upperBound) {
      // Unterminated: the directive is read up to the end of its line, not the whole file.
      let close = source.find(Array("-->".utf8), from: open + 4, to: range.upperBound)
      let lineEnd = source.byteRange(ofLine: source.line(atByte: open)).upperBound
      let end = close ?? min(lineEnd, range.upperBound)
      if let directive = parse(source, comment: open, body: open + 4..<end, endByte: close.map { $0 + 3 } ?? end) {
        found.append(directive)
      }
      index = close.map { $0 + 3 } ?? end
    }
    return found
  }

  /// Parses the text between `<!--` and `-->`: a keyword, then rule names separated by
  /// commas or spaces; a lone `--` starts a free-text reason.
  static func parse(_ source: SourceText, comment open: Int, body: Range<Int>, endByte: Int) -> SuppressionDirective? {
    let bytes = source.bytes
    var index = body.lowerBound
    func skip(_ isSeparator: (UInt8) -> Bool) { while index < body.upperBound, isSeparator(bytes[index]) { index += 1 } }
    skip(isSpace)
    let keywordStart = index
    skip { !isSpace($0) && $0 != UInt8(ascii: ",") }
    let keyword = String(decoding: bytes[keywordStart..<index], as: UTF8.self)
    guard let kind = SuppressionDirective.Kind(rawValue: keyword), kind != .unknown else {
      guard keyword.hasPrefix("docs-lint-") else { return nil }
      let word = SuppressionDirective.RuleName(id: keyword, span: source.span(bytes: keywordStart..<index))
      let span = source.span(bytes: open..<endByte)
      return SuppressionDirective(kind: .unknown, span: span, endLine: span.endLine, rules: [word])
    }
    var rules: [SuppressionDirective.RuleName] = []
    while true {
      skip { isSpace($0) || $0 == UInt8(ascii: ",") }
      guard index < body.upperBound else { break }
      let start = index
      skip { !isSpace($0) && $0 != UInt8(ascii: ",") }
      let name = String(decoding: bytes[start..<index], as: UTF8.self)
      if name == "--" { break }
      rules.append(.init(id: name, span: source.span(bytes: start..<index)))
    }
    let span = source.span(bytes: open..<endByte)
    return SuppressionDirective(kind: kind, span: span, endLine: span.endLine, rules: rules)
  }

  /// `docs-lint-disable: [a, b]` (or one string, comma or space separated) in front matter:
  /// the whole file. An empty value disables nothing; `all` disables every rule.
  static func frontMatter(_ frontMatter: FrontMatter?, source: SourceText) -> SuppressionDirective? {
    guard case .mapping(let entries, _)? = frontMatter?.value,
      let entry = entries.first(where: { $0.key == frontMatterKey })
    else { return nil }
    let keyStart = locate(frontMatterKey, onLine: entry.line, from: nil, in: source)
    var cursor: (line: Int, byte: Int) = (entry.line, keyStart?.upperBound ?? 0)
    var rules: [SuppressionDirective.RuleName] = []
    func add(_ text: String, line: Int) {
      for name in text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }) {
        let from = cursor.line == line ? cursor.byte : nil
        guard let range = locate(String(name), onLine: line, from: from, in: source) else {
          rules.append(.init(id: String(name), span: SourceSpan(line: line, column: 1)))
          continue
        }
        cursor = (line, range.upperBound)
        rules.append(.init(id: String(name), span: source.span(bytes: range)))
      }
    }
    switch entry.value {
    case .scalar(let text, let line): add(text, line: line)
    case .sequence(let items, _):
      for case .scalar(let text, let line) in items { add(text, line: line) }
    case .mapping: break
    }
    let span = keyStart.map { source.span(bytes: $0) } ?? SourceSpan(line: entry.line, column: 1)
    // Nothing listed means nothing disabled here (unlike a comment): an empty key is not "all".
    guard !rules.isEmpty else { return nil }
    return SuppressionDirective(kind: .disableFile, span: span, endLine: entry.line, rules: rules, inFrontMatter: true)
  }

  /// Byte range of `text` on `line`, at or after byte `from`.
  private static func locate(_ text: String, onLine line: Int, from: Int?, in source: SourceText) -> Range<Int>? {
    guard line >= 1, line <= source.lineCount else { return nil }
    let lineRange = source.byteRange(ofLine: line)
    let needle = Array(text.utf8)
    guard let start = source.find(needle, from: max(from ?? lineRange.lowerBound, lineRange.lowerBound), to: lineRange.upperBound)
    else { return nil }
    return start..<start + needle.count
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
  }
}
