import DocsLintGraph

/// `meta/unknown-reference`: a front-matter reference to an id no document declares.
struct UnknownReferenceRule: GraphRule {
  static let descriptor = RuleDescriptor(
    id: "meta/unknown-reference",
    defaultLevel: .warning,
    summary: "An id in a reference key (relacionados, related, depends_on, supersedes) that no document declares",
    rationale: """
      `relacionados: [SPEC-RED-001]` is a link that no renderer checks; when the other \
      document is renamed or never got that id, the relation is silently dead. The message \
      suggests the closest existing id. A value written as a path (with a `/` or a \
      Markdown extension) names a file instead, read from the root or from the \
      document's folder; it is fine when either reading is a file or folder of the \
      repository (files git ignores do not count: a relation should survive a clone). \
      Reference keys are listed in rules/kinds.yml.
      """,
    triggering: [
      Example("---\nid: A\nrelacionados: [↓SPEC-RED-01]\n---\n# A\n", files: ["b.md": "---\nid: SPEC-RED-001\n---\n# B\n"]),
      Example("---\nid: A\nrelated:\n  - ↓B-2\n---\n# A\n"),
      Example("---\nid: A\nrelacionados: [↓docs/gone.md]\n---\n# A\n"),
    ],
    nonTriggering: [
      Example("---\nid: A\nrelacionados: [B, 'C']\n---\n# A\n", files: ["b.md": "---\nid: B\n---\n", "c.md": "---\nid: C\n---\n"]),
      Example(
        "---\nid: A\nrelacionados: [docs/b.md, ../c.md, docs/]\n---\n# A\n", path: "plans/a.md",
        files: ["docs/b.md": "# B\n", "c.md": "# C\n"]),
    ])

  func check(_ document: DocumentNode, in graph: ReferenceGraph) -> [Finding] {
    document.facts.idReferences.compactMap { reference in
      guard graph.index.ids[reference.id] == nil else { return nil }
      // A value written as a path names the file or folder it reaches.
      if reference.namesExistingPath(from: document.path, in: graph.inventory) { return nil }
      let paths = reference.pathReadings(from: document.path)
      let what =
        paths.isEmpty
        ? "names id '\(reference.id)', which no document declares"
        : "names '\(reference.id)', which is neither a declared id nor a path in the repository"
      let hint = graph.index.suggestion(forUnknownID: reference.id).map { "; did you mean '\($0)'?" } ?? ""
      let message = "'\(reference.key)' \(what)\(hint)"
      return Self.descriptor.finding(in: document.path, at: reference.span, message, snippet: reference.id)
        .depending(on: [.id(reference.id)] + paths.map { .file($0) })
    }
  }
}
