import DocsLintRules

/// The checksum of a pack part: 64 bits that catch a truncated, damaged or foreign part
/// (not tampering: the cache is the user's own). Eight bytes at a time, a multiply-rotate
/// per word (MurmurHash3's mixing) and its finalizer: several times faster than SHA-256.
enum PartChecksum {
  static let length = 8

  static func of(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
    let value = hash(bytes)
    return (0..<length).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
  }

  static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    let k1: UInt64 = 0x87c3_7b91_1142_53d5
    let k2: UInt64 = 0x4cf5_ad43_2745_937f
    func mix(_ word: UInt64) -> UInt64 { rotate(word &* k1, 31) &* k2 }
    var hash: UInt64 = 0x9e37_79b9_7f4a_7c15 ^ UInt64(bytes.count)
    var offset = 0
    while offset + 8 <= bytes.count {
      hash ^= mix(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
      hash = rotate(hash, 27) &* 5 &+ 0x52dc_e729
      offset += 8
    }
    var tail: UInt64 = 0
    for index in offset..<bytes.count { tail |= UInt64(bytes[index]) << (8 * UInt64(index - offset)) }
    hash ^= mix(tail)
    // Every input bit reaches every output bit.
    hash ^= hash >> 33
    hash = hash &* 0xff51_afd7_ed55_8ccd
    hash ^= hash >> 33
    hash = hash &* 0xc4ce_b9fe_1a85_ec53
    return hash ^ (hash >> 33)
  }

  private static func rotate(_ value: UInt64, _ count: UInt64) -> UInt64 { (value << count) | (value >> (64 - count)) }
}
