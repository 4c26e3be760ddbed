import DocsLintRules

/// What a parsing worker makes of one Markdown file, once: the parse, its edges and kind,
/// the document rules' findings and the facts cross-document rules read; then the large
/// parse arrays are dropped, so memory stays per file. A class, so the workers share one
/// rather than copying its configuration for each file.
final class DocumentParser: Sendable {
  let extractor: ReferenceExtractor
  let configuration: Configuration
  let inventory: FileInventory
  /// The IaC technologies present: mentions of IaC symbols are looked for only where
  /// that kind of IaC exists.
  let technologies: Set<IaCTechnology>
  private let documentRules: [any DocumentRule]
  /// What the rules gather from each document for checking it against the graph.
  let collectors: FactCollectors

  init(extractor: ReferenceExtractor, configuration: Configuration, inventory: FileInventory, iacTargets: [String]) {
    self.extractor = extractor
    self.configuration = configuration
    self.inventory = inventory
    technologies = Set(iacTargets.compactMap(IaCTechnology.of))
    documentRules = RuleRegistry.documentRules.map { $0.init() }
    collectors = RuleRegistry.collectors
  }

  /// A linted document: its node, or an unreadable one saying why.
  func document(at path: String, bytes: Result<[UInt8], ReadProblem>) -> DocumentNode {
    let source: SourceText
    switch bytes.flatMap(FileReader.decode) {
    case .failure(let problem): return DocumentNode(path: path, content: .unreadable(problem))
    case .success(let decoded): source = decoded
    }
    let markdown = MarkdownParser.parse(source)
    let anchors = AnchorSet(markdown.anchorNames)
    let references = extractor.references(of: markdown, source: source, at: path, anchors: anchors)
    let kind = KindResolver.resolve(path: path, document: markdown, source: source, settings: configuration.kinds)
    let context = DocumentContext(
      path: path, markdown: markdown, source: source, references: references, kind: kind,
      configuration: configuration, inventory: inventory)
    let findings = documentRules.flatMap { $0.check(context) }
    let facts = self.facts(of: markdown, source: source, at: path, kind: kind)
    let collected = collectors.collect(
      from: CollectionInput(
        path: path, markdown: markdown, source: source, references: references, kind: kind,
        configuration: configuration, technologies: technologies))
    // The edges, findings and facts now carry what the file said: the node keeps only its
    // outline, so memory stays per file.
    var node = DocumentNode(
      path: path, content: .markdown(DocumentOutline(markdown)), references: references, anchors: anchors,
      kind: kind?.kind.id)
    node.status = configuration.vocabulary.statuses.status(
      of: path, document: markdown, source: source, kind: kind, placeholders: configuration.kinds.placeholders)?.id
    node.findings = findings
    node.summarizeEdges(listed: inventory)
    node.facts = facts
    node.collected = collected
    node.suppressions = markdown.suppressions
    return node
  }

  /// A Markdown file read only for fragments into it and for the whole tree's ids and
  /// agents: its anchors and facts, nothing else; nil when it cannot be read.
  func anchorsAndFacts(at path: String, bytes: Result<[UInt8], ReadProblem>) -> DocumentNode? {
    guard case .success(let source) = bytes.flatMap(FileReader.decode) else { return nil }
    let markdown = MarkdownParser.parse(source)
    var node = DocumentNode(path: path, content: .markdown(DocumentOutline()), anchors: AnchorSet(markdown.anchorNames))
    node.facts = FactsCollector.collect(
      path: path, markdown: markdown, source: source, isAgentDoc: configuration.kinds.kind(of: path)?.has(.agent) == true,
      referenceKeys: configuration.kinds.referenceKeys, idKeys: configuration.kinds.idKeys)
    return node
  }

  private func facts(of markdown: MarkdownDocument, source: SourceText, at path: String, kind: ResolvedKind?)
    -> DocumentFacts
  {
    var facts = FactsCollector.collect(
      path: path, markdown: markdown, source: source, isAgentDoc: kind?.kind.has(.agent) == true,
      referenceKeys: configuration.kinds.referenceKeys, idKeys: configuration.kinds.idKeys)
    let shell = configuration.paths.shellLanguages
    if technologies.contains(.compose) {
      facts.iacMentions = ComposeServiceScanner.scan(markdown, source: source, shellLanguages: shell)
    }
    // Charts create objects under templated names; with charts, kubectl names are not judged.
    if technologies.contains(.kubernetes), !technologies.contains(.helm) {
      facts.iacMentions += KubectlObjectScanner.scan(markdown, source: source, shellLanguages: shell)
    }
    if technologies.contains(.make) {
      facts.iacMentions += MakeTargetScanner.scan(markdown, source: source, shellLanguages: shell)
    }
    if technologies.contains(.terraform) {
      facts.iacMentions += TerraformMentionScanner.scan(markdown, source: source, shellLanguages: shell)
    }
    return facts
  }
}
