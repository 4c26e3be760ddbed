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
      repository (files git ignores do not count: a relation should survive a clone). A value \
      is also fine when it is a file's name or stem (`PLAN_EJECUCION_COMPLETO.md`, \
      `OBSERVABILITY_LAYERS`) or the start of exactly one id, up to a separator (`TASK-029` \
      for `TASK-029-data-quality-framework`); the start of several ids is reported with them. \
      Reference keys and the keys that declare ids (`id`, `task_id`, ...) are listed in \
      rules/kinds.yml.
      """,
    triggering: [
      Example("---\nid: A\nrelacionados: [↓SPEC-RED-01]\n---\n# A\n", files: ["b.md": "---\nid: SPEC-RED-001\n---\n# B\n"]),
      Example("---\nid: A\nrelated:\n  - ↓B-2\n---\n# A\n"),
      Example("---\nid: A\nrelacionados: [↓docs/gone.md]\n---\n# A\n"),
      // A short id that starts several ids says nothing.
      Example(
        "---\nid: A\nrelacionados: [↓TASK-029]\n---\n# A\n",
        files: ["a.md": "---\nid: TASK-029-calidad\n---\n", "b.md": "---\nid: TASK-029-datos\n---\n"]),
    ],
    nonTriggering: [
      Example("---\nid: A\nrelacionados: [B, 'C']\n---\n# A\n", files: ["b.md": "---\nid: B\n---\n", "c.md": "---\nid: C\n---\n"]),
      // The ways people write them: a short id, a file name, a stem, an id under another key.
      Example(
        "---\nid: A\nrelated: [TASK-029, PLAN_EJECUCION_COMPLETO.md, OBSERVABILITY_LAYERS, T-7]\n---\n# A\n",
        files: [
          "tasks/029.md": "---\nid: TASK-029-data-quality-framework\n---\n", "docs/PLAN_EJECUCION_COMPLETO.md": "# Plan\n",
          "docs/arch/OBSERVABILITY_LAYERS.md": "# Capas\n", "tasks/t7.md": "---\ntask_id: T-7\n---\n",
        ]),
      Example(
        "---\nid: A\nrelacionados: [docs/b.md, ../c.md, docs/]\n---\n# A\n", path: "plans/a.md",
        files: ["docs/b.md": "# B\n", "c.md": "# C\n"]),
    ])

  func check(_ document: DocumentNode, in graph: ReferenceGraph) -> [Finding] {
    document.facts.idReferences.compactMap { reference in
      guard graph.index.ids[reference.id] == nil else { return nil }
      // A value written as a path names the file or folder it reaches.
      if reference.namesExistingPath(from: document.path, in: graph.inventory) { return nil }
      // A file name or stem: `PLAN_EJECUCION_COMPLETO.md`, `OBSERVABILITY_LAYERS`.
      if !reference.id.contains("/"), Self.namesFile(reference.id, in: graph.inventory) { return nil }
      // A short id: `TASK-029` for `TASK-029-data-quality-framework`, when only one id starts so.
      let longer = Self.ids(startingWith: reference.id, in: graph)
      if longer.count == 1 { return nil }
      if longer.count > 1 {
        let listed = longer.prefix(5).joined(separator: "', '") + (longer.count > 5 ? "', ..." : "'")
        return Self.descriptor.finding(
          in: document.path, at: reference.span,
          "'\(reference.key)' names '\(reference.id)', the start of several ids ('\(listed)); write the whole id",
          snippet: reference.id
        ).depending(on: [.id(reference.id)])
      }
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

  /// Whether some file is named so, or so plus a Markdown extension.
  static func namesFile(_ name: String, in inventory: FileInventory) -> Bool {
    !inventory.paths(named: name).isEmpty || ["md", "markdown", "mdx"].contains { !inventory.paths(named: name + "." + $0).isEmpty }
  }

  /// Declared ids that continue `prefix` after a separator (`TASK-029` → `TASK-029-x`), sorted.
  static func ids(startingWith prefix: String, in graph: ReferenceGraph) -> [String] {
    let sorted = graph.shared(descriptor.id + ":sorted-ids") { graph in graph.index.ids.keys.sorted(by: ByteOrder.less) }
    var found: [String] = []
    for id in sorted[ByteOrder.lowerBound(of: prefix, in: sorted)...] {
      guard id.hasPrefix(prefix) else { break }
      if let next = id.utf8.dropFirst(prefix.utf8.count).first, "-_. :".utf8.contains(next) { found.append(id) }
    }
    return found
  }
}
