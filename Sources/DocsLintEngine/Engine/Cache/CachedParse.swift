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
    through(
      path, slot: slot,
      lookup: { cache, name, id in
        guard let node = cache.lookup(slot: name, content: id, needsBody: needsBody), node.path == path,
          !node.hasBody || isCurrent(node)
        else { return nil }
        return node
      },
      make: parse,
      store: { cache, node, name, id in
        // Unreadable and undecodable files are cheap to judge again, and their reasons may change.
        if node.isMarkdown { cache.store(node, slot: name, content: id) }
      })
  }

  /// Values scanned from a file's bytes (a source file's declarations), through the cache
  /// like documents; an unreadable file gives none.
  func values<Value: BinaryCodable>(_ path: String, slot: String, scan: ([UInt8]) -> [Value]) -> [Value] {
    through(
      path, slot: slot,
      lookup: { cache, name, id in cache.lookupValues(slot: name, content: id) },
      make: { bytes in
        guard case .success(let raw) = bytes else { return [] }
        return scan(raw)
      },
      store: { cache, values, name, id in cache.store(values: values, slot: name, content: id) }) ?? []
  }

  /// A hit by git's blob id reads nothing; otherwise the file is read, looked up by its
  /// computed id, and made and stored on a miss (an unreadable file is never stored).
  private func through<Value>(
    _ path: String, slot: String, lookup: (ParseCache, String, ContentID) -> Value?,
    make: (Result<[UInt8], ReadProblem>) -> Value?, store: (ParseCache, Value, String, ContentID) -> Void
  ) -> Value? {
    guard let cache else { return make(reader.readBytes(path)) }
    let name = slot + ":" + path
    if let id = known[path], let hit = lookup(cache, name, id) { return hit }
    let bytes = reader.readBytes(path)
    guard case .success(let raw) = bytes else { return make(bytes) }
    let id = known[path] ?? ContentID(of: raw)
    if known[path] == nil, let hit = lookup(cache, name, id) { return hit }
    let made = make(bytes)
    if let made { store(cache, made, name, id) }
    return made
  }
}
