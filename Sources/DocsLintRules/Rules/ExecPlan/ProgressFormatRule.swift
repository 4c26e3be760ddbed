import DocsLintGraph

/// `execplan/progress-format`: Progress items are timestamped checkboxes.
struct ProgressFormatRule: DocumentRule {
  static let descriptor = RuleDescriptor(
    id: "execplan/progress-format",
    defaultLevel: .warning,
    summary: "Progress item that is not a checkbox, or a checked item without a timestamp",
    rationale: """
      Progress is the plan's checklist: every item is `- [ ]` or `- [x]`, and a completed \
      item says when it was done — `- [x] (2025-10-01 13:00Z) step` — so the plan can be \
      resumed by someone else from the exact point it stopped.
      """,
    triggering: [
      Example("# P\n\n## Progress\n\n- ↓[x] Paso hecho sin fecha\n", path: "docs/plans/EXECPLAN_a.md"),
      Example("# P\n\n## Progress\n\n- ↓Paso sin casilla\n", path: "docs/plans/EXECPLAN_a.md"),
    ],
    nonTriggering: [
      Example(
        "# P\n\n## Progreso\n\n- [x] (2025-10-01 13:00Z) Paso hecho\n- [ ] Paso pendiente\n  - [ ] Subpaso\n  - nota sobre el paso\n",
        path: "docs/plans/EXECPLAN_a.md")
    ],
    ignoresCode: true)

  func check(_ document: DocumentContext) -> [Finding] {
    guard document.has(.plan), let progress = document.section(id: "progress"),
      let title = document.sectionSpec(id: "progress")?.title
    else { return [] }
    // Top-level items are the checklist; nested bullets are notes on them.
    let top = document.items(in: progress).map(\.depth).min() ?? 1
    return document.items(in: progress).filter { $0.depth == top }.compactMap { item in
      switch item.checkbox(in: document.source) {
      case nil:
        return Self.descriptor.finding(
          in: document.path, at: document.span(of: item), "\(title) item is not a checkbox ('- [ ] ...' or '- [x] ...')",
          snippet: document.text(of: item))
      case true?:
        let text = document.text(of: item).dropFirst(3).trimmingBlanks()
        let stamp = text.hasPrefix("(") ? String(text.dropFirst()) : String(text)
        guard !DateText.isDate(String(stamp.prefix(10))) else { return nil }
        return Self.descriptor.finding(
          in: document.path, at: document.span(of: item),
          "completed \(title) item has no timestamp ('- [x] (2025-10-01 13:00Z) ...')", snippet: document.text(of: item))
      case false?:
        return nil
      }
    }
  }
}
