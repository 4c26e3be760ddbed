/// Impact mode: keeps the findings a change is responsible for. Those in changed files,
/// and those in unchanged files whose dependency the change removed: a deleted link
/// target, a heading the target had at the merge base, an id, agent or IaC symbol that
/// a changed file declared at the merge base. The latter name the changed file.
public struct ImpactFilter: Sendable {
  public let changes: ChangeSet
  let configuration: Configuration
  let inventory: FileInventory

  public init(changes: ChangeSet, configuration: Configuration, inventory: FileInventory) {
    self.changes = changes
    self.configuration = configuration
    self.inventory = inventory
  }

  public func apply(to findings: [Finding]) -> [Finding] {
    var declared = BaseDeclarations(filter: self)
    return findings.compactMap { finding in
      if changes.paths.contains(finding.path) { return finding }
      for dependency in finding.dependencies {
        guard let cause = declared.cause(of: dependency) else { continue }
        var finding = finding
        finding.cause = cause
        finding.message += " (caused by the change to '\(cause)')"
        return finding
      }
      return nil
    }
  }
}

/// What the changed files declared at the merge base, read from git only when a finding asks.
struct BaseDeclarations {
  let filter: ImpactFilter
  private var anchors: [String: Set<String>] = [:]
  private var names: [Dependency: String]?

  init(filter: ImpactFilter) { self.filter = filter }

  mutating func cause(of dependency: Dependency) -> String? {
    switch dependency {
    case .file(let path):
      return filter.changes.changedPath(at: path)
    case .anchor(let path, let fragment):
      guard filter.changes.paths.contains(path) else { return nil }
      return baseAnchors(of: path).contains(fragment) ? path : nil
    case .id, .agent, .symbol:
      if names == nil { names = declaredNames() }
      return names?[dependency]
    }
  }

  private mutating func baseAnchors(of path: String) -> Set<String> {
    if let known = anchors[path] { return known }
    let names = filter.changes.baseContent(of: path).map { MarkdownParser.parse(SourceText(bytes: $0)).anchorNames } ?? []
    anchors[path] = names
    return names
  }

  /// Ids, agent names and IaC symbols the changed files declared at the merge base.
  private func declaredNames() -> [Dependency: String] {
    let settings = filter.configuration.paths
    let reader = FileReader(root: filter.changes.root, maxBytes: filter.configuration.maxFileBytes)
    let iacReader = IaCReader(
      classifier: PathClassifier(settings: settings, inventory: filter.inventory, reader: reader), settings: settings)
    var names: [Dependency: String] = [:]
    for path in filter.changes.paths.sorted() {
      let isMarkdown = MarkdownFiles.isMarkdown(path)
      let technology = IaCTechnology.of(path)
      guard isMarkdown || technology != nil, let bytes = filter.changes.baseContent(of: path) else { continue }
      let source = SourceText(bytes: bytes)
      if let technology {
        for symbol in iacReader.read(path: path, technology: technology, source: source).symbols {
          names.declare(.symbol(kind: symbol.kind, name: symbol.name), by: path)
        }
        continue
      }
      let isAgentDoc = filter.configuration.kinds.kind(of: path)?.id == "agent"
      let facts = FactsCollector.collect(
        path: path, markdown: MarkdownParser.parse(source), source: source, isAgentDoc: isAgentDoc,
        referenceKeys: filter.configuration.kinds.referenceKeys)
      if let id = facts.id { names.declare(.id(id), by: path) }
      for agent in facts.declaredAgents { names.declare(.agent(agent), by: path) }
    }
    return names
  }
}

extension [Dependency: String] {
  /// The first file (in path order) that declared a name is its cause.
  fileprivate mutating func declare(_ name: Dependency, by path: String) {
    if self[name] == nil { self[name] = path }
  }
}
