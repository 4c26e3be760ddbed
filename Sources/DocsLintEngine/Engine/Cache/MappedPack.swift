import DocsLintRules
import Foundation

/// A cache pack mapped into memory: `DLP9`, the 32-byte context digest, then records.
/// Only the record headers are read up front; an entry is checksummed and decoded when
/// a file asks for it, so the pack costs address space, not memory.
final class MappedPack: @unchecked Sendable {
  struct Entry {
    /// Where the record's content id, the record, and its parts (summary and body, each
    /// after its checksum) sit in the pack: offsets only, no allocations.
    var content: Int
    var record: Range<Int>
    var partStart: Int
    var lengths: (summary: Int, body: Int)
    /// The record's number in the pack, for `touch`.
    var ordinal: Int
  }

  /// The parts of a record, in order.
  enum Part: Int, CaseIterable {
    case summary, body
  }

  static let magic = Array("DLP9".utf8)
  static let headerLength = 36
  let entries: [String: Entry]
  /// One flag per record: set when this run looked its slot up (each slot is looked up by
  /// one worker at most, so workers never write the same flag).
  private let touched: UnsafeMutablePointer<Bool>
  private let base: UnsafeRawPointer
  let size: Int
  /// What decodes the facts the rules collected.
  private let collectors: FactCollectors

  /// Maps `file`; nil when it is missing, unreadable, malformed or made for another context.
  init?(file: String, context: [UInt8], collectors: FactCollectors) {
    self.collectors = collectors
    // Never blocks: a FIFO put where the pack was is opened without waiting for a writer,
    // then refused for not being a regular file.
    let descriptor = open(file, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size >= Self.headerLength
    else { return nil }
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
    let records = (entries.values.map(\.ordinal).max() ?? -1) + 1
    touched = .allocate(capacity: records)
    touched.initialize(repeating: false, count: records)
  }

  deinit {
    munmap(UnsafeMutableRawPointer(mutating: base), size)
    touched.deallocate()
  }

  /// Notes that this run looked the entry's slot up: its file is in the file list.
  func touch(_ entry: Entry) { touched[entry.ordinal] = true }

  func wasTouched(_ entry: Entry) -> Bool { touched[entry.ordinal] }

  static func header(context: [UInt8]) -> [UInt8] { magic + context }

  /// Bytes of records no lookup reaches once `replaced` slots get new records: earlier
  /// records of a slot, and the current records of the replaced slots.
  func staleBytes(replacing replaced: Set<String>) -> Int {
    let live = entries.filter { !replaced.contains($0.key) }.values.reduce(0) { $0 + $1.record.count }
    return size - Self.headerLength - live
  }

  /// An entry's summary, or nil when its checksum or contents do not hold up; `complete`
  /// adds the body (checking each part's own checksum) when it is needed.
  func decodeSummary(_ entry: Entry) -> DocumentNode? {
    guard var reader = reader(entry, .summary), let node = try? DocumentNode(summary: &reader, collectors: collectors),
      reader.isAtEnd
    else { return nil }
    return node
  }

  /// An entry holding plain values (a source file's declarations) in its summary part.
  func decodeValues<Value: BinaryCodable>(_ entry: Entry) -> [Value]? {
    guard var reader = reader(entry, .summary), let values: [Value] = try? reader.array(), reader.isAtEnd else {
      return nil
    }
    return values
  }

  /// Reads the body into a summary node.
  func complete(_ node: inout DocumentNode, from entry: Entry) -> Bool {
    guard var body = reader(entry, .body), (try? node.readBody(from: &body)) != nil, body.isAtEnd else {
      return false
    }
    return true
  }

  private func reader(_ entry: Entry, _ part: Part) -> BinaryReader? {
    let checksum = entry.partStart + part.rawValue * PackRecord.checksumLength
    let (offset, length) =
      switch part {
      case .summary: (0, entry.lengths.summary)
      case .body: (entry.lengths.summary, entry.lengths.body)
      }
    let start = entry.partStart + PackRecord.partCount * PackRecord.checksumLength + offset
    return verified(start..<start + length, checksum..<checksum + PackRecord.checksumLength).map {
      BinaryReader($0, owner: self)
    }
  }

  /// Whether an entry was made from this content.
  func holds(_ entry: Entry, content: ContentID) -> Bool {
    content.matches(UnsafeRawBufferPointer(start: base + entry.content, count: 20))
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

/// One record: slot length and slot (`doc:path`), 20-byte content id, the length of each
/// part (summary, body), an 8-byte checksum (`PartChecksum`) of each,
/// then the parts. Lengths are 32-bit little endian.
enum PackRecord {
  static let checksumLength = PartChecksum.length
  static let partCount = MappedPack.Part.allCases.count

  /// `parts` holds the parts one after another, `lengths` says where each ends.
  static func encode(slot: String, content: [UInt8], parts: [UInt8], lengths: [Int]) -> [UInt8] {
    var record: [UInt8] = []
    record.reserveCapacity(slot.utf8.count + parts.count + 32 + lengths.count * (4 + checksumLength))
    append(length: slot.utf8.count, to: &record)
    record += slot.utf8
    record += content
    for part in lengths { append(length: part, to: &record) }
    parts.withUnsafeBytes { bytes in
      var start = 0
      for part in lengths {
        record += checksum(UnsafeRawBufferPointer(rebasing: bytes[start..<start + part]))
        start += part
      }
    }
    record += parts
    return record
  }

  /// The path a slot is for (`doc:docs/a.md` → `docs/a.md`).
  static func path(ofSlot slot: String) -> String {
    slot.firstIndex(of: ":").map { String(slot[slot.index(after: $0)...]) } ?? slot
  }

  static func checksum(_ payload: UnsafeRawBufferPointer) -> [UInt8] { PartChecksum.of(payload) }

  /// Every slot's latest record and its ranges.
  static func index(_ bytes: UnsafeRawBufferPointer, from start: Int) -> [String: MappedPack.Entry]? {
    var entries: [String: MappedPack.Entry] = [:]
    // Records run to some kilobytes each: room for them all at once.
    entries.reserveCapacity(bytes.count / 2048)
    var offset = start
    var ordinal = 0
    func readLength() -> Int? {
      guard offset + 4 <= bytes.count else { return nil }
      let value = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
      offset += 4
      return value
    }
    // A record cut short (an interrupted append) ends the index; what came before stands.
    while offset < bytes.count {
      let recordStart = offset
      guard let nameLength = readLength(), offset + nameLength + 20 <= bytes.count else { break }
      let slot = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + nameLength]), as: UTF8.self)
      offset += nameLength
      let content = offset
      offset += 20
      guard let summary = readLength(), let body = readLength(),
        offset + partCount * checksumLength + summary + body <= bytes.count
      else { break }
      let partStart = offset
      offset += partCount * checksumLength + summary + body
      entries[slot] = MappedPack.Entry(
        content: content, record: recordStart..<offset, partStart: partStart, lengths: (summary, body),
        ordinal: ordinal)
      ordinal += 1
    }
    return entries
  }

  private static func append(length value: Int, to record: inout [UInt8]) {
    for shift in stride(from: 0, to: 32, by: 8) { record.append(UInt8(truncatingIfNeeded: value >> shift)) }
  }
}
