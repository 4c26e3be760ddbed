/// Levenshtein distance over Unicode scalars, used to suggest the closest
/// anchor or path in a finding's message.
package enum EditDistance {
  static func between(_ lhs: String, _ rhs: String) -> Int {
    between(Array(lhs.unicodeScalars), Array(rhs.unicodeScalars), limit: Int.max) ?? Int.max
  }

  /// The distance, or nil as soon as it is certain to exceed `limit`: a suggestion
  /// only needs the best few candidates, not every exact distance.
  static func between(_ left: [Unicode.Scalar], _ right: [Unicode.Scalar], limit: Int) -> Int? {
    if abs(left.count - right.count) > limit { return nil }
    if left.isEmpty { return right.count }
    if right.isEmpty { return left.count }
    var previous = Array(0...right.count)
    var current = [Int](repeating: 0, count: right.count + 1)
    for i in 1...left.count {
      current[0] = i
      var rowMinimum = i
      for j in 1...right.count {
        let cost = left[i - 1] == right[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        rowMinimum = min(rowMinimum, current[j])
      }
      if rowMinimum > limit { return nil }
      swap(&previous, &current)
    }
    let distance = previous[right.count]
    return distance <= limit ? distance : nil
  }

  /// The most edits a suggestion may be from a text of `length` scalars: half of it, at least 3.
  static func defaultLimit(_ length: Int) -> Int { max(3, length / 2) }

  /// The candidate closest to `text`, if it is close enough to be a plausible typo.
  /// Ties go to the candidate that sorts first, so messages are deterministic.
  /// `maxDistance`: the most edits a suggestion may be away (default: half the length, at least 3).
  package static func closest(to text: String, in candidates: some Sequence<String>, maxDistance: Int? = nil) -> String? {
    var unbounded = SuggestionBudget(comparisons: .max)
    return SuggestionIndex(candidates).closest(to: text, maxDistance: maxDistance, budget: &unbounded)
  }
}
