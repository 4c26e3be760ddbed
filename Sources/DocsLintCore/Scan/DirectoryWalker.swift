import Foundation

/// Lists files below a folder outside git: never follows symbolic links
/// (a link is listed as an entry, not entered) and skips `.git` and `.build`.
enum DirectoryWalker {
  static let skippedFolders: Set<String> = [".git", ".build"]

  static func listFiles(in root: String) -> [String] {
    var files: [String] = []
    var pending = [""]
    let manager = FileManager.default
    while let relative = pending.popLast() {
      let absolute = relative.isEmpty ? root : root + "/" + relative
      guard let names = try? manager.contentsOfDirectory(atPath: absolute) else { continue }
      for name in names {
        let child = RepoPath.join(relative, name)
        var info = stat()
        guard lstat(root + "/" + child, &info) == 0 else { continue }
        if info.st_mode & S_IFMT == S_IFDIR {
          if !skippedFolders.contains(name) { pending.append(child) }
        } else {
          files.append(child)
        }
      }
    }
    return files
  }
}
