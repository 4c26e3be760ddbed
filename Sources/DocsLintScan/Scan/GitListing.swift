import DocsLintConfig
import Foundation

/// What git says about the work tree, from two commands run side by side: every file
/// (tracked and untracked, minus deleted ones), which are untracked, and the blob id of
/// every clean tracked file, which the parse cache uses as its content identity.
package struct GitListing: Sendable {
  /// Root-relative files, tracked then untracked, without duplicates.
  var files: [String]
  var untracked: [String]
  /// Blob ids of tracked regular files whose work-tree content is what the index holds.
  package var blobIDs: [String: ContentID]

  /// What `parse(staged:...)` reads: every tracked file with its mode, blob id and stage,
  /// then the untracked files git does not ignore.
  static let listing = ["ls-files", "-z", "--stage", "--cached", "--others", "--exclude-standard"]

  /// Lists the work tree at `root`; nil when git cannot.
  static func read(root: String) -> GitListing? {
    let outputs = Parallel.map([
      listing,
      // Work tree against the index: modified, deleted and unmerged files.
      ["diff", "--name-status", "--no-renames", "--relative", "-z"],
    ]) { Git.run($0, in: root) }
    let staged = outputs[0]
    let modified = outputs[1]
    guard let staged, let modified else { return nil }
    return parse(staged: staged, modified: modified)
  }

  static func parse(staged: Data, modified: Data) -> GitListing {
    let (dirty, deleted) = statuses(modified)
    return parse(staged: staged, dirty: dirty, deleted: deleted)
  }

  /// The paths of `git diff --name-status -z` output, and which of them are deletions.
  static func statuses(_ output: Data) -> (paths: Set<String>, deleted: Set<String>) {
    let changes = Git.split(output)
    var paths = Set<String>()
    var deleted = Set<String>()
    for index in stride(from: 0, to: changes.count - 1, by: 2) {
      paths.insert(changes[index + 1])
      if changes[index] == "D" { deleted.insert(changes[index + 1]) }
    }
    return (paths, deleted)
  }

  /// `dirty`: tracked files whose work-tree content may differ from the index (their blob
  /// ids are not trusted); `deleted`: tracked files gone from the work tree.
  static func parse(staged: Data, dirty: Set<String>, deleted: Set<String>) -> GitListing {
    var tracked: [String] = []
    var untracked: [String] = []
    var blobIDs: [String: ContentID] = [:]
    staged.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
      let bytes = buffer.bindMemory(to: UInt8.self)
      // Most records are tracked files of some 60 bytes: room for them all at once.
      blobIDs.reserveCapacity(bytes.count / 60)
      tracked.reserveCapacity(bytes.count / 60)
      var start = 0
      // Records split on NUL; read as bytes, since a large tree lists tens of thousands.
      while start < bytes.count {
        let end = bytes[start...].firstIndex(of: 0) ?? bytes.count
        defer { start = end + 1 }
        let record = UnsafeBufferPointer(rebasing: bytes[start..<end])
        // Untracked files come as bare paths; tracked ones as "<mode> <object> <stage>\t<path>".
        // Git lists each untracked file once, and each tracked one once per stage, the
        // stages of a conflict one after another.
        guard let tab = record.firstIndex(of: UInt8(ascii: "\t")) else {
          untracked.append(String(decoding: record, as: UTF8.self))
          continue
        }
        let path = String(decoding: UnsafeBufferPointer(rebasing: record[(tab + 1)...]), as: UTF8.self)
        guard deleted.isEmpty || !deleted.contains(path), tracked.last != path else { continue }
        tracked.append(path)
        // "100644 <40 hex> 0": regular files at stage 0 only; links, submodules and
        // conflicts are read from disk.
        guard tab == 49, record[0] == UInt8(ascii: "1"), record[1] == UInt8(ascii: "0"),
          record[2] == UInt8(ascii: "0"), record[48] == UInt8(ascii: "0"),
          let id = ContentID(hex: UnsafeBufferPointer(rebasing: record[7..<47]))
        else { continue }
        blobIDs[path] = id
      }
    }
    // A few dirty files, dropped afterwards rather than looked up for each of the rest.
    for path in dirty { blobIDs[path] = nil }
    return GitListing(files: tracked + untracked, untracked: untracked, blobIDs: blobIDs)
  }
}
