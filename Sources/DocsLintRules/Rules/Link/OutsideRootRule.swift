import DocsLintGraph

/// `link/outside-root`: the target climbs above the repository root.
struct OutsideRootRule: GraphRule {
  static let descriptor = RuleDescriptor(
    id: "link/outside-root",
    defaultLevel: .error,
    summary: "Link target resolves above the repository root",
    rationale: """
      A link that climbs out of the repository (`../../other-repo/x.md`) only works in one \
      particular checkout layout; on GitHub and in every other clone it is broken. docs-lint \
      never reads outside the root.
      """,
    triggering: [
      Example("[sibling](↓../../elsewhere/readme.md)")
    ],
    nonTriggering: [
      Example("[down and back](docs/../readme.md)", files: ["readme.md": ""])
    ],
    ignoresCode: true)

  func check(_ document: DocumentNode, in graph: ReferenceGraph) -> [Finding] {
    document.brokenReferences.compactMap { reference in
      guard reference.kind.isLink, case .outsideRoot = reference.resolution else { return nil }
      return Self.descriptor.finding(
        in: document.path, at: reference.span,
        "\(reference.kind.noun) target '\(reference.text)' resolves outside the repository root",
        snippet: reference.text)
    }
  }
}
