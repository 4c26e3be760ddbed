import DocsLintRules

/// Impact mode: keeps the findings a change is responsible for. Those in changed files,
/// and those in unchanged files whose dependency the change removed: a deleted link
/// target, a heading the target had at the merge base, an id, agent or IaC symbol that
/// a changed file declared at the merge base. The latter name the changed file.
package struct ImpactFilter: Sendable {
  package let changes: ChangeSet
  /// Ids, agent names and IaC symbols the changed files declared at the merge base.
  let declared: BaseDeclarations
  /// The change as collected facts see it: whether an IaC file changed (then mentions of
  /// IaC symbols may have broken), and the changed paths gone from the work tree.
  let question: ImpactQuestion
  /// The rules' collectors, which judge their own facts.
  let collectors: FactCollectors

  package init(changes: ChangeSet, configuration: Configuration, inventory: FileInventory) {
    self.changes = changes
    declared = BaseDeclarations(changes: changes, configuration: configuration, inventory: inventory)
    question = ImpactQuestion(
      iacChanged: changes.paths.contains { IaCTechnology.of($0) != nil },
      removed: changes.paths.filter { !inventory.exists($0) })
    collectors = RuleRegistry.collectors
  }

  /// `iac`: the run's IaC files, whose current symbols tell what a change added.
  package func apply(to findings: [Finding], iac: [IaCNode]) -> [Finding] {
    var current: [Dependency: String] = [:]
    for file in iac where changes.paths.contains(file.path) {
      for symbol in BaseDeclarations.symbols(of: file) { current.declare(symbol, by: file.path) }
    }
    return findings.compactMap { finding in
      if changes.paths.contains(finding.path) { return finding }
      for dependency in finding.dependencies {
        guard let cause = cause(of: dependency, current: current) else { continue }
        var finding = finding
        finding.cause = cause
        finding.message += " (caused by the change to '\(cause)')"
        return finding
      }
      return nil
    }
  }

  private func cause(of dependency: Dependency, current: [Dependency: String]) -> String? {
    switch dependency {
    case .file(let path):
      return changes.changedPath(at: path)
    case .anchor(let path, let fragment):
      return declared.anchors[path]?.contains(fragment) == true ? path : nil
    case .id, .agent, .symbol:
      return declared.names[dependency]
    case .mention(let stack):
      // A document that referred to the stack, a file in it, or a folder holding it.
      return declared.mentions.filter { target, _ in
        RepoPath.isInside(stack, folder: target) || RepoPath.isInside(target, folder: stack)
      }.values.min()
    case .addedSymbol(let kind, let name):
      // Declared now by a changed file, and by no changed file at the merge base.
      guard declared.names[.symbol(kind: kind, name: name)] == nil else { return nil }
      return current[.symbol(kind: kind, name: name)]
    }
  }
}

/// What the changed files declared at the merge base, read from git once each (few
/// files): their ids, agent names, anchors, IaC symbols and the paths documents referred
/// to.
struct BaseDeclarations: Sendable {
  /// What each name or path was declared or referred to by at the merge base.
  let names: [Dependency: String]
  /// Paths the changed documents referred to at the merge base, and which document did.
  let mentions: [String: String]
  /// The heading slugs and HTML anchors each changed Markdown file had at the merge base.
  let anchors: [String: Set<String>]

