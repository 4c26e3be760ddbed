import DocsLintRules

/// Scan → Parse → Graph: reads and parses every target in parallel (each file
/// once), resolves its edges, then parses just the anchors of any other
/// Markdown file a fragment points into and settles those fragments.
package struct GraphBuilder: Sendable {
  package let workspace: Workspace
  package let configuration: Configuration
  /// Where parse results are kept between runs; nil parses every file.
  package let cacheFolder: String?
  /// Counts parsed files for a progress line on a terminal.
  package let progress: ProgressMeter?
  /// Whether documents keep every edge (`docs-lint graph` draws them all); a lint keeps
  /// only those rules read.
  package let keepsAllEdges: Bool

  package init(
    workspace: Workspace, configuration: Configuration, cacheFolder: String? = nil, progress: ProgressMeter? = nil,
    keepsAllEdges: Bool = false
  ) {
    self.workspace = workspace
    self.configuration = configuration
    self.cacheFolder = cacheFolder
    self.progress = progress
    self.keepsAllEdges = keepsAllEdges
  }

  /// `needsBody`, in impact mode, names the documents whose parse and edges are needed;
  /// the others are read from the cache as summaries.
  package func build(
    targets: [String], iacTargets: [String] = [], needsBody: (@Sendable (DocumentNode) -> Bool)? = nil
  ) -> ReferenceGraph {
    parts(targets: targets, iacTargets: iacTargets, needsBody: needsBody).graph
  }

  /// The graph and what went into it, for a graph kept and updated in place (`ResidentGraph`).
  struct Parts {
    var graph: ReferenceGraph
    var parser: DocumentParser
    /// The Markdown files read for their anchors and facts alone.
    var others: [(path: String, facts: DocumentFacts)]
    /// The missing paths looked up as possibly generated (by git, when there is one), and
    /// those git ignores.
    var asked: Set<String>
    var ignored: Set<String>
    /// The agent names looked for in code (those mentioned that no agent doc declares).
    var searchedAgents: Set<String>
  }

  func parts(
    targets: [String], iacTargets: [String] = [], needsBody: (@Sendable (DocumentNode) -> Bool)? = nil
  ) -> Parts {
    // In byte order, each once: `unlinted` walks them beside the file list, and the cache
    // expects one lookup per file.
    let targets = ByteOrder.isStrictlyAscending(targets) ? targets : Set(targets).sorted(by: ByteOrder.less)
    let reader = FileReader(root: workspace.root, maxBytes: configuration.maxFileBytes, overlay: workspace.overlay)
    // git's blob id is the disk's content: a document read from elsewhere is looked up by its own.
    var blobIDs = workspace.git?.blobIDs ?? [:]
    for path in workspace.overlay.keys { blobIDs[path] = nil }
    let classifier = PathClassifier(
      settings: configuration.paths, inventory: workspace.inventory, reader: reader)
    let parser = DocumentParser(
      extractor: ReferenceExtractor(classifier: classifier, settings: configuration.paths),
      configuration: configuration, inventory: workspace.inventory, iacTargets: iacTargets)
    let configuration = configuration
    let technologies = parser.technologies
    let cache = cacheFolder.flatMap {
      ParseCache.at(
        folder: $0, root: workspace.root, context: cacheContext(technologies), collectors: parser.collectors)
    }
    let cached = CachedParse(
      cache: cache,
      known: blobIDs,
      reader: reader,
      isCurrent: { node in
        // Resolutions come from the file list, which the cache key covers, except that files
        // git ignores are looked for on disk: those answers are checked again.
        node.missingTargets.allSatisfy { !reader.exists($0) }
          && node.unlistedTargets.allSatisfy { reader.containedPath($0) != nil }
      },
      needsBody: needsBody)
    let progress = progress
    progress?.expect(targets.count)
    let keepsAllEdges = keepsAllEdges
    var documents = Parallel.map(targets) { path -> DocumentNode in
      defer { progress?.advance() }
      return cached.node(path, slot: "doc") { bytes in
        var node = parser.document(at: path, bytes: bytes)
        if !keepsAllEdges { node.keepEssentialReferences() }
        return node
      }!
    }
    // A folder the walk could not open: input/unreadable on the folder itself.
    for (folder, reason) in workspace.unreadableFolders where !folder.isEmpty {
      documents.append(
        DocumentNode(path: folder + "/", content: .unreadable(ReadProblem(message: "cannot read folder: \(reason)"))))
    }

    var anchors: [String: AnchorSet] = [:]
    anchors.reserveCapacity(documents.count)
    for index in documents.indices where documents[index].isMarkdown {
      anchors[documents[index].path] = documents[index].anchors
    }
    // Every other Markdown file: its anchors (for fragments pointing into it) and the facts
    // cross-document rules need (ids, agents), so linting one file still sees the whole tree.
    let others = Self.unlinted(workspace.inventory.files, targets: targets)
    progress?.expect(others.count)
    let parsedOthers = Parallel.map(others) { path -> (String, AnchorSet, DocumentFacts)? in
      defer { progress?.advance() }
      // Files read only for their anchors and facts are cached as just those, in a slot of their own.
      let node = cached.node(path, slot: "facts") { parser.anchorsAndFacts(at: path, bytes: $0) }
      return node.map { ($0.path, $0.anchors, $0.facts) }
    }
    var otherFacts: [(path: String, facts: DocumentFacts)] = []
    for case (let path, let names, let facts)? in parsedOthers {
      anchors[path] = names
      otherFacts.append((path, facts))
    }

    // IaC files: read once each, in parallel, into symbols and their own path references.
    let iacReader = IaCReader(classifier: classifier, settings: configuration.paths)
    var iac = Parallel.map(iacTargets) { path -> IaCNode in
      let technology = IaCTechnology.of(path) ?? .terraform
      switch reader.read(path) {
      case .failure(let problem):
        var node = IaCNode(path: path, technology: technology)
        node.problem = YAMLProblem(
          message: problem.message, line: problem.line, column: problem.column)
        return node
      case .success(let source):
        return iacReader.read(path: path, technology: technology, source: source)
      }
    }
    // Independent pieces of work side by side: git's answer about which missing paths it
    // ignores (a child process, started first) and the two halves of the document index.
    let snapshot = documents
    let otherDocuments = otherFacts
    let root = workspace.root
    let usesGit = workspace.usesGit
    let iacFiles = iac
    let asked = Self.missingPaths(snapshot, iacFiles)
    let finished = Parallel.map([nil] + DocumentIndex.Half.allCases) { half -> Tail in
      guard let half else {
        return .ignored(usesGit ? Git.ignored(asked, in: root) : [])
      }
      return .index(DocumentIndex(
        half, documents: snapshot, others: otherDocuments, vocabulary: configuration.vocabulary))
    }
    guard case .ignored(let ignored) = finished[0], case .index(let declarations) = finished[1],
      case .index(let copies) = finished[2]
    else { preconditionFailure("results come back in order") }
    let index = DocumentIndex(declarations: declarations, copies: copies)
    let known = anchors
    let placeholders = configuration.paths.placeholders
    let ignoringCase = configuration.paths.anchorsIgnoreCase
    Parallel.update(&documents) {
      $0.settle(anchors: known, ignored: ignored, placeholders: placeholders, ignoringCase: ignoringCase)
    }
    for position in iac.indices { iac[position].references.markGenerated(ignored: ignored) }
    let (codeAgents, searchedAgents) = Self.codeAgents(
      named: documents, declared: index.agentNames, inventory: workspace.inventory, cached: cached,
      vocabulary: configuration.vocabulary)
    // Results made with a file on standard input that is not on disk are not the disk's:
    // read from the pack, never written to it.
    if workspace.addedByOverlay.isEmpty { cache?.save(paths: workspace.inventory.fileSet) } else { cache?.discard() }
    let graph = ReferenceGraph(
      inventory: workspace.inventory, documents: documents, anchors: anchors, index: index,
      iac: iac, environments: IaCEnvironments.names(in: iac, settings: configuration.kinds),
      kinds: configuration.kinds.kinds, vocabulary: configuration.vocabulary, codeAgents: codeAgents)
    return Parts(
      graph: graph, parser: parser, others: otherFacts, asked: Set(asked), ignored: ignored, searchedAgents: searchedAgents)
  }

  /// `<Name>Agent`s the documents mention that no agent doc declares, where source code
  /// declares them (`class SDLCDesignAgent(BaseAgent):`). Source files are read only when
  /// such a name exists, each once, in parallel, through the cache.
  private static func codeAgents(
    named documents: [DocumentNode], declared: Set<String>, inventory: FileInventory, cached: CachedParse,
    vocabulary: Vocabulary
  ) -> (found: [String: [CodeDeclaration]], searched: Set<String>) {
    // Agent names are judged only where agent docs exist (agent/unknown-agent says so).
    guard !declared.isEmpty else { return ([:], []) }
    var wanted = Set<String>()
    for index in documents.indices {
      for mention in documents[index].facts.agentMentions where !declared.contains(mention.name) { wanted.insert(mention.name) }
    }
    guard !wanted.isEmpty, !vocabulary.codeDeclarations.isEmpty else { return ([:], wanted) }
    let names = wanted
    // Each source file with the declaration keywords of its language.
    let sources = inventory.files.compactMap { path -> (path: String, keywords: Set<String>)? in
      vocabulary.declarationKeywords(of: path).map { (path, $0) }
    }
    let found = Parallel.map(sources) { source -> [CodeDeclaration] in
      // Every agent the file declares is kept: which names are wanted changes between runs.
      cached.values(source.path, slot: "code") {
        CodeDeclarations.agents(in: $0, path: source.path, keywords: source.keywords)
      }.filter { names.contains($0.name) }
    }
    var byName: [String: [CodeDeclaration]] = [:]
    for declarations in found { for declaration in declarations { byName[declaration.name, default: []].append(declaration) } }
    return (byName, wanted)
  }

  /// The Markdown files that are not targets, walking both lists (each in byte order, each
  /// path once) side by side rather than hashing every path.
  static func unlinted(_ files: [String], targets: [String]) -> [String] {
    var others: [String] = []
    var next = 0
    for file in files where MarkdownFiles.isMarkdown(file) {
      while next < targets.count, ByteOrder.less(targets[next], file) { next += 1 }
      if next < targets.count, targets[next] == file {
        next += 1
      } else {
        others.append(file)
      }
    }
    return others
  }

  private enum Tail: Sendable {
    case index(DocumentIndex)
    case ignored(Set<String>)
  }

  /// Everything a parse result depends on besides its file: the settings, the repository's
  /// file list (paths resolve against it) and which IaC technologies are present.
  private func cacheContext(_ technologies: Set<IaCTechnology>) -> [String] {
    // The files on disk: a document on standard input that is not there yet does not
    // make the whole pack stale.
    let added = workspace.addedByOverlay
    let files = added.isEmpty ? workspace.inventory.files : workspace.inventory.files.filter { !added.contains($0) }
    return configuration.sourceTexts + [
      files.joined(separator: "\u{0}"),
      technologies.map(\.rawValue).sorted().joined(separator: ","),
    ]
  }

  /// Paths that edges other than links name and that do not exist, for git to say which
  /// it ignores (those are build outputs: `target/`, `mutants.out/`, `.env`).
  private static func missingPaths(_ documents: [DocumentNode], _ iac: [IaCNode]) -> [String] {
    var missing = Set<String>()
    for index in documents.indices { missing.formUnion(documents[index].missingNonLinkPaths) }
    for index in iac.indices { missing.formUnion(iac[index].references.missingNonLinkPaths) }
    return missing.sorted(by: ByteOrder.less)
  }
}
