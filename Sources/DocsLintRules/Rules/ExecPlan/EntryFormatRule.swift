import DocsLintGraph

/// `execplan/entry-format`: Decision Log and Surprises entries carry their supporting lines.
struct EntryFormatRule: DocumentRule {
  static let descriptor = RuleDescriptor(
    id: "execplan/entry-format",
    defaultLevel: .warning,
    summary: "Decision Log entry without Rationale or Date/Author; Surprises entry without Evidence (either language)",
    rationale: """
      A decision without its rationale and author cannot be revisited; an observation \
      without evidence cannot be trusted. Entries are `- Decision: ...` / `Decisión:` with \
      `Rationale:` (`Razón:`, `Justificación:`) and `Date/Author:` (`Fecha/Autor:`) lines, and \
      `- Observation: ...` / `Observación:` with an `Evidence:` (`Evidencia:`) line. An entry \
      that records nothing yet (`Observation: none yet.`, `Observación: ninguna.`) needs none.
      """,
    triggering: [
      Example(
        "# P\n\n## Decision Log\n\n- ↓Decision: usar Postgres.\n  Rationale: ya lo operamos.\n",
        path: "docs/plans/EXECPLAN_a.md"),
      Example("# P\n\n## Surprises & Discoveries\n\n- ↓Observación: el job tarda 2 h.\n", path: "docs/plans/EXECPLAN_a.md"),
      // "None" opens a finding here, not an empty entry.
      Example("# P\n\n## Surprises & Discoveries\n\n- ↓Observation: none of the ARM runners pass.\n", path: "docs/plans/EXECPLAN_a.md"),
    ],
    nonTriggering: [
      Example(
        """
        # P

        ## Surprises & Discoveries

        - Observation: el índice no se usa.
          Evidence: EXPLAIN muestra un seq scan.
        - Observation: none yet beyond Stage A confirmations.
        - Observación: ninguna.

        ## Decision Log

        - **Decisión:** usar Postgres.
          Justificación: ya lo operamos.
          Fecha/Autor: 2025-10-01, Ana.
        - Nada más por ahora.
        """, path: "docs/plans/EXECPLAN_a.md")
    ],
    ignoresCode: true)

  func check(_ document: DocumentContext) -> [Finding] {
    guard document.has(.plan) else { return [] }
    var findings: [Finding] = []
    // The shapes are data: each section of the kind that declares its entries (rules/kinds.yml).
    for spec in document.kind?.variant?.sections ?? [] {
      guard let shape = spec.entries, let section = document.section(for: spec) else { continue }
      for item in document.items(in: section) where item.depth == 1 {
        // Emphasis around the label ("**Decision:**") does not matter. Removed as bytes: an
        // ASCII byte in UTF-8 is always that character, and a Character filter cost more
        // than the rest of the rule.
        let lowered = document.text(of: item).lowercased()
        let text = String(decoding: lowered.utf8.filter { $0 != UInt8(ascii: "*") && $0 != UInt8(ascii: "_") }, as: UTF8.self)
        guard let start = shape.starts.first(where: text.hasPrefix) else { continue }
        // "Observation: none yet." records nothing to support.
        if shape.recordsNothing(text.dropFirst(start.count)) { continue }
        let missing = shape.needs.filter { need in !need.labels.contains(where: text.includes) }.map(\.name)
        guard !missing.isEmpty else { continue }
        findings.append(
          Self.descriptor.finding(
            in: document.path, at: document.span(of: item),
            "\(spec.title) entry has no \(missing.joined(separator: " or ")) line", snippet: String(text.prefix(60))))
      }
    }
    return findings
  }
}
