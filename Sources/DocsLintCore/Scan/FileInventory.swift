import Foundation

/// Every file and folder of the repository, by root-relative path, with a
/// case-folded index for `*/case-mismatch`. Built once per run.
public struct FileInventory: Sendable {
  /// Sorted root-relative file paths.
  public let files: [String]
  public let fileSet: Set<String>
  public let directories: Set<String>
  /// Indexes only a missing path needs (case variants, partial paths): built on first use.
  private let lazy = LazyIndexes()

  public init(files: [String]) {
    let sorted = files.sorted(by: ByteOrder.less)
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
  }

  /// The first file or folder (in sorted order) whose path ends with `/suffix`:
  /// `src/reassembly/` written relative to a crate that lives in `wireframe_testing/`.
  public func fileEnding(with suffix: String) -> String? {
    let trimmed = suffix.hasSuffix("/") ? String(suffix.dropLast()) : suffix
    guard let name = trimmed.split(separator: "/").last, trimmed.contains("/") else { return nil }
    return lazy.indexes(files, directories).byName[String(name)]?.first { $0.hasSuffix("/" + trimmed) }
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

  /// The case-folded key of a path: ASCII lowercased byte-wise, anything else by Unicode rules.
  static func folded(_ path: String) -> String {
    guard path.utf8.allSatisfy({ $0 < 0x80 }) else { return path.lowercased() }
    guard path.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return path }
    return String(decoding: path.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
  }

  /// The real path when `path` exists only with other letter case.
  public func caseVariant(of path: String) -> String? {
    lazy.indexes(files, directories).folded[FileInventory.folded(path)]?.first { $0 != path }
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

/// The case-folded and by-name indexes, built once, on first use, by whichever thread needs them.
private final class LazyIndexes: @unchecked Sendable {
  struct Indexes {
    var folded: [String: [String]] = [:]
    var byName: [String: [String]] = [:]
  }

  private let lock = NSLock()
  private var built: Indexes?

  func indexes(_ files: [String], _ directories: Set<String>) -> Indexes {
    lock.lock()
    defer { lock.unlock() }
    if let built { return built }
    var indexes = Indexes()
    for path in files { indexes.folded[FileInventory.folded(path), default: []].append(path) }
    for path in directories.sorted(by: ByteOrder.less) {
      indexes.folded[FileInventory.folded(path), default: []].append(path)
    }
    for path in files + directories.sorted(by: ByteOrder.less) {
      indexes.byName[String(path.split(separator: "/").last ?? ""), default: []].append(path)
    }
    built = indexes
    return indexes
  }
}
