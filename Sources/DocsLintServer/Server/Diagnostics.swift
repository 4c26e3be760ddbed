import Foundation

/// Diagnostics: each open document judged against its repository's kept graph, published
/// when asked, when it changes, and when an edit elsewhere changes what it shows.
extension LanguageServer {
  /// An edit may break or repair links in the other open documents: they are linted again,
  /// and published when what they show changed.
  func republishOthers(than uri: String) {
    for other in documents.keys.sorted() where other != uri { republish(other) }
  }

  /// Lints an open document again; publishes only when its findings changed (and only then
  /// turns them into diagnostics).
  func republish(_ uri: String) {
    let before = analyses[uri]?.findings
    guard let (findings, document) = analyze(uri), findings != before else { return }
    var params: [String: Any] = ["uri": uri, "diagnostics": DiagnosticMessage.make(findings, in: document)]
    if let version = documents[uri]?.version { params["version"] = version }
    send("textDocument/publishDiagnostics", params)
  }

  /// The repository of a path: that of the innermost workspace folder that holds it.
  func root(of path: String) -> String? {
    roots.filter { path.hasPrefix($0 == "/" ? "/" : $0 + "/") }.max { $0.count < $1.count }
  }

  /// The kept graph of a repository, built with every open document under it.
  func resident(root: String) -> ResidentGraph? {
    if let entry = residents[root], watching || Date().timeIntervalSince(entry.at) < Self.residentLifetime {
      return entry.value
    }
    guard let prepared = try? PreparedWorkspace.open(root: root) else { return nil }
    guard let value = try? ResidentGraph.build(prepared: prepared, cacheFolder: cacheFolder, buffers: buffers()) else {
      return nil
    }
    othersMayChange = true
    residents[root] = (value, Date())
    return value
  }

  /// Every open buffer, to stand in for its file.
  func buffers() -> [(path: String, bytes: [UInt8])] {
    documents.compactMap { uri, open in FileURI.path(uri).map { (path: $0, bytes: Array(open.text.utf8)) } }
  }

  static func relative(_ path: String, in root: String) throws -> String {
    guard let relative = Workspace.relativeFile(path, in: root) else {
      throw UsageError("\(path): outside the repository root \(root)")
    }
    return relative
  }

  /// A file's text: the editor's when it is open, else the disk's.
  func text(at path: String) -> String? {
    if let open = documents[URL(fileURLWithPath: path).absoluteString] { return open.text }
    return try? String(contentsOfFile: path, encoding: .utf8)
  }

  func publish(_ uri: String) {
    var params: [String: Any] = ["uri": uri, "diagnostics": diagnostics(for: uri)]
    if let version = documents[uri]?.version { params["version"] = version }
    send("textDocument/publishDiagnostics", params)
  }

  /// The diagnostics of one document, linted from the editor's text when it is open.
  func diagnostics(for uri: String) -> [[String: Any]] {
    guard let (findings, document) = analyze(uri) else { return [] }
    return DiagnosticMessage.make(findings, in: document)
  }

