/// A compact binary form for cache entries: LEB128 integers and length-prefixed UTF-8.
/// Foundation's JSON and property-list coders took seconds to decode a large tree's
/// parse results, more than parsing it again; this takes a few hundred milliseconds.
package protocol BinaryCodable {
  func encode(to writer: inout BinaryWriter)
  init(from reader: inout BinaryReader) throws(BinaryReader.Malformed)
}

package struct BinaryWriter {
  package private(set) var bytes: [UInt8] = []

  package init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

  package mutating func write(_ value: Int) {
    // Zigzag, so the rare negative number stays short too.
    var rest = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  package mutating func write(_ value: UInt64) { write(Int(bitPattern: UInt(value))) }

  package mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

  package mutating func write(_ value: String) {
    var value = value
    value.withUTF8 { utf8 in
      write(utf8.count)
      bytes.append(contentsOf: utf8)
    }
  }

  package mutating func write<Value: BinaryCodable>(_ value: Value) { value.encode(to: &self) }

  package mutating func write<Value: BinaryCodable>(_ values: [Value]) {
    write(values.count)
    for value in values { value.encode(to: &self) }
  }

  package mutating func write(_ values: [String]) {
    write(values.count)
    for value in values { write(value) }
  }

  /// Strings to be read in place (`BinaryReader.sizedStrings`): the count and the byte
  /// length of the entries come first, so a reader steps over the list without reading it.
  package mutating func writeSized(_ values: [String]) {
    var entries = BinaryWriter()
    for value in values { entries.write(value) }
    write(values.count)
    write(entries.bytes.count)
    bytes.append(contentsOf: entries.bytes)
  }

  package mutating func write<Value: BinaryCodable>(_ value: Value?) {
    write(value != nil)
    value?.encode(to: &self)
  }

  package mutating func write(_ value: String?) {
    write(value != nil)
    if let value { write(value) }
  }

  package mutating func write<Value: RawRepresentable<String>>(raw value: Value) { write(value.rawValue) }
}

/// Reads what `BinaryWriter` wrote, from memory the caller keeps alive (a mapped cache
/// pack, or an array inside `withUnsafeBytes`); every read is bounds-checked.
package struct BinaryReader {
  /// The bytes do not form a valid entry: truncated, corrupt or from another format.
  package struct Malformed: Error {
    package init() {}
  }

  private let bytes: UnsafeRawBufferPointer
  private var offset: Int
  /// What keeps `bytes` alive (a mapped pack), for values that keep reading it later.
  package let owner: AnyObject?

  package init(_ bytes: UnsafeRawBufferPointer, offset: Int = 0, owner: AnyObject? = nil) {
    self.bytes = bytes
    self.offset = offset
    self.owner = owner
  }

  package var isAtEnd: Bool { offset == bytes.count }

  package mutating func int() throws(Malformed) -> Int {
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      guard offset < bytes.count, shift < 64 else { throw Malformed() }
      let byte = bytes[offset]
      offset += 1
      result |= UInt64(byte & 0x7F) << shift
      if byte < 0x80 { break }
      shift += 7
    }
    // Undo the zigzag with a logical shift: the top bit is data, not a sign.
    return Int(bitPattern: UInt(result >> 1)) ^ -Int(result & 1)
  }

  /// A length-prefixed run of bytes, in place (a string's UTF-8, undecoded).
  mutating func utf8Bytes() throws(Malformed) -> UnsafeRawBufferPointer {
    let count = try int()
    guard count >= 0, count <= bytes.count - offset else { throw Malformed() }
    defer { offset += count }
    return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count])
  }

  /// A list `BinaryWriter.writeSized` wrote, left in place: its count and the bytes of its
  /// entries, stepped over in one move.
  mutating func sizedStrings() throws(Malformed) -> (count: Int, bytes: UnsafeRawBufferPointer) {
    let count = try self.count()
    let length = try int()
    guard length >= 0, length <= bytes.count - offset, count <= length else { throw Malformed() }
    defer { offset += length }
    return (count, UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length]))
  }

  package mutating func uint64() throws(Malformed) -> UInt64 { UInt64(UInt(bitPattern: try int())) }

  package mutating func bool() throws(Malformed) -> Bool {
    guard offset < bytes.count, bytes[offset] <= 1 else { throw Malformed() }
    offset += 1
    return bytes[offset - 1] == 1
  }

  package mutating func string() throws(Malformed) -> String {
    let count = try int()
    guard count >= 0, count <= bytes.count - offset else { throw Malformed() }
    defer { offset += count }
    // Entries are checksummed before decoding, so the bytes are the valid UTF-8 written.
    return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count]), as: UTF8.self)
  }

  package mutating func read<Value: BinaryCodable>(_: Value.Type = Value.self) throws(Malformed) -> Value {
    try Value(from: &self)
  }

  package mutating func array<Value: BinaryCodable>(_: Value.Type = Value.self) throws(Malformed) -> [Value] {
    let count = try self.count()
    var values: [Value] = []
    values.reserveCapacity(count)
    for _ in 0..<count { values.append(try Value(from: &self)) }
    return values
  }

  package mutating func strings() throws(Malformed) -> [String] {
    let count = try self.count()
    var values: [String] = []
    values.reserveCapacity(count)
    for _ in 0..<count { values.append(try string()) }
    return values
  }

  package mutating func optional<Value: BinaryCodable>(_: Value.Type = Value.self) throws(Malformed) -> Value? {
    try bool() ? try Value(from: &self) : nil
  }

  package mutating func optionalString() throws(Malformed) -> String? { try bool() ? try string() : nil }

  package mutating func raw<Value: RawRepresentable<String>>(_: Value.Type = Value.self) throws(Malformed) -> Value {
    guard let value = Value(rawValue: try string()) else { throw Malformed() }
    return value
  }

  /// An element count; each element takes at least one byte, which bounds a corrupt count.
  package mutating func count() throws(Malformed) -> Int {
    let count = try int()
    guard count >= 0, count <= bytes.count - offset else { throw Malformed() }
    return count
  }
}
