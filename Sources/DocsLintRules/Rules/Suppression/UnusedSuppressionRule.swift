import DocsLintGraph

/// `suppression/unused`: a `docs-lint-disable*` directive (or one of its rule names)
/// that suppressed no finding. Reported by the linter's suppression pass
/// (`SuppressionPass.swift`), which sees every finding of the document.
struct UnusedSuppressionRule: GraphRule {
  static let descriptor = RuleDescriptor(
    id: "suppression/unused",
    defaultLevel: .info,
    summary: "Suppression directive that suppresses no finding",
    rationale: """
      A suppression outlives the problem it hid: once the link is fixed or the section \
      written, the comment stays and would silently hide the next real finding of that \
      rule at that place. Each directive is checked per rule it names (or as a whole when \
      it names none); rules turned off for the document are not counted, since they could \
      not have fired. A directive cannot hide its own finding; another one can.
      """,
    triggering: [
      Example("↓<!-- docs-lint-disable-next-line link/missing-file -->\n[ok](other.md)", files: ["other.md": ""]),
      Example("↓<!-- docs-lint-disable -->\nNothing to hide here."),
      Example("---\n↓docs-lint-disable: [ref/missing-path]\n---\n# Notes"),
    ],
    nonTriggering: [
      Example("<!-- docs-lint-disable-next-line link/missing-file -->\n[gone](missing.md)"),
      Example("<!-- docs-lint-disable docs/orphan -->\nOrphans are an opt-in rule, off here."),
      Example("```md\n<!-- docs-lint-disable link/missing-file -->\n```"),
    ])

  // The suppression pass makes these findings; there is nothing to check per node.
  func check(_ document: DocumentNode, in graph: ReferenceGraph) -> [Finding] { [] }
}
