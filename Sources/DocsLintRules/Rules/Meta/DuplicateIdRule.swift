import DocsLintGraph

/// `meta/duplicate-id`: the same front-matter `id` in two documents.
struct DuplicateIdRule: GraphRule {
  static let descriptor = RuleDescriptor(
    id: "meta/duplicate-id",
    defaultLevel: .error,
    summary: "The same front-matter id in two documents (reported at both)",
    rationale: """
      Ids are how documents cite each other (`relacionados`); two documents with one id make \
      every such reference ambiguous. Copied documents are the usual cause. Each declaration \
      is reported, naming the others.
      """,
    triggering: [
      Example("---\nid: ↓DOC-1\n---\n# A\n", files: ["other.md": "---\nid: DOC-1\n---\n# B\n"])
    ],
    nonTriggering: [
      Example("---\nid: DOC-1\n---\n# A\n", files: ["other.md": "---\nid: DOC-2\n---\n# B\n"])
    ])

  func check(_ document: DocumentNode, in graph: ReferenceGraph) -> [Finding] {
    guard let id = document.facts.id, let span = document.facts.idSpan,
      let declarations = graph.index.ids[id], declarations.count > 1
    else { return [] }
    let others = declarations.filter { $0.path != document.path }.map { "\($0.path):\($0.span.line)" }
    return [
      Self.descriptor.finding(
        in: document.path, at: span, "id '\(id)' is also declared in \(others.joined(separator: ", "))", snippet: id)
    ]
  }
}
