import Foundation
import Testing

@testable import DocsLintEngine

/// The cache folder: pack names, `docs-lint cache info` and `clean`, and the size limit.
struct CacheFolderTests {
  @Test func packNamesAreAFullDigestInFixedWidthHex() {
    let names = ["/", "/a", "/tmp/repository", "/home/ü/x"].map(CacheFolder.packName(root:))
    #expect(names.allSatisfy { $0.count == 64 + 5 && $0.hasSuffix(".pack") })
    #expect(names.allSatisfy { $0.dropLast(5).allSatisfy { "0123456789abcdef".contains($0) } })
    #expect(Set(names).count == names.count)
  }

  private func shell(_ command: String, in folder: String) throws -> CommandLineTests.Result {
    try CommandLineTests.run(["-c", command], in: folder, shell: true)
  }

  @Test func infoAndCleanThroughTheExecutable() throws {
    let repository = try GitRepository(["a.md": "# A\n"])
    defer { repository.remove() }
    try repository.commit("init")
    let cache = repository.root + "/.cache-test"
    let binary = "'\(CommandLineTests.binary)'"
    #expect(try shell("\(binary) --cache-dir .cache-test", in: repository.root).status == 0)
    let name = CacheFolder.packName(root: repository.root)
    #expect(FileManager.default.fileExists(atPath: cache + "/" + name))
    let info = try shell("\(binary) cache info --cache-dir .cache-test", in: repository.root)
    #expect(info.stdout.hasPrefix("folder: .cache-test\npacks: 1, "), "\(info.stdout)")
    #expect(info.stdout.contains("this repository: \(name), "), "\(info.stdout)")
    let clean = try shell("\(binary) cache clean --cache-dir .cache-test", in: repository.root)
    #expect(clean.stdout.hasPrefix("removed 1 pack, "), "\(clean.stdout)")
    #expect(!FileManager.default.fileExists(atPath: cache + "/" + name))
    let empty = try shell("\(binary) cache info --cache-dir .cache-test", in: repository.root)
    #expect(empty.stdout.contains("packs: 0, ") && empty.stdout.contains("this repository: no pack yet"))
  }

  /// Over the limit, the packs used longest ago go first; the one just used stays.
  @Test func theLeastRecentlyUsedPacksGoOverTheLimit() throws {
    let repository = try GitRepository(["a.md": "# A\n"])
    defer { repository.remove() }
    try repository.commit("init")
    let cache = repository.root + "/.cache-test"
    try FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
    let names = ["old": String(repeating: "a", count: 64), "older": String(repeating: "b", count: 24), "recent": String(repeating: "c", count: 64)]
    // Not a pack of ours: never touched, whatever its age.
    try Data(repeating: 1, count: 10_000).write(to: URL(fileURLWithPath: cache + "/notes.pack"))
    try FileManager.default.setAttributes(
      [.modificationDate: Date().addingTimeInterval(-9 * 86_400)], ofItemAtPath: cache + "/notes.pack")
    for (index, name) in ["old", "older", "recent"].map({ names[$0]! }).enumerated() {
      let file = cache + "/\(name).pack"
      try Data(repeating: 7, count: 10_000).write(to: URL(fileURLWithPath: file))
      // old: 2 days ago, older: 3 days ago, recent: 1 hour ago.
      let age: TimeInterval = [2 * 86_400, 3 * 86_400, 3_600][index]
      try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-age)], ofItemAtPath: file)
    }
    let run = try shell(
      "DOCS_LINT_CACHE_LIMIT=15K '\(CommandLineTests.binary)' --cache-dir .cache-test", in: repository.root)
    #expect(run.status == 0)
    let left = try FileManager.default.contentsOfDirectory(atPath: cache).sorted()
    #expect(left == [CacheFolder.packName(root: repository.root), names["recent"]! + ".pack", "notes.pack"].sorted(), "\(left)")
  }
}
