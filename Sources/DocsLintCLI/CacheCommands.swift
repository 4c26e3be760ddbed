import ArgumentParser
import DocsLintServer
import Foundation

struct Cache: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show or empty the parse cache.", subcommands: [CacheInfo.self, CacheClean.self])
}

/// The folder the cache commands act on.
struct CacheLocation: ParsableArguments {
  @Option(
    name: .customLong("cache-dir"),
    help: ArgumentHelp("The cache folder (default: ~/.cache/docs-lint, or $XDG_CACHE_HOME/docs-lint).", valueName: "DIR"),
    completion: .directory)
  var cacheDir: String?

  var folder: CacheFolder { CacheFolder(path: cacheDir ?? ParseCache.defaultFolder) }
}

struct CacheInfo: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "info", abstract: "Where the cache is, its packs and size, and this repository's pack.")

  @OptionGroup var location: CacheLocation

  func run() throws {
    let folder = location.folder
    let packs = folder.packs()
    let total = packs.reduce(0) { $0 + $1.bytes }
    var text = "folder: \(folder.path)\n"
    text += "packs: \(packs.count), \(Self.size(total)) (limit \(Self.size(CacheFolder.limit)); least recently used go first)\n"
    // The pack of the repository around the current folder, if any.
    if let root = try? Workspace.locateRoot(paths: [], explicitRoot: nil) {
      let name = CacheFolder.packName(root: root)
      if let pack = packs.first(where: { $0.name == name }) {
        text += "this repository: \(name), \(Self.size(pack.bytes)), last used \(Self.date(pack.lastUsed))\n"
      } else {
        text += "this repository: no pack yet (\(name))\n"
      }
    }
    try StandardStream.out(text)
  }

  static func size(_ bytes: Int) -> String {
    bytes >= 1 << 20 ? String(format: "%.1f MiB", Double(bytes) / 1_048_576) : String(format: "%.1f KiB", Double(bytes) / 1024)
  }

  static func date(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: date)
  }
}

struct CacheClean: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "clean", abstract: "Remove every pack of the cache.")

  @OptionGroup var location: CacheLocation

  func run() throws {
    let removed = location.folder.clean()
    try StandardStream.out("removed \(removed.packs) pack\(removed.packs == 1 ? "" : "s"), \(CacheInfo.size(removed.bytes))\n")
  }
}
