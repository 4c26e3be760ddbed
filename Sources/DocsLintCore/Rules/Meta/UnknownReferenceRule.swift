/// `meta/unknown-reference`: a front-matter reference to an id no document declares.
struct UnknownReferenceRule: GraphRule {
  static let descriptor = RuleDescriptor(
    id: "meta/unknown-reference",
    defaultLevel: .warning,
    summary: "An id in a reference key (relacionados, related, depends_on, supersedes) that no document declares",
    rationale: """
      `relacionados: [SPEC-RED-001]` is a link that no renderer checks; when the other \
      document is renamed or never got that id, the relation is silently dead. The message \
      suggests the closest existing id. Reference keys are listed in rules/kinds.yml.
      """,
    triggering: [
      Example("---\nid: A\nrelacionados: [↓SPEC-RED-01]\n---\n# A\n", files: ["b.md": "---\nid: SPEC-RED-001\n---\n# B\n"]),
      Example("---\nid: A\nrelated:\n  - ↓B-2\n---\n# A\n"),
    ],
    nonTriggering: [
      Example("---\nid: A\nrelacionados: [B, 'C']\n---\n# A\n", files: ["b.md": "---\nid: B\n---\n", "c.md": "---\nid: C\n---\n"])
    ])

  func check(_ document: DocumentNode, in graph: ReferenceGraph) -> [Finding] {
    document.facts.idReferences.compactMap { reference in
      guard graph.index.ids[reference.id] == nil else { return nil }
      let hint = graph.index.suggestion(forUnknownID: reference.id).map { "; did you mean '\($0)'?" } ?? ""
      return Self.descriptor.finding(
        in: document.path, at: reference.span,
        "'\(reference.key)' names id '\(reference.id)', which no document declares\(hint)", snippet: reference.id
      ).depending(on: [.id(reference.id)])
    }
  }
}
