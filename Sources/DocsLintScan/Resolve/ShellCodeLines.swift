import DocsLintConfig

/// The lines of code a command may be written on: single-line code spans, and the
/// lines of unlabelled blocks and of blocks in `shell-languages` (`rules/paths.yml`),
/// each with the line and column it starts at. Columns are counted only for lines that
/// hold `needle`.
package enum ShellCodeLines {
  package static func containing(
    _ needle: String, in markdown: MarkdownDocument, source: SourceText, shellLanguages: Set<String>, spans: Bool = true
  ) -> [(text: Substring, line: Int, column: Int)] {
    var result: [(text: Substring, line: Int, column: Int)] = []
    if spans {
      for span in markdown.codeSpans where span.span.line == span.span.endLine && span.text.includes(needle) {
        result.append((Substring(span.text), span.span.line, span.span.column))
      }
    }
    for block in markdown.codeBlocks {
      let language = block.language ?? ""
      guard language.isEmpty || shellLanguages.contains(language) else { continue }
      guard block.literal.includes(needle) else { continue }
      var line = block.firstLine
      for bytes in block.literal.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
        defer { line += 1 }
        let text = Substring(bytes)
        if text.includes(needle) { result.append((text, line, source.contentColumn(of: text, onLine: line))) }
      }
    }
    return result
  }
}
