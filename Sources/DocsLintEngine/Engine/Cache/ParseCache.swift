import Crypto
import DocsLintRules
import Foundation

/// The parse cache: per-file parse results, each stored under its file's path and
/// validated by the file's content id, in one pack file per repository whose header names
/// everything else the results depend on (tool build, the rules' fact collectors,
/// configuration, the repository's file list, the IaC present). One file, not one per
/// entry: creating ten thousand small files cost seconds here. Each entry carries a checksum; a truncated, corrupt or
/// mismatched entry is a miss and is written again, never trusted.
package final class ParseCache: @unchecked Sendable {
  /// The pack file.
  let file: String
  let context: [UInt8]
  private let pack: MappedPack?
  private let lock = NSLock()
  /// The next pack, written as entries come: fresh ones now, kept old ones on `save`.
  private var next: (path: String, descriptor: Int32)?
  /// Slots written to the next pack so far.
  private var fresh = Set<String>()
  /// Fresh records not yet written: a cold run writes them some megabytes at a time rather
  /// than one system call per file with the workers waiting on the lock.
  private var pending: [UInt8] = []
  private static let flushSize = 4 << 20

  private init(file: String, context: [UInt8], collectors: FactCollectors) {
    self.file = file
    self.context = context
    pack = MappedPack(file: file, context: context, collectors: collectors)
  }

  /// The cache of the repository at `root` in `folder`; nil when the folder cannot be made.
  /// `collectors` decode the facts rules collected; which they are is part of the key.
  static func at(folder: String, root: String, context parts: [String], collectors: FactCollectors) -> ParseCache? {
    guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil
    else { return nil }
    var hasher = SHA256()
    for part in [ToolInfo.version, buildIdentity, collectors.signature] + parts {
      hasher.update(data: Data(part.utf8))
      hasher.update(data: Data([0]))
    }
    let name = CacheFolder.packName(root: root)
    // Used from now: another repository's run over the size limit leaves it alone.
    utimes("\(folder)/\(name)", nil)
    return ParseCache(file: "\(folder)/\(name)", context: Array(hasher.finalize()), collectors: collectors)
  }

  /// The default folder: `$XDG_CACHE_HOME/docs-lint`, else `~/.cache/docs-lint`.
  package static var defaultFolder: String {
    let environment = ProcessInfo.processInfo.environment
    if let base = environment["XDG_CACHE_HOME"], base.hasPrefix("/") { return base + "/docs-lint" }
    return NSHomeDirectory() + "/.cache/docs-lint"
  }

  /// The stored result for `slot` if it was made from exactly this content; with
  /// `needsBody`, just its summary unless the summary says the body is needed. Its edges
  /// are those rules read (broken ones, those with a fragment); what a rule needs of the
  /// others it collected as a fact.
  func lookup(slot: String, content: ContentID, needsBody: ((DocumentNode) -> Bool)? = nil) -> DocumentNode? {
    guard let pack, let entry = pack.entries[slot] else { return nil }
    pack.touch(entry)
    guard pack.holds(entry, content: content), var node = pack.decodeSummary(entry) else { return nil }
    if let needsBody, !needsBody(node) { return node }
    return pack.complete(&node, from: entry) ? node : nil
  }

  func store(_ node: DocumentNode, slot: String, content: ContentID) {
    // One buffer for both parts, then one for the record: few allocations per file.
    var writer = BinaryWriter(capacity: 8192)
    node.encodeSummary(to: &writer)
    let summaryLength = writer.bytes.count
    node.encodeBody(to: &writer)
    append(
      PackRecord.encode(
        slot: slot, content: content.digest, parts: writer.bytes,
        lengths: [summaryLength, writer.bytes.count - summaryLength]), slot: slot)
  }

  /// The values stored for `slot` if they were made from exactly this content.
  func lookupValues<Value: BinaryCodable>(slot: String, content: ContentID) -> [Value]? {
    guard let pack, let entry = pack.entries[slot] else { return nil }
    pack.touch(entry)
    guard pack.holds(entry, content: content) else { return nil }
    return pack.decodeValues(entry)
  }

  /// Stores plain values as a record's summary, with an empty body.
  func store<Value: BinaryCodable>(values: [Value], slot: String, content: ContentID) {
    var writer = BinaryWriter(capacity: 256)
    writer.write(values)
    append(PackRecord.encode(slot: slot, content: content.digest, parts: writer.bytes, lengths: [writer.bytes.count, 0]), slot: slot)
  }

  private func append(_ record: [UInt8], slot: String) {
    lock.lock()
    defer { lock.unlock() }
    guard let next = next ?? startNext() else { return abandon() }
    pending += record
    fresh.insert(slot)
    if pending.count >= Self.flushSize, !flush(to: next.descriptor) { abandon() }
  }

  /// Completes the cache when this run parsed anything or files went away. Usually the
  /// fresh records are appended to the pack (a later record of a slot wins), which keeps a
  /// one-file change cheap; when files went away or over half the pack is stale, a new pack
  /// is written with old entries of other slots carried over and renamed into place, so a
  /// reader sees a whole pack or the old one. Called once, after the workers; then the
  /// pack counts as used, and the folder is kept within its size limit.
  func save(paths: Set<String>) {
    write(paths: paths)
    let folder = CacheFolder(path: (file as NSString).deletingLastPathComponent)
    folder.used((file as NSString).lastPathComponent)
  }

  /// Drops what this run would have added: the pack on disk stays as it was.
  func discard() {
    lock.lock()
    defer { lock.unlock() }
    abandon()
  }

  private func write(paths: Set<String>) {
    lock.lock()
    defer { lock.unlock() }
    let old = pack?.entries ?? [:]
    // A slot this run looked up is a file it read, still there: only the others need a check.
    let kept = old.filter { slot, entry in
      (fresh.isEmpty || !fresh.contains(slot))
        && (pack?.wasTouched(entry) == true || paths.contains(PackRecord.path(ofSlot: slot)))
    }
    let gone = old.count - kept.count - (fresh.isEmpty ? 0 : old.keys.count { fresh.contains($0) })
    // Nothing parsed and nothing gone: the pack on disk is already right.
    guard next != nil || gone > 0, let next = next ?? startNext() else { return }
    guard flush(to: next.descriptor) else { return abandon() }
    if let pack, gone == 0, pack.staleBytes(replacing: fresh) * 2 < pack.size {
      // Appended, or the pack went away meanwhile (another run's clean-up): either way the
      // next pack is closed; the next run rebuilds what is missing.
      _ = appendFresh(from: next)
      return
    }
    for entry in kept.values {
      guard let pack, Self.write(pack.record(entry), to: next.descriptor) else { return abandon() }
    }
    close(next.descriptor)
    if rename(next.path, file) != 0 { unlink(next.path) }
    self.next = nil
  }

  /// Appends the next pack's records (after its header) to the current pack.
  private func appendFresh(from next: (path: String, descriptor: Int32)) -> Bool {
    close(next.descriptor)
    self.next = nil
    defer { unlink(next.path) }
    guard let data = FileManager.default.contents(atPath: next.path), data.count > MappedPack.headerLength else {
      return false
    }
    let descriptor = open(file, O_WRONLY | O_APPEND | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return false }
    // Two runs appending at once must not interleave their records.
    flock(descriptor, LOCK_EX)
    return Self.write(Array(data.dropFirst(MappedPack.headerLength)), to: descriptor)
  }

  /// Opens the next pack's temporary file and writes its header.
  private func startNext() -> (path: String, descriptor: Int32)? {
    let path = file + ".\(getpid()).tmp"
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { return nil }
    next = (path, descriptor)
    guard Self.write(MappedPack.header(context: context), to: descriptor) else {
      abandon()
      return nil
    }
    return next
  }

  /// Gives up on the next pack (disk full, say): the old one stays.
  /// Writes the pending records to the next pack.
  private func flush(to descriptor: Int32) -> Bool {
    defer { pending.removeAll(keepingCapacity: true) }
    return pending.isEmpty || Self.write(pending, to: descriptor)
  }

  private func abandon() {
    pending = []
    guard let next else { return }
    close(next.descriptor)
    unlink(next.path)
    self.next = nil
  }

  private static func write(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
    StandardStream.writeAll(bytes, to: descriptor) == nil
  }


  /// Identifies the executable, so a rebuilt tool never reads its predecessor's entries.
  static let buildIdentity: String = {
    let executable =
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? ""
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: executable) else { return executable }
    let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
    let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
    return "\(executable) \(size) \(modified)"
  }()
}
