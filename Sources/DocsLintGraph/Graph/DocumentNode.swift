import DocsLintScan

/// A Markdown document in the graph: what parsing found, and its outgoing edges.
/// Rules see only what every node has, cold or read back from the cache: the outline (not
/// the links, code and list items, dropped after parsing), the broken edges (not every
/// edge, which the cache does not keep), targets and facts. What a rule needs beyond that
/// it collects while the file is in memory (`FactCollector`).
package struct DocumentNode: Sendable, Equatable {
  package enum Content: Sendable, Equatable {
    case markdown(DocumentOutline)
    case unreadable(ReadProblem)
  }

  /// Root-relative path.
  package let path: String
  package var content: Content
  /// Every edge while the document is parsed; then, as read back from the cache, only the
  /// essential ones (broken, with a fragment, planned), unless the graph keeps all edges
  /// for `docs-lint graph`. Internal to the graph: rules read `brokenReferences`.
  var references: [Reference]
  /// The edges kept (all of them when the graph keeps every edge): what an editor navigates.
  package var edges: [Reference] { references }
  /// Heading slugs and HTML anchors a `#fragment` may name.
  package var anchors: AnchorSet
  /// The document's kind id (`execplan`, `adr`, ...), if any.
  package var kind: String?
  /// The document's status id (`record`, `archived`, `template`), if it has one.
  package var status: String?
  /// Findings of the document rules, made while the file was in memory.
  package var findings: [Finding] = []
  /// What cross-document rules need from this file.
  package var facts = DocumentFacts()
  /// What the registered rules' own collectors gathered from it.
  package var collected = CollectedFacts()
  /// Its `docs-lint-*` directives, applied to all its findings by the linter.
  package var suppressions: [SuppressionDirective] = []
  /// The files and folders its edges reach, and the paths its edges name that do not
  /// exist, each listed once: what rules about other documents and impact mode read
  /// without going through the edges.
  package var targets = PathList()
  package var missingTargets: [String] = []
  /// Targets that are not in the file list but exist on disk (files git ignores).
  package var unlistedTargets: [String] = []
  /// Missing paths the page says are not there yet (`.planned`): kept in the summary, so a
  /// document read back without its edges still excuses them on other pages.
  package var plannedTargets: [String] = []
  /// False for a document read back from the cache as a summary only (path, kind,
  /// anchors, facts, targets): impact mode skips the parse and edges of documents the
  /// change cannot affect. A body holds in `references` only the essential edges (broken,
  /// with a fragment, planned): all the rules read.
  package var hasBody = true

  package init(
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
  package var brokenReferences: [Reference] = []

  /// Fills `targets`, `missingTargets` and `unlistedTargets` from the edges.
  package mutating func summarizeEdges(listed: FileInventory) {
    // A glob's matches come in byte order already: they are merged, not hashed and sorted
    // again (a page naming `src/**/*.py` reaches hundreds of files).
    // Single paths repeat (one file linked from many places): each is sorted once.
    var singles = Set<String>()
    var globs: [[String]] = []
    var missing = Set<String>()
    var planned = Set<String>()
    for reference in references {
      switch reference.resolution {
      case .glob(let matches): if !matches.isEmpty { globs.append(matches) }
      case .missing(let path), .caseMismatch(let path, _): missing.insert(path)
      case .planned(let path): planned.insert(path)
      default: if let path = reference.resolution.targetPath { singles.insert(path) }
      }
    }
    let ordered = singles.sorted(by: ByteOrder.less)
    // Merged in pairs, round after round: a page of N globs costs N log N, not N squared.
    var lists = [ordered] + globs
    while lists.count > 1 {
      lists = stride(from: 0, to: lists.count, by: 2).map { index in
        index + 1 < lists.count ? Self.merged(lists[index], lists[index + 1]) : lists[index]
      }
    }
    let sorted = lists[0]
    targets = PathList(sorted)
    missingTargets = missing.sorted(by: ByteOrder.less)
    unlistedTargets = sorted.filter { !listed.exists($0) }
    plannedTargets = planned.sorted(by: ByteOrder.less)
  }

  /// Two byte-ordered lists as one, each path once.
  private static func merged(_ left: [String], _ right: [String]) -> [String] {
    var result: [String] = []
    result.reserveCapacity(left.count + right.count)
    var (i, j) = (0, 0)
    while i < left.count || j < right.count {
      let next: String
      if j == right.count || (i < left.count && !ByteOrder.less(right[j], left[i])) {
        next = left[i]
        i += 1
      } else {
        next = right[j]
        j += 1
      }
      if result.last != next { result.append(next) }
    }
    return result
  }

  /// Whether the file was read and parsed (without copying the parse out, as `markdown` does).
  package var isMarkdown: Bool {
    if case .markdown = content { return true }
    return false
  }

  /// The headings and front matter, for a readable document.
  package var outline: DocumentOutline? {
    if case .markdown(let outline) = content { return outline }
    return nil
  }

  /// Settles the edges once every anchor is known: fragments against the anchors of their
  /// target, missing paths git ignores as generated; then keeps the broken ones for rules.
  /// `placeholders`: words that make a missing fragment a stand-in (`#rf-xxx`).
  package mutating func settle(
    anchors: [String: AnchorSet], ignored: Set<String>, placeholders: [String] = [], ignoringCase: Bool = false
  ) {
    // "Did you mean": one index per target file, and a bounded amount of work per document.
    var indexes: [String: SuggestionIndex] = [:]
    var budget = SuggestionBudget()
    for position in references.indices {
      if let fragment = references[position].fragment, let target = references[position].resolution.targetPath,
        let names = anchors[target]
      {
        references[position].resolution = AnchorMatcher.resolve(
          fragment, in: target, anchors: names, placeholders: placeholders, ignoringCase: ignoringCase)
      }
      // Missing fragments, into other files or this one (`#x`, resolved when extracted).
      guard case .missingAnchor(let target, let fragment, nil) = references[position].resolution,
        let names = anchors[target]
      else { continue }
      let index = indexes[target] ?? SuggestionIndex(names)
      indexes[target] = index
      references[position].resolution = .missingAnchor(
        path: target, fragment: fragment, suggestion: AnchorMatcher.suggest(fragment, in: index, budget: &budget))
    }
    references.markGenerated(ignored: ignored)
    brokenReferences = references.filter { $0.resolution.isBroken }
  }

  /// Paths that non-link edges name and that do not exist (links are 404s whatever git
  /// ignores; a command's output path may be a build product).
  package var missingNonLinkPaths: [String] {
    references.missingNonLinkPaths
  }
}

/// The cross-reference graph of one run: every file and folder of the
/// repository as nodes, the linted documents with their resolved edges, and
/// the anchor set of every Markdown file a fragment points into.
package struct ReferenceGraph: Sendable {
  package let inventory: FileInventory
  /// Linted documents, sorted by path.
  package private(set) var documents: [DocumentNode]
  /// Heading slugs and HTML anchors per Markdown file (linted or link targets).
  package private(set) var anchors: [String: AnchorSet]
  package private(set) var index: DocumentIndex
  /// Linted IaC files, sorted by path.
  package let iac: [IaCNode]
  /// Names of the IaC symbols, by kind (`variable` → {"region", ...}).
  package let iacSymbols: [SymbolKind: Set<String>]
  /// Canonical names of the environments the IaC defines (env folders, tfvars, ...).
  package let environments: Set<String>
  /// The run's document kinds, by id: what rules ask a document's roles of.
  package let kinds: [String: DocumentKind]
  /// The words rules look for.
  package let vocabulary: Vocabulary
  /// Agent names no agent doc declares but source code does, by name (in path order).
  package let codeAgents: [String: [CodeDeclaration]]
  private var shared = SharedValues()

  package init(
    inventory: FileInventory, documents: [DocumentNode], anchors: [String: AnchorSet],
    index: DocumentIndex = DocumentIndex(), iac: [IaCNode] = [], environments: Set<String> = [],
    kinds: [DocumentKind], vocabulary: Vocabulary, codeAgents: [String: [CodeDeclaration]] = [:]
  ) {
    self.vocabulary = vocabulary
    self.codeAgents = codeAgents
    self.environments = environments
    self.kinds = Dictionary(kinds.map { ($0.id, $0) }) { first, _ in first }
    self.inventory = inventory
    self.documents = documents
    self.anchors = anchors
    self.index = index
    self.iac = iac
    var symbols: [SymbolKind: Set<String>] = [:]
    for file in iac {
      for symbol in file.symbols { symbols[symbol.kind, default: []].insert(symbol.name) }
    }
    self.iacSymbols = symbols
  }

  /// Files and folders some linted document refers to, gathered when a rule first asks.
  package var referenced: Set<String> {
    shared("referenced-paths") { graph in
      var referenced = Set<String>()
      for index in graph.documents.indices { referenced.formUnion(graph.documents[index].targets.paths) }
      return referenced
    }
  }

  /// Missing paths some page says are not there yet ("`skills/stacks/` ... Currently
  /// empty"): planned on every page, gathered when a rule first asks. Only pages with no
  /// status say so of today's tree: a record's plans are done, a template's are a stand-in's.
  package var plannedPaths: Set<String> {
    shared("planned-paths") { graph in
      var planned = Set<String>()
      for document in graph.documents where document.status == nil { planned.formUnion(document.plannedTargets) }
      return planned
    }
  }

  /// Changes the documents, anchors or index in place: a kept graph after an edit (the
  /// arrays are not copied when the graph alone holds them). Values rules built from the
  /// graph before are dropped.
  package mutating func edit(_ change: (inout [DocumentNode], inout [String: AnchorSet], inout DocumentIndex) -> Void) {
    change(&documents, &anchors, &index)
    shared = SharedValues()
  }

  /// A value built once per run from the whole graph and shared by every document's check:
  /// a cross-document rule's index of its collected facts. `key` names it (the rule's id).
  package func shared<Value: Sendable>(_ key: String, _ make: (ReferenceGraph) -> Value) -> Value {
    shared.value(key) { make(self) }
  }

  /// Whether the document's kind has this role.
  package func has(_ role: KindRole, _ document: DocumentNode) -> Bool {
    document.kind.flatMap { kinds[$0] }?.has(role) ?? false
  }
}

/// What rules may read of a document's parse once the file is gone: its headings and
/// front matter. Links, code and list items are dropped after parsing; a rule that needs
/// them collects what it needs while the file is in memory.
package struct DocumentOutline: Sendable, Equatable {
  package var headings: [Heading] = []
  package var frontMatter: FrontMatter?

  package init() {}

  package init(_ markdown: MarkdownDocument) {
    // Copied at its size: the parser's array grew by doubling, and the outline outlives it.
    headings = Array(unsafeUninitializedCapacity: markdown.headings.count) { buffer, count in
      count = buffer.initialize(fromContentsOf: markdown.headings)
    }
    frontMatter = markdown.frontMatter
  }

  /// The level-1 heading.
  package var title: Heading? { headings.first { $0.level == 1 } }
}
