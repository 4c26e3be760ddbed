import DocsLintGraph

/// `structure/empty-section`: a required section with no content or only a placeholder.
struct EmptySectionRule: DocumentRule {
  static let descriptor = RuleDescriptor(
    id: "structure/empty-section",
    defaultLevel: .warning,
    summary: "A required section has no content, or only a placeholder (Pending., Pendiente, TBD, TODO)",
    rationale: """
      A heading with nothing under it satisfies a template check while telling the reader \
      nothing. Placeholders are listed in `section-placeholders` in rules/kinds.yml.
      """,
    triggering: [
      Example("# ADR\n\n## Context\n\nX.\n\n↓## Decision\n\nTBD\n\n## Consequences\n\nZ.\n", path: "docs/adr/0002-x.md"),
      Example("# ADR\n\n## Context\n\nX.\n\n## Decision\n\nY.\n\n↓## Consequences\n", path: "docs/adr/0002-x.md"),
    ],
    nonTriggering: [
      Example(
        "# ADR\n\n## Context\n\nX.\n\n## Decision\n\n### Option A\n\nChosen.\n\n## Consequences\n\nTodo el equipo migra.\n",
        path: "docs/adr/0002-x.md")
    ])

  func check(_ document: DocumentContext) -> [Finding] {
    guard let variant = document.kind?.variant else { return [] }
    let placeholders = document.configuration.kinds.placeholders
    return document.sectionMatches.compactMap { section, spec in
      guard variant.sections[spec].required else { return nil }
      let detail: String
      switch section.body {
      case .substantial: return nil
      case .empty: detail = "is empty"
      case .short(let text, let written):
        guard placeholders.contains(text) else { return nil }
        detail = "holds only the placeholder '\(written)'"
      }
      return Self.descriptor.finding(
        in: document.path, at: section.heading.span, "required section '\(section.heading.text)' \(detail)",
        snippet: section.heading.text)
    }
  }
}
