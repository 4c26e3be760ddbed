#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The bytes of one file with a line index, so any byte offset maps to a true
/// 1-based line and a column counted in Unicode scalars.
package struct SourceText: Sendable {
  package let bytes: [UInt8]
  /// Byte offset where each line starts; `lineStarts[0] == 0`.
  package let lineStarts: [Int]
  /// For each line longer than `checkpointStride` bytes, the scalars in its first 1, 2, …
  /// strides: a column on a megabyte-long line is counted from the nearest checkpoint,
  /// not from the line's start (which made many positions on one line quadratic).
  package let checkpoints: [Int: [Int]]
  @usableFromInline static let checkpointStride = 4096

  package init(bytes: [UInt8]) {
    self.bytes = bytes
    var starts = [0]
    starts.reserveCapacity(bytes.count / 40 + 1)
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      if memchr(base, 0x0D, buffer.count) == nil {
        var index = 0
        while index < buffer.count, let hit = memchr(base + index, 0x0A, buffer.count - index) {
          index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
          starts.append(index)
        }
      } else {
        // Like cmark, a lone "\r" ends a line too ("\r\n" is one terminator).
        for index in buffer.indices {
          let byte = buffer[index]
          if byte == 0x0A || (byte == 0x0D && (index + 1 == buffer.count || buffer[index + 1] != 0x0A)) {
            starts.append(index + 1)
          }
        }
      }
    }
    // A trailing newline does not open a new line.
    if starts.count > 1, starts.last == bytes.count { starts.removeLast() }
    self.lineStarts = starts
    checkpoints = Self.checkpoints(bytes, lineStarts: starts)
  }

  private static func checkpoints(_ bytes: [UInt8], lineStarts: [Int]) -> [Int: [Int]] {
    var checkpoints: [Int: [Int]] = [:]
    for (index, start) in lineStarts.enumerated() {
      let end = index + 1 < lineStarts.count ? lineStarts[index + 1] : bytes.count
      guard end - start > checkpointStride else { continue }
      var marks: [Int] = []
      var scalars = 0
      var blockEnd = start + checkpointStride
      for offset in start..<end {
        if offset == blockEnd {
          marks.append(scalars)
          blockEnd += checkpointStride
        }
        if bytes[offset] & 0xC0 != 0x80 { scalars += 1 }
      }
      checkpoints[index + 1] = marks
    }
    return checkpoints
  }

  @inlinable package var lineCount: Int { lineStarts.count }

  /// Byte range of a 1-based line, without its line terminator.
  @inlinable
  package func byteRange(ofLine line: Int) -> Range<Int> {
    guard line >= 1, line <= lineStarts.count else { return bytes.count..<bytes.count }
    let start = lineStarts[line - 1]
    var end = line < lineStarts.count ? lineStarts[line] : bytes.count
    // Drop the terminator: "\n", "\r\n" or a lone "\r".
    if end > start, bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
    if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
    if end < start { end = start }
    return start..<end
  }

  /// Byte range covering lines `first...last` (1-based, inclusive).
  @inlinable
  package func byteRange(lines first: Int, _ last: Int) -> Range<Int> {
    let lower = byteRange(ofLine: max(first, 1)).lowerBound
    let upper = byteRange(ofLine: min(max(last, first), lineCount)).upperBound
    return lower..<max(lower, upper)
  }

  package func lineText(_ line: Int) -> String {
    String(decoding: bytes[byteRange(ofLine: line)], as: UTF8.self)
  }

  /// 1-based line containing a byte offset.
  @inlinable
  package func line(atByte offset: Int) -> Int {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    return low + 1
  }

  /// Line and scalar column (both 1-based) of a byte offset.
  @inlinable
  package func position(atByte offset: Int) -> (line: Int, column: Int) {
    let line = line(atByte: offset)
    return (line, scalarColumn(line: line, byteOffset: offset))
  }

  /// Converts a byte offset on a known line into a 1-based scalar column.
  @inlinable
  package func scalarColumn(line: Int, byteOffset: Int) -> Int {
    let line = min(max(line, 1), lineStarts.count)
    let start = lineStarts[line - 1]
    var column = 1
    var index = start
    let end = min(byteOffset, bytes.count)
    if end - start > Self.checkpointStride, let marks = checkpoints[line] {
      let block = min((end - start) / Self.checkpointStride, marks.count)
      if block > 0 {
        column += marks[block - 1]
        index = start + block * Self.checkpointStride
      }
    }
    while index < end {
      // Count only bytes that start a scalar (not UTF-8 continuation bytes).
      if bytes[index] & 0xC0 != 0x80 { column += 1 }
      index += 1
    }
    return column
  }

  /// Column where a code line's content starts: the raw line ends with the content
  /// unless cmark expanded a tab, in which case the first non-blank character is used.
  package func contentColumn(of content: Substring, onLine line: Int) -> Int {
    guard line <= lineCount else { return 1 }
    let raw = byteRange(ofLine: line)
    let count = content.utf8.count
    let matches =
      count <= raw.count
      && content.withBytes { text in
        bytes.withUnsafeBufferPointer { count == 0 || memcmp($0.baseAddress! + raw.upperBound - count, text.baseAddress!, count) == 0 }
      }
    if matches {
      return scalarColumn(line: line, byteOffset: raw.upperBound - count)
    }
    var first = raw.lowerBound
    while first < raw.upperBound, bytes[first] == 0x20 || bytes[first] == 0x09 { first += 1 }
    return scalarColumn(line: line, byteOffset: first)
  }

  /// Byte offset of a 1-based byte column (as cmark reports) on a line.
  package func byteOffset(line: Int, byteColumn: Int) -> Int {
    let range = byteRange(ofLine: line)
    return min(range.lowerBound + max(byteColumn - 1, 0), range.upperBound)
  }

  /// A span from a byte range that lies on one line or several.
  package func span(bytes range: Range<Int>) -> SourceSpan {
    let start = position(atByte: range.lowerBound)
    let end = position(atByte: max(range.lowerBound, range.upperBound))
    return SourceSpan(line: start.line, column: start.column, endLine: end.line, endColumn: end.column)
  }

  /// First occurrence of `needle` in `bytes[from..<to]`.
  @inlinable
  package func find(_ needle: [UInt8], from: Int, to: Int) -> Int? {
    needle.withUnsafeBufferPointer { find($0, from: from, to: to) }
  }

  /// First occurrence of `needle` in `bytes[from..<to]`, scanning with memchr.
  @inlinable
  package func find(_ needle: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
    bytes.withUnsafeBufferPointer { ByteSearch.firstIndex(of: needle, in: $0, from: from, to: to) }
  }
}

