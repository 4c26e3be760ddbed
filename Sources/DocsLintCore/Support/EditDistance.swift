/// Levenshtein distance over Unicode scalars, used to suggest the closest
/// anchor or path in a finding's message.
enum EditDistance {
  static func between(_ lhs: String, _ rhs: String) -> Int {
    let left = Array(lhs.unicodeScalars)
    let right = Array(rhs.unicodeScalars)
    if left.isEmpty { return right.count }
    if right.isEmpty { return left.count }
    var previous = Array(0...right.count)
    var current = [Int](repeating: 0, count: right.count + 1)
    for i in 1...left.count {
      current[0] = i
      for j in 1...right.count {
        let cost = left[i - 1] == right[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      swap(&previous, &current)
    }
    return previous[right.count]
  }

  /// The candidate closest to `text`, if it is close enough to be a plausible typo.
  /// Ties go to the candidate that sorts first, so messages are deterministic.
  static func closest(to text: String, in candidates: some Sequence<String>) -> String? {
    var best: (distance: Int, value: String)?
    for candidate in candidates {
      let distance = between(text, candidate)
      if best == nil || distance < best!.distance
        || (distance == best!.distance && candidate < best!.value)
      {
        best = (distance, candidate)
      }
    }
    guard let best else { return nil }
    let limit = max(3, text.unicodeScalars.count / 2)
    return best.distance <= limit ? best.value : nil
  }
}
