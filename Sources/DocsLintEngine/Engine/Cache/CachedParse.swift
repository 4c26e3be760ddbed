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

  func node(
    _ path: String, slot: String, parse: (Result<[UInt8], ReadProblem>) -> DocumentNode?
  ) -> DocumentNode? {
    guard let cache else { return parse(reader.readBytes(path)) }
    let name = slot + ":" + path
    func ask(_ id: ContentID) -> DocumentNode? {
      guard let node = cache.lookup(slot: name, content: id, needsBody: needsBody), node.path == path,
        !node.hasBody || isCurrent(node)
      else { return nil }
      return node
    }
    if let id = known[path], let node = ask(id) { return node }
    let bytes = reader.readBytes(path)
    guard case .success(let raw) = bytes else { return parse(bytes) }
    let id = known[path] ?? ContentID(of: raw)
    if known[path] == nil, let node = ask(id) { return node }
    let node = parse(bytes)
    // Unreadable and undecodable files are cheap to judge again, and their reasons may change.
    if let node, node.isMarkdown { cache.store(node, slot: name, content: id) }
    return node
  }

  /// Values scanned from a file's bytes (a source file's declarations), through the cache
  /// like documents; an unreadable file gives none.
  func values<Value: BinaryCodable>(_ path: String, slot: String, scan: ([UInt8]) -> [Value]) -> [Value] {
    guard let cache else {
      guard case .success(let bytes) = reader.readBytes(path) else { return [] }
      return scan(bytes)
    }
    let name = slot + ":" + path
    if let id = known[path], let values: [Value] = cache.lookupValues(slot: name, content: id) { return values }
    guard case .success(let bytes) = reader.readBytes(path) else { return [] }
    let id = known[path] ?? ContentID(of: bytes)
    if known[path] == nil, let values: [Value] = cache.lookupValues(slot: name, content: id) { return values }
    let values = scan(bytes)
    cache.store(values: values, slot: name, content: id)
    return values
  }
}
