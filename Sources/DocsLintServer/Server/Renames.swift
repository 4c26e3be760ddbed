import Foundation

/// Renames in the editor: a heading (`prepareRename`, `rename`) and files or folders
/// (`workspace/willRenameFiles`), as workspace edits built from the command line's plans
/// over every open buffer.
extension LanguageServer {
  /// The heading's title under the cursor, and its range, for `prepareRename`.
  func prepareRename(_ uri: String, at position: OpenDocument.Position, text: String) -> [String: Any]? {
    let document = OpenDocument(text: text, version: 0)
    let line = position.line + 1
    let source = SourceText(bytes: Array(text.utf8))
    guard let heading = MarkdownParser.parse(source).headings.first(where: { $0.span.line == line }),
      line <= source.lineCount
    else { return nil }
    let lineText = String(decoding: source.bytes[source.byteRange(ofLine: line)], as: UTF8.self)
      .trimmingCharacters(in: CharacterSet(charactersIn: "\r\n"))
    guard let atx = ATXHeading(lineText) else { return nil }
    let start = atx.opening.unicodeScalars.count + 1
    let end = lineText.unicodeScalars.count - atx.closing.unicodeScalars.count + 1
    return [
      "range": Navigation.range(document.position(line: line, column: start), document.position(line: line, column: end)),
      "placeholder": heading.text,
    ]
  }

  /// The workspace edit of `edits` (by root-relative path), each file's positions from its
  /// open buffer or its text on disk.
  static func workspaceEdit(_ edits: [String: [Fix]], root: String, text: (String) -> String?) -> [String: Any] {
    var changes: [String: [[String: Any]]] = [:]
    for (path, fixes) in edits {
      let absolute = root + "/" + path
      let document = OpenDocument(text: text(absolute) ?? "", version: 0)
      changes[URL(fileURLWithPath: absolute).absoluteString] = fixes.flatMap(\.replacements).map { replacement in
        let span = replacement.span
        return [
          "range": Navigation.range(
            document.position(line: span.line, column: span.column), document.position(line: span.endLine, column: span.endColumn)),
          "newText": replacement.text,
        ]
      }
    }
    return ["changes": changes]
  }
}
