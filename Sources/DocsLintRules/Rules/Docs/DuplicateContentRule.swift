import DocsLintGraph

/// `docs/duplicate-content`: byte-identical Markdown files.
struct DuplicateContentRule: GraphRule {
  static let descriptor = RuleDescriptor(
    id: "docs/duplicate-content",
    defaultLevel: .info,
    summary: "Byte-identical Markdown files (one finding per group, listing the copies)",
    rationale: """
      A document copied to a second folder will be edited in one place only; the copies \
      then disagree and readers cannot tell which is current. Link to one instead. One \
      finding per group, at the first copy in path order.
      """,
    triggering: [
      Example("↓# Guía\n\nTexto.\n", files: ["zz-copia/doc.md": "# Guía\n\nTexto.\n"])
    ],
    nonTriggering: [
      Example("# Guía\n\nTexto.\n", files: ["copia/doc.md": "# Guía\n\nTexto revisado.\n"])
    ])

  func check(_ document: DocumentNode, in graph: ReferenceGraph) -> [Finding] {
    guard let group = graph.index.identicalGroups[document.path] else { return [] }
    return [
      Self.descriptor.finding(
        in: document.path, at: SourceSpan(line: 1, column: 1),
        "identical copies: \(group.dropFirst().joined(separator: ", "))", snippet: group.joined(separator: ","))
    ]
  }
}
