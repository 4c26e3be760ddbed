import DocsLintScan

/// Whether the prose around a missing backtick path says it need not exist: "Create
/// `src/new.rs`", "`old.rs` was removed", "`a.rs` or `b.rs`", "`x.md` (to be created)".
/// Scoped to the path's sentence within its list item or table row: a verb elsewhere in
/// the paragraph does not reach it, and a checked task item (`[x] ...`) states a fact.
/// One per document (a class: the checked items are worked out once, on first need).
final class HypotheticalContext {
  /// The run's settings and classifier, shared by every document's context: one reference
  /// to retain per document instead of every buffer the two hold.
  final class Shared: Sendable {
    let settings: PathSettings
    let classifier: PathClassifier

    init(settings: PathSettings, classifier: PathClassifier) {
      self.settings = settings
      self.classifier = classifier
    }
  }

  let shared: Shared
  let source: SourceText
  /// The document's list items: an unchecked task (`- [ ] Create ...`) is future work as a whole.
  let listItems: [ListItem]
  /// The document's headings: a section titled "Planned" speaks for its paths.
  let headings: [Heading]

  init(shared: Shared, source: SourceText, listItems: [ListItem], headings: [Heading]) {
    self.shared = shared
    self.source = source
    self.listItems = listItems
    self.headings = headings
  }

  /// The lines of checked task items' own paragraphs (`- [x] ...`): what they name must exist.
  private(set) lazy var checkedLines: Set<Int> = {
    var lines = Set<Int>()
    for (index, item) in listItems.enumerated() where item.checkbox(in: source) == true {
      // The item's own paragraph: up to its first nested item (the next in document order).
      let next = index + 1 < listItems.count ? listItems[index + 1] : nil
      let end = next.flatMap { $0.line > item.line && $0.line <= item.endLine ? $0.line - 1 : nil } ?? item.endLine
      lines.formUnion(item.line...max(item.line, min(end, source.lineCount)))
    }
    return lines
  }()

  /// "`src/auth.py` → `tests/unit/test_auth.py`": a name made from another by a naming
  /// convention, when that other is in no folder of the repository (`previous` is nil then
  /// or not a path at all). Only an arrow and blanks between the two spans.
  func isDerivedName(_ span: CodeSpanItem, from previous: CodeSpanItem) -> Bool {
    guard !span.bytes.isEmpty, !previous.bytes.isEmpty, previous.bytes.upperBound < span.bytes.lowerBound,
      span.bytes.lowerBound - previous.bytes.upperBound <= 12
    else { return false }
    let between = source.bytes[previous.bytes.upperBound..<span.bytes.lowerBound]
      .filter { $0 != UInt8(ascii: "`") && $0 != 0x20 && $0 != 0x09 }
    return Self.arrows.contains(between)
  }

  private static let arrows: Set<[UInt8]> = [Array("→".utf8), Array("->".utf8), Array("=>".utf8), Array("⇒".utf8)]

  /// `alternatives`: whether "`a` or `b`" excuses the path (not for a command, which is
  /// the instruction: "run `x.py` (or `y.py` if added)").
  func isHypothetical(_ span: CodeSpanItem, path: String, alternatives: Bool = true) -> Bool {
    guard !span.bytes.isEmpty else { return false }
    return isHypothetical(written: Self.written(span), block: span.block, path: path, alternatives: alternatives)
  }

  /// Whether the sentence of a hypothetical path says it is not there yet ("Currently
  /// empty", "not yet added"): asked only of paths `isHypothetical` excused.
  func statesAbsence(_ span: CodeSpanItem) -> Bool {
    guard !span.bytes.isEmpty, !shared.settings.absencePhrases.isEmpty else { return false }
    let (before, after) = sentence(around: Self.written(span), block: span.block)
    let afterWords = Array(Self.proseWords(after).prefix { $0 != "`" })
    let text = phraseText(before: Self.proseWords(before).filter { $0 != "`" }, after: afterWords, block: span.block)
    return shared.settings.absencePhrases.contains { text.includes(" \($0) ") }
  }

