import Foundation

/// Front-matter ids in the editor: everything that names an id (its declaration and every
/// reference key that lists it), and renaming one everywhere.
extension LanguageServer {
  /// The id under a docs-lint position of a document: its own `id:` value, or an id listed
  /// under a reference key.
  static func id(atLine line: Int, column: Int, in node: DocumentNode?) -> String? {
    guard let facts = node?.facts else { return nil }
    if let id = facts.id, let span = facts.idSpan, span.line == line, column >= span.column,
      column <= span.column + id.unicodeScalars.count
    {
      return id
    }
    return facts.idReferences.first { reference in
      reference.span.line == line && column >= reference.span.column && column <= reference.span.endColumn
    }?.id
  }

  /// Where the id is written: in reference keys, and where it is declared when asked.
  static func idSpans(_ id: String, in documents: [DocumentNode], declarations: Bool) -> [(path: String, span: SourceSpan)] {
    var spans: [(path: String, span: SourceSpan)] = []
    for document in documents {
      if declarations, document.facts.id == id, let span = document.facts.idSpan {
        spans.append((document.path, SourceSpan(line: span.line, column: span.column, endColumn: span.column + id.unicodeScalars.count)))
      }
      for reference in document.facts.idReferences where reference.id == id { spans.append((document.path, reference.span)) }
    }
    return spans
  }

  /// `textDocument/rename` on an id: its declaration and every reference to it.
  static func idRename(_ id: String, to newID: String, in graph: ReferenceGraph) throws -> [String: [Fix]] {
    guard newID != id else { return [:] }
    guard IdReference.isPlainScalar(newID), !newID.contains(where: \.isWhitespace) else {
      throw UsageError("'\(newID)' cannot be an id: it would need quoting in YAML")
    }
    if let other = graph.index.ids[newID]?.first {
      throw UsageError("'\(newID)' is already the id of \(other.path)")
    }
    var edits: [String: [Fix]] = [:]
    for (path, span) in idSpans(id, in: graph.documents, declarations: true) {
      edits[path, default: []].append(Fix([Replacement(span: span, original: id, text: newID)]))
    }
    return edits
  }
}
