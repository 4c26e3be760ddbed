import DocsLintGraph

/// `meta/invalid-date`: a date-like front-matter key whose value is not a date.
struct InvalidDateRule: DocumentRule {
  static let descriptor = RuleDescriptor(
    id: "meta/invalid-date",
    defaultLevel: .warning,
    summary: "Date-like front-matter key whose value does not parse as a date (YYYY-MM-DD)",
    rationale: """
      `ultima_actualizacion: 31/02/2025` or `fecha_creacion: ayer` sorts wrongly and breaks \
      every staleness report. Date keys are listed in `date-keys` (rules/kinds.yml) or typed \
      `date`; values must be ISO dates, optionally with a time.
      """,
    triggering: [
      Example("---\nid: A\n↓ultima_actualizacion: 31/02/2025\n---\n# A\n"),
      Example("---\n↓fecha_creacion: 2025-02-30\n---\n# A\n"),
    ],
    nonTriggering: [
      Example("---\nultima_actualizacion: 2025-10-01\nfecha_creacion: 2025-10-01 13:00\nupdated: 2024-02-29T08:00:00Z\n---\n# A\n")
    ])

  func check(_ document: DocumentContext) -> [Finding] {
    let settings = document.configuration.kinds
    let required = document.kind?.variant?.frontMatter
    return document.frontMatterEntries.compactMap { entry in
      let type = required?[entry.key] ?? settings.frontMatter[entry.key]
      guard type == .date || (type == nil && settings.isDateKey(entry.key)) else { return nil }
      guard case .scalar(let text, _) = entry.value, !text.isEmpty, !DateText.isDate(text) else { return nil }
      // `YYYY-MM-DD` is a template's stand-in: structure/unfilled-template speaks for it.
      guard !document.configuration.vocabulary.templateValues.contains(text) else { return nil }
      return Self.descriptor.finding(
        in: document.path, at: document.span(ofKey: entry), "'\(entry.key): \(text)' is not a date (YYYY-MM-DD)",
        snippet: entry.key)
    }
  }
}