  /// The bytes of a code span's path as written, its backticks included (they sit just
  /// outside its text).
  private static func written(_ span: CodeSpanItem) -> Range<Int> { (span.bytes.lowerBound - 1)..<(span.bytes.upperBound + 1) }

  /// The path's sentence before and after it, each kept to the path's own row or item.
  private func sentence(around written: Range<Int>, block: Range<Int>) -> (before: String, after: String) {
    (
      Self.ownLine(ofEnd: SentenceContext.before(written.lowerBound, in: source, block: block)),
      Self.ownLine(ofStart: SentenceContext.after(written.upperBound, in: source, block: block))
    )
  }

  /// The words phrases are looked for in, spaced at both ends: the sentence around the path
  /// and, for a heading's path, its section's first paragraph ("`x/` ... Currently empty").
  private func phraseText(before: [String], after: [String], block: Range<Int>) -> String {
    let following = Self.isHeading(block, in: source) ? Self.proseWords(Self.sectionOpening(after: block, in: source)) : []
    return " " + (before + after + following).joined(separator: " ") + " "
  }

  /// `written`: the bytes of the path as written, delimiters included.
  func isHypothetical(
    written: Range<Int>, block: Range<Int>, path: String, alternatives: Bool = true
  ) -> Bool {
    let (before, after) = sentence(around: written, block: block)
    if alternatives, isAlternative(before: before, after: after) { return true }
    if isElsewhere(before: before, path: path, written: written, block: block) { return true }
    let line = source.line(atByte: written.lowerBound)
    if checkedLines.contains(line) { return false }
    if let task = openTask(containing: line), holdsHypotheticalWords(Self.proseWords(task)) { return true }
    // "- Task: Add integration tests" / "  - Fixtures under `tests/integration/`": the item
    // that holds the verb holds its sub-items too.
    if parentItemsSay(line) { return true }
    if sectionExcuses(line: line, path: path) { return true }
    // "`" stands for a code span: what follows the path speaks of it up to the next one
    // ("run `x.py` (or `y.py` if added)"), except an example label closing a list of them
    // ("`a/`, `b/`, etc.").
    let beforeWords = Self.proseWords(before).filter { $0 != "`" }
    let allAfter = Self.proseWords(after)
    let afterWords = Array(allAfter.prefix { $0 != "`" })
    let words = beforeWords + afterWords.prefix(4)
    let exampleWords = beforeWords + allAfter.filter { $0 != "`" }.prefix(4)
    for (index, word) in words.enumerated() where shared.settings.hypotheticalWords.contains(word) {
      // "Add to `x.md`", "agregar a `x.md`": the file is there to be added to.
      let next = index + 1 < words.count ? words[index + 1] : ""
      if shared.settings.extendingWords.contains(word), shared.settings.extendingPrepositions.contains(next) { continue }
      return true
    }
    if !shared.settings.hypotheticalPhrases.isEmpty {
      // "`x.yaml` - Token adjustment (to be created)"; a heading's path, by its section's first paragraph.
      let text = phraseText(before: beforeWords, after: afterWords, block: block)
      if shared.settings.hypotheticalPhrases.contains(where: { text.includes(" \($0) ") }) { return true }
    }
    // "e.g. `tests/cucumber.rs`" names a kind of file; a document in a folder that exists
    // ("Ejemplo: `docs/guia.md`") is a claim, unless a word of it is a stand-in name.
    guard exampleWords.contains(where: shared.settings.exampleWords.contains) else { return false }
    return !isExistingLookingDocument(path) || isExampleShaped(path)
  }

  private func isExistingLookingDocument(_ path: String) -> Bool {
    guard MarkdownFiles.isMarkdown(path) else { return false }
    let folder = RepoPath.directory(of: path)
    return folder.isEmpty || shared.classifier.inventory.isDirectory(folder)
  }

