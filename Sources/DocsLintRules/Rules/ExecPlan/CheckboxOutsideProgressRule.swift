import DocsLintGraph

/// `execplan/checkbox-outside-progress`: checkboxes belong to Progress only.
struct CheckboxOutsideProgressRule: DocumentRule {
  static let descriptor = RuleDescriptor(
    id: "execplan/checkbox-outside-progress",
    defaultLevel: .warning,
    summary: "A checkbox outside the Progress section of an ExecPlan",
    rationale: """
      PLANS.md keeps one checklist per plan, in Progress. Checkboxes elsewhere split the \
      state of the work across sections and are easy to leave unticked.
      """,
    triggering: [
      Example("# P\n\n## Progress\n\n- [ ] A\n\n## Concrete Steps\n\n- ↓[ ] Ejecutar\n", path: "docs/plans/EXECPLAN_a.md")
    ],
    nonTriggering: [
      Example("# P\n\n## Progress\n\n- [ ] A\n\n## Concrete Steps\n\n1. Ejecutar\n", path: "docs/plans/EXECPLAN_a.md"),
      Example("# Notes\n\n- [ ] not a plan\n"),
    ],
    ignoresCode: true)

  func check(_ document: DocumentContext) -> [Finding] {
    guard document.has(.plan) else { return [] }
    // A kind without a progress section has no checklist to keep checkboxes in.
    guard let title = document.sectionSpec(id: "progress")?.title else { return [] }
    let progress = document.section(id: "progress")?.bodyLines
    return document.markdown.listItems.compactMap { item in
      guard progress?.contains(item.line) != true, item.checkbox(in: document.source) != nil else { return nil }
      return Self.descriptor.finding(
        in: document.path, at: document.span(of: item), "checkbox outside \(title)", snippet: document.text(of: item))
    }
  }
}
