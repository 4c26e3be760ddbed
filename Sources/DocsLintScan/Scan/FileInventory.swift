import DocsLintConfig
import Foundation

/// Every file and folder of the repository, by root-relative path, with a
/// case-folded index for `*/case-mismatch`. Built once per run.
package struct FileInventory: Sendable {
  /// Sorted root-relative file paths.
  package let files: [String]
  package let fileSet: Set<String>
  package let directories: Set<String>
  /// Indexes only a missing path needs, built on first use: case-folded path (by its hash)
  /// → a real path, and last segment → every file and folder with that name.
  private let foldedIndex = Lazy<[UInt64: String]>()
  private let nameIndex = Lazy<[Substring: [String]]>()
  private let sortedDirectories = Lazy<[String]>()

  /// Keyed by a hash of the folded path: one pass over each path's bytes and no string
  /// made. Lookups compare the folded paths themselves.
  private func folded() -> [UInt64: String] {
    foldedIndex.get {
      var index: [UInt64: String] = [:]
      index.reserveCapacity(files.count + directories.count)
      for path in files + directories.sorted(by: ByteOrder.less) {
        let key = Self.foldedHash(path)
        if index[key] == nil { index[key] = path }
      }
      return index
    }
  }

  /// FNV-1a of the path's bytes with ASCII letters lowercased; of `folded(path)`, composed,
  /// when the path is not ASCII.
  static func foldedHash(_ path: String) -> UInt64 {
    let ascii = path.utf8.withContiguousStorageIfAvailable { bytes -> UInt64? in
      var hash = Fingerprint.start
      for byte in bytes {
        guard byte < 0x80 else { return nil }
        hash = Fingerprint.add(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte, to: hash)
      }
      return hash
    }
    if let ascii, let hash = ascii { return hash }
    // Composed first: lookups compare folded paths as Swift strings, which equate the
    // composed and decomposed forms of a letter.
    return folded(path).precomposedStringWithCanonicalMapping.utf8.reduce(Fingerprint.start) { Fingerprint.add($1, to: $0) }
  }

  private func byName() -> [Substring: [String]] {
    nameIndex.get {
      var index: [Substring: [String]] = [:]
      for path in files + directories.sorted(by: ByteOrder.less) {
        index[RepoPath.name(of: path), default: []].append(path)
      }
      return index
    }
  }

  package init(files: [String]) {
    let sorted = ByteOrder.isStrictlyAscending(files) ? files : files.sorted(by: ByteOrder.less)
    self.files = sorted
    var fileSet = Set<String>(minimumCapacity: sorted.count)
    for file in sorted { fileSet.insert(file) }
    self.fileSet = fileSet
    var directories = Set<String>()
    // Sorted files come folder by folder: a file in the previous file's folder adds nothing.
    var previous = ""
    for file in sorted {
      let folder = RepoPath.directory(of: file)
      if folder == previous { continue }
      previous = folder
      var parent = folder
      while !parent.isEmpty, directories.insert(parent).inserted {
        parent = RepoPath.directory(of: parent)
      }
    }
    self.directories = directories
  }

  /// The first file or folder (in sorted order) whose path ends with `/suffix`:
  /// `src/reassembly/` written relative to a crate that lives in `wireframe_testing/`.
  package func fileEnding(with suffix: String) -> String? {
    let trimmed = suffix.hasSuffix("/") ? String(suffix.dropLast()) : suffix
    guard let name = trimmed.split(separator: "/").last, trimmed.contains("/") else { return nil }
    let ending = "/" + trimmed
    return byName()[name]?.first { $0.hasByteSuffix(ending) }
  }

  /// Files and folders with this exact name anywhere in the tree, in sorted order.
  package func paths(named name: String) -> [String] {
    (byName()[Substring(name)] ?? []).filter { RepoPath.name(of: $0).utf8.elementsEqual(name.utf8) }
  }

  // Every lookup checks the bytes of what the set found: Swift's string equality is
  // canonical equivalence, so "café" composed would find "café" decomposed.
  package func isFile(_ path: String) -> Bool { fileSet.firstIndex(of: path).map { RepoPath.same(fileSet[$0], path) } ?? false }

  /// The inventory's copy of `path` when it is a file or folder here (one hash lookup each).
  package func lookup(_ path: String) -> String? {
    if let index = fileSet.firstIndex(of: path), RepoPath.same(fileSet[index], path) { return fileSet[index] }
    if path.isEmpty { return path }
    if let index = directories.firstIndex(of: path), RepoPath.same(directories[index], path) { return directories[index] }
    return nil
  }

  /// The inventory's own copy of an existing path, so the many edges that point
  /// at one file share a single string buffer instead of holding a copy each.
  package func interned(_ path: String) -> String {
    if let index = fileSet.firstIndex(of: path), RepoPath.same(fileSet[index], path) { return fileSet[index] }
    if let index = directories.firstIndex(of: path), RepoPath.same(directories[index], path) { return directories[index] }
    return path
  }
  package func isDirectory(_ path: String) -> Bool {
    path.isEmpty || directories.firstIndex(of: path).map { RepoPath.same(directories[$0], path) } ?? false
  }
  package func exists(_ path: String) -> Bool { isFile(path) || isDirectory(path) }

  /// The case-folded key of a path: ASCII lowercased byte-wise, anything else by Unicode rules.
  static func folded(_ path: String) -> String {
    TextFolding.lowercasedASCII(path) ?? path.lowercased()
  }

  /// The real path when `path` exists only with other letter case, or only in the other
  /// Unicode normalisation.
  package func caseVariant(of path: String) -> String? {
    guard let candidate = folded()[Self.foldedHash(path)], !RepoPath.same(candidate, path),
      Self.folded(candidate) == Self.folded(path)
    else { return nil }
    return candidate
  }

  /// Files matching a glob (root-relative), in sorted order: only those that start with its
  /// literal opening are tried, found by binary search.
  package func files(matching glob: Glob) -> [String] {
    Self.starting(with: glob.leadingLiteral, in: files).filter { glob.matches($0) }
  }

  /// Folders matching a glob, in byte order.
  package func directories(matching glob: Glob) -> [String] {
    Self.starting(with: glob.leadingLiteral, in: sortedDirectories.get { directories.sorted(by: ByteOrder.less) })
      .filter { glob.matches($0) }
  }

  /// The paths of a byte-sorted list that start with `prefix`: one contiguous run.
  static func starting(with prefix: String, in sorted: [String]) -> ArraySlice<String> {
    guard !prefix.isEmpty else { return sorted[...] }
    let low = ByteOrder.lowerBound(of: prefix, in: sorted)
    var end = low
    while end < sorted.count, sorted[end].hasBytePrefix(prefix) { end += 1 }
    return sorted[low..<end]
  }
}

/// A value built once, on first use, by whichever thread needs it first.
private final class Lazy<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Value?

  func get(_ build: () -> Value) -> Value {
    lock.lock()
    defer { lock.unlock() }
    if let value { return value }
    let built = build()
    value = built
    return built
  }
}