/// A region of a file: 1-based lines, 1-based columns in Unicode scalars;
/// `endColumn` is exclusive, as in SARIF.
/// Stored as 32-bit numbers: every link, code span, reference and finding holds one, and
/// no file docs-lint reads has 2^31 lines or columns (larger values are clamped).
public struct SourceSpan: Sendable, Hashable, Codable, Comparable {
  @Compact public var line: Int
  @Compact public var column: Int
  @Compact public var endLine: Int
  @Compact public var endColumn: Int

  public init(line: Int, column: Int, endLine: Int? = nil, endColumn: Int? = nil) {
    self.line = line
    self.column = column
    self.endLine = endLine ?? line
    self.endColumn = endColumn ?? column
  }

  public static func < (lhs: SourceSpan, rhs: SourceSpan) -> Bool {
    (lhs.line, lhs.column, lhs.endLine, lhs.endColumn) < (rhs.line, rhs.column, rhs.endLine, rhs.endColumn)
  }
}

/// A line or column number kept in 32 bits, read and encoded as an `Int`.
@propertyWrapper
public struct Compact: Sendable, Hashable, Codable {
  private var stored: Int32

  public init(wrappedValue: Int) { stored = Int32(clamping: wrappedValue) }

  public init(from decoder: any Decoder) throws {
    self.init(wrappedValue: try decoder.singleValueContainer().decode(Int.self))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(wrappedValue)
  }

