import Foundation

/// Renames in the editor: a heading or a front-matter id (`prepareRename`, `rename`) and
/// files or folders (`workspace/willRenameFiles`), as workspace edits built from the command
/// line's plans over every open buffer.
extension LanguageServer {
  /// The front-matter id or the heading's title under the cursor, and its range, for `prepareRename`.
  func prepareRename(_ uri: String, at position: OpenDocument.Position, text: String) -> [String: Any]? {
    let document = OpenDocument(text: text, version: 0)
    if analyses[uri] == nil { _ = diagnostics(for: uri) }
    let (idLine, idColumn) = document.column(of: position)
    if let analysis = analyses[uri], let id = Self.id(atLine: idLine, column: idColumn, in: analysis.node),
      let span = Self.idSpans(id, in: analysis.node.map { [$0] } ?? [], declarations: true).map(\.span).first(where: {
        $0.line == idLine && idColumn >= $0.column && idColumn <= $0.endColumn
      })
    {
      return [
        "range": Navigation.range(
          document.position(line: span.line, column: span.column), document.position(line: span.line, column: span.endColumn)),
        "placeholder": id,
      ]
    }
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

  /// `textDocument/rename` on an id (its declaration and every reference) or a heading (the
  /// heading and every link to its anchor).
  func renameEdit(_ params: [String: Any]) throws -> [String: Any] {
    guard let uri = Self.uri(params), let position = Self.position(params["position"]),
      let title = params["newName"] as? String, let path = FileURI.path(uri), let text = text(at: path)
    else { throw UsageError("textDocument, position and newName are needed") }
    let repository = try self.repository(of: path)
    let relative = try Self.relative(path, in: repository.root)
    let (line, column) = OpenDocument(text: text, version: 0).column(of: position)
    let graph = repository.graph
    if let id = Self.id(atLine: line, column: column, in: graph.documents.first(where: { $0.path == relative })) {
      return Self.workspaceEdit(try Self.idRename(id, to: title, in: graph), root: repository.root, text: self.text(at:))
    }
    let rename = try HeadingRename.plan(
      file: relative, line: position.line + 1, title: title, text: text, documents: repository.touching(relative))
    return Self.workspaceEdit(rename.edits, root: repository.root, text: self.text(at:))
  }

  /// `workspace/willRenameFiles`: the edits `docs-lint mv` would make, for each file or folder.
  func willRenameEdit(_ params: [String: Any]) -> [String: Any]? {
    var edits: [String: [Fix]] = [:]
    var editRoot = ""
    for file in params["files"] as? [[String: Any]] ?? [] {
      guard let old = (file["oldUri"] as? String).flatMap(FileURI.path), let new = (file["newUri"] as? String).flatMap(FileURI.path),
        let repository = try? repository(of: old), let relative = Workspace.relativeFile(old, in: repository.root),
        let plan = try? LintRun.planMove(
          old, to: new, documents: repository.touching(relative), inventory: repository.graph.inventory, root: repository.root)
      else { continue }
      editRoot = repository.root
      edits.merge(plan.edits) { $0 + $1 }
    }
    return edits.isEmpty ? nil : Self.workspaceEdit(edits, root: editRoot, text: text(at:))
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
