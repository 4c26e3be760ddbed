import DocsLintGraph

extension DocumentContext {
  /// The front matter's top-level entries, if it parsed to a mapping.
  var frontMatterEntries: [YAMLEntry] {
    guard case .mapping(let entries, _)? = markdown.frontMatter?.value else { return [] }
    return entries
  }

  /// The span of a front-matter key on its line.
  func span(ofKey entry: YAMLEntry) -> SourceSpan {
    let text = line(entry.line)
    let column = (text.unicodeScalars.firstIndex { $0 != " " }.map { text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: $0) } ?? 0) + 1
    return SourceSpan(line: entry.line, column: column, endColumn: column + entry.key.unicodeScalars.count)
  }

  /// Where the front matter starts (its opening `---`), for findings about absent keys.
  var frontMatterSpan: SourceSpan { SourceSpan(line: markdown.frontMatter?.startLine ?? 1, column: 1) }
}

extension ValueType {
  var article: String {
    switch self {
    case .string: "a string"
    case .date: "a date (YYYY-MM-DD)"
    case .list: "a list"
    case .number: "a number"
    case .boolean: "true or false"
    }
  }
}
