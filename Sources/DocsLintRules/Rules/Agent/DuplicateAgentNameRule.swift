import DocsLintGraph

/// `agent/duplicate-name`: two agent docs declare the same agent.
struct DuplicateAgentNameRule: GraphRule {
  static let descriptor = RuleDescriptor(
    id: "agent/duplicate-name",
    defaultLevel: .warning,
    summary: "Two agent docs declare the same agent name (title or front-matter name:)",
    rationale: """
      A plan that hands work to `DeployAgent` means one agent; when two cards declare that \
      name (a copied card, an old one left behind), readers and tools pick one at random \
      and the catalog can list only one. Names count when declared explicitly, as a \
      `# <Name>Agent` title or a front-matter `name:`, in documents of a kind with the \
      `agent` role, among the documents linted; each copy is reported, naming the others.
      """,
    triggering: [
      Example(
        "↓# DeployAgent\n\nDespliega la API.\n", path: ".agent/agents/deploy.md",
        files: [".github/agents/deploy-v2.md": "# DeployAgent\n\nDespliega la API y la web.\n"]),
      Example(
        "---\nname: ↓deploy\ndescription: Despliega.\n---\n", path: ".github/agents/a.md",
        files: [".github/agents/b.md": "---\nname: deploy\ndescription: Otra.\n---\n"]),
    ],
    nonTriggering: [
      Example(
        "# DeployAgent\n\nMenciona a AuditAgent.\n", path: ".agent/agents/deploy.md",
        files: [".agent/agents/audit.md": "# AuditAgent\n"]),
      Example("# DeployAgent\n", path: "docs/deploy.md", files: ["notes/deploy.md": "# DeployAgent\n"]),
    ])

  static let collects: [any FactCollector.Type] = [AgentNameCollector.self]

  func check(_ document: DocumentNode, in graph: ReferenceGraph) -> [Finding] {
    guard let fact = document.collected[AgentNameCollector.self] else { return [] }
    // Built once per run: who declares each name.
    let declarers = graph.shared(Self.descriptor.id) { graph in
      var declarers: [String: [String]] = [:]
      for index in graph.documents.indices {
        for name in graph.documents[index].collected[AgentNameCollector.self]?.names ?? [] {
          declarers[name.name, default: []].append(graph.documents[index].path)
        }
      }
      return declarers
    }
    return fact.names.compactMap { name in
      let others = (declarers[name.name] ?? []).filter { $0 != document.path }
      guard !others.isEmpty else { return nil }
      let listed = others.prefix(3).map { "'\($0)'" }.joined(separator: ", ") + (others.count > 3 ? ", ..." : "")
      return Self.descriptor.finding(
        in: document.path, at: name.span, "agent '\(name.name)' is also declared by \(listed)", snippet: name.name)
    }
  }
}
