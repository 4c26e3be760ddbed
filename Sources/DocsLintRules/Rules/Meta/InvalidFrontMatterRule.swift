import DocsLintGraph

/// `meta/invalid-front-matter`: front matter that is not valid YAML.
struct InvalidFrontMatterRule: GraphRule {
  static let descriptor = RuleDescriptor(
    id: "meta/invalid-front-matter",
    defaultLevel: .error,
    summary: "Front matter that is not valid YAML (at the YAML error's position); the body is still linted",
    rationale: """
      Broken front matter hides a document's id, status and relations from every tool that \
      reads them, and many renderers show it as text. The finding points at the parser's \
      position in the file.
      """,
    triggering: [
      Example("---\nid: DOC-1\nrelacionados: [a, b\n---\n# Título\n")
    ],
    nonTriggering: [
      Example("---\nid: DOC-1\nrelacionados: [a, b]\n---\n# Título\n"),
      Example("# No front matter\n\n---\n\nA thematic break above.\n"),
    ])

  func check(_ document: DocumentNode, in graph: ReferenceGraph) -> [Finding] {
    guard let problem = document.outline?.frontMatter?.problem else { return [] }
    return [
      Self.descriptor.finding(
        in: document.path, at: SourceSpan(line: problem.line, column: problem.column),
        "front matter is not valid YAML: \(problem.message)", snippet: problem.message)
    ]
  }
}
