import DocsLintRules
import Foundation

/// A language server's graph of one repository, kept between keystrokes. It holds what a
/// whole-tree lint holds (every document, every IaC file), so an open document is judged
/// exactly as CI judges it; the open documents are parsed in full from the editor's text,
/// the others are their summaries from the parse cache. An edit parses its one document
/// again and judges it against the rest; the rest is read again only when the caller builds
/// anew (files, settings or the open set changed).
package struct ResidentGraph: Sendable {
  package private(set) var graph: ReferenceGraph
  package let configuration: Configuration
  private let linter: Linter
  /// The repository's files, with the open documents' text standing in for theirs.
  package private(set) var workspace: Workspace
  private let parser: DocumentParser
  /// Each document's place in the graph's list.
  private let positions: [String: Int]
  /// The Markdown files not linted (excluded), read for their anchors and facts alone, and
  /// where each is in that list.
  private var others: [(path: String, facts: DocumentFacts)]
  private let otherPositions: [String: Int]
  /// Missing paths looked up as possibly generated, each once, and those git ignores.
  private var asked: Set<String>
  private var ignored: Set<String>
  /// Agent names looked for in code when the graph was built.
  private let searchedAgents: Set<String>
  /// The documents parsed in full from the editor's text.
  private var open: Set<String> = []
  /// The other documents by the keys that make copies: the copies of an open document are
  /// looked for among these alone, not the whole tree, at every keystroke.
  private var peers: [ContentKey: [Int]] = [:]
  private var namesakes: [NameAndTitle: [Int]] = [:]

  /// `buffers`: the open documents (absolute paths and text), standing in for their files.
  package static func build(
    prepared: PreparedWorkspace, cacheFolder: String?, buffers: [(path: String, bytes: [UInt8])]
  ) throws -> ResidentGraph {
    var workspace = prepared.workspace
    var opened: [(relative: String, bytes: [UInt8])] = []
    for buffer in buffers {
      // A file on disk the listing leaves out (git ignores it) is not linted, as in CI.
      if let relative = Workspace.relativeFile(buffer.path, in: workspace.root), !workspace.inventory.fileSet.contains(relative),
        FileManager.default.fileExists(atPath: buffer.path)
      {
        continue
      }
      guard let relative = try? workspace.read(buffer.path, from: buffer.bytes) else { continue }
      opened.append((relative, buffer.bytes))
    }
    let configuration = prepared.configuration
    let targets = try workspace.lintTargets(paths: [], configuration: configuration)
    let iacTargets = try workspace.iacTargets(paths: [], configuration: configuration)
    // Summaries are enough for every document but the open ones, parsed below in full.
    let parts = GraphBuilder(workspace: workspace, configuration: configuration, cacheFolder: cacheFolder)
      .parts(targets: targets, iacTargets: iacTargets, needsBody: { _ in false })
    var resident = ResidentGraph(
      graph: parts.graph, configuration: configuration, linter: Linter(configuration: configuration), workspace: workspace,
      parser: parts.parser,
      positions: Dictionary(parts.graph.documents.indices.map { (parts.graph.documents[$0].path, $0) }) { first, _ in first },
      others: parts.others,
      otherPositions: Dictionary(parts.others.indices.map { (parts.others[$0].path, $0) }) { first, _ in first },
      asked: parts.asked, ignored: parts.ignored, searchedAgents: parts.searchedAgents)
    // A summary from the cache was made without the files that are only buffers (the cache
    // is keyed by the disk's files): one that missed such a file is read again.
    let added = workspace.addedByOverlay
    if !added.isEmpty {
      let stale = resident.graph.documents.indices.filter { position in
        let document = resident.graph.documents[position]
        return !document.hasBody
          && document.missingTargets.contains { missing in added.contains { $0 == missing || RepoPath.isInside($0, folder: missing) } }
      }
      let fresh = stale.map { resident.parsedAgain(resident.graph.documents[$0]) }
      resident.graph.edit { documents, _, _ in for (position, node) in zip(stale, fresh) { documents[position] = node } }
    }
    for (relative, bytes) in opened { _ = resident.replace(relative, text: bytes, rebuildingIndex: false) }
    let vocabulary = configuration.vocabulary
    for (position, document) in resident.graph.documents.enumerated() where !resident.open.contains(document.path) {
      if let key = DocumentIndex.contentKey(of: document) { resident.peers[key, default: []].append(position) }
      if let key = DocumentIndex.nameAndTitle(of: document, vocabulary: vocabulary) {
        resident.namesakes[key, default: []].append(position)
      }
    }
    resident.reindex(declarations: true)
    return resident
  }

  /// The root-relative path of an absolute path inside the repository.
  package func relative(_ path: String) -> String? {
    Workspace.relativeFile(path, in: workspace.root)
  }

  /// Whether the configuration lints the file at this root-relative path at all.
  package func lints(_ relative: String) -> Bool { configuration.lints(relative) }

  /// Whether the file is one the repository's listing holds (git lists it, or it is new).
  package func lists(_ relative: String) -> Bool { workspace.inventory.fileSet.contains(relative) }

  /// A judged document's node.
  package func document(_ relative: String) -> DocumentNode? { positions[relative].map { graph.documents[$0] } }

  /// Whether the graph has this text for the file.
  package func holds(_ relative: String, text bytes: [UInt8]) -> Bool {
    workspace.overlay[relative] == bytes
  }

  /// Whether the file is there only as an open buffer, not on disk.
  package func isNew(_ relative: String) -> Bool { workspace.addedByOverlay.contains(relative) }

  /// Whether the graph judges this document from the editor's text.
  package func judges(_ relative: String) -> Bool { open.contains(relative) }

  /// Whether a file's content reaches the graph: Markdown (anchors, facts), configuration
  /// and rule packs, IaC, source code that may declare agents, and git's ignore files.
  package func reads(contentOf relative: String) -> Bool {
    let name = RepoPath.name(of: relative)
    // YAML: the configuration, what it extends, rule packs (and IaC: compose, workflows).
    if MarkdownFiles.isMarkdown(relative) || name.hasSuffix(".yml") || name.hasSuffix(".yaml") || name == ".gitignore" {
      return true
    }
    return IaCTechnology.of(relative) != nil || configuration.vocabulary.declarationKeywords(of: relative) != nil
  }

  /// Whether the last update may have changed what the other open documents show: what
  /// the edited document lends them changed (anchors, declarations, targets, status, ...).
  package private(set) var lastUpdateReachesOthers = true

  /// An open file's new text. False when the graph cannot take it in place (a file it has
  /// not seen, the content of a non-Markdown file it reads, or an agent name that now needs
  /// looking for in code): the caller builds anew.
  package mutating func update(_ relative: String, text bytes: [UInt8]) -> Bool {
    replace(relative, text: bytes, rebuildingIndex: true)
  }

  private mutating func replace(_ relative: String, text bytes: [UInt8], rebuildingIndex: Bool) -> Bool {
    lastUpdateReachesOthers = true
    guard workspace.inventory.fileSet.contains(relative) else {
      // A file the listing leaves out (git ignores it) is not part of the graph, as in CI.
      return FileManager.default.fileExists(atPath: workspace.root + "/" + relative)
    }
    _ = try? workspace.read(workspace.root + "/" + relative, from: bytes)
    // Through a reader, so a buffer over the size limit is refused as a file would be.
    let reader = FileReader(root: workspace.root, maxBytes: configuration.maxFileBytes, overlay: [relative: bytes])
    let oldAnchors = graph.anchors[relative]
    var declarationsChanged = false
    if let position = positions[relative] {
      var node = parser.document(at: relative, bytes: reader.readBytes(relative))
      let fresh = node.missingNonLinkPaths.filter { !asked.contains($0) }
      if !fresh.isEmpty, workspace.usesGit { ignored.formUnion(Git.ignored(fresh, in: workspace.root)) }
      asked.formUnion(fresh)
      declarationsChanged = Self.declarations(node.facts) != Self.declarations(graph.documents[position].facts)
      lastUpdateReachesOthers = lent(by: node) != lent(by: graph.documents[position])
      open.insert(relative)
      let (ignored, settings) = (ignored, configuration.paths)
      graph.edit { documents, anchors, _ in
        anchors[relative] = node.isMarkdown ? node.anchors : nil
        node.settle(
          anchors: anchors, ignored: ignored, placeholders: settings.placeholders, ignoringCase: settings.anchorsIgnoreCase)
        documents[position] = node
      }
    } else if let position = otherPositions[relative] {
      // A file not linted (excluded) still lends its anchors and facts to the others.
      let node = parser.anchorsAndFacts(at: relative, bytes: reader.readBytes(relative))
      let facts = node?.facts ?? DocumentFacts()
      declarationsChanged = Self.declarations(facts) != Self.declarations(others[position].facts)
      others[position].facts = facts
      graph.edit { _, anchors, _ in anchors[relative] = node?.anchors }
    } else {
      // Not Markdown: its content counts where the graph reads it (IaC, code, configuration).
      return !reads(contentOf: relative)
    }
    // Links from the open documents into this one see its new headings (the others' own
    // findings are not shown, and what they lend the open ones does not depend on it).
    if graph.anchors[relative] != oldAnchors {
      let settled = open.filter { $0 != relative }.compactMap { positions[$0] }
      let (ignored, settings) = (ignored, configuration.paths)
      graph.edit { documents, anchors, _ in
        for position in settled {
          documents[position].settle(
            anchors: anchors, ignored: ignored, placeholders: settings.placeholders, ignoringCase: settings.anchorsIgnoreCase)
        }
      }
    }
    guard rebuildingIndex else { return true }
    reindex(declarations: declarationsChanged)
    // An agent name neither declared nor looked for in code when the graph was built.
    let declared = graph.index.agentNames
    if !declared.isEmpty {
      for path in open {
        guard let position = positions[path] else { continue }
        for mention in graph.documents[position].facts.agentMentions
        where !declared.contains(mention.name) && !searchedAgents.contains(mention.name) {
          return false
        }
      }
    }
    return true
  }

  /// The index again: declarations when a document's id or agent names changed; copies
  /// among the open documents and the documents that share a key with one of them (the
  /// only documents judged are open, and a group of copies is all its members).
  private mutating func reindex(declarations: Bool) {
    let vocabulary = configuration.vocabulary
    let documents = graph.documents
    var related = Set(open.compactMap { positions[$0] })
    for position in related {
      if let key = DocumentIndex.contentKey(of: documents[position]) { related.formUnion(peers[key] ?? []) }
      if let key = DocumentIndex.nameAndTitle(of: documents[position], vocabulary: vocabulary) {
        related.formUnion(namesakes[key] ?? [])
      }
    }
    let copies = DocumentIndex(.copies, documents: related.sorted().map { documents[$0] }, others: [], vocabulary: vocabulary)
    let declared =
      declarations ? DocumentIndex(.declarations, documents: documents, others: others, vocabulary: vocabulary) : graph.index
    graph.edit { _, _, index in index = DocumentIndex(declarations: declared, copies: copies) }
  }

  /// Documents with every edge, for renames and references: those whose summary says they
  /// may refer to `path` or into it (targets, missing paths, front-matter paths) and those
  /// inside it, the open ones as they are, the others parsed again from the disk.
  package func documents(touching path: String) -> [DocumentNode] {
    let inside = { (other: String) in path.isEmpty || other == path || RepoPath.isInside(other, folder: path) }
    var found: [DocumentNode] = []
    for document in graph.documents where document.isMarkdown {
      let touches =
        inside(document.path) || document.targets.reaches(path) || document.missingTargets.contains(where: inside)
        || document.facts.idReferences.contains { $0.pathReadings(from: document.path).contains(where: inside) }
      guard touches else { continue }
      found.append(open.contains(document.path) ? document : parsedAgain(document))
    }
    return found
  }

  /// A document parsed again from the disk (or its buffer) with every edge, and settled.
  private func parsedAgain(_ document: DocumentNode) -> DocumentNode {
    let reader = FileReader(root: workspace.root, maxBytes: configuration.maxFileBytes, overlay: workspace.overlay)
    let settings = configuration.paths
    var node = parser.document(at: document.path, bytes: reader.readBytes(document.path))
    node.settle(
      anchors: graph.anchors, ignored: ignored, placeholders: settings.placeholders, ignoringCase: settings.anchorsIgnoreCase)
    return node
  }

  /// What a document lends the others' findings: its anchors, declarations, names, links,
  /// status and kind, collected facts, and its content and title where copies of it exist.
  private func lent(by node: DocumentNode) -> Lent {
    let vocabulary = configuration.vocabulary
    let content = DocumentIndex.contentKey(of: node)
    let title = DocumentIndex.nameAndTitle(of: node, vocabulary: vocabulary)
    let facts = node.facts
    return Lent(
      anchors: node.anchors, id: facts.id, idSpan: facts.idSpan, declaredAgents: facts.declaredAgents,
      mentioned: Set(facts.agentMentions.map(\.name)), referred: facts.idReferences.map { $0.key + " " + $0.id },
      status: node.status, kind: node.kind, targets: node.targets.paths, planned: node.plannedTargets,
      missing: node.missingTargets, collected: node.collected,
      content: content.flatMap { sharesContent($0, with: node.path) ? $0 : nil },
      title: title.flatMap { sharesTitle($0, with: node.path) ? $0 : nil })
  }

  /// Whether another document, closed or open, has this content.
  private func sharesContent(_ key: ContentKey, with path: String) -> Bool {
    peers[key] != nil
      || open.contains { $0 != path && positions[$0].flatMap { DocumentIndex.contentKey(of: graph.documents[$0]) } == key }
  }

  /// Whether another document, closed or open, has this file name and title.
  private func sharesTitle(_ key: NameAndTitle, with path: String) -> Bool {
    let vocabulary = configuration.vocabulary
    return namesakes[key] != nil
      || open.contains { other in
        other != path && positions[other].flatMap { DocumentIndex.nameAndTitle(of: graph.documents[$0], vocabulary: vocabulary) } == key
      }
  }

  private struct Lent: Equatable {
    var anchors: AnchorSet
    var id: String?
    var idSpan: SourceSpan?
    var declaredAgents: [String]
    var mentioned: Set<String>
    var referred: [String]
    var status: String?
    var kind: String?
    var targets: [String]
    var planned: [String]
    var missing: [String]
    var collected: CollectedFacts
    var content: ContentKey?
    var title: NameAndTitle?
  }

  /// What the index reads of a document's facts: its id and where, and the agents it declares.
  private static func declarations(_ facts: DocumentFacts) -> [String] {
    [facts.id ?? "", facts.idSpan.map { "\($0)" } ?? ""] + facts.declaredAgents
  }

  /// The findings of one judged document, at their configured levels.
  package func findings(of relative: String) -> [Finding] {
    guard let position = positions[relative] else { return [] }
    return linter.findings(in: graph, positions: [position], judgingIaC: false)
  }
}
