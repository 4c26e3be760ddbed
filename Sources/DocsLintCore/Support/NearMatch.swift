/// Suggests an existing id for a mistyped one, fast enough for thousands of
/// unknown ids against thousands of known ones: ids are compared after
/// normalization (case, separators, leading zeros: `spec_red_01` ≈ `SPEC-RED-001`)
/// and then within one edit, via an index of single-character deletions.
public struct NearMatch: Sendable {
  private var exact: [String: String] = [:]
  private var deletions: [String: String] = [:]

  public init(_ candidates: [String]) {
    // Sorted first, so the first id stored for a key is the byte-order smallest.
    for candidate in candidates.sorted(by: ByteOrder.less) {
      let key = Self.key(candidate)
      if exact[key] == nil { exact[key] = candidate }
      for deletion in Self.deletions(of: key) where deletions[deletion] == nil { deletions[deletion] = candidate }
    }
  }

  public func suggestion(for text: String) -> String? {
    let key = Self.key(text)
    if let hit = exact[key] { return hit }  // only case, separators or zero-padding differ
    if let hit = deletions[key] { return hit }  // the candidate has one more character
    var best: String?
    for deletion in Self.deletions(of: key) {
      // One character too many, or one different (both lose one and meet).
      for hit in [exact[deletion], deletions[deletion]].compactMap({ $0 }) where best.map({ ByteOrder.less(hit, $0) }) ?? true {
        best = hit
      }
    }
    return best
  }

  static func key(_ text: String) -> String {
    var result = ""
    var previousWasDigit = false
    var pendingZeros = 0
    for character in text.lowercased() {
      if character == "-" || character == "_" || character == " " || character == "." { continue }
      if character == "0", !previousWasDigit {
        pendingZeros += 1  // leading zeros of a number are dropped
        continue
      }
      if !character.isNumber, pendingZeros > 0 { result += "0" }
      pendingZeros = 0
      previousWasDigit = character.isNumber
      result.append(character)
    }
    if pendingZeros > 0 { result += "0" }
    return result
  }

  private static func deletions(of key: String) -> [String] {
    let characters = Array(key)
    guard characters.count > 1 else { return [] }
    return characters.indices.map { index in
      var copy = characters
      copy.remove(at: index)
      return String(copy)
    }
  }
}
