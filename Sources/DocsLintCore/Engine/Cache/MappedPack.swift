import Crypto
import Foundation

/// A cache pack mapped into memory: `DLP1`, the 32-byte context digest, then records.
/// Only the record headers are read up front; an entry is checksummed and decoded when
/// a file asks for it, so the pack costs address space, not memory.
final class MappedPack: @unchecked Sendable {
  struct Entry {
    var content: [UInt8]
    /// The record's byte range, and its payload's within it.
    var record: Range<Int>
    var payload: Range<Int>
    var checksum: Range<Int>
  }

  static let magic = Array("DLP1".utf8)
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

  /// The entry's node (or its summary alone), or nil when its checksum or contents do not hold up.
  func decode(_ entry: Entry, summaryOnly: Bool = false) -> DocumentNode? {
    let bytes = UnsafeRawBufferPointer(start: base, count: size)
    guard PackRecord.checksum(UnsafeRawBufferPointer(rebasing: bytes[entry.payload])).elementsEqual(bytes[entry.checksum])
    else { return nil }
    var reader = BinaryReader(UnsafeRawBufferPointer(rebasing: bytes[entry.payload]))
    guard let node = try? DocumentNode(from: &reader, summaryOnly: summaryOnly), summaryOnly || reader.isAtEnd
    else { return nil }
    return node
  }

  /// The raw bytes of a record, to carry it into the next pack unchanged.
  func record(_ entry: Entry) -> [UInt8] {
    Array(UnsafeRawBufferPointer(start: base, count: size)[entry.record])
  }
}

/// One record: slot length and slot (`doc:path`), 20-byte content id, payload length,
/// 16-byte checksum (truncated SHA-256 of the payload), payload. Lengths are 32-bit little endian.
enum PackRecord {
  static let checksumLength = 16

  static func encode(slot: String, content: [UInt8], payload: [UInt8]) -> [UInt8] {
    let name = Array(slot.utf8)
    var record: [UInt8] = []
    record.reserveCapacity(name.count + payload.count + 48)
    record += length(name.count) + name + content + length(payload.count)
    record += payload.withUnsafeBytes { checksum($0) } + payload
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
      guard let payloadLength = readLength(), offset + checksumLength + payloadLength <= bytes.count else { break }
      let checksum = offset..<offset + checksumLength
      let payload = checksum.upperBound..<checksum.upperBound + payloadLength
      offset = payload.upperBound
      entries[slot] = MappedPack.Entry(content: content, record: recordStart..<offset, payload: payload, checksum: checksum)
    }
    return entries
  }

  private static func length(_ value: Int) -> [UInt8] {
    (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
  }
}
