import DocsLintConfig

/// The lines of code a command may be written on: single-line code spans, and the
/// lines of unlabelled blocks and of blocks in `shell-languages` (`rules/paths.yml`),
/// each with the line and column it starts at. Columns are counted only for lines that
/// hold `needle`.
package enum ShellCodeLines {
  package static func containing(
    _ needle: String, in markdown: MarkdownDocument, source: SourceText, shellLanguages: Set<String>, spans: Bool = true,
    blocks includeBlocks: Bool = true
  ) -> [(text: Substring, line: Int, column: Int)] {
    var result: [(text: Substring, line: Int, column: Int)] = []
    if spans {
      for span in markdown.codeSpans where span.span.line == span.span.endLine && span.text.includes(needle) {
        result.append((Substring(span.text), span.span.line, span.span.column))
      }
    }
    for block in includeBlocks ? blocks(containing: needle, in: markdown, shellLanguages: shellLanguages) : [] {
      for (text, line) in block where text.includes(needle) {
        result.append((text, line, source.contentColumn(of: text, onLine: line)))
      }
    }
    return result
  }

  /// Every line, with its line number, of each unlabelled or shell block that holds
  /// `needle` somewhere: for scanners that follow a block's state (a `cd`) line by line.
  package static func blocks(
    containing needle: String, in markdown: MarkdownDocument, shellLanguages: Set<String>
  ) -> [[(text: Substring, line: Int)]] {
    markdown.codeBlocks.compactMap { block in
      let language = block.language ?? ""
      guard language.isEmpty || shellLanguages.contains(language), block.literal.includes(needle) else { return nil }
      return block.literal.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated().map {
        (Substring($0.element), block.firstLine + $0.offset)
      }
    }
  }
}
