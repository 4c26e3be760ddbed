/// Every file and folder of the repository, by root-relative path, with a
/// case-folded index for `*/case-mismatch`. Built once per run.
public struct FileInventory: Sendable {
  /// Sorted root-relative file paths.
  public let files: [String]
  public let fileSet: Set<String>
  public let directories: Set<String>
  private let folded: [String: [String]]
  /// Files by their last path segment, for partial-path lookups.
  private let byName: [String: [String]]

  public init(files: [String]) {
    let sorted = files.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    self.files = sorted
    self.fileSet = Set(sorted)
    var directories = Set<String>()
    for file in sorted {
      var folder = RepoPath.directory(of: file)
      while !folder.isEmpty, directories.insert(folder).inserted {
        folder = RepoPath.directory(of: folder)
      }
    }
    self.directories = directories
    var folded: [String: [String]] = [:]
    for path in sorted { folded[path.lowercased(), default: []].append(path) }
    for path in directories.sorted() { folded[path.lowercased(), default: []].append(path) }
    self.folded = folded
    var byName: [String: [String]] = [:]
    for path in sorted { byName[String(path.split(separator: "/").last ?? ""), default: []].append(path) }
    self.byName = byName
  }

  /// The first file (in sorted order) whose path ends with `/suffix`.
  public func fileEnding(with suffix: String) -> String? {
    let trimmed = suffix.hasSuffix("/") ? String(suffix.dropLast()) : suffix
    guard let name = trimmed.split(separator: "/").last, trimmed.contains("/") else { return nil }
    return byName[String(name)]?.first { $0.hasSuffix("/" + trimmed) }
  }

  public func isFile(_ path: String) -> Bool { fileSet.contains(path) }

  /// The inventory's copy of `path` when it is a file or folder here (one hash lookup each).
  public func lookup(_ path: String) -> String? {
    if let index = fileSet.firstIndex(of: path) { return fileSet[index] }
    if path.isEmpty { return path }
    if let index = directories.firstIndex(of: path) { return directories[index] }
    return nil
  }

  /// The inventory's own copy of an existing path, so the many edges that point
  /// at one file share a single string buffer instead of holding a copy each.
  public func interned(_ path: String) -> String {
    if let index = fileSet.firstIndex(of: path) { return fileSet[index] }
    if let index = directories.firstIndex(of: path) { return directories[index] }
    return path
  }
  public func isDirectory(_ path: String) -> Bool { path.isEmpty || directories.contains(path) }
  public func exists(_ path: String) -> Bool { isFile(path) || isDirectory(path) }

  /// The real path when `path` exists only with other letter case.
  public func caseVariant(of path: String) -> String? {
    folded[path.lowercased()]?.first { $0 != path }
  }

  /// Files matching a glob (root-relative), in sorted order.
  public func files(matching glob: Glob) -> [String] {
    let prefix = glob.literalPrefix
    return files.filter { (prefix.isEmpty || $0.hasPrefix(prefix + "/") || $0 == prefix) && glob.matches($0) }
  }

  /// Folders matching a glob.
  public func directories(matching glob: Glob) -> [String] {
    directories.filter { glob.matches($0) }.sorted()
  }
}
