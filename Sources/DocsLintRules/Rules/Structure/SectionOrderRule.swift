import DocsLintGraph

/// `structure/section-order`: the kind's sections appear out of order.
struct SectionOrderRule: DocumentRule {
  static let descriptor = RuleDescriptor(
    id: "structure/section-order",
    defaultLevel: .warning,
    summary: "Sections of the document's kind appear out of the kind's order",
    rationale: """
      Readers and agents find things by position: in an ExecPlan, Progress comes before the \
      Decision Log, the Plan of Work before the Concrete Steps. A section that drifted out of \
      place is reported at its heading, naming the section it should follow. A heading is a \
      kind's section only when its whole title is the section's title or an alias; an alias \
      ending in `*` stands for further words ("Decisión*" matches "Decisión tomada", not \
      "Decisiones Relacionadas").
      """,
    triggering: [
      Example(
        "# ADR\n\n## Decision\n\nY.\n\n↓## Context\n\nX.\n\n## Consequences\n\nZ.\n", path: "docs/adr/0001-x.md")
    ],
    nonTriggering: [
      Example("# ADR\n\n## Context\n\nX.\n\n## Decision\n\nY.\n\n## Notas\n\nLibre.\n\n## Consequences\n\nZ.\n", path: "docs/adr/0001-x.md"),
      // A title matches a section by its whole words: "Decisiones Relacionadas" is not "Decisión",
      // "Decisions to Revisit" not "Decision".
      Example(
        "# ADR\n\n## Contexto\n\nX.\n\n## Decisión\n\nY.\n\n## Consecuencias\n\nZ.\n\n## Decisiones Relacionadas\n\n- ADR-001\n",
        path: "docs/adr/0002-y.md"),
      Example(
        "# ADR\n\n## Context\n\nX.\n\n## Decision\n\nY.\n\n## Consequences\n\nZ.\n\n## Decisions to Revisit\n\n- ADR-001\n",
        path: "docs/adr/0003-z.md"),
    ],
    ignoresCode: true)

  func check(_ document: DocumentContext) -> [Finding] {
    guard document.kind?.variant != nil else { return [] }
    var latest: (spec: Int, title: String)?
    var findings: [Finding] = []
    for (section, spec) in document.sectionMatches {
      if let previous = latest, spec < previous.spec {
        findings.append(
          Self.descriptor.finding(
            in: document.path, at: section.heading.span,
            "section '\(section.heading.text)' should come before '\(previous.title)' in the \(document.kindName) order",
            snippet: section.heading.text))
      } else {
        latest = (spec, section.heading.text)
      }
    }
    return findings
  }
}
