import DocsLintConfig
import Foundation

/// Lists files below a folder outside git: never follows symbolic links
/// (a link is listed as an entry, not entered) and skips `.git` and `.build`.
/// Uses readdir's entry types, so a 10,000-file tree costs no extra stat calls.
enum DirectoryWalker {
  static let skippedFolders: Set<String> = [".git", ".build"]

  static func listFiles(in root: String) -> [String] { walk(root).files }

  /// Every file, and the folders that could not be opened with why (a permission, say):
  /// those are reported, since every link into them would look broken.
  static func walk(_ root: String) -> (files: [String], unreadable: [(folder: String, reason: String)]) {
    var files: [String] = []
    var unreadable: [(folder: String, reason: String)] = []
    var pending = [""]
    while let relative = pending.popLast() {
      let absolute = relative.isEmpty ? root : root + "/" + relative
      guard let directory = opendir(absolute) else {
        unreadable.append((relative, String(cString: strerror(errno))))
        continue
      }
      defer { closedir(directory) }
      while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
          String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        if name == "." || name == ".." { continue }
        let child = RepoPath.join(relative, name)
        var type = Int32(entry.pointee.d_type)
        if type == Int32(DT_UNKNOWN) {
          // Some file systems do not report types: ask lstat (which never follows links).
          var info = stat()
          guard lstat(root + "/" + child, &info) == 0 else { continue }
          type = (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : Int32(DT_REG)
        }
        if type == Int32(DT_DIR) {
          if !skippedFolders.contains(name) { pending.append(child) }
        } else {
          files.append(child)
        }
      }
    }
    return (files, unreadable.sorted { ByteOrder.less($0.folder, $1.folder) })
  }
}
