import Foundation

/// `textDocument/references`: on a front-matter id, everything that names it; on a heading,
/// every link to its anchor; elsewhere in a document, every reference to the document itself.
extension LanguageServer {
  func references(
    to path: String, at position: OpenDocument.Position, text: String, root: String?, declarations: Bool
  ) throws -> [[String: Any]] {
    let (graph, top) = try LintRun.graph(paths: [], root: root, configFile: nil, buffers: buffers())
    guard let folder = Workspace.relative((path as NSString).deletingLastPathComponent, in: top) else { return [] }
    let file = RepoPath.join(folder, (path as NSString).lastPathComponent)
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
    for document in graph.documents where document.isMarkdown {
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