  /// A path in another repository: "that repository's `docs/x.md`", or a footnote whose
  /// URL ends in the same path (`[^9]: Chutoro `scripts/x.sh`: <https://github.com/o/r/blob/main/scripts/x.sh>`).
  private func isElsewhere(before: String, path: String, written: Range<Int>, block: Range<Int>) -> Bool {
    let lastWords = before.split(whereSeparator: { $0 == " " || $0 == "\n" }).suffix(3)
    if lastWords.contains(where: { word in shared.settings.foreignWords.contains { word.hasSuffix($0) } }) { return true }
    guard source.find(Array("://".utf8), from: block.lowerBound, to: block.upperBound) != nil else { return false }
    let needle = Array(("/" + path).utf8)
    var from = block.lowerBound
    while let found = source.find(needle, from: from, to: block.upperBound) {
      if !written.contains(found + 1) { return true }
      from = found + 1
    }
    return false
  }

  /// Whether the opening line of a list item that contains `line` (not its own) holds a
  /// hypothetical word.
  private func parentItemsSay(_ line: Int) -> Bool {
    for item in listItems where item.line < line && line <= item.endLine {
      if holdsHypotheticalWords(Self.proseWords(source.lineText(item.line).lowercased())) { return true }
    }
    return false
  }

  /// A section whose heading (below the title) says it is planned ("Planned work", "Futuro"): its paths need
  /// not exist yet. (A heading "Example" is not enough: such sections run real commands.)
  func sectionExcuses(line: Int, path: String) -> Bool {
    var low = 0
    var high = headings.count
    while low < high {
      let middle = (low + high) / 2
      if headings[middle].span.line < line { low = middle + 1 } else { high = middle }
    }
    guard low > 0 else { return false }
    // A document's own title ("# Propuesta: ...") names the document, not a section of plans.
    let heading = headings[low - 1]
    return heading.level > 1 && Self.proseWords(heading.text.lowercased()).contains(where: shared.settings.sectionWords.contains)
  }

  /// The text of the outermost unchecked task item (`- [ ] ...`, its sub-items included)
  /// holding the line: its deliverables are named before they exist.
  private func openTask(containing line: Int) -> String? {
    for item in listItems where item.line <= line && line <= item.endLine && item.checkbox(in: source) == false {
      return (item.line...min(item.endLine, source.lineCount)).map { source.lineText($0) }.joined(separator: "\n").lowercased()
    }
    return nil
  }

  private func holdsHypotheticalWords(_ words: [String]) -> Bool {
    if words.contains(where: shared.settings.hypotheticalWords.contains) { return true }
    let joined = " " + words.joined(separator: " ") + " "
    return shared.settings.hypotheticalPhrases.contains { joined.includes(" \($0) ") }
  }

  /// A path one of whose words is a stand-in: `docs/my-feature.md`, `src/foo/bar.rs`.
  private func isExampleShaped(_ path: String) -> Bool {
    path.lowercased().split(whereSeparator: { "/._-".contains($0) }).contains {
      shared.settings.exampleNames.contains(String($0))
    }
  }

  private static func isHeading(_ block: Range<Int>, in source: SourceText) -> Bool {
    let bytes = source.bytes[block]
    return bytes.drop { $0 == 0x20 }.first == UInt8(ascii: "#")
  }

  /// The lowercased opening of a heading's section (at most 400 bytes), up to the next heading.
  private static func sectionOpening(after block: Range<Int>, in source: SourceText) -> String {
    var start = block.upperBound
    let bytes = source.bytes
    while start < bytes.count, bytes[start] == 0x0A || bytes[start] == 0x20 || bytes[start] == 0x0D { start += 1 }
    var end = start
    while end < min(bytes.count, start + 400) {
      if bytes[end] == 0x0A, end + 1 < bytes.count, bytes[end + 1] == UInt8(ascii: "#") { break }
      end += 1
    }
    while end > start, end < bytes.count, bytes[end] & 0xC0 == 0x80 { end -= 1 }
    return String(decoding: bytes[start..<end], as: UTF8.self).lowercased()
  }

