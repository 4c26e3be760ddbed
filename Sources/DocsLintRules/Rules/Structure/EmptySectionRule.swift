import DocsLintGraph

/// `structure/empty-section`: a required section with no content or only a placeholder.
struct EmptySectionRule: DocumentRule {
  static let descriptor = RuleDescriptor(
    id: "structure/empty-section",
    defaultLevel: .warning,
    summary: "A required section has no content, or only a placeholder (Pending., Pendiente, TBD, TODO)",
    rationale: """
      A heading with nothing under it satisfies a template check while telling the reader \
      nothing. Placeholders are listed in `section-placeholders` (whole bodies) and \
      `section-placeholder-openings` ("Se adjuntarán ...", "To be added") in rules/kinds.yml; \
      a body that is only a bracketed stand-in ("[Descripción del contexto]") counts too. \
      Every required section of the document's kind is checked.
      """,
    triggering: [
      Example("# ADR\n\n## Context\n\nX.\n\n↓## Decision\n\nTBD\n\n## Consequences\n\nZ.\n", path: "docs/adr/0002-x.md"),
      Example("# ADR\n\n## Context\n\nX.\n\n## Decision\n\nY.\n\n↓## Consequences\n", path: "docs/adr/0002-x.md"),
      // Placeholders a template leaves: a bracketed stand-in, a promise of content.
      Example(
        "# ADR\n\n↓## Contexto\n\n[Descripción del contexto]\n\n## Decisión\n\nY.\n\n↓## Consecuencias\n\nSe adjuntarán más adelante.\n",
        path: "docs/adr/0003-y.md"),
      Example("# ADR\n\n## Context\n\nX.\n\n## Decision\n\nY.\n\n↓## Consequences\n\nTo be added.\n", path: "docs/adr/0004-z.md"),
    ],
    nonTriggering: [
      Example(
        "# ADR\n\n## Context\n\nX.\n\n## Decision\n\n### Option A\n\nChosen.\n\n## Consequences\n\nTodo el equipo migra.\n",
        path: "docs/adr/0002-x.md")
    ])

  func check(_ document: DocumentContext) -> [Finding] {
    guard let variant = document.kind?.variant else { return [] }
    return document.sectionMatches.compactMap { section, spec in
      guard variant.sections[spec].required else { return nil }
      let detail: String
      switch section.body {
      case .substantial: return nil
      case .empty: detail = "is empty"
      case .short(let text, let written):
        // Through `configuration` each time: a copy of the kind settings per file would retain all of them.
        guard document.configuration.kinds.isPlaceholder(text, written: written) else { return nil }
        detail = "holds only the placeholder '\(written)'"
      }
      return Self.descriptor.finding(
        in: document.path, at: section.heading.span, "required section '\(section.heading.text)' \(detail)",
        snippet: section.heading.text)
    }
  }
}
