import DocsLintGraph

/// `agent/not-in-catalog`: an agent doc its folder's README does not list.
struct NotInCatalogRule: GraphRule {
  static let descriptor = RuleDescriptor(
    id: "agent/not-in-catalog",
    defaultLevel: .warning,
    summary: "Agent doc not listed in its folder's catalog README",
    rationale: """
      The README in an agents folder is the catalog people and orchestrators read; an agent \
      missing from it is never picked. Listed means linked or named in that README: its \
      file name (in a link, a code span or plain text, as `role.swe.md` or \
      `**Archivo**: deploy_agent.md`) or its agent name. Folders without a README are not \
      checked.
      """,
    triggering: [
      Example("↓# DeployAgent\n", path: ".agent/agents/deploy.md", files: [".agent/agents/README.md": "# Agentes\n\n- [Audit](audit.md)\n"])
    ],
    nonTriggering: [
      Example("# DeployAgent\n", path: ".agent/agents/deploy.md", files: [".agent/agents/README.md": "# Agentes\n\n- [Deploy](deploy.md)\n"]),
      Example("# DeployAgent\n", path: ".agent/agents/deploy.md", files: [".agent/agents/README.md": "# Agentes\n\n- DeployAgent: despliega.\n"]),
      // By file name: in a code span, in bold after a label, in a table.
      Example("# Spec\n", path: ".github/agents/role.spec.md", files: [".github/agents/README.md": "# Agents\n\n| Spec Agent | `role.spec.md` |\n"]),
      Example("# Deploy\n", path: ".agent/agents/deploy_agent.md", files: [".agent/agents/README.md": "# Agentes\n\n- **Archivo**: deploy_agent.md\n"]),
    ])

  static let collects: [any FactCollector.Type] = [CatalogListingCollector.self]

  func check(_ document: DocumentNode, in graph: ReferenceGraph) -> [Finding] {
    guard graph.has(.agent, document) else { return [] }
    let folder = RepoPath.directory(of: document.path)
    let catalogPath = RepoPath.join(folder, "README.md")
    guard let catalog = graph.documents.first(where: { $0.path == catalogPath }) else { return [] }
    let linked = catalog.targets.contains(document.path)
    let named = catalog.facts.agentMentions.contains { document.facts.declaredAgents.contains($0.name) }
    let fileNamed = catalog.collected[CatalogListingCollector.self]?.names.contains(String(RepoPath.name(of: document.path))) ?? false
    guard !linked, !named, !fileNamed else { return [] }
    let title = document.outline?.title
    return [
      Self.descriptor.finding(
        in: document.path, at: title?.span ?? SourceSpan(line: 1, column: 1),
        "not listed in the agents catalog \(catalogPath)", snippet: catalogPath)
    ]
  }
}

/// What `agent/not-in-catalog` keeps of a folder's README: the Markdown file names it
/// writes on their own (code spans, plain text, bold), so a card listed as `role.swe.md`
/// counts; links are the README's edges already.
struct CatalogListingCollector: FactCollector {
  static let id = "catalog-listing"

  struct Fact: CollectedFact {
    /// File names (the last path segment), sorted, each once.
    var names: [String]
  }

  func collect(from document: CollectionInput) -> Fact? {
    guard RepoPath.name(of: document.path) == "README.md" else { return nil }
    let names = Self.markdownNames(in: document.source.bytes)
    return names.isEmpty ? nil : Fact(names: names)
  }

  /// Every `name.md` in the bytes: the letters, digits, `.`, `_` and `-` before a `.md`
  /// that no name character follows.
  static func markdownNames(in bytes: [UInt8]) -> [String] {
    let isNameByte = { (byte: UInt8) in
      (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte >= 0x30 && byte <= 0x39 || byte == 0x2E || byte == 0x5F || byte == 0x2D
    }
    var names = Set<String>()
    var index = 0
    while index + 3 <= bytes.count {
      defer { index += 1 }
      guard bytes[index] == 0x2E, bytes[index + 1] | 0x20 == 0x6D, bytes[index + 2] | 0x20 == 0x64,
        index + 3 == bytes.count || !isNameByte(bytes[index + 3]) || bytes[index + 3] == 0x2E
      else { continue }
      var start = index
      while start > 0, isNameByte(bytes[start - 1]) { start -= 1 }
      // A link's destination or a path (`(x.md)`, `docs/x.md`) is an edge the rule already
      // reads; only names written on their own are kept (an index page links many files).
      if start > 0, bytes[start - 1] == UInt8(ascii: "(") || bytes[start - 1] == UInt8(ascii: "/") || bytes[start - 1] == UInt8(ascii: "<") {
        continue
      }
      if start < index { names.insert(String(decoding: bytes[start..<index + 3], as: UTF8.self)) }
    }
    return names.sorted(by: ByteOrder.less)
  }
}

extension CatalogListingCollector.Fact: BinaryCodable {
  func encode(to writer: inout BinaryWriter) { writer.write(names) }

  init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) { names = try reader.strings() }
}
