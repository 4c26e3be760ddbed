import DocsLintGraph

/// `docs/diverged-copy`: the same document in two folders, no longer identical.
struct DivergedCopyRule: GraphRule {
  static let descriptor = RuleDescriptor(
    id: "docs/diverged-copy",
    defaultLevel: .warning,
    summary: "Same file name and same title in two folders, with different content",
    rationale: """
      Two files with one name and one title are copies of one document; when their content \
      differs, at least one of them is out of date. Reported at each copy, naming the others. \
      Pages every folder may have its own of (README, index, CHANGELOG, a project's STATUS \
      page: `folder-pages` in rules/vocabulary.yml) are not copies.
      """,
    triggering: [
      Example("↓# Runbook de red\n\nVersión nueva.\n", files: ["old/doc.md": "# Runbook de red\n\nVersión vieja.\n"])
    ],
    nonTriggering: [
      Example("# Runbook de red\n\nTexto.\n", files: ["old/doc.md": "# Runbook de red\n\nTexto.\n"]),
      Example("# Runbook de red\n\nTexto.\n", files: ["old/otro.md": "# Runbook de red\n\nOtro.\n"]),
      Example("# Changelog\n\n- 1.0\n", path: "CHANGELOG.md", files: ["pkg/CHANGELOG.md": "# Changelog\n\n- 0.1\n"]),
      // Each project's status page, made from one template.
      Example(
        "# Project Status: Completed\n\nThe API.\n", path: "specs/projects/api/STATUS.md",
        files: ["specs/projects/cli/STATUS.md": "# Project Status: Completed\n\nThe CLI.\n"]),
      Example(
        "# Estado del proyecto\n\nLa API.\n", path: "proyectos/api/ESTADO.md",
        files: ["proyectos/cli/ESTADO.md": "# Estado del proyecto\n\nLa CLI.\n"]),
    ])

  func check(_ document: DocumentNode, in graph: ReferenceGraph) -> [Finding] {
    guard let others = graph.index.divergedCopies[document.path] else { return [] }
    let title = document.outline?.title
    return [
      Self.descriptor.finding(
        in: document.path, at: title?.span ?? SourceSpan(line: 1, column: 1),
        "same name and title as \(others.joined(separator: ", ")), but different content", snippet: others.joined(separator: ","))
    ]
  }
}
