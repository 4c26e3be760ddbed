/// Suggests an existing id for a mistyped one, fast enough for thousands of
/// unknown ids against thousands of known ones: ids are compared after
/// normalization (case, separators, leading zeros: `spec_red_01` ≈ `SPEC-RED-001`)
/// and then within one edit, via an index of single-character deletions kept as
/// 64-bit hashes (no strings are built per deletion).
public struct NearMatch: Sendable {
  private var exact: [UInt64: String] = [:]
  private var deletions: [UInt64: String] = [:]

  public init(_ candidates: [String]) {
    // Sorted first, so the id stored for a key is the byte-order smallest.
    for candidate in candidates.sorted(by: ByteOrder.less) {
      let key = Self.key(candidate)
      let whole = Self.hash(key, skipping: -1)
      if exact[whole] == nil { exact[whole] = candidate }
      guard key.count > 1 else { continue }
      for index in key.indices {
        let deletion = Self.hash(key, skipping: index)
        if deletions[deletion] == nil { deletions[deletion] = candidate }
      }
    }
  }

  public func suggestion(for text: String) -> String? {
    let key = Self.key(text)
    let whole = Self.hash(key, skipping: -1)
    if let hit = exact[whole] { return hit }  // only case, separators or zero-padding differ
    if let hit = deletions[whole] { return hit }  // the candidate has one more character
    guard key.count > 1 else { return nil }
    var best: String?
    for index in key.indices {
      let deletion = Self.hash(key, skipping: index)
      // One character too many, or one different (both lose one and meet).
      if let hit = exact[deletion], best.map({ ByteOrder.less(hit, $0) }) ?? true { best = hit }
      if let hit = deletions[deletion], best.map({ ByteOrder.less(hit, $0) }) ?? true { best = hit }
    }
    return best
  }

  /// FNV-1a of the key's bytes, leaving out the byte at `skipping`.
  private static func hash(_ key: [UInt8], skipping: Int) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for index in key.indices where index != skipping {
      hash ^= UInt64(key[index])
      hash = hash &* 0x100_0000_01b3
    }
    return hash &+ UInt64(key.count - (skipping >= 0 ? 1 : 0))
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
