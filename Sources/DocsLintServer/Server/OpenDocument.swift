/// A document the editor holds open: its text as the editor has it (the truth for that
/// file) and its version. Positions are LSP's: zero-based lines, and characters counted in
/// UTF-16 code units, the protocol's default encoding.
package struct OpenDocument: Sendable {
  package var text: String { didSet { cache = LineCache() } }
  package var version: Int
  /// The text's lines, split once per text and shared by copies: a document's findings are
  /// placed one by one, and splitting for each made thousands of them quadratic.
  private var cache = LineCache()

  private final class LineCache: @unchecked Sendable {
    // The server handles one message at a time: no two threads touch a cache.
    var lines: [Substring]?
  }

  package init(text: String, version: Int) {
    self.text = text
    self.version = version
  }

  /// A change from `didChange`: a range replaced, or (no range) the whole text.
  package mutating func apply(range: (start: Position, end: Position)?, text replacement: String) {
    guard let range else { return text = replacement }
    let start = index(of: range.start)
    let end = max(start, index(of: range.end))
    text.replaceSubrange(start..<end, with: replacement)
  }

  package struct Position: Sendable, Equatable {
    package var line: Int
    package var character: Int

    package init(line: Int, character: Int) {
      self.line = line
      self.character = character
    }
  }

  /// The text index of a position; past the end of a line it is the line's end, past the
  /// last line the text's end (as the protocol asks).
  func index(of position: Position) -> String.Index {
    let scalars = text.unicodeScalars
    var index = scalars.startIndex
    var line = 0
    while line < position.line, index < scalars.endIndex {
      let scalar = scalars[index]
      index = scalars.index(after: index)
      if scalar == "\n" || (scalar == "\r" && (index == scalars.endIndex || scalars[index] != "\n")) { line += 1 }
    }
    var units = 0
    while units < position.character, index < scalars.endIndex, scalars[index] != "\n", scalars[index] != "\r" {
      units += scalars[index].utf16.count
      index = scalars.index(after: index)
    }
    return index
  }

  /// A docs-lint position (1-based line, 1-based column in Unicode scalars) as LSP's.
  package func position(line: Int, column: Int) -> Position {
    let lines = self.lines
    guard line >= 1, line <= lines.count else { return Position(line: max(line - 1, 0), character: 0) }
    var units = 0
    for (offset, scalar) in lines[line - 1].unicodeScalars.enumerated() {
      guard offset < column - 1 else { break }
      units += scalar.utf16.count
    }
    return Position(line: line - 1, character: units)
  }

  /// The end of the text.
  package var endPosition: Position {
    let lines = self.lines
    return Position(line: lines.count - 1, character: lines.last.map { $0.utf16.count } ?? 0)
  }

  /// LSP's position as docs-lint's: 1-based line, 1-based column in Unicode scalars.
  package func column(of position: Position) -> (line: Int, column: Int) {
    let lines = self.lines
    guard position.line < lines.count else { return (position.line + 1, 1) }
    var units = 0
    var column = 1
    for scalar in lines[position.line].unicodeScalars {
      guard units + scalar.utf16.count <= position.character else { break }
      units += scalar.utf16.count
      column += 1
    }
    return (position.line + 1, column)
  }

  /// Every line, without its line ending.
  var lines: [Substring] {
    if let lines = cache.lines { return lines }
    let lines = lineTexts(upTo: Int.max)
    cache.lines = lines
    return lines
  }

  /// The document's line ending, for text written into it: CRLF when its first line ends so.
  var lineEnding: String {
    guard let end = text.firstIndex(where: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) else { return "\n" }
    return String(text[end])
  }

  /// What goes before a block appended at the end so that a blank line separates it.
  var blockSeparator: String {
    let lines = self.lines
    guard text.contains(where: { !$0.isWhitespace }) else { return "" }
    // The text ends with a line ending when its last "line" is empty.
    if lines.count >= 2, lines[lines.count - 1].isEmpty, lines[lines.count - 2].allSatisfy(\.isWhitespace) { return "" }
    return lines.last?.isEmpty == true ? lineEnding : lineEnding + lineEnding
  }

  private func lineTexts(upTo last: Int) -> [Substring] {
    var lines: [Substring] = []
    var rest = text[...]
    while lines.count < last, let end = rest.firstIndex(where: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
      lines.append(rest[..<end])
      rest = rest[rest.index(after: end)...]
    }
    if lines.count < last { lines.append(rest) }
    return lines
  }
}
