#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// Byte-level text tests for the hot path: Foundation's `contains`/`range(of:)`
/// and `trimmingCharacters` bridge through NSString and dominated profiles. Inlinable:
/// every layer calls them in its inner loops, and a generic call across a module boundary
/// is neither specialized nor inlined.
extension StringProtocol {
  /// Runs `body` over the UTF-8 bytes without copying them when they are contiguous
  /// (native strings and their substrings always are).
  @inlinable package func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
    return Array(utf8).withUnsafeBufferPointer(body)
  }

  /// True when `needle` occurs (byte-wise, exact).
  @inlinable package func includes(_ needle: String) -> Bool { byteOffset(of: needle) != nil }

  /// Byte offset of the first occurrence of `needle` in `utf8`.
  @inlinable package func byteOffset(of needle: String) -> Int? {
    needle.withBytes { pattern in
      pattern.isEmpty ? 0 : withBytes { ByteSearch.firstIndex(of: pattern, in: $0, from: 0, to: $0.count) }
    }
  }

  /// Whether every byte is ASCII: then bytes compare, fold and split as characters do.
  @inlinable package var isASCII: Bool { withBytes { bytes in bytes.allSatisfy { $0 < 0x80 } } }

  @inlinable package func includesByte(_ byte: UInt8) -> Bool {
    withBytes { bytes in bytes.count > 0 && memchr(bytes.baseAddress!, Int32(byte), bytes.count) != nil }
  }

  /// Byte-wise prefix and suffix tests (no Unicode normalization: paths compare as bytes).
  @inlinable package func hasBytePrefix(_ prefix: String) -> Bool {
    prefix.withBytes { p in withBytes { b in b.count >= p.count && (p.count == 0 || memcmp(b.baseAddress!, p.baseAddress!, p.count) == 0) } }
  }

  @inlinable package func hasByteSuffix(_ suffix: String) -> Bool {
    suffix.withBytes { s in
      withBytes { b in
        b.count >= s.count && (s.count == 0 || memcmp(b.baseAddress! + b.count - s.count, s.baseAddress!, s.count) == 0)
      }
    }
  }

  /// Index of the first occurrence of an ASCII byte (so the index is a valid character boundary).
  @inlinable package func firstIndex(ofByte byte: UInt8) -> Index? {
    let offset = withBytes { bytes -> Int? in
      guard bytes.count > 0, let hit = memchr(bytes.baseAddress!, Int32(byte), bytes.count) else { return nil }
      return bytes.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }
    return offset.map { utf8.index(startIndex, offsetBy: $0) }
  }

  /// Without leading and trailing spaces and tabs (byte-wise; both are ASCII).
  @inlinable package func trimmingBlanks() -> SubSequence {
    let (leading, trailing) = withBytes { bytes -> (Int, Int) in
      var start = 0
      var end = bytes.count
      while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
      while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
      return (start, bytes.count - end)
    }
    if leading == 0 && trailing == 0 { return self[startIndex..<endIndex] }
    let start = utf8.index(startIndex, offsetBy: leading)
    let end = utf8.index(endIndex, offsetBy: -trailing)
    return self[start..<end]
  }
}

/// Substring search over bytes: memchr for the first byte, memcmp for the rest.
@usableFromInline package enum ByteSearch {
  /// Offset of the first occurrence of `pattern` in `bytes[from..<to]`.
  @inlinable package static func firstIndex(
    of pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int
  ) -> Int? {
    guard let first = pattern.first else { return nil }
    let limit = min(to, bytes.count) - pattern.count
    guard from >= 0, from <= limit, let base = bytes.baseAddress else { return nil }
    var index = from
    while index <= limit {
      guard let hit = memchr(base + index, Int32(first), limit - index + 1) else { return nil }
      index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
      if memcmp(base + index, pattern.baseAddress!, pattern.count) == 0 { return index }
      index += 1
    }
    return nil
  }
}

extension UnsafeBufferPointer<UInt8> {
  /// The offsets of the non-empty runs between separators: "a//bc" split on "/" is 0..<1 and 3..<5.
  @inlinable package func runs(separatedBy isSeparator: (UInt8) -> Bool) -> [Range<Int>] {
    var runs: [Range<Int>] = []
    var start = 0
    for index in 0...count where index == count || isSeparator(self[index]) {
      if index > start { runs.append(start..<index) }
      start = index + 1
    }
    return runs
  }
}

extension UInt8 {
  /// An ASCII letter or digit.
  @inlinable package var isASCIIAlphanumeric: Bool {
    (self >= 0x30 && self <= 0x39) || (self >= 0x41 && self <= 0x5A) || (self >= 0x61 && self <= 0x7A)
  }
}

extension String {
  /// A string of these scalars, encoded into one buffer: `String(String.UnicodeScalarView(_:))`
  /// appends scalar by scalar through an unspecialized generic, which stood high in profiles.
  @inlinable package init(scalars: some Sequence<Unicode.Scalar>) {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(scalars.underestimatedCount)
    for scalar in scalars { UTF8.encode(scalar) { bytes.append($0) } }
    self = String(decoding: bytes, as: UTF8.self)
  }
}
