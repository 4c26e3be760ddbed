import DocsLintScan

/// Targets of `make` commands in shell blocks, unlabelled blocks and code spans:
/// `make plan`, `make -C infra apply ENV=dev`. The mention's name is
/// `<folder>:<target>`, the folder being `-C`'s (the root otherwise). A line that
/// changes directory first (`cd x && make`) is skipped: its folder is not known here.
package enum MakeTargetScanner {
  package static func scan(_ markdown: MarkdownDocument, source: SourceText, shellLanguages: Set<String>) -> [IaCMention] {
    ShellCodeLines.containing("make ", in: markdown, source: source, shellLanguages: shellLanguages).flatMap { targets(in: $0.text, line: $0.line, column: $0.column) }
  }

  private static let operators: Set<Substring> = ["|", "||", "&&", ";"]

  /// Every `make` that starts a command on the line (`make plan && make apply`).
  private static func targets(in text: Substring, line: Int, column: Int) -> [IaCMention] {
    var words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })[...]
    if words.first == "$" { words = words.dropFirst() }
    var result: [IaCMention] = []
    var atStart = true
    while let word = words.first {
      words = words.dropFirst()
      if word.hasPrefix("#") { break }
      if atStart, word == "make" {
        result += targets(of: &words, in: text, line: line, column: column)
        continue
      }
      atStart = operators.contains(word)
    }
    return result
  }

  /// The targets of one `make` command, consuming its words up to the next operator.
  private static func targets(
    of words: inout ArraySlice<Substring>, in text: Substring, line: Int, column: Int
  ) -> [IaCMention] {
    var folder = ""
    var result: [IaCMention] = []
    var known = true
    while let word = words.first, !operators.contains(word) {
      words = words.dropFirst()
      if word.hasPrefix("#") || word == ">" || word == "2>&1" { known = false }
      guard known else { continue }
      if word == "-C" || word == "--directory" || word == "-j" || word == "-l" {
        if word != "-j", word != "-l" { folder = String(words.first ?? "") }
        words = words.dropFirst()
        continue
      }
      if word.hasPrefix("-C") { folder = String(word.dropFirst(2)) }
      if word.hasPrefix("--directory=") { folder = String(word.dropFirst("--directory=".count)) }
      // Another makefile (`-f ops.mk`) is not resolved here.
      if word == "-f" || word == "--file" || word.hasPrefix("-f") || word.hasPrefix("--file=") { return [] }
      if word.hasPrefix("-") || word.contains("=") {
        // `ARGS="--host 0.0.0.0"`: the quoted value runs on to the word that closes it.
        if let equals = word.firstIndex(of: "="), let quote = word[word.index(after: equals)...].first,
          quote == "\"" || quote == "'", !word[word.index(after: equals)...].dropFirst().contains(quote)
        {
          while let next = words.first, !operators.contains(next) {
            words = words.dropFirst()
            if next.contains(quote) { break }
          }
        }
        continue
      }
      guard word.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." || $0 == "/" }) else {
        known = false
        continue
      }
      let at = column + text.unicodeScalars.distance(from: text.startIndex, to: word.startIndex)
      let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
      result.append(
        IaCMention(kind: .target, name: "\(base):\(word)", span: SourceSpan(line: line, column: at, endColumn: at + word.unicodeScalars.count)))
    }
    return result
  }
}
