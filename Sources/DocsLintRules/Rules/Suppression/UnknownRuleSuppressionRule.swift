import DocsLintGraph

/// `suppression/unknown-rule`: a suppression directive names a rule id (or a `category/*`)
/// that does not exist. Reported by the linter's suppression pass (`SuppressionPass.swift`).
struct UnknownRuleSuppressionRule: GraphRule {
  static let descriptor = RuleDescriptor(
    id: "suppression/unknown-rule",
    defaultLevel: .error,
    summary: "Suppression directive names a rule that does not exist (suggests the closest id)",
    rationale: """
      A misspelt rule id suppresses nothing, so the finding it was meant to hide stays, \
      or the author believes a check is silenced when it is not. Directives accept rule \
      ids, `category/*` for every rule of a category, and `all`; anything else is \
      reported at the name, with the closest id when one is near.
      """,
    triggering: [
      Example("<!-- docs-lint-disable-next-line ↓link/missing-fil -->\n[gone](missing.md)"),
      Example("<!-- docs-lint-disable ↓lnk/* -->\n[gone](missing.md)"),
      Example("---\ndocs-lint-disable: [↓ref/missing]\n---\n# Notes"),
    ],
    nonTriggering: [
      Example("<!-- docs-lint-disable-next-line link/* -->\n[gone](missing.md)"),
      Example("Write `<!-- docs-lint-disable no/such-rule -->` to hide a finding."),
    ])

  // The suppression pass makes these findings; there is nothing to check per node.
  func check(_ document: DocumentNode, in graph: ReferenceGraph) -> [Finding] { [] }
}
