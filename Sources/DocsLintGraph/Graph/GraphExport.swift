import DocsLintScan
import Foundation

/// The cross-reference graph as plain nodes and edges, for `docs-lint graph`: what a
/// document points at (files, folders, other documents by id, Terraform symbols), what
/// IaC files name and declare, and, with a focus, one file's neighbourhood.
package struct GraphExport: Sendable, Codable, Equatable {
  package struct Node: Sendable, Codable, Hashable {
    /// A root-relative path, `symbol:<kind>:<name>` for an IaC symbol, or
    /// `code:<keyword>:<name>` for an agent name declared in source code (`code:class:SDLCDesignAgent`).
    package var id: String
    /// `document`, `file`, `folder`, `iac`, `symbol`, `code-declaration` or `missing` (a broken target).
    package var kind: String
  }

  package struct Edge: Sendable, Codable, Hashable {
    package var from: String
    package var to: String
    /// The reference kind (`markdown-link`, `backtick-path`, `command-path`, `iac-path`, ...),
    /// `front-matter-id`, `front-matter-path`, `terraform-address`, `agent-name` (a document and
    /// the code declaration of an agent it names), or `declares` (an IaC or source file and
    /// its symbols or declarations).
    package var kind: String
    /// Line in `from` where the edge is written.
    package var line: Int
  }

  package var nodes: [Node]
  package var edges: [Edge]

  package init(nodes: [Node], edges: [Edge]) {
    self.nodes = nodes
    self.edges = edges
  }

  /// The whole graph of a run.
  package init(_ graph: ReferenceGraph) {
    var kinds: [String: String] = [:]
    var edges = Set<Edge>()
    func node(_ id: String, _ kind: String) {
      // A document or IaC file stays one even when another edge sees it as a plain file.
      if kinds[id] == nil || kinds[id] == "file" { kinds[id] = kind }
    }
    func target(_ path: String) {
      guard kinds[path] == nil else { return }
      kinds[path] = graph.inventory.isDirectory(path) ? "folder" : "file"
    }
    for document in graph.documents { node(document.path, "document") }
    for file in graph.iac { node(file.path, "iac") }
    let sources: [(path: String, references: [Reference])] =
      graph.documents.map { ($0.path, $0.references) } + graph.iac.map { ($0.path, $0.references) }
    for (path, references) in sources {
      for reference in references {
        let targets: [String]
        var missing = false
        switch reference.resolution {
        case .target(let to), .missingAnchor(let to, _, _), .generated(let to): targets = [to]
        case .glob(let matches): targets = matches
        case .missing(let to), .caseMismatch(let to, _):
          targets = [to]
          missing = true
        default: targets = []
        }
        for to in targets where to != path && !to.isEmpty {
          if missing { node(to, "missing") } else { target(to) }
          edges.insert(Edge(from: path, to: to, kind: reference.kind.rawValue, line: reference.span.line))
        }
      }
    }
    for document in graph.documents {
      for reference in document.facts.idReferences {
        for declaration in graph.index.ids[reference.id] ?? [] where declaration.path != document.path {
          edges.insert(Edge(from: document.path, to: declaration.path, kind: "front-matter-id", line: reference.span.line))
        }
        // Written as a path: the first reading that exists (as the rule judges it).
        if graph.index.ids[reference.id] == nil,
          let to = reference.pathReadings(from: document.path).first(where: graph.inventory.exists), to != document.path
        {
          target(to)
          edges.insert(Edge(from: document.path, to: to, kind: "front-matter-path", line: reference.span.line))
        }
      }
      for mention in document.facts.iacMentions {
        let id = "symbol:\(mention.kind.rawValue):\(mention.name)"
        guard graph.iacSymbols[mention.kind]?.contains(mention.name) ?? false else { continue }
        edges.insert(Edge(from: document.path, to: id, kind: "terraform-address", line: mention.span.line))
      }
    }
    // Agent names that only source code declares: the declaration, the file, the mentions.
    for (name, declarations) in graph.codeAgents {
      for declaration in declarations {
        let id = "code:\(declaration.keyword):\(name)"
        node(id, "code-declaration")
        target(declaration.path)
        edges.insert(Edge(from: declaration.path, to: id, kind: "declares", line: declaration.line))
      }
    }
    for document in graph.documents {
      for mention in document.facts.agentMentions {
        for declaration in graph.codeAgents[mention.name] ?? [] {
          edges.insert(Edge(from: document.path, to: "code:\(declaration.keyword):\(mention.name)", kind: "agent-name", line: mention.span.line))
        }
      }
    }
    for file in graph.iac {
      for symbol in file.symbols {
        let id = "symbol:\(symbol.kind.rawValue):\(symbol.name)"
        node(id, "symbol")
        edges.insert(Edge(from: file.path, to: id, kind: "declares", line: symbol.span.line))
      }
    }
    self.nodes = kinds.map { Node(id: $0.key, kind: $0.value) }.sorted { ByteOrder.less($0.id, $1.id) }
    self.edges = edges.sorted { lhs, rhs in
      if lhs.from != rhs.from { return ByteOrder.less(lhs.from, rhs.from) }
      if lhs.line != rhs.line { return lhs.line < rhs.line }
      if lhs.to != rhs.to { return ByteOrder.less(lhs.to, rhs.to) }
      return lhs.kind < rhs.kind
    }
  }

  /// The nodes within `depth` edges of `focus` (either direction) and the edges among them.
  package func neighbourhood(of focus: String, depth: Int) -> GraphExport {
    var adjacent: [String: [String]] = [:]
    for edge in edges {
      adjacent[edge.from, default: []].append(edge.to)
      adjacent[edge.to, default: []].append(edge.from)
    }
    var reached: Set<String> = [focus]
    var frontier = [focus]
    for _ in 0..<max(depth, 0) {
      frontier = frontier.flatMap { adjacent[$0] ?? [] }.filter { reached.insert($0).inserted }
    }
    return GraphExport(
      nodes: nodes.filter { reached.contains($0.id) },
      edges: edges.filter { reached.contains($0.from) && reached.contains($0.to) })
  }
}

extension GraphExport {
  /// The node id of a path given on the command line: root-relative as is, or relative to
  /// the current folder when it names a file there.
  package static func nodeID(forPath path: String, root: String) -> String {
    let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
    let base = URL(fileURLWithPath: root).standardizedFileURL.path
    if FileManager.default.fileExists(atPath: absolute), absolute.hasPrefix(base + "/") {
      return String(absolute.dropFirst(base.count + 1))
    }
    return path.hasPrefix("./") ? String(path.dropFirst(2)) : path
  }
}
