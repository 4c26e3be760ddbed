import Crypto
import Foundation

/// A content-addressed store of per-file parse results: an entry's name is the SHA-256 of
/// the file's path and bytes and of everything else its parse result depends on (tool
/// build, configuration, the repository's file list, the IaC present). Entries carry a
/// checksum; a truncated, corrupt or unreadable entry is a miss and is written again.
public struct ParseCache: Sendable {
  public let folder: String
  /// Digest of what every entry depends on besides the file itself.
  let context: [UInt8]

  static let magic = Array("DLC1".utf8)

  init(folder: String, context: [UInt8]) {
    self.folder = folder
    self.context = context
  }

  /// A cache in `folder`, or nil (with the reason) when the folder cannot be used.
  static func make(folder: String, context parts: [String]) -> Result<ParseCache, UsageError> {
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      return .failure(UsageError("cache disabled: cannot create '\(folder)'"))
    }
    var hasher = SHA256()
    for part in [ToolInfo.version, buildIdentity] + parts {
      hasher.update(data: Data(part.utf8))
      hasher.update(data: Data([0]))
    }
    return .success(ParseCache(folder: folder, context: Array(hasher.finalize())))
  }

  /// The default folder: `$XDG_CACHE_HOME/docs-lint`, else `~/.cache/docs-lint`.
  public static var defaultFolder: String {
    let environment = ProcessInfo.processInfo.environment
    if let base = environment["XDG_CACHE_HOME"], base.hasPrefix("/") { return base + "/docs-lint" }
    return NSHomeDirectory() + "/.cache/docs-lint"
  }

  /// The entry name of one file's parse result.
  func key(path: String, bytes: [UInt8]) -> String {
    var hasher = SHA256()
    hasher.update(data: context)
    hasher.update(data: Data(path.utf8))
    hasher.update(data: Data([0]))
    bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
    let digits = Array("0123456789abcdef".utf8)
    return String(decoding: hasher.finalize().flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] }, as: UTF8.self)
  }

  func load(_ key: String, path: String) -> DocumentNode? {
    guard let data = FileManager.default.contents(atPath: file(key)) else { return nil }
    let bytes = [UInt8](data)
    let header = Self.magic.count + Self.checksumLength
    guard bytes.count > header, bytes.starts(with: Self.magic),
      bytes[Self.magic.count..<header].elementsEqual(Self.checksum(bytes[header...]))
    else { return nil }
    var reader = BinaryReader(bytes, offset: header)
    guard let node = try? DocumentNode(from: &reader), reader.isAtEnd, node.path == path else { return nil }
    return node
  }

  /// Writes an entry atomically: a temporary file renamed into place, so a reader sees a
  /// whole entry or none. No fsync: a torn entry fails its checksum and is rebuilt.
  func store(_ node: DocumentNode, as key: String) {
    var writer = BinaryWriter()
    node.encode(to: &writer)
    let payload = writer.bytes
    let entry = Self.magic + Self.checksum(payload[...]) + payload
    let target = file(key)
    let temporary = target + ".\(getpid()).tmp"
    var descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    if descriptor < 0, errno == ENOENT {
      // First entry of its fan-out folder.
      mkdir((target as NSString).deletingLastPathComponent, 0o755)
      descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    }
    guard descriptor >= 0 else { return }
    let written = entry.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    close(descriptor)
    if written == entry.count, rename(temporary, target) == 0 { return }
    unlink(temporary)
  }

  private func file(_ key: String) -> String {
    "\(folder)/\(key.prefix(2))/\(key.dropFirst(2))"
  }

  private static let checksumLength = 16

  private static func checksum(_ payload: ArraySlice<UInt8>) -> [UInt8] {
    Array(payload.withUnsafeBytes { SHA256.hash(data: $0) }.prefix(checksumLength))
  }

  /// Identifies the executable, so a rebuilt tool never reads its predecessor's entries.
  static let buildIdentity: String = {
    let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments.first ?? ""
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: executable) else { return executable }
    let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
    let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
    return "\(executable) \(size) \(modified)"
  }()
}
