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
  private let others: [(path: String, facts: DocumentFacts)]
  /// Missing paths git was asked about, and those it ignores: asked once each.
  private var asked: Set<String>
  private var ignored: Set<String>

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
      others: parts.others, asked: parts.asked, ignored: parts.ignored)
  }

  /// The root-relative path of an absolute one inside the repository.
  package func relative(_ path: String) -> String? {
    let root = workspace.root
    guard path.hasPrefix(root == "/" ? "/" : root + "/") else { return nil }
    return String(path.dropFirst(root == "/" ? 1 : root.count + 1))
  }

  /// Whether the configuration lints the file at this root-relative path at all.
  package func lints(_ relative: String) -> Bool { configuration.lints(relative) }

  /// Whether the graph judges this document with exactly this text.
  package func holds(_ relative: String, text bytes: [UInt8]) -> Bool {
    workspace.overlay[relative] == bytes && graph.documents.contains { $0.path == relative }
  }

  /// One open document's new text. False when the graph cannot take it in place (the file
  /// is not one it judges, or the edit names an agent it has not looked up in code): the
  /// caller builds anew.
  package mutating func update(_ relative: String, text bytes: [UInt8]) -> Bool {
    guard let position = graph.documents.firstIndex(where: { $0.path == relative }) else { return false }
    // Through a reader, so a buffer over the size limit is refused as a file would be.
    let reader = FileReader(root: workspace.root, maxBytes: configuration.maxFileBytes, overlay: [relative: bytes])
    var node = parser.document(at: relative, bytes: reader.readBytes(relative))
    let old = graph.documents[position]
    // Agents are looked up in code when the graph is built; a new name needs a new look.
    let looked = Set(old.facts.agentMentions.map(\.name)).union(graph.index.agentNames).union(graph.codeAgents.keys)
    guard node.facts.agentMentions.allSatisfy({ looked.contains($0.name) }) else { return false }
    _ = try? workspace.read(workspace.root + "/" + relative, from: bytes)

    let fresh = node.missingNonLinkPaths.filter { !asked.contains($0) }
    if !fresh.isEmpty, workspace.usesGit {
      ignored.formUnion(Git.ignored(fresh, in: workspace.root))
    }
    asked.formUnion(fresh)
    var anchors = graph.anchors
    anchors[relative] = node.anchors
    let settings = configuration.paths
    node.settle(anchors: anchors, ignored: ignored, placeholders: settings.placeholders, ignoringCase: settings.anchorsIgnoreCase)
    var documents = graph.documents
    documents[position] = node
    // Links from the other open documents into this one see its new headings.
    if node.anchors != old.anchors {
      for index in documents.indices where index != position {
        documents[index].settle(
          anchors: anchors, ignored: ignored, placeholders: settings.placeholders, ignoringCase: settings.anchorsIgnoreCase)
      }
    }
    var index = graph.index
    let declares = { (facts: DocumentFacts) in [facts.id ?? "", facts.idSpan.map { "\($0)" } ?? ""] + facts.declaredAgents }
    if declares(node.facts) != declares(old.facts) {
      index = DocumentIndex(
        declarations: DocumentIndex(.declarations, documents: documents, others: others, vocabulary: configuration.vocabulary),
        copies: DocumentIndex(.copies, documents: documents, others: [], vocabulary: configuration.vocabulary))
    } else if documents.count > 1 {
      // Copies are judged among the open documents alone: a handful.
      index = DocumentIndex(
        declarations: index,
        copies: DocumentIndex(.copies, documents: documents, others: [], vocabulary: configuration.vocabulary))
    }
    graph = graph.replacing(documents: documents, anchors: anchors, index: index)
    return true
  }

  /// The findings of one judged document, at their configured levels.
  package func findings(of relative: String) -> [Finding] {
    Linter(configuration: configuration).findings(in: graph, scope: [relative])
  }
}