  public var wrappedValue: Int {
    get { Int(stored) }
    set { stored = Int32(clamping: newValue) }
  }
}

/// Converts byte offsets to scalar columns, continuing from the previous
/// conversion when it is on the same line and earlier: items are visited in
/// order, so long lines are not re-counted from their start for every link.
package struct ColumnCounter {
  private var line = 0
  private var byte = 0
  private var column = 1

  private var lineEnd = 0

  package init() {}

  mutating func position(_ offset: Int, in source: SourceText) -> (line: Int, column: Int) {
    if line == 0 || offset < byte || offset >= lineEnd {
      line = source.line(atByte: offset)
      byte = source.lineStarts[line - 1]
      lineEnd = line < source.lineStarts.count ? source.lineStarts[line] : Int.max
      column = 1
    }
    let end = min(offset, source.bytes.count)
    if byte < end {
      column += source.bytes.withUnsafeBufferPointer { buffer in
        // Scalars start at every byte that is not a UTF-8 continuation byte.
        var count = 0
        var index = byte + 1
        let upper = min(end, buffer.count - 1)
        while index <= upper {
          if buffer[index] & 0xC0 != 0x80 { count += 1 }
          index += 1
        }
        if end == buffer.count { count += 1 }  // the position just past the last byte
        return count
      }
      byte = end
    }
    return (line, column)
  }

  package mutating func span(_ range: Range<Int>, in source: SourceText) -> SourceSpan {
    let start = position(range.lowerBound, in: source)
    let end = position(max(range.lowerBound, range.upperBound), in: source)
    return SourceSpan(line: start.line, column: start.column, endLine: end.line, endColumn: end.column)
  }
}

extension SourceText {
  /// The column where `text` first occurs on a line (1 when it does not).
  package func column(of text: String, onLine line: Int) -> Int {
    let range = byteRange(ofLine: line)
    let found = text.withBytes { find($0, from: range.lowerBound, to: range.upperBound) }
    guard let found else { return 1 }
    return scalarColumn(line: line, byteOffset: found)
  }

  /// The column of a YAML scalar value on a line: the `occurrence`-th place (from 0) where
  /// `value` stands as a whole token (after a space, `[`, `,`, `-` or a quote, and before a
  /// space, `,`, `]`, a quote, a comment or the end), so `d` in `id: d` is the value, not
  /// the key's letter, and the second `ADR-1` in `[ADR-10, ADR-1]` is not the first's prefix.
  /// The first plain occurrence when none stands alone.
  package func column(ofValue value: String, onLine line: Int, occurrence: Int = 0) -> Int {
    let range = byteRange(ofLine: line)
    let needle = Array(value.utf8)
    guard !needle.isEmpty, range.count >= needle.count else { return column(of: value, onLine: line) }
    let opens: Set<UInt8> = [0x20, 0x09, 0x5B, 0x2C, 0x2D, 0x22, 0x27]  // space tab [ , - " '
    let closes: Set<UInt8> = [0x20, 0x09, 0x2C, 0x5D, 0x22, 0x27, 0x23, 0x0D, 0x0A]  // space tab , ] " ' # CR LF
    var seen = 0
    var start = range.lowerBound
    while start + needle.count <= range.upperBound {
      defer { start += 1 }
      guard bytes[start] == needle[0], Array(bytes[start..<start + needle.count]) == needle else { continue }
      let before = start == range.lowerBound || opens.contains(bytes[start - 1])
      let end = start + needle.count
      let after = end == range.upperBound || closes.contains(bytes[end])
      guard before, after else { continue }
      if seen == occurrence { return scalarColumn(line: line, byteOffset: start) }
      seen += 1
    }
    return column(of: value, onLine: line)
  }
}