  /// Lints one document (from the editor's text when it is open) and keeps its analysis.
  func analyze(_ uri: String) -> (findings: [Finding], document: OpenDocument)? {
    guard let path = FileURI.path(uri) else { return nil }
    let text = documents[uri]?.text ?? (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    let document = documents[uri] ?? OpenDocument(text: text, version: 0)
    do {
      let judged = try judge(path, text: text, isOpen: documents[uri] != nil)
      var analysis = Analysis(
        root: judged.root, path: judged.path, node: judged.node,
        findings: judged.findings, files: judged.graph.inventory.files, anchors: judged.graph.anchors)
      analysis.ids = judged.graph.index.ids
      analysis.agents = judged.graph.index.agentDocuments
      analysis.codeAgents = judged.graph.codeAgents
      analysis.referenceKeys = judged.configuration.kinds.referenceKeys
      analysis.configuration = judged.configuration
      if let id = analysis.node?.kind, let kind = judged.configuration.kinds.kinds.first(where: { $0.id == id }) {
        analysis.kind = kind
      }
      analyses[uri] = analysis
      return (judged.findings, document)
    } catch {
      // Once: a buffer in a folder that does not exist would say so at every keystroke.
      let message = "docs-lint: \(error)"
      if shownErrors.insert(message).inserted { send("window/showMessage", ["type": 1, "message": message]) }
      return nil
    }
  }

  /// A document judged: against its repository's kept graph when it is open there, else by
  /// a lint of its own (a file outside the workspace folders, or one not open).
  private func judge(_ path: String, text: String, isOpen: Bool) throws -> Judged {
    let bytes = Array(text.utf8)
    if isOpen, let root = root(of: path) {
      take(path, bytes)
      if let resident = resident(root: root), let relative = resident.relative(path) {
        // A document the configuration does not lint (excluded, not Markdown) or the listing
        // leaves out (git ignores it) shows nothing, as in CI.
        guard resident.lints(relative), resident.lists(relative) else {
          return Judged(
            root: root, path: relative, graph: resident.graph, node: nil, configuration: resident.configuration, findings: [])
        }
        if resident.judges(relative), resident.holds(relative, text: bytes) {
          return Judged(
            root: root, path: relative, graph: resident.graph, node: resident.document(relative),
            configuration: resident.configuration, findings: resident.findings(of: relative))
        }
      }
    }
    let run = try LintRun.execute(
      paths: [], root: root(of: path), configFile: nil, cacheFolder: cacheFolder, standardInput: (path: path, bytes: bytes),
      keepsAllEdges: true, otherBuffers: documents.compactMap { uri, open in
        FileURI.path(uri).flatMap { $0 == path ? nil : (path: $0, bytes: Array(open.text.utf8)) }
      })
    let relative = Workspace.relativeFile(path, in: run.root) ?? path
    othersMayChange = true
    return Judged(
      root: run.root, path: relative, graph: run.graph, node: run.graph.documents.first { $0.path == relative },
      configuration: run.configuration, findings: run.findings)
  }

  /// Brings an open buffer's text into every kept graph that holds its file (workspace
  /// folders may nest); a graph that cannot take it in place is dropped, to be built anew
  /// when next needed.
  private func take(_ path: String, _ bytes: [UInt8]) {
    for root in residents.keys.sorted() {
      // Out of the dictionary while it changes: one copy of its graph, not two.
      guard let entry = residents.removeValue(forKey: root) else { continue }
      var resident = entry.value
      if let relative = resident.relative(path), !resident.holds(relative, text: bytes) {
        guard resident.update(relative, text: bytes) else {
          othersMayChange = true
          continue
        }
        if resident.lastUpdateReachesOthers { othersMayChange = true }
      }
      residents[root] = (resident, entry.at)
    }
  }

  private struct Judged {
    var root: String
    var path: String
    var graph: ReferenceGraph
    var node: DocumentNode?
    var configuration: Configuration
    var findings: [Finding]
  }
}

extension LanguageServer {
  /// Whether a reported file change can change what a kept graph holds: a file created or
  /// deleted (outside `.git`), or a changed file whose content the graph reads.
  func matters(_ change: [String: Any]) -> Bool {
    guard let path = (change["uri"] as? String).flatMap(FileURI.path) else { return true }
    if path.contains("/.git/") || path.hasSuffix("/.git") { return false }
    guard change["type"] as? Int == 2 else { return true }
    let holders = residents.values.compactMap { entry in entry.value.relative(path).map { (entry.value, $0) } }
    return holders.isEmpty || holders.contains { resident, relative in resident.reads(contentOf: relative) }
  }
}

/// A repository as renames and references see it.
struct Repository {
  var root: String
  /// Every document (the kept graph's summaries, or a graph built for the question).
  var graph: ReferenceGraph
  /// The documents, with every edge, that may refer to a path or lie inside it.
  var touching: (String) -> [DocumentNode]
}

extension LanguageServer {
  /// The repository of a path: its kept graph where it lies in a workspace folder, else a
  /// graph built for the question with every edge.
  func repository(of path: String) throws -> Repository {
    if let root = root(of: path), let resident = resident(root: root) {
      return Repository(root: root, graph: resident.graph, touching: resident.documents(touching:))
    }
    let (graph, root) = try LintRun.graph(paths: [], root: root(of: path), configFile: nil, buffers: buffers())
    return Repository(root: root, graph: graph) { _ in graph.documents }
  }
}
