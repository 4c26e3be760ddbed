/// Impact mode: keeps the findings a change is responsible for. Those in changed files,
/// and those in unchanged files whose dependency the change removed: a deleted link
/// target, a heading the target had at the merge base, an id, agent or IaC symbol that
/// a changed file declared at the merge base. The latter name the changed file.
public struct ImpactFilter: Sendable {
  public let changes: ChangeSet
  /// Ids, agent names and IaC symbols the changed files declared at the merge base.
  let declared: BaseDeclarations

  public init(changes: ChangeSet, configuration: Configuration, inventory: FileInventory) {
    self.changes = changes
    declared = BaseDeclarations(changes: changes, configuration: configuration, inventory: inventory)
  }

  public func apply(to findings: [Finding]) -> [Finding] {
    var anchors: [String: Set<String>] = [:]
    return findings.compactMap { finding in
      if changes.paths.contains(finding.path) { return finding }
      for dependency in finding.dependencies {
        guard let cause = cause(of: dependency, anchors: &anchors) else { continue }
        var finding = finding
        finding.cause = cause
        finding.message += " (caused by the change to '\(cause)')"
        return finding
      }
      return nil
    }
  }

  private func cause(of dependency: Dependency, anchors: inout [String: Set<String>]) -> String? {
    switch dependency {
    case .file(let path):
      return changes.changedPath(at: path)
    case .anchor(let path, let fragment):
      guard changes.paths.contains(path) else { return nil }
      if anchors[path] == nil { anchors[path] = declared.anchors(of: path) }
      return anchors[path]!.contains(fragment) ? path : nil
    case .id, .agent, .symbol:
      return declared.names[dependency]
    }
  }
}

/// What the changed files declared at the merge base, read from git: their ids, agent
/// names and IaC symbols up front (few files), their anchors when a finding asks.
struct BaseDeclarations: Sendable {
  let changes: ChangeSet
  let names: [Dependency: String]

  init(changes: ChangeSet, configuration: Configuration, inventory: FileInventory) {
    self.changes = changes
    let settings = configuration.paths
    let reader = FileReader(root: changes.root, maxBytes: configuration.maxFileBytes)
    let iacReader = IaCReader(
      classifier: PathClassifier(settings: settings, inventory: inventory, reader: reader), settings: settings)
    var names: [Dependency: String] = [:]
    for path in changes.paths.sorted() {
      let isMarkdown = MarkdownFiles.isMarkdown(path)
      let technology = IaCTechnology.of(path)
      guard isMarkdown || technology != nil, let bytes = changes.baseContent(of: path) else { continue }
      let source = SourceText(bytes: bytes)
      if let technology {
        for symbol in iacReader.read(path: path, technology: technology, source: source).symbols {
          names.declare(.symbol(kind: symbol.kind, name: symbol.name), by: path)
        }
        continue
      }
      let isAgentDoc = configuration.kinds.kind(of: path)?.id == "agent"
      let facts = FactsCollector.collect(
        path: path, markdown: MarkdownParser.parse(source), source: source, isAgentDoc: isAgentDoc,
        referenceKeys: configuration.kinds.referenceKeys)
      if let id = facts.id { names.declare(.id(id), by: path) }
      for agent in facts.declaredAgents { names.declare(.agent(agent), by: path) }
    }
    self.names = names
  }

  /// The heading slugs and HTML anchors a file had at the merge base.
  func anchors(of path: String) -> Set<String> {
    changes.baseContent(of: path).map { MarkdownParser.parse(SourceText(bytes: $0)).anchorNames } ?? []
  }
}

extension [Dependency: String] {
  /// The first file (in path order) that declared a name is its cause.
  fileprivate mutating func declare(_ name: Dependency, by path: String) {
    if self[name] == nil { self[name] = path }
  }
}

/// The documents a change can have produced findings in, judged before the rules run so
/// impact mode skips the rest: changed documents; documents with a broken edge into what
/// changed; documents naming an id, agent or IaC symbol that a changed file declared at
/// the merge base. A superset: `ImpactFilter` decides.
extension ImpactFilter {
  public func scope(in graph: ReferenceGraph) -> Set<String> {
    let names = declared.names
    let scoped = graph.documents.filter { document in
      if changes.paths.contains(document.path) { return true }
      if document.brokenReferences.contains(where: { reference in
        switch Dependency.of(reference.resolution) {
        case .file(let path)?: changes.changedPath(at: path) != nil
        case .anchor(let path, _)?: changes.paths.contains(path)
        default: false
        }
      }) { return true }
      guard !names.isEmpty else { return false }
      let facts = document.facts
      return facts.idReferences.contains { names[.id($0.id)] != nil }
        || facts.agentMentions.contains { names[.agent($0.name)] != nil }
        || facts.iacMentions.contains { mention in
          let name = mention.kind == "target" ? String(mention.name.split(separator: ":").last ?? "") : mention.name
          return names[.symbol(kind: mention.kind, name: name)] != nil
        }
    }
    return Set(scoped.map(\.path))
  }
}
