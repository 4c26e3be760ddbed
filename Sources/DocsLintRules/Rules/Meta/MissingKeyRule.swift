import DocsLintGraph

/// `meta/missing-key`: a front-matter key the kind requires is missing, or has the wrong type.
struct MissingKeyRule: DocumentRule {
  static let descriptor = RuleDescriptor(
    id: "meta/missing-key",
    defaultLevel: .warning,
    summary: "Front-matter key required for the document's kind is missing, or a key has the wrong type",
    rationale: """
      Tools and people query front matter (`id`, `estado`, `relacionados`); a missing key or \
      a list where a string belongs silently drops the document from every such query. \
      Required keys come from the kind (rules/kinds.yml); types of well-known keys apply to \
      every document. Dates are checked by `meta/invalid-date`.
      """,
    triggering: [
      Example("↓---\nname: deploy\n---\n# DeployAgent\n", path: ".agent/agents/deploy.md"),
      Example("---\nid: DOC-1\n↓relacionados: DOC-2\n---\n# Doc\n"),
    ],
    nonTriggering: [
      Example("---\nname: deploy\ndescription: Despliega.\n---\n# Deploy\n", path: ".agent/agents/deploy.md"),
      Example("---\nid: DOC-1\nrelacionados: [DOC-2]\nversion: 1.2\n---\n# Doc\n"),
    ])

  func check(_ document: DocumentContext) -> [Finding] {
    guard document.markdown.frontMatter?.problem == nil else { return [] }
    let entries = document.frontMatterEntries
    var findings: [Finding] = []
    let required = document.kind?.variant?.frontMatter ?? [:]
    for key in required.keys.sorted() where !entries.contains(where: { $0.key == key }) {
      findings.append(
        Self.descriptor.finding(
          in: document.path, at: document.frontMatterSpan,
          "front matter has no '\(key)' (required for \(document.kindName), \(required[key]!.article))", snippet: key))
    }
    let shared = document.configuration.kinds.frontMatter
    for entry in entries {
      guard let type = required[entry.key] ?? shared[entry.key], type != .date, !type.accepts(entry.value) else { continue }
      findings.append(
        Self.descriptor.finding(
          in: document.path, at: document.span(ofKey: entry), "'\(entry.key)' should be \(type.article)",
          snippet: entry.key))
    }
    return findings
  }
}
