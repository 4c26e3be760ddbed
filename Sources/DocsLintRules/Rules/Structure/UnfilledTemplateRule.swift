import DocsLintGraph

/// `structure/unfilled-template`: a document copied from a template that still carries
/// the template's placeholders, or still says it is a template.
struct UnfilledTemplateRule: DocumentRule {
  static let descriptor = RuleDescriptor(
    id: "structure/unfilled-template",
    defaultLevel: .warning,
    summary: "A document that is not a template but still carries a template's placeholders in its metadata, or says it is one",
    rationale: """
      A plan copied from the plan template with seven lines changed still says \
      `id: PLAN-[CATEGORIA]-[NUMERO]` and `fecha: YYYY-MM-DD`: indexes, reports and \
      references read those as its real id and date. Reported for each front-matter value \
      that is a template's stand-in (`template-values` in rules/vocabulary.yml, a \
      `{{name}}`, or a bracketed stand-in such as `[NUMERO]`), and when the front matter \
      still says `tipo: plantilla` / `type: template`. Templates themselves (by their \
      path: `templates/`, `plantillas/`, `*_template.md`, ... in the `template` status) keep \
      their placeholders, and so do pages in a template folder (`template-folders`: \
      `plantillas/`, `.github/ISSUE_TEMPLATE/`); empty or placeholder sections are \
      `structure/empty-section`'s.
      """,
    triggering: [
      Example("---\n↓id: PLAN-[CATEGORIA]-[NUMERO]\n↓fecha: YYYY-MM-DD\n↓owner: \"{{owner}}\"\n---\n# Plan de red\n", path: "docs/plans/red.md"),
      Example("---\nid: PLAN-RED-001\n↓tipo: plantilla\n---\n# Plan de red\n", path: "docs/plans/red.md"),
      Example("---\nid: SPEC-NET-001\n↓status: TBD\n---\n# Network spec\n", path: "docs/specs/net.md"),
    ],
    nonTriggering: [
      Example("---\nid: PLAN-[CATEGORIA]-[NUMERO]\nfecha: YYYY-MM-DD\ntipo: plantilla\n---\n# Plantilla\n", path: "docs/plantillas/plan.md"),
      Example("---\nid: PLAN-RED-001\nfecha: 2025-10-01\nrelacionados: [ADR-001]\n---\n# Plan de red\n", path: "docs/plans/red.md"),
    ])

  func check(_ document: DocumentContext) -> [Finding] {
    // Most documents have no front matter, or none of it unfilled: decide that first, cheaply.
    var found: [(entry: YAMLEntry, value: String, saysTemplate: Bool)] = []
    for entry in document.frontMatterEntries {
      guard case .scalar(let value, _) = entry.value, !value.isEmpty else { continue }
      if DocumentStatuses.statusValueKeys.contains(entry.key.lowercased()),
        document.configuration.vocabulary.statuses.status(namedBy: value)?.id == Self.templateStatus
      {
        found.append((entry, value, true))
      } else if Self.isStandIn(value, templateValues: document.configuration.vocabulary.templateValues) {
        found.append((entry, value, false))
      }
    }
    guard !found.isEmpty else { return [] }
    // A template itself (by its path or folder) keeps its placeholders.
    if document.configuration.vocabulary.statuses.status(ofPath: document.path)?.id == Self.templateStatus { return [] }
    let folders = document.path.split(separator: "/").dropLast()
    if folders.contains(where: { document.configuration.vocabulary.templateFolders.contains($0.lowercased()) }) { return [] }
    return found.map { entry, value, saysTemplate in
      let message =
        saysTemplate
        ? "the front matter still says this is a template ('\(entry.key): \(value)'); say what the document is"
        : "'\(entry.key): \(value)' is a template's placeholder; fill it in"
      return Self.descriptor.finding(in: document.path, at: document.span(ofKey: entry), message, snippet: entry.key)
    }
  }

  /// The id of the status `rules/vocabulary.yml` gives templates.
  static let templateStatus = "template"

  /// A whole stand-in value, a `{{name}}`, or a bracketed stand-in (`PLAN-[NUMERO]`).
  static func isStandIn(_ value: String, templateValues: Set<String>) -> Bool {
    let trimmed = value.trimmingBlanks()
    if templateValues.contains(String(trimmed)) { return true }
    if trimmed.includes("{{"), trimmed.includes("}}") { return true }
    // "[NUMERO]", "[Descripción del alcance]": a letter opens the brackets, no link follows.
    var rest = Substring(trimmed)
    while let open = rest.firstIndex(of: "[") {
      let inside = rest[rest.index(after: open)...]
      guard let close = inside.firstIndex(of: "]") else { return false }
      let word = inside[..<close]
      let after = inside[inside.index(after: close)...]
      if word.count >= 2, word.first?.isLetter == true, after.first != "(", !word.contains("[") { return true }
      rest = after
    }
    return false
  }
}
