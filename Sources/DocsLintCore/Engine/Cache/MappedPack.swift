import Crypto
import Foundation

/// A cache pack mapped into memory: `DLP1`, the 32-byte context digest, then records.
/// Only the record headers are read up front; an entry is checksummed and decoded when
/// a file asks for it, so the pack costs address space, not memory.
final class MappedPack: @unchecked Sendable {
  struct Entry {
    var content: [UInt8]
    /// The record's byte range; its summary's and body's, each with its checksum's.
    var record: Range<Int>
    var summary: Range<Int>
    var summaryChecksum: Range<Int>
    var body: Range<Int>
    var bodyChecksum: Range<Int>
  }

  static let magic = Array("DLP2".utf8)
  static let headerLength = 36
  let entries: [String: Entry]
  private let base: UnsafeRawPointer
  let size: Int

  /// Maps `file`; nil when it is missing, unreadable, malformed or made for another context.
  init?(file: String, context: [UInt8]) {
    let descriptor = open(file, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, info.st_size >= Self.headerLength else { return nil }
    size = Int(info.st_size)
    guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED else { return nil }
    base = UnsafeRawPointer(mapped)
    let bytes = UnsafeRawBufferPointer(start: base, count: size)
    guard bytes.prefix(4).elementsEqual(Self.magic), bytes[4..<Self.headerLength].elementsEqual(context),
      let entries = PackRecord.index(bytes, from: Self.headerLength)
    else {
      munmap(mapped, size)
      return nil
    }
    self.entries = entries
  }

  deinit { munmap(UnsafeMutableRawPointer(mutating: base), size) }

  static func header(context: [UInt8]) -> [UInt8] { magic + context }

  /// Bytes of records no lookup reaches once `replaced` slots get new records: earlier
  /// records of a slot, and the current records of the replaced slots.
  func staleBytes(replacing replaced: Set<String>) -> Int {
    let live = entries.filter { !replaced.contains($0.key) }.values.reduce(0) { $0 + $1.record.count }
    return size - Self.headerLength - live
  }

  /// An entry's summary, or nil when its checksum or contents do not hold up; `readBody`
  /// completes it (checking the body's own checksum) when the body is needed.
  func decodeSummary(_ entry: Entry) -> DocumentNode? {
    guard let summary = verified(entry.summary, entry.summaryChecksum) else { return nil }
    var reader = BinaryReader(summary)
    guard let node = try? DocumentNode(summary: &reader), reader.isAtEnd else { return nil }
    return node
  }

  func readBody(_ entry: Entry, into node: inout DocumentNode) -> Bool {
    guard let body = verified(entry.body, entry.bodyChecksum) else { return false }
    var reader = BinaryReader(body)
    guard (try? node.readBody(from: &reader)) != nil, reader.isAtEnd else { return false }
    return true
  }

  private func verified(_ range: Range<Int>, _ checksum: Range<Int>) -> UnsafeRawBufferPointer? {
    let bytes = UnsafeRawBufferPointer(start: base, count: size)
    let part = UnsafeRawBufferPointer(rebasing: bytes[range])
    return PackRecord.checksum(part).elementsEqual(bytes[checksum]) ? part : nil
  }

  /// The raw bytes of a record, to carry it into the next pack unchanged.
  func record(_ entry: Entry) -> [UInt8] {
    Array(UnsafeRawBufferPointer(start: base, count: size)[entry.record])
  }
}

/// One record: slot length and slot (`doc:path`), 20-byte content id, summary length, body
/// length, a 16-byte checksum (truncated SHA-256) of each, summary, body. Lengths are 32-bit
/// little endian.
enum PackRecord {
  static let checksumLength = 16

  static func encode(slot: String, content: [UInt8], summary: [UInt8], body: [UInt8]) -> [UInt8] {
    let name = Array(slot.utf8)
    var record: [UInt8] = []
    record.reserveCapacity(name.count + summary.count + body.count + 64)
    record += length(name.count) + name + content + length(summary.count) + length(body.count)
    record += summary.withUnsafeBytes { checksum($0) } + body.withUnsafeBytes { checksum($0) }
    record += summary
    record += body
    return record
  }

  /// The path a slot is for (`doc:docs/a.md` → `docs/a.md`).
  static func path(ofSlot slot: String) -> String {
    slot.firstIndex(of: ":").map { String(slot[slot.index(after: $0)...]) } ?? slot
  }

  static func checksum(_ payload: UnsafeRawBufferPointer) -> [UInt8] {
    Array(SHA256.hash(data: payload).prefix(checksumLength))
  }

  /// Every slot's latest record and its ranges.
  static func index(_ bytes: UnsafeRawBufferPointer, from start: Int) -> [String: MappedPack.Entry]? {
    var entries: [String: MappedPack.Entry] = [:]
    var offset = start
    func readLength() -> Int? {
      guard offset + 4 <= bytes.count else { return nil }
      let value = (0..<4).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
      offset += 4
      return value
    }
    // A record cut short (an interrupted append) ends the index; what came before stands.
    while offset < bytes.count {
      let recordStart = offset
      guard let nameLength = readLength(), offset + nameLength + 20 <= bytes.count else { break }
      let slot = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + nameLength]), as: UTF8.self)
      offset += nameLength
      let content = Array(bytes[offset..<offset + 20])
      offset += 20
      guard let summaryLength = readLength(), let bodyLength = readLength(),
        offset + 2 * checksumLength + summaryLength + bodyLength <= bytes.count
      else { break }
      let summaryChecksum = offset..<offset + checksumLength
      let bodyChecksum = summaryChecksum.upperBound..<summaryChecksum.upperBound + checksumLength
      let summary = bodyChecksum.upperBound..<bodyChecksum.upperBound + summaryLength
      let body = summary.upperBound..<summary.upperBound + bodyLength
      offset = body.upperBound
      entries[slot] = MappedPack.Entry(
        content: content, record: recordStart..<offset, summary: summary, summaryChecksum: summaryChecksum, body: body,
        bodyChecksum: bodyChecksum)
    }
    return entries
  }

  private static func length(_ value: Int) -> [UInt8] {
    (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
  }
}
