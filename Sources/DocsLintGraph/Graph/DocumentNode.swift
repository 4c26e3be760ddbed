import DocsLintScan

/// A Markdown document in the graph: what parsing found, and its outgoing edges.
public struct DocumentNode: Sendable, Equatable {
  public enum Content: Sendable, Equatable {
    case markdown(MarkdownDocument)
    case unreadable(ReadProblem)
  }

  /// Root-relative path.
  public let path: String
  public var content: Content
  public var references: [Reference]
  /// Heading slugs and HTML anchors a `#fragment` may name.
  public var anchors: AnchorSet
  /// The document's kind id (`execplan`, `adr`, ...), if any.
  public var kind: String?
  /// Findings of the document rules, made while the file was in memory.
  public var findings: [Finding] = []
  /// What cross-document rules need from this file.
  public var facts = DocumentFacts()
  /// What the registered rules' own collectors gathered from it.
  package var collected = CollectedFacts()
  /// Its `docs-lint-*` directives, applied to all its findings by the linter.
  public var suppressions: [SuppressionDirective] = []
  /// The files and folders its edges reach, and the paths its edges name that do not
  /// exist, each listed once: what rules about other documents and impact mode read
  /// without going through the edges.
  public var targets = PathList()
  public var missingTargets: [String] = []
  /// Targets that are not in the file list but exist on disk (files git ignores).
  public var unlistedTargets: [String] = []
  /// False for a document read back from the cache as a summary only (path, kind,
  /// anchors, facts, targets): impact mode skips the parse and edges of documents the
  /// change cannot affect. A body read back from the cache holds in `references` only the
  /// broken edges and those with a fragment: all the rules read.
  public var hasBody = true

  public init(
    path: String, content: Content, references: [Reference] = [], anchors: AnchorSet = [], kind: String? = nil
  ) {
    self.path = path
    self.content = content
    self.references = references
    self.anchors = anchors
    self.kind = kind
  }

  /// The edges that did not resolve (missing, wrong case, outside the root, bad anchor,
  /// empty glob): what the link and path rules look at, instead of every edge. Set once
  /// the graph is complete.
  public var brokenReferences: [Reference] = []

  /// Fills `targets`, `missingTargets` and `unlistedTargets` from the edges.
  package mutating func summarizeEdges(listed: FileInventory) {
    var reached = Set<String>()
    var missing = Set<String>()
    for reference in references {
      reached.formUnion(reference.resolution.targetPaths)
      switch reference.resolution {
      case .missing(let path), .caseMismatch(let path, _): missing.insert(path)
      default: break
      }
    }
    let sorted = reached.sorted(by: ByteOrder.less)
    targets = PathList(sorted)
    missingTargets = missing.sorted(by: ByteOrder.less)
    unlistedTargets = sorted.filter { !listed.exists($0) }
  }

  /// Whether the file was read and parsed (without copying the parse out, as `markdown` does).
  public var isMarkdown: Bool {
    if case .markdown = content { return true }
    return false
  }

  public var markdown: MarkdownDocument? {
    if case .markdown(let document) = content { return document }
    return nil
  }
}

/// The cross-reference graph of one run: every file and folder of the
/// repository as nodes, the linted documents with their resolved edges, and
/// the anchor set of every Markdown file a fragment points into.
public struct ReferenceGraph: Sendable {
  public let inventory: FileInventory
  /// Linted documents, sorted by path.
  public let documents: [DocumentNode]
  /// Heading slugs and HTML anchors per Markdown file (linted or link targets).
  public let anchors: [String: AnchorSet]
  public let index: DocumentIndex
  /// Linted IaC files, sorted by path.
  public let iac: [IaCNode]
  /// Names of the IaC symbols, by kind (`variable` → {"region", ...}).
  public let iacSymbols: [String: Set<String>]
  /// Canonical names of the environments the IaC defines (env folders, tfvars, ...).
  public let environments: Set<String>
  /// The run's document kinds, by id: what rules ask a document's roles of.
  public let kinds: [String: DocumentKind]
  /// The words rules look for.
  public let vocabulary: Vocabulary
  private let referencedPaths = OnceValue<Set<String>>()
  private let shared = SharedValues()

  public init(
    inventory: FileInventory, documents: [DocumentNode], anchors: [String: AnchorSet],
    index: DocumentIndex = DocumentIndex(), iac: [IaCNode] = [], environments: Set<String> = [],
    kinds: [DocumentKind] = [], vocabulary: Vocabulary = Vocabulary()
  ) {
    self.vocabulary = vocabulary
    self.environments = environments
    self.kinds = Dictionary(kinds.map { ($0.id, $0) }) { first, _ in first }
    self.inventory = inventory
    self.documents = documents
    self.anchors = anchors
    self.index = index
    self.iac = iac
    var symbols: [String: Set<String>] = [:]
    for file in iac {
      for symbol in file.symbols { symbols[symbol.kind, default: []].insert(symbol.name) }
    }
    self.iacSymbols = symbols
  }

  /// Files and folders some linted document refers to, gathered when a rule first asks.
  public var referenced: Set<String> {
    referencedPaths.get {
      var referenced = Set<String>()
      for index in documents.indices { referenced.formUnion(documents[index].targets.paths) }
      return referenced
    }
  }

  /// A value built once per run from the whole graph and shared by every document's check:
  /// a cross-document rule's index of its collected facts. `key` names it (the rule's id).
  package func shared<Value: Sendable>(_ key: String, _ make: (ReferenceGraph) -> Value) -> Value {
    shared.value(key) { make(self) }
  }

  /// Whether the document's kind has this role.
  public func has(_ role: KindRole, _ document: DocumentNode) -> Bool {
    document.kind.flatMap { kinds[$0] }?.has(role) ?? false
  }
}
