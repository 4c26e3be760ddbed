/// Byte-level text tests for the hot path: Foundation's `contains`/`range(of:)`
/// and `trimmingCharacters` bridge through NSString and dominated profiles.
extension StringProtocol {
  /// True when `needle` occurs (byte-wise, exact).
  func includes(_ needle: String) -> Bool { byteOffset(of: needle) != nil }

  /// Byte offset of the first occurrence of `needle` in `utf8`.
  func byteOffset(of needle: String) -> Int? {
    let pattern = Array(needle.utf8)
    if let found = utf8.withContiguousStorageIfAvailable({ Self.search(pattern, in: $0) }) { return found }
    return Array(utf8).withUnsafeBufferPointer { Self.search(pattern, in: $0) }
  }

  private static func search(_ pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let first = pattern.first else { return 0 }
    guard bytes.count >= pattern.count else { return nil }
    var index = 0
    let limit = bytes.count - pattern.count
    while index <= limit {
      if bytes[index] == first {
        var offset = 1
        while offset < pattern.count, bytes[index + offset] == pattern[offset] { offset += 1 }
        if offset == pattern.count { return index }
      }
      index += 1
    }
    return nil
  }

  func includesByte(_ byte: UInt8) -> Bool { utf8.contains(byte) }

  /// Without leading and trailing spaces and tabs (byte-wise; both are ASCII).
  func trimmingBlanks() -> SubSequence {
    let bytes = utf8
    var start = bytes.startIndex
    var end = bytes.endIndex
    while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start = bytes.index(after: start) }
    var index = start
    end = start
    while index != bytes.endIndex {
      let next = bytes.index(after: index)
      if bytes[index] != 0x20 && bytes[index] != 0x09 { end = next }
      index = next
    }
    return self[start..<end]
  }
}
