import DocsLintRules

/// Parses a file through the cache: a hit by git's blob id reads nothing; otherwise the
/// file is read, looked up by its computed id, and parsed and stored on a miss.
struct CachedParse: Sendable {
  let cache: ParseCache?
  /// Blob ids git knows for clean tracked files.
  let known: [String: ContentID]
  let reader: FileReader
  /// Whether a stored result still holds for the work tree as it is: edges that reached
  /// past the file list (a git-ignored file on disk) are checked again. A summary read for
  /// impact mode is not: ignored files are never part of a change, so its targets decide
  /// nothing there.
  let isCurrent: @Sendable (DocumentNode) -> Bool

  /// Impact mode: which stored documents need their parse and edges, judged on their summary.
  let needsBody: (@Sendable (DocumentNode) -> Bool)?
  /// Whether rules read every edge of a document, judged on its summary; the pack keeps
  /// only the edges rules read, so such a document is parsed again.
  let needsAllEdges: @Sendable (DocumentNode) -> Bool

  func node(
    _ path: String, slot: String, parse: (Result<[UInt8], ReadProblem>) -> DocumentNode?
  ) -> DocumentNode? {
    guard let cache else { return parse(reader.readBytes(path)) }
    let name = slot + ":" + path
    // Whether a parse result goes into the cache: not when the entry is current and the
    // file is parsed again only for the edges the pack does not keep.
    var store = true
    func ask(_ id: ContentID) -> DocumentNode? {
      switch cache.lookup(slot: name, content: id, needsBody: needsBody, needsAllEdges: needsAllEdges) {
      case .found(let node) where node.path == path && (!node.hasBody || isCurrent(node)): return node
      case .parseAgain: store = false
      case .found, .miss: break
      }
      return nil
    }
    if let id = known[path], let node = ask(id) { return node }
    let bytes = reader.readBytes(path)
    guard case .success(let raw) = bytes else { return parse(bytes) }
    let id = known[path] ?? ContentID(of: raw)
    if known[path] == nil, let node = ask(id) { return node }
    let node = parse(bytes)
    // Unreadable and undecodable files are cheap to judge again, and their reasons may change.
    if store, let node, node.isMarkdown { cache.store(node, slot: name, content: id) }
    return node
  }
}
