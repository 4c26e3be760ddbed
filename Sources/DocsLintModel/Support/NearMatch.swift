/// Suggests an existing id for a mistyped one, fast enough for thousands of
/// unknown ids against thousands of known ones: ids are compared after
/// normalization (case, separators, leading zeros: `spec_red_01` ≈ `SPEC-RED-001`)
/// and then within one edit, via an index of single-character deletions kept as
/// 64-bit hashes (no strings are built per deletion; a polynomial hash gives every
/// deletion's hash from prefix and suffix hashes, in linear time).
package struct NearMatch: Sendable {
  private var exact: [UInt64: String] = [:]
  private var deletions: [UInt64: String] = [:]

  package init(_ candidates: [String]) {
    // The id stored for a key is the byte-order smallest, whatever the order given
    // (compared on collisions only: sorting every id first cost more than the lookups).
    func keep(_ candidate: String, at hash: UInt64, in table: inout [UInt64: String]) {
      if let held = table[hash], !ByteOrder.less(candidate, held) { return }
      table[hash] = candidate
    }
    exact.reserveCapacity(candidates.count)
    for candidate in candidates {
      let key = Self.key(candidate)
      let (whole, deletionHashes) = Self.hashes(key)
      keep(candidate, at: whole, in: &exact)
      guard key.count > 1 else { continue }
      for deletion in deletionHashes { keep(candidate, at: deletion, in: &deletions) }
    }
  }

  package func suggestion(for text: String) -> String? {
    let key = Self.key(text)
    let (whole, deletionHashes) = Self.hashes(key)
    if let hit = exact[whole] { return hit }  // only case, separators or zero-padding differ
    if let hit = deletions[whole] { return hit }  // the candidate has one more character
    guard key.count > 1 else { return nil }
    var best: String?
    for deletion in deletionHashes {
      // One character too many, or one different (both lose one and meet).
      if let hit = exact[deletion], best.map({ ByteOrder.less(hit, $0) }) ?? true { best = hit }
      if let hit = deletions[deletion], best.map({ ByteOrder.less(hit, $0) }) ?? true { best = hit }
    }
    return best
  }

  /// The key's hash, and the hash of the key without each of its bytes: a polynomial hash
  /// (with the length mixed in), so each deletion is its prefix's hash shifted plus its
  /// suffix's hash.
  static func hashes(_ key: [UInt8]) -> (whole: UInt64, deletions: [UInt64]) {
    let base: UInt64 = 0x100_0000_01b3
    let count = key.count
    var prefixes = [UInt64](repeating: 0, count: count + 1)  // hash of key[..<i]
    for index in 0..<count { prefixes[index + 1] = prefixes[index] &* base &+ UInt64(key[index]) &+ 1 }
    var suffixes = [UInt64](repeating: 0, count: count + 1)  // hash of key[i...]
    var power: UInt64 = 1
    var powers = [UInt64](repeating: 1, count: count + 1)  // base^(count - i)
    for index in stride(from: count - 1, through: 0, by: -1) {
      suffixes[index] = suffixes[index + 1] &+ (UInt64(key[index]) &+ 1) &* power
      power = power &* base
      powers[index] = power
    }
    let mix: UInt64 = 0x9E37_79B9_7F4A_7C15
    let whole = prefixes[count] &+ UInt64(count) &* mix
    let shorter = UInt64(max(count - 1, 0)) &* mix
    var deletions: [UInt64] = []
    deletions.reserveCapacity(count)
    for index in 0..<count {
      let head: UInt64 = prefixes[index] &* powers[index + 1]
      deletions.append(head &+ suffixes[index + 1] &+ shorter)
    }
    return (whole, deletions)
  }

  /// Lowercase ASCII bytes without separators and without leading zeros of numbers.
  static func key(_ text: String) -> [UInt8] {
    var result: [UInt8] = []
    result.reserveCapacity(text.utf8.count)
    var previousWasDigit = false
    var pendingZero = false
    for var byte in text.utf8 {
      if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == 0x20 || byte == UInt8(ascii: ".") { continue }
      if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
      let isDigit = byte >= 0x30 && byte <= 0x39
      if byte == UInt8(ascii: "0"), !previousWasDigit {
        pendingZero = true  // leading zeros of a number are dropped
        continue
      }
      if !isDigit, pendingZero { result.append(UInt8(ascii: "0")) }
      pendingZero = false
      previousWasDigit = isDigit
      result.append(byte)
    }
    if pendingZero { result.append(UInt8(ascii: "0")) }
    return result
  }
}