  /// The part of the text before a path that is on the path's own table row or list
  /// item: a lazily continued list or a table is one paragraph to CommonMark.
  private static func ownLine(ofEnd text: String) -> String {
    guard let newline = text.lastIndex(of: "\n") else { return text }
    let lineStart = text.index(after: newline)
    if startsRowOrItem(text[lineStart...]) { return String(text[lineStart...]) }
    // Any earlier row or item boundary ends the sentence there too.
    var start = text.startIndex
    var index = text.startIndex
    while let next = text[index...].firstIndex(of: "\n") {
      let after = text.index(after: next)
      if startsRowOrItem(text[after...]) { start = after }
      index = after
    }
    return String(text[start...])
  }

  private static func ownLine(ofStart text: String) -> String {
    guard let newline = text.firstIndex(of: "\n") else { return text }
    return startsRowOrItem(text[text.index(after: newline)...]) ? String(text[..<newline]) : text
  }

  private static func startsRowOrItem(_ line: Substring) -> Bool {
    let trimmed = line.drop { $0 == " " || $0 == "\t" }
    guard let first = trimmed.first else { return false }
    if first == "|" { return true }
    if "-*+".contains(first) { return trimmed.dropFirst().first == " " }
    let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty else { return false }
    let rest = trimmed.dropFirst(digits.count)
    return (rest.first == "." || rest.first == ")") && rest.dropFirst().first == " "
  }

  /// Lowercase words outside code spans ("e.g." stays one word). Byte-wise: letters are
  /// ASCII letters and any multi-byte character except Latin-1 punctuation (`¿`, `¡`, `«`,
  /// NBSP: C2 A0–BF) and general punctuation (`—`, `…`, curly quotes: E2 80 xx).
  private static func proseWords(_ text: String) -> [String] {
    let bytes = Array(text.utf8)
    var words: [String] = []
    var start = 0
    var inCode = false
    func flush(_ end: Int) {
      var from = start
      var to = end
      while from < to, bytes[from] == UInt8(ascii: ".") { from += 1 }
      while to > from, bytes[to - 1] == UInt8(ascii: ".") { to -= 1 }
      if !inCode, from < to { words.append(String(decoding: bytes[from..<to], as: UTF8.self)) }
    }
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      var separator = 0  // length of a separator at `index`
      if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] >= 0xA0, bytes[index + 1] <= 0xBF {
        separator = 2
      } else if byte == 0xE2, index + 1 < bytes.count, bytes[index + 1] == 0x80 {
        separator = 3
      } else if byte < 0x80, !(byte >= 0x61 && byte <= 0x7A), !(byte >= 0x41 && byte <= 0x5A), byte != 0x2E {
        separator = 1
      }
      if separator > 0 {
        flush(index)
        if byte == UInt8(ascii: "`") {
          inCode.toggle()
          if inCode { words.append("`") }
        }
        index += separator
        start = index
      } else {
        index += 1
      }
    }
    flush(bytes.count)
    return words
  }

  /// "`a.rs` or `b.rs`", "`a/` (or `b.rs`)": an alternative word between this code span and another.
  private func isAlternative(before: String, after: String) -> Bool {
    let punctuation: Set<Character> = ["(", ")", ",", ";", ":"]
    func clean(_ token: Substring) -> Substring {
      var token = token.drop { punctuation.contains($0) }
      while let last = token.last, punctuation.contains(last) { token = token.dropLast() }
      return token
    }
    let previous = before.split(whereSeparator: { $0 == " " || $0 == "\n" }).suffix(2).map(clean)
    let next = after.split(whereSeparator: { $0 == " " || $0 == "\n" }).prefix(2).map(clean)
    if previous.count == 2, shared.settings.alternativeWords.contains(String(previous[1])), previous[0].hasSuffix("`") {
      return true
    }
    return next.count == 2 && shared.settings.alternativeWords.contains(String(next[0])) && next[1].hasPrefix("`")
  }
}
