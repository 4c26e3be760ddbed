import DocsLintModel

/// Separates YAML front matter from the Markdown body. cmark would read the
/// `---` lines as thematic breaks, so the front matter is blanked out (its
/// newlines kept) before cmark sees the file: every later line keeps its number.
enum FrontMatterSplitter {
  struct Split {
    var frontMatter: FrontMatter
    var maskedBytes: [UInt8]
  }

  static func split(_ source: SourceText) -> Split? {
    guard source.lineCount >= 2, isDelimiter(source.lineText(1), closing: false) else { return nil }
    var closing: Int?
    for line in 2...source.lineCount where isDelimiter(source.lineText(line), closing: true) {
      closing = line
      break
    }
    guard let closing else { return nil }
    let yamlRange = source.byteRange(lines: 2, max(2, closing - 1))
    let yaml = closing > 2 ? String(decoding: source.bytes[yamlRange], as: UTF8.self) : ""
    var frontMatter = FrontMatter(startLine: 1, endLine: closing)
    // A thematic break, prose, then a setext underline also has this shape: front matter
    // is a mapping (or empty), or broken YAML that starts like one ("key: ...").
    switch YAMLReader.parse(yaml, firstLine: 2) {
    case .success(let value):
      if let value, case .mapping = value {} else if value != nil { return nil }
      frontMatter.value = value
    case .failure(let problem):
      guard startsLikeMapping(yaml) else { return nil }
      frontMatter.problem = problem
    }
    let bodyStart = source.byteRange(ofLine: closing).upperBound
    var masked = [UInt8](repeating: UInt8(ascii: "\n"), count: closing - 1)
    masked.append(contentsOf: source.bytes[bodyStart...])
    return Split(frontMatter: frontMatter, maskedBytes: masked)
  }

  private static func startsLikeMapping(_ yaml: String) -> Bool {
    guard let line = yaml.split(separator: "\n").first(where: { !$0.trimmingBlanks().isEmpty && !$0.hasPrefix("#") })
    else { return false }
    let key = line.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }
    return !key.isEmpty && line.dropFirst(key.count).trimmingBlanks().hasPrefix(":")
  }

  private static func isDelimiter(_ line: String, closing: Bool) -> Bool {
    var trimmed = Substring(line)
    while trimmed.last == " " || trimmed.last == "\t" { trimmed.removeLast() }
    return trimmed == "---" || (closing && trimmed == "...")
  }
}