  init(changes: ChangeSet, configuration: Configuration, inventory: FileInventory) {
    let settings = configuration.paths
    let reader = FileReader(root: changes.root, maxBytes: configuration.maxFileBytes)
    let classifier = PathClassifier(settings: settings, inventory: inventory, reader: reader)
    let iacReader = IaCReader(classifier: classifier, settings: settings)
    let extractor = ReferenceExtractor(classifier: classifier, settings: settings)
    var names: [Dependency: String] = [:]
    var mentions: [String: String] = [:]
    var anchors: [String: Set<String>] = [:]
    for path in changes.paths.sorted() {
      let excluded = configuration.exclude.contains { $0.matches(path) }
      if let technology = IaCTechnology.of(path) {
        guard !excluded else { continue }
        // What the change removed; what it added comes from the run's own IaC files.
        guard let bytes = changes.baseContent(of: path) else { continue }
        let node = iacReader.read(path: path, technology: technology, source: SourceText(bytes: bytes))
        for dependency in Self.symbols(of: node) { names.declare(dependency, by: path) }
        continue
      }
      guard MarkdownFiles.isMarkdown(path), let bytes = changes.baseContent(of: path) else { continue }
      let source = SourceText(bytes: bytes)
      let markdown = MarkdownParser.parse(source)
      // Links reach excluded files too, so their anchors count; what they declare does not.
      let anchorNames = markdown.anchorNames
      anchors[path] = anchorNames
      guard !excluded else { continue }
      let isAgentDoc = configuration.kinds.kind(of: path)?.has(.agent) == true
      let facts = FactsCollector.collect(
        path: path, markdown: markdown, source: source, isAgentDoc: isAgentDoc,
        referenceKeys: configuration.kinds.referenceKeys, idKeys: configuration.kinds.idKeys)
      if let id = facts.id { names.declare(.id(id), by: path) }
      for agent in facts.declaredAgents { names.declare(.agent(agent), by: path) }
      for reference in extractor.references(of: markdown, source: source, at: path, anchors: AnchorSet(anchorNames)) {
        for target in reference.resolution.targetPaths where mentions[target] == nil { mentions[target] = path }
      }
    }
    self.names = names
    self.mentions = mentions
    self.anchors = anchors
  }

  /// The names an IaC file declares, also qualified where rules judge them per file or
  /// module: Terraform symbols by module folder, Make targets by Makefile.
  static func symbols(of node: IaCNode) -> [Dependency] {
    node.symbols.flatMap { symbol -> [Dependency] in
      switch node.technology {
      case .terraform:
        [.symbol(kind: symbol.kind.rawValue, name: symbol.name),
         .symbol(kind: symbol.kind.rawValue, name: RepoPath.directory(of: node.path) + "/" + symbol.name)]
      case .make: [.symbol(kind: symbol.kind.rawValue, name: node.path + ":" + symbol.name)]
      default: [.symbol(kind: symbol.kind.rawValue, name: symbol.name)]
      }
    }
  }
}

extension [Dependency: String] {
  /// The first file (in path order) that declared a name is its cause.
  fileprivate mutating func declare(_ name: Dependency, by path: String) {
    if self[name] == nil { self[name] = path }
  }
}

/// The documents a change can have produced findings in, judged on a document's summary
/// before the rules run (and before the cache reads any other document's edges), so
/// impact mode skips the rest: changed documents; documents with an edge into a changed
/// file, or a missing target or front-matter path the change removed; documents naming an
/// id or agent a changed file declared at the merge base; and, when IaC changed, documents
/// naming IaC symbols or listing module variables. A superset: `apply` decides.
extension ImpactFilter {
  package func affects(_ document: DocumentNode) -> Bool {
    if changes.paths.contains(document.path) { return true }
    // A change touches few files: look each up among the targets rather than hashing every target.
    if changes.paths.contains(where: document.targets.contains) { return true }
    // A missing target, or a front-matter reference written as a path, breaks only when
    // its file went away.
    guard question.removed.isEmpty || !document.missingTargets.contains(where: wentAway) else { return true }
    if question.iacChanged, !document.facts.iacMentions.isEmpty { return true }
    if document.collected.isAffected(by: question, collectors: collectors) { return true }
    if !question.removed.isEmpty, document.facts.idReferences.contains(where: { reference in
      reference.pathReadings(from: document.path).contains(where: wentAway)
    }) {
      return true
    }
    let names = declared.names
    guard !names.isEmpty else { return false }
    return document.facts.idReferences.contains { names[.id($0.id)] != nil }
      || document.facts.agentMentions.contains { names[.agent($0.name)] != nil }
  }

  /// Whether the change removed this path, or a file inside this folder.
  private func wentAway(_ path: String) -> Bool { question.wentAway(path) }
}
