import Foundation

/// `textDocument/references`: on a front-matter id, everything that names it; on a heading,
/// every link to its anchor; elsewhere in a document, every reference to the document itself.
extension LanguageServer {
  func references(to path: String, at position: OpenDocument.Position, text: String, declarations: Bool) throws
    -> [[String: Any]]
  {
    let repository = try self.repository(of: path)
    let (graph, top) = (repository.graph, repository.root)
    guard let file = Workspace.relativeFile(path, in: top) else { return [] }
    // On a front-matter id: everything that names it.
    let (line, column) = OpenDocument(text: text, version: 0).column(of: position)
    if let id = Self.id(atLine: line, column: column, in: graph.documents.first(where: { $0.path == file })) {
      return Self.idSpans(id, in: graph.documents, declarations: declarations).map { path, span in
        let absolute = top + "/" + path
        let source = OpenDocument(text: self.text(at: absolute) ?? "", version: 0)
        return [
          "uri": URL(fileURLWithPath: absolute).absoluteString,
          "range": Navigation.range(
            source.position(line: span.line, column: span.column), source.position(line: span.endLine, column: span.endColumn)),
        ]
      }
    }
    let heading = MarkdownParser.parse(SourceText(bytes: Array(text.utf8))).headings.first { $0.span.line == position.line + 1 }
    var locations: [[String: Any]] = []
    for document in repository.touching(file) where document.isMarkdown {
      let pointing = document.edges.filter { reference in
        if let heading {
          let ownAnchor = reference.kind == .anchorLink && document.path == file && reference.text == "#" + heading.slug
          return ownAnchor || (reference.resolution.targetPath == file && reference.fragment == heading.slug)
        }
        return reference.kind != .anchorLink && reference.resolution.targetPaths.contains(file)
      }
      guard !pointing.isEmpty else { continue }
      let absolute = top + "/" + document.path
      let source = OpenDocument(text: self.text(at: absolute) ?? "", version: 0)
      for reference in pointing {
        let span = reference.span
        locations.append([
          "uri": URL(fileURLWithPath: absolute).absoluteString,
          "range": Navigation.range(
            source.position(line: span.line, column: span.column), source.position(line: span.endLine, column: span.endColumn)),
        ])
      }
    }
    return locations
  }
}
