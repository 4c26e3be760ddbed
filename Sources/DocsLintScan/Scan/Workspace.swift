import DocsLintConfig
import Foundation


/// The repository a run works in: its root and every file in it.
/// The root is `--root` when given, else the git top-level of the first path,
/// else the single folder given, else the current folder.
package struct Workspace: Sendable {
  package let root: String
  package private(set) var inventory: FileInventory
  package let usesGit: Bool
  /// Git's view of the work tree, when it is one.
  package let git: GitListing?
  /// Folders the walk could not open, with why (outside git: git says so itself).
  package var unreadableFolders: [(folder: String, reason: String)] = []
  /// Documents read from elsewhere than the disk (standard input), by root-relative path.
  package private(set) var overlay: [String: [UInt8]] = [:]
  /// Those of them not on disk, which the file list now holds too.
  package private(set) var addedByOverlay: Set<String> = []

  /// Takes `bytes` as the content of `path` (as given on the command line, relative to the
  /// current folder): the file need not exist, but its folder must, inside the root.
  /// Returns the root-relative path.
  package mutating func read(_ path: String, from bytes: [UInt8]) throws(UsageError) -> String {
    let folder = (path as NSString).deletingLastPathComponent
    let name = (path as NSString).lastPathComponent
    guard !name.isEmpty, name != ".", name != "..", let base = Self.canonical(folder.isEmpty ? "." : folder) else {
      throw UsageError("--stdin-filename \(path): no such folder")
    }
    let absolute = base == "/" ? "/" + name : base + "/" + name
    guard absolute.hasPrefix(root == "/" ? "/" : root + "/") else {
      throw UsageError("--stdin-filename \(path): outside the repository root \(root)")
    }
    let relative = String(absolute.dropFirst(root == "/" ? 1 : root.count + 1))
    overlay[relative] = bytes
    if !inventory.fileSet.contains(relative) {
      inventory = FileInventory(files: (inventory.files + [relative]).sorted(by: ByteOrder.less))
      addedByOverlay.insert(relative)
    }
    return relative
  }

  package init(root: String, inventory: FileInventory, usesGit: Bool) {
    self.init(root: root, inventory: inventory, git: nil, usesGit: usesGit)
  }

  package init(root: String, inventory: FileInventory, git: GitListing?, usesGit: Bool) {
    self.root = root
    self.inventory = inventory
    self.git = git
    self.usesGit = usesGit
  }

  package static func open(paths: [String], explicitRoot: String?) throws(UsageError) -> Workspace {
    open(root: try locateRoot(paths: paths, explicitRoot: explicitRoot))
  }

  static func open(root: String) -> Workspace {
    if Git.mayBeWorkTree(root), let listing = GitListing.read(root: root) {
      return Workspace(root: root, inventory: FileInventory(files: listing.files), git: listing, usesGit: true)
    }
    let listing = DirectoryWalker.walk(root)
    var workspace = Workspace(root: root, inventory: FileInventory(files: listing.files), usesGit: false)
    workspace.unreadableFolders = listing.unreadable
    return workspace
  }

  package static func locateRoot(paths: [String], explicitRoot: String?) throws(UsageError) -> String {
    if let explicitRoot {
      guard let root = canonical(explicitRoot), isDirectory(root) else {
        throw UsageError("--root \(explicitRoot): no such directory")
      }
      return root
    }
    let first = paths.first ?? "."
    guard let start = canonical(first) else { throw UsageError("\(first): no such file or directory") }
    let folder = isDirectory(start) ? start : (start as NSString).deletingLastPathComponent
    if let top = Git.topLevel(of: folder), let root = canonical(top) { return root }
    if paths.count == 1, isDirectory(start) { return start }
    return canonical(FileManager.default.currentDirectoryPath) ?? "/"
  }

  package static func canonical(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// `path` (as given, from the current folder) relative to `root`, when it is inside it.
  /// A file's root-relative path through its folder's canonical path: the file itself
  /// need not exist (an editor's new buffer), a symbolic link on the way is followed.
  package static func relativeFile(_ path: String, in root: String) -> String? {
    let name = (path as NSString).lastPathComponent
    guard !name.isEmpty, name != ".", name != "..",
      let folder = relative((path as NSString).deletingLastPathComponent, in: root)
    else { return nil }
    return RepoPath.join(folder, name)
  }

  package static func relative(_ path: String, in root: String) -> String? {
    guard let absolute = canonical(path) else { return nil }
    if absolute == root { return "" }
    guard absolute.hasPrefix(root == "/" ? "/" : root + "/") else { return nil }
    return String(absolute.dropFirst(root == "/" ? 1 : root.count + 1))
  }

  static func isDirectory(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
  }

  /// Root-relative IaC files under the given paths (default: the whole root), minus excludes.
  package func iacTargets(paths: [String], configuration: Configuration) throws(UsageError) -> [String] {
    let (prefixes, explicitFiles) = try scope(paths)
    return inventory.files.filter { file in
      IaCTechnology.of(file) != nil && !configuration.exclude.contains { $0.matches(file) }
        && (explicitFiles.contains(file) || prefixes.contains { $0.isEmpty || file.hasPrefix($0 + "/") })
    }
  }

  /// Folders and files the command line names, root-relative.
  private func scope(_ paths: [String]) throws(UsageError) -> (prefixes: [String], files: [String]) {
    var prefixes: [String] = []
    var files: [String] = []
    for path in paths.isEmpty ? [root] : paths {
      guard let absolute = Self.canonical(path) else { throw UsageError("\(path): no such file or directory") }
      guard absolute == root || absolute.hasPrefix(root == "/" ? "/" : root + "/") else {
        throw UsageError("\(path): outside the repository root \(root)")
      }
      let relative = absolute == root ? "" : String(absolute.dropFirst(root == "/" ? 1 : root.count + 1))
      if Self.isDirectory(absolute) { prefixes.append(relative) } else { files.append(relative) }
    }
    return (prefixes, files)
  }

  /// Root-relative Markdown files to lint for the given paths (default: the whole root).
  package func lintTargets(paths: [String], configuration: Configuration) throws(UsageError) -> [String] {
    let (prefixes, explicitFiles) = try scope(paths)
    let excluded = { (path: String) in configuration.exclude.contains { $0.matches(path) } }
    var targets = explicitFiles.filter { MarkdownFiles.isMarkdown($0) && !excluded($0) }
    let explicit = Set(targets)
    for file in inventory.files where !excluded(file) && configuration.include.contains(where: { $0.matches(file) }) {
      if !explicit.contains(file), prefixes.contains(where: { $0.isEmpty || file.hasPrefix($0 + "/") }) {
        targets.append(file)
      }
    }
    if !ByteOrder.isStrictlyAscending(targets) { targets = Set(targets).sorted(by: ByteOrder.less) }
    return targets
  }
}
