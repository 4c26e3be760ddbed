import DocsLintRules
import Foundation

/// A language server's graph of one repository, kept between keystrokes: the open documents
/// in full, every other Markdown file as its anchors and facts (from the parse cache). An
/// edit parses its one document again and judges it against the rest; the rest is read
/// again only when the caller builds anew (files, settings or the open set changed).
package struct ResidentGraph: Sendable {
  package private(set) var graph: ReferenceGraph
  package let configuration: Configuration
  /// The repository's files, with the open documents' text standing in for theirs.
  package private(set) var workspace: Workspace
  private let parser: DocumentParser
  /// The Markdown files read for their anchors and facts alone, and where each is in that list.
  private var others: [(path: String, facts: DocumentFacts)]
  private let otherPositions: [String: Int]
  /// Missing paths looked up as possibly generated, each once, and those git ignores.
  private var asked: Set<String>
  private var ignored: Set<String>
  /// Agent names looked for in code when the graph was built.
  private let searchedAgents: Set<String>

  /// `buffers`: the open documents (absolute paths and text); those the configuration lints
  /// are judged, the others only stand in for their files.
  package static func build(
    prepared: PreparedWorkspace, cacheFolder: String?, buffers: [(path: String, bytes: [UInt8])]
  ) -> ResidentGraph {
    var workspace = prepared.workspace
    var targets: [String] = []
    for buffer in buffers {
      guard let relative = try? workspace.read(buffer.path, from: buffer.bytes) else { continue }
      if prepared.configuration.lints(relative) { targets.append(relative) }
    }
    let parts = GraphBuilder(
      workspace: workspace, configuration: prepared.configuration, cacheFolder: cacheFolder, keepsAllEdges: true
    ).parts(targets: targets.sorted(by: ByteOrder.less))
    return ResidentGraph(
      graph: parts.graph, configuration: prepared.configuration, workspace: workspace, parser: parts.parser,
      others: parts.others, otherPositions: Dictionary(parts.others.indices.map { (parts.others[$0].path, $0) }) { first, _ in first },
      asked: parts.asked, ignored: parts.ignored, searchedAgents: parts.searchedAgents)
  }

  /// The root-relative path of an absolute path inside the repository.
  package func relative(_ path: String) -> String? {
    Workspace.relativeFile(path, in: workspace.root)
  }

  /// Whether the configuration lints the file at this root-relative path at all.
  package func lints(_ relative: String) -> Bool { configuration.lints(relative) }

  /// Whether the graph has this text for the file (as a judged document or not).
  package func holds(_ relative: String, text bytes: [UInt8]) -> Bool {
    workspace.overlay[relative] == bytes
  }

  /// Whether the file is there only as an open buffer, not on disk.
  package func isNew(_ relative: String) -> Bool { workspace.addedByOverlay.contains(relative) }

  /// Whether a file's content reaches the graph: Markdown (anchors, facts), configuration,
  /// source code that may declare agents, and git's ignore files.
  package func reads(contentOf relative: String) -> Bool {
    let name = RepoPath.name(of: relative)
    if MarkdownFiles.isMarkdown(relative) || name.hasPrefix(".docs-lint") || name == ".gitignore" { return true }
    guard let dot = name.lastIndex(of: ".") else { return false }
    return configuration.vocabulary.codeDeclarations[name[name.index(after: dot)...].lowercased()] != nil
  }

  /// Whether the graph judges this document.
  package func judges(_ relative: String) -> Bool {
    graph.documents.contains { $0.path == relative }
  }

  /// An open file's new text. False when the graph cannot take it in place (a file it has
  /// not seen, or an agent name that now needs looking for in code): the caller builds anew.
  package mutating func update(_ relative: String, text bytes: [UInt8]) -> Bool {
    guard workspace.inventory.fileSet.contains(relative) else { return false }
    _ = try? workspace.read(workspace.root + "/" + relative, from: bytes)
    // Through a reader, so a buffer over the size limit is refused as a file would be.
    let reader = FileReader(root: workspace.root, maxBytes: configuration.maxFileBytes, overlay: [relative: bytes])
    var documents = graph.documents
    var anchors = graph.anchors
    let oldAnchors = anchors[relative]
    var declarationsChanged = false
    if let position = documents.firstIndex(where: { $0.path == relative }) {
      var node = parser.document(at: relative, bytes: reader.readBytes(relative))
      let fresh = node.missingNonLinkPaths.filter { !asked.contains($0) }
      if !fresh.isEmpty, workspace.usesGit { ignored.formUnion(Git.ignored(fresh, in: workspace.root)) }
      asked.formUnion(fresh)
      anchors[relative] = node.isMarkdown ? node.anchors : nil
      node.settle(anchors: anchors, ignored: ignored, placeholders: configuration.paths.placeholders,
        ignoringCase: configuration.paths.anchorsIgnoreCase)
      declarationsChanged = Self.declarations(node.facts) != Self.declarations(documents[position].facts)
      documents[position] = node
    } else if let position = otherPositions[relative] {
      // A file not judged (excluded) still lends its anchors and facts to the others.
      let node = parser.anchorsAndFacts(at: relative, bytes: reader.readBytes(relative))
      anchors[relative] = node?.anchors
      let facts = node?.facts ?? DocumentFacts()
      declarationsChanged = Self.declarations(facts) != Self.declarations(others[position].facts)
      others[position].facts = facts
    } else {
      // Not Markdown: only its existence counts, and that has not changed.
      return true
    }
    // Links from the judged documents into this one see its new headings.
    if anchors[relative] != oldAnchors {
      for index in documents.indices where documents[index].path != relative {
        documents[index].settle(
          anchors: anchors, ignored: ignored, placeholders: configuration.paths.placeholders,
          ignoringCase: configuration.paths.anchorsIgnoreCase)
      }
    }
    let vocabulary = configuration.vocabulary
    // Copies are judged among the judged documents alone: a handful.
    let copies = DocumentIndex(.copies, documents: documents, others: [], vocabulary: vocabulary)
    let declarations =
      declarationsChanged ? DocumentIndex(.declarations, documents: documents, others: others, vocabulary: vocabulary) : graph.index
    let index = DocumentIndex(declarations: declarations, copies: copies)
    // An agent name neither declared nor looked for in code when the graph was built.
    if !index.agentNames.isEmpty {
      for document in documents {
        for mention in document.facts.agentMentions
        where !index.agentNames.contains(mention.name) && !searchedAgents.contains(mention.name) {
          return false
        }
      }
    }
    graph = graph.replacing(documents: documents, anchors: anchors, index: index)
    return true
  }

  /// What the index reads of a document's facts: its id and where, and the agents it declares.
  private static func declarations(_ facts: DocumentFacts) -> [String] {
    [facts.id ?? "", facts.idSpan.map { "\($0)" } ?? ""] + facts.declaredAgents
  }

  /// The findings of one judged document, at their configured levels.
  package func findings(of relative: String) -> [Finding] {
    Linter(configuration: configuration).findings(in: graph, scope: [relative])
  }
}
