import DocsLintGraph

/// `docs/orphan`: a document nothing links or refers to (off by default).
struct OrphanRule: GraphRule {
  static let descriptor = RuleDescriptor(
    id: "docs/orphan",
    defaultLevel: .info,
    enabledByDefault: false,
    summary: "Document that no other document links or refers to (off by default)",
    rationale: """
      A page nobody links to is found only by search, and often not maintained. Turn this on \
      with `rules: {docs/orphan: info}` in .docs-lint.yml; per-folder pages (README, index, \
      CHANGELOG, ...: `folder-pages` in rules/vocabulary.yml) are exempt.
      """,
    triggering: [
      Example("# Página suelta\n", files: ["README.md": "# Inicio\n"])
    ],
    nonTriggering: [
      Example("# Página enlazada\n", files: ["README.md": "# Inicio\n\nVer [doc](doc.md).\n"])
    ])

  func check(_ document: DocumentNode, in graph: ReferenceGraph) -> [Finding] {
    guard !graph.vocabulary.isFolderPage(named: RepoPath.name(of: document.path)), !graph.referenced.contains(document.path)
    else { return [] }
    return [
      Self.descriptor.finding(
        in: document.path, at: SourceSpan(line: 1, column: 1), "no other document links or refers to this one",
        snippet: document.path)
    ]
  }
}
