import DocsLintGraph

/// `agent/not-in-catalog`: an agent doc its folder's README does not list.
struct NotInCatalogRule: GraphRule {
  static let descriptor = RuleDescriptor(
    id: "agent/not-in-catalog",
    defaultLevel: .warning,
    summary: "Agent doc not listed in its folder's catalog README",
    rationale: """
      The README in an agents folder is the catalog people and orchestrators read; an agent \
      missing from it is never picked. Listed means linked or named (file path or agent \
      name) in that README. Folders without a README are not checked.
      """,
    triggering: [
      Example("↓# DeployAgent\n", path: ".agent/agents/deploy.md", files: [".agent/agents/README.md": "# Agentes\n\n- [Audit](audit.md)\n"])
    ],
    nonTriggering: [
      Example("# DeployAgent\n", path: ".agent/agents/deploy.md", files: [".agent/agents/README.md": "# Agentes\n\n- [Deploy](deploy.md)\n"]),
      Example("# DeployAgent\n", path: ".agent/agents/deploy.md", files: [".agent/agents/README.md": "# Agentes\n\n- DeployAgent: despliega.\n"]),
    ])

  func check(_ document: DocumentNode, in graph: ReferenceGraph) -> [Finding] {
    guard graph.has(.agent, document) else { return [] }
    let folder = RepoPath.directory(of: document.path)
    let catalogPath = RepoPath.join(folder, "README.md")
    guard let catalog = graph.documents.first(where: { $0.path == catalogPath }) else { return [] }
    let linked = catalog.targets.contains(document.path)
    let named = catalog.facts.agentMentions.contains { document.facts.declaredAgents.contains($0.name) }
    guard !linked, !named else { return [] }
    let title = document.outline?.title
    return [
      Self.descriptor.finding(
        in: document.path, at: title?.span ?? SourceSpan(line: 1, column: 1),
        "not listed in the agents catalog \(catalogPath)", snippet: catalogPath)
    ]
  }
}
