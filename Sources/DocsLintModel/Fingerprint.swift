/// 64-bit FNV-1a, rendered as 16 hex digits: small, stable across platforms and runs.
/// Public and inlinable for the hashing loops of every layer; not embedding API.
public enum Fingerprint {
  public static let start: UInt64 = 0xcbf2_9ce4_8422_2325

  @inlinable public static func add(_ byte: UInt8, to hash: UInt64) -> UInt64 { (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }

  package static func hex(of hash: UInt64) -> String {
    let digits = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}

/// What tells identical files apart cheaply.
package enum ContentHash {
  /// A 64-bit hash of the bytes, eight at a time (only equal files need equal hashes;
  /// sizes are compared too).
  package static func of(_ bytes: [UInt8]) -> UInt64 {
    bytes.withUnsafeBytes { raw -> UInt64 in
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325
      var offset = 0
      while offset + 8 <= raw.count {
        hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x100_0000_01b3
        hash ^= hash >> 29
        offset += 8
      }
      while offset < raw.count {
        hash = (hash ^ UInt64(raw[offset])) &* 0x100_0000_01b3
        offset += 1
      }
      return hash
    }
  }
}
