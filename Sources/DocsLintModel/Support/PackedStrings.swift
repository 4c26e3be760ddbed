/// A list of strings left where a mapped cache pack holds them (length-prefixed UTF-8, as
/// `BinaryWriter.writeSized` writes them): decoded only when asked for, and
/// compared as bytes, so the thousands of lists nobody asks about cost no strings.
public struct PackedStrings: @unchecked Sendable {
  /// Keeps the mapping alive.
  @usableFromInline let owner: AnyObject
  @usableFromInline let bytes: UnsafeRawBufferPointer
  public let count: Int

  /// Whether some entry, as UTF-8 bytes, satisfies `test`. The bytes passed their
  /// checksum when the record was read, so a malformed entry does not happen; it ends
  /// the scan if it does.
  @inlinable public func contains(where test: (UnsafeRawBufferPointer) -> Bool) -> Bool {
    var reader = BinaryReader(bytes)
    for _ in 0..<count {
      guard let entry = try? reader.utf8Bytes() else { return false }
      if test(entry) { return true }
    }
    return false
  }

  /// Whether an entry is exactly `text`.
  @inlinable public func contains(_ text: String) -> Bool {
    var wanted = text
    return wanted.withUTF8 { target in
      contains { $0.count == target.count && $0.elementsEqual(UnsafeRawBufferPointer(target)) }
    }
  }

  /// The entries as strings, in order.
  public var strings: [String] {
    var reader = BinaryReader(bytes)
    var strings: [String] = []
    strings.reserveCapacity(count)
    for _ in 0..<count { if let string = try? reader.string() { strings.append(string) } }
    return strings
  }
}

extension BinaryReader {
  /// A list of strings (`BinaryWriter.writeSized`) left in place in the pack `owner` keeps mapped.
  public mutating func packedStrings(owner: AnyObject) throws(Malformed) -> PackedStrings {
    let (count, bytes) = try sizedStrings()
    return PackedStrings(owner: owner, bytes: bytes, count: count)
  }
}
