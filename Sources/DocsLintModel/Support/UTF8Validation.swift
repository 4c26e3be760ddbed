/// Strict UTF-8 validation that reports where the first bad byte is, so an
/// `input/unreadable` finding can point at the true line and column.
package enum UTF8Validation {
  /// Offset of the first byte that is not part of a valid UTF-8 sequence, or nil.
  package static func firstInvalidByte(in bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { buffer -> Int? in
      var index = 0
      let count = buffer.count
      while index < count {
        // Eight ASCII bytes at a time: most documentation text is ASCII.
        if index + 8 <= count,
          UnsafeRawPointer(buffer.baseAddress! + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
        {
          index += 8
          continue
        }
        let lead = buffer[index]
        if lead < 0x80 {
          index += 1
          continue
        }
        let length: Int
        var lowerBound: UInt8 = 0x80
        var upperBound: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lowerBound = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upperBound = 0x9F
        case 0xF0: length = 4; lowerBound = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upperBound = 0x8F
        default: return index
        }
        guard index + length <= count else { return index }
        let second = buffer[index + 1]
        guard second >= lowerBound && second <= upperBound else { return index }
        var offset = 2
        while offset < length {
          guard buffer[index + offset] & 0xC0 == 0x80 else { return index }
          offset += 1
        }
        index += length
      }
      return nil
    }
  }
}
