import DocsLintGraph

/// `agent/unknown-agent`: a `<Name>Agent` mentioned that no agent doc declares.
struct UnknownAgentRule: GraphRule {
  static let descriptor = RuleDescriptor(
    id: "agent/unknown-agent",
    defaultLevel: .warning,
    summary: "<Name>Agent mentioned with no agent doc declaring it (title, name:, or file name name_agent.md)",
    rationale: """
      Plans and runbooks hand work to agents by name (`DependencyAgent`); a name with no \
      agent doc is a renamed or never-written agent. Only checked in repositories that have \
      agent docs; mentions in code blocks are code, not references.
      """,
    triggering: [
      Example("Pedir a ↓SecurityAgent que revise.\n", files: [".agent/agents/dependency.md": "# DependencyAgent\n"])
    ],
    nonTriggering: [
      Example(
        "DependencyAgent y AuditAgent revisan; `DependencyAgent` también. El UserAgent de HTTP no es un agente.\n",
        files: [".agent/agents/dependency.md": "# DependencyAgent\n", "docs/audit_agent.md": "# Auditoría\n"]),
      Example("Un UserAgent de HTTP, sin agentes declarados en el repositorio.\n"),
    ],
    ignoresCode: true)

  /// Words that end in "Agent" but name no agent (HTTP headers, key agents).
  static let notAgents: Set<String> = ["UserAgent", "SSHAgent", "SshAgent", "GPGAgent", "GpgAgent", "KeyAgent"]

  func check(_ document: DocumentNode, in graph: ReferenceGraph) -> [Finding] {
    let known = graph.index.agentNames
    guard !known.isEmpty else { return [] }
    return document.facts.agentMentions.compactMap { mention in
      guard !known.contains(mention.name), !Self.notAgents.contains(mention.name) else { return nil }
      let hint = EditDistance.closest(to: mention.name, in: known.sorted()).map { "; did you mean '\($0)'?" } ?? ""
      return Self.descriptor.finding(
        in: document.path, at: mention.span, "no agent doc declares '\(mention.name)'\(hint)", snippet: mention.name
      ).depending(on: [.agent(mention.name)])
    }
  }
}
