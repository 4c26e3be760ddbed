/// A compact binary form for cache entries: LEB128 integers and length-prefixed UTF-8.
/// Public, with inlinable members, only so that every layer's decoders specialize them:
/// Swift does not inline a package type's members across modules. Not embedding API.
/// Foundation's JSON and property-list coders took seconds to decode a large tree's
/// parse results, more than parsing it again; this takes a few hundred milliseconds.
public protocol BinaryCodable {
  func encode(to writer: inout BinaryWriter)
  init(from reader: inout BinaryReader) throws(BinaryReader.Malformed)
}

public struct BinaryWriter {
  @usableFromInline var buffer: [UInt8] = []
  /// What has been written.
  public var bytes: [UInt8] { buffer }

  @inlinable public init(capacity: Int = 0) { buffer.reserveCapacity(capacity) }

  @inlinable public mutating func write(_ value: Int) {
    // Zigzag, so the rare negative number stays short too.
    var rest = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
    while rest >= 0x80 {
      buffer.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    buffer.append(UInt8(rest))
  }

  @inlinable public mutating func write(_ value: UInt64) { write(Int(bitPattern: UInt(value))) }

  @inlinable public mutating func write(_ value: Bool) { buffer.append(value ? 1 : 0) }

  @inlinable public mutating func write(_ value: String) {
    var value = value
    value.withUTF8 { utf8 in
      write(utf8.count)
      buffer.append(contentsOf: utf8)
    }
  }

  @inlinable public mutating func write<Value: BinaryCodable>(_ value: Value) { value.encode(to: &self) }

  @inlinable public mutating func write<Value: BinaryCodable>(_ values: [Value]) {
    write(values.count)
    for value in values { value.encode(to: &self) }
  }

  @inlinable public mutating func write(_ values: [String]) {
    write(values.count)
    for value in values { write(value) }
  }

  /// Strings to be read in place (`BinaryReader.sizedStrings`): the count and the byte
  /// length of the entries come first, so a reader steps over the list without reading it.
  @inlinable public mutating func writeSized(_ values: [String]) {
    var entries = BinaryWriter()
    for value in values { entries.write(value) }
    write(values.count)
    write(entries.bytes.count)
    buffer.append(contentsOf: entries.bytes)
  }

  @inlinable public mutating func write<Value: BinaryCodable>(_ value: Value?) {
    write(value != nil)
    value?.encode(to: &self)
  }

  @inlinable public mutating func write(_ value: String?) {
    write(value != nil)
    if let value { write(value) }
  }

  @inlinable public mutating func write<Value: RawRepresentable<String>>(raw value: Value) { write(value.rawValue) }
}

/// Reads what `BinaryWriter` wrote, from memory the caller keeps alive (a mapped cache
/// pack, or an array inside `withUnsafeBytes`); every read is bounds-checked.
public struct BinaryReader {
  /// The bytes do not form a valid entry: truncated, corrupt or from another format.
  public struct Malformed: Error {
    @inlinable public init() {}
  }

  @usableFromInline let bytes: UnsafeRawBufferPointer
  @usableFromInline var offset: Int
  /// What keeps `bytes` alive (a mapped pack), for values that keep reading it later.
  public let owner: AnyObject?

  public init(_ bytes: UnsafeRawBufferPointer, offset: Int = 0, owner: AnyObject? = nil) {
    self.bytes = bytes
    self.offset = offset
    self.owner = owner
  }

  @inlinable public var isAtEnd: Bool { offset == bytes.count }

  @inlinable public mutating func int() throws(Malformed) -> Int {
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
  @inlinable public mutating func utf8Bytes() throws(Malformed) -> UnsafeRawBufferPointer {
    let count = try int()
    guard count >= 0, count <= bytes.count - offset else { throw Malformed() }
    defer { offset += count }
    return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count])
  }

  /// A list `BinaryWriter.writeSized` wrote, left in place: its count and the bytes of its
  /// entries, stepped over in one move.
  @inlinable public mutating func sizedStrings() throws(Malformed) -> (count: Int, bytes: UnsafeRawBufferPointer) {
    let count = try self.count()
    let length = try int()
    guard length >= 0, length <= bytes.count - offset, count <= length else { throw Malformed() }
    defer { offset += length }
    return (count, UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length]))
  }

  @inlinable public mutating func uint64() throws(Malformed) -> UInt64 { UInt64(UInt(bitPattern: try int())) }

  @inlinable public mutating func bool() throws(Malformed) -> Bool {
    guard offset < bytes.count, bytes[offset] <= 1 else { throw Malformed() }
    offset += 1
    return bytes[offset - 1] == 1
  }

  @inlinable public mutating func string() throws(Malformed) -> String {
    let count = try int()
    guard count >= 0, count <= bytes.count - offset else { throw Malformed() }
    defer { offset += count }
    // Entries are checksummed before decoding, so the bytes are the valid UTF-8 written.
    return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count]), as: UTF8.self)
  }

  @inlinable public mutating func read<Value: BinaryCodable>() throws(Malformed) -> Value {
    try Value(from: &self)
  }

  @inlinable public mutating func array<Value: BinaryCodable>() throws(Malformed) -> [Value] {
    let count = try self.count()
    var values: [Value] = []
    values.reserveCapacity(count)
    for _ in 0..<count { values.append(try Value(from: &self)) }
    return values
  }

  @inlinable public mutating func strings() throws(Malformed) -> [String] {
    let count = try self.count()
    var values: [String] = []
    values.reserveCapacity(count)
    for _ in 0..<count { values.append(try string()) }
    return values
  }

  @inlinable public mutating func optional<Value: BinaryCodable>() throws(Malformed) -> Value? {
    try bool() ? try Value(from: &self) : nil
  }

  @inlinable public mutating func optionalString() throws(Malformed) -> String? { try bool() ? try string() : nil }

  @inlinable public mutating func raw<Value: RawRepresentable<String>>() throws(Malformed) -> Value {
    guard let value = Value(rawValue: try string()) else { throw Malformed() }
    return value
  }

  /// An element count; each element takes at least one byte, which bounds a corrupt count.
  @inlinable public mutating func count() throws(Malformed) -> Int {
    let count = try int()
    guard count >= 0, count <= bytes.count - offset else { throw Malformed() }
    return count
  }
}
