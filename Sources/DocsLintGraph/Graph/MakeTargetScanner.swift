import DocsLintScan

/// Targets of `make` commands in shell blocks, unlabelled blocks and code spans:
/// `make plan`, `make -C infra apply ENV=dev`. The mention's name is
/// `<folder>:<target>`, the folder being `-C`'s, else the one an earlier `cd` of the
/// block moved to (`cd svc` then `make test`), else none: the rule then takes the Makefile
/// nearest the document. A line that changes directory first (`cd x && make`), and the
/// lines after a `cd` to a folder not known here (`cd /tmp`, `cd $DIR`), are skipped.
package enum MakeTargetScanner {
  package static func scan(_ markdown: MarkdownDocument, source: SourceText, shellLanguages: Set<String>) -> [IaCMention] {
    // Code spans: one command each, where the document says.
    var mentions = ShellCodeLines.containing("make ", in: markdown, source: source, shellLanguages: shellLanguages, blocks: false)
      .flatMap { targets(in: $0.text, line: $0.line, column: $0.column, folder: nil) }
    // Blocks: line by line, following their `cd`s.
    for block in ShellCodeLines.blocks(containing: "make ", in: markdown, shellLanguages: shellLanguages) {
      var place = Place.start
      for (text, line) in block {
        let words = Self.words(of: text).drop { $0 == "$" }
        if words.first == "cd", words.count == 2 {
          place = place.after(cd: String(words[words.index(after: words.startIndex)]))
          continue
        }
        let folder: String?
        switch place {
        case .start: folder = nil
        case .known(let known): folder = known
        case .unknown: continue
        }
        guard text.includes("make ") else { continue }
        mentions += targets(in: text, line: line, column: source.contentColumn(of: text, onLine: line), folder: folder)
      }
    }
    return mentions
  }

  private static let operators: Set<Substring> = ["|", "||", "&&", ";"]

  /// A line's words, split on spaces and tabs, found on its bytes (splitting by
  /// characters cost thousands of instructions a line).
  static func words(of text: Substring) -> [Substring] {
    let ranges = text.withBytes { bytes in bytes.runs { $0 == 0x20 || $0 == 0x09 } }
    let utf8 = text.utf8
    return ranges.map { range in
      Substring(utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])
    }
  }

  /// Letters, digits, `-`, `_`, `.` and `/`: on bytes for ASCII words, by character otherwise.
  private static func isTargetName(_ word: Substring) -> Bool {
    let ascii = word.withBytes { bytes -> Bool? in
      var allowed = true
      for byte in bytes {
        if byte >= 0x80 { return nil }
        if !(byte.isASCIIAlphanumeric || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
          || byte == UInt8(ascii: "/"))
        {
          allowed = false
        }
      }
      return allowed
    }
    if let ascii { return ascii }
    return word.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." || $0 == "/" }
  }

  /// Where a block's commands run: as the document says (no `cd` yet), a repository folder,
  /// or somewhere not known here.
  private enum Place {
    case start
    case known(String)
    case unknown

    func after(cd target: String) -> Place {
      if target.hasPrefix("/") || target.hasPrefix("~") || target.hasPrefix("$") || target == "-" { return .unknown }
      switch self {
      case .unknown: return .unknown
      case .start: return RepoPath.normalize(target).map(Place.known) ?? .unknown
      case .known(let folder): return RepoPath.normalize(RepoPath.join(folder, target)).map(Place.known) ?? .unknown
      }
    }
  }

  /// Every `make` that starts a command on the line (`make plan && make apply`).
  private static func targets(in text: Substring, line: Int, column: Int, folder: String?) -> [IaCMention] {
    // Most shell lines run no make: a byte search, before splitting the line into words.
    guard text.includes("make") else { return [] }
    var words = Self.words(of: text)[...]
    if words.first == "$" { words = words.dropFirst() }
    var result: [IaCMention] = []
    var atStart = true
    while let word = words.first {
      words = words.dropFirst()
      if word.hasPrefix("#") { break }
      if atStart, word == "make" {
        result += targets(of: &words, in: text, line: line, column: column, folder: folder)
        continue
      }
      atStart = operators.contains(word)
    }
    return result
  }

  /// The targets of one `make` command, consuming its words up to the next operator.
  private static func targets(
    of words: inout ArraySlice<Substring>, in text: Substring, line: Int, column: Int, folder start: String?
  ) -> [IaCMention] {
    // "-C" is read from where the line runs; with neither, "~" asks for the nearest Makefile.
    var folder = start ?? ""
    var nearest = start == nil
    var result: [IaCMention] = []
    var known = true
    while let word = words.first, !operators.contains(word) {
      words = words.dropFirst()
      if word.hasPrefix("#") || word == ">" || word == "2>&1" { known = false }
      guard known else { continue }
      if word == "-C" || word == "--directory" || word == "-j" || word == "-l" {
        if word != "-j", word != "-l" {
          folder = RepoPath.join(folder, String(words.first ?? ""))
          nearest = false
        }
        words = words.dropFirst()
        continue
      }
      if word.hasPrefix("-C"), word.count > 2 {
        folder = RepoPath.join(folder, String(word.dropFirst(2)))
        nearest = false
      }
      if word.hasPrefix("--directory=") {
        folder = RepoPath.join(folder, String(word.dropFirst("--directory=".count)))
        nearest = false
      }
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
      guard Self.isTargetName(word) else {
        known = false
        continue
      }
      let at = column + text.unicodeScalars.distance(from: text.startIndex, to: word.startIndex)
      let base = nearest ? "~" : folder.hasSuffix("/") ? String(folder.dropLast()) : folder
      result.append(
        IaCMention(kind: .target, name: "\(base):\(word)", span: SourceSpan(line: line, column: at, endColumn: at + word.unicodeScalars.count)))
    }
    return result
  }
}
