import DocsLintGraph

/// `agent/unknown-agent`: a `<Name>Agent` mentioned that no agent doc declares.
struct UnknownAgentRule: GraphRule {
  static let descriptor = RuleDescriptor(
    id: "agent/unknown-agent",
    defaultLevel: .warning,
    summary: "<Name>Agent mentioned with no agent doc declaring it (title, name:, or file name name_agent.md)",
    rationale: """
      Plans and runbooks hand work to agents by name (`DependencyAgent`); a name with no \
      agent doc is a renamed or never-written agent. A name the repository's source code \
      declares (a class, interface, struct, function or constant in Python, TypeScript or \
      JavaScript, Go, Swift, Rust, Java or Kotlin, C#: `code-declarations` in \
      rules/vocabulary.yml) is known too. Only checked in repositories that have agent docs; \
      mentions in code blocks are code, not references. A suggestion is offered only when it \
      is at most one edit per six letters away.
      """,
    triggering: [
      Example("Pedir a ↓SecurityAgent que revise.\n", files: [".agent/agents/dependency.md": "# DependencyAgent\n"]),
      // Code that only uses a name does not declare it.
      Example("The ↓PlannerAgent plans.\n", files: [".agent/agents/dependency.md": "# DependencyAgent\n", "src/run.py": "agent = PlannerAgent()\n"]),
    ],
    nonTriggering: [
      Example(
        "DependencyAgent y AuditAgent revisan; `DependencyAgent` también. El UserAgent de HTTP no es un agente.\n",
        files: [".agent/agents/dependency.md": "# DependencyAgent\n", "docs/audit_agent.md": "# Auditoría\n"]),
      Example("Un UserAgent de HTTP, sin agentes declarados en el repositorio.\n"),
      // Names source code declares: a Python class, a TypeScript interface.
      Example(
        "The SDLCDesignAgent drafts; a CustomAgent configures it.\n",
        files: [
          ".agent/agents/dependency.md": "# DependencyAgent\n", "src/agents.py": "class SDLCDesignAgent(BaseAgent):\n    pass\n",
          "sdk/types.d.ts": "export interface CustomAgent {}\n",
        ]),
    ],
    ignoresCode: true)

  /// The closest declared name, only when it is a slip of the pen: at most one edit per
  /// six letters (`SecurtyAgent` → `SecurityAgent`, not `SDLCPlannerAgent` → `ClaudeAgent`).
  static func suggestion(for name: String, in known: Set<String>) -> String? {
    EditDistance.closest(to: name, in: known.sorted(), maxDistance: max(1, name.unicodeScalars.count / 6))
  }

  static var notAgents: Set<String> { AgentWords.notAgents }

  func check(_ document: DocumentNode, in graph: ReferenceGraph) -> [Finding] {
    let known = graph.index.agentNames
    guard !known.isEmpty else { return [] }
    return document.facts.agentMentions.compactMap { mention in
      guard !known.contains(mention.name), !Self.notAgents.contains(mention.name), graph.codeAgents[mention.name] == nil
      else { return nil }
      let hint = Self.suggestion(for: mention.name, in: known).map { "; did you mean '\($0)'?" } ?? ""
      return Self.descriptor.finding(
        in: document.path, at: mention.span, "no agent doc declares '\(mention.name)'\(hint)", snippet: mention.name
      ).depending(on: [.agent(mention.name)])
    }
  }
}

/// Words that end in "Agent" but name no agent (HTTP headers, key agents): the rule and
/// the editor's navigation leave them alone.
package enum AgentWords {
  package static let notAgents: Set<String> = ["UserAgent", "SSHAgent", "SshAgent", "GPGAgent", "GpgAgent", "KeyAgent"]
}
