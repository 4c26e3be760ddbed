import Crypto
import Foundation

/// The cache folder as a whole: one pack per repository, named by a digest of its root,
/// kept under a size limit by dropping the packs used longest ago. A pack's modification
/// time is its last use: every run that reads one touches it.
package struct CacheFolder: Sendable {
  package let path: String

  package struct Pack: Sendable {
    package var name: String
    package var bytes: Int
    package var lastUsed: Date
  }

  /// 256 MiB, or `DOCS_LINT_CACHE_LIMIT` (bytes, or with a K, M or G suffix).
  package static var limit: Int {
    guard let text = ProcessInfo.processInfo.environment["DOCS_LINT_CACHE_LIMIT"]?.uppercased(), !text.isEmpty else {
      return 256 << 20
    }
    let shifts: [Character: Int] = ["K": 10, "M": 20, "G": 30]
    let shift = text.last.flatMap { shifts[$0] } ?? 0
    guard let number = Int(shift == 0 ? text : String(text.dropLast())), number >= 0 else { return 256 << 20 }
    return number << shift
  }

  package init(path: String) { self.path = path }

  /// The pack file name of the repository at `root`: the full SHA-256 of its canonical path
  /// in fixed-width hex, so names never collide and never vary in length.
  package static func packName(root: String) -> String {
    SHA256.hash(data: Data(root.utf8)).map { byte in
      let hex = String(byte, radix: 16)
      return byte < 16 ? "0" + hex : hex
    }.joined() + ".pack"
  }

  /// Whether a file name is one of ours: a digest in hex (full and fixed-width now, a
  /// shorter one before) and `.pack`. Anything else in the folder is never touched.
  static func isPackName(_ name: String) -> Bool {
    guard name.hasSuffix(".pack") else { return false }
    let stem = name.utf8.dropLast(5)
    return (12...64).contains(stem.count) && stem.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
  }

  /// The packs in the folder, least recently used first.
  package func packs() -> [Pack] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    return names.filter(Self.isPackName).compactMap { name -> Pack? in
      var info = stat()
      guard lstat(path + "/" + name, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
      let seconds = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
      return Pack(name: name, bytes: Int(info.st_size), lastUsed: Date(timeIntervalSince1970: seconds))
    }.sorted { ($0.lastUsed, $0.name) < ($1.lastUsed, $1.name) }
  }

  /// Marks `name` as used now, then removes the least recently used other packs until the
  /// folder is within `limit`. Returns the names removed.
  @discardableResult
  package func used(_ name: String, limit: Int = CacheFolder.limit) -> [String] {
    utimes(path + "/" + name, nil)
    var packs = packs()
    var total = packs.reduce(0) { $0 + $1.bytes }
    var removed: [String] = []
    while total > limit, let oldest = packs.first(where: { $0.name != name }) {
      packs.removeAll { $0.name == oldest.name }
      if unlink(path + "/" + oldest.name) == 0 { removed.append(oldest.name) }
      total -= oldest.bytes
    }
    return removed
  }

  /// Removes every pack, and the temporary files of runs that were interrupted.
  package func clean() -> (packs: Int, bytes: Int) {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    var removed = (packs: 0, bytes: 0)
    // A pack, or an interrupted run's next pack ("<pack>.<pid>.tmp").
    let ours = { (name: String) in
      Self.isPackName(name) || (name.hasSuffix(".tmp") && name.components(separatedBy: ".pack.").first.map { Self.isPackName($0 + ".pack") } == true)
    }
    for name in names where ours(name) {
      var info = stat()
      guard lstat(path + "/" + name, &info) == 0, info.st_mode & S_IFMT == S_IFREG, unlink(path + "/" + name) == 0 else {
        continue
      }
      if Self.isPackName(name) { removed.packs += 1 }
      removed.bytes += Int(info.st_size)
    }
    return removed
  }
}
