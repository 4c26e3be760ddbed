import DocsLintGraph

/// `structure/missing-section`: a required section of the document's kind is absent.
struct MissingSectionRule: DocumentRule {
  static let descriptor = RuleDescriptor(
    id: "structure/missing-section",
    defaultLevel: .error,
    summary: "A section the document's kind requires is absent",
    rationale: """
      Kinds of documents (ExecPlans, infrastructure specs, agent cards, ADRs) promise readers \
      the same sections in every instance; a missing Decision Log or Rollback Plan is a gap \
      nobody notices until it is needed. Titles match ignoring case, accents, numbering \
      ("## 7. Plan de Testing") and punctuation, and any alias the kind accepts; the message \
      lists them.
      """,
    triggering: [
      Example(
        "↓# Migrar la base\n\n## Progress\n\n- [ ] Paso\n\n## Surprises & Discoveries\n\nNada.\n\n## Outcomes & Retrospective\n\nPendiente de cierre.\n",
        path: "docs/plans/EXECPLAN_migrar.md"),
      Example("↓# ADR 7\n\n## Contexto\n\nTexto.\n\n## Decisión\n\nTexto.\n", path: "docs/adr/0007-x.md"),
      // An English ADR is told "'Consequences' (or 'Consecuencias', ...)".
      Example("↓# ADR 8: Use of the queue\n\n## Context\n\nText.\n\n## Decision\n\nText.\n", path: "docs/adr/0008-y.md"),
    ],
    nonTriggering: [
      Example(
        "# Migrar\n\n## 1. Progreso\n\n- [ ] Paso\n\n## 2. Sorpresas y hallazgos\n\nNada.\n\n## 3. Registro de decisiones\n\nNinguna.\n\n## 4. Resultados y retrospectiva\n\nEn curso.\n",
        path: "docs/plans/EXECPLAN_migrar.md"),
      Example("# ADR 7\n\n## Context\n\nX.\n\n## Decision\n\nY.\n\n## Consequences\n\nZ.\n", path: "docs/adr/0007-x.md"),
      Example("# Notes\n\nNo kind applies here.\n"),
    ])

  func check(_ document: DocumentContext) -> [Finding] {
    guard let variant = document.kind?.variant else { return [] }
    let present = Set(document.sectionMatches.map(\.spec))
    let missing = variant.sections.indices.filter { variant.sections[$0].required && !present.contains($0) }
    guard !missing.isEmpty else { return [] }
    // An English document is told the English titles first.
    let english = document.configuration.vocabulary.isEnglish(headings: document.markdown.headings.map(\.text))
    return missing.map { index in
      let spec = variant.sections[index]
      return Self.descriptor.finding(
        in: document.path, at: document.titleSpan,
        "\(document.kindName) is missing the required section \(spec.accepted(english: english))", snippet: spec.title)
    }
  }
}
