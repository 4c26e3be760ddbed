/// "Did you mean" over one set of candidates (a file's anchors, a Makefile's targets),
/// built once and asked for many misses: candidates are kept as scalars, grouped by length,
/// so a lookup only compares those whose length is within reach of the edit limit.
package struct SuggestionIndex: Sendable {
  private struct Candidate: Sendable {
    var scalars: [Unicode.Scalar]
    var value: String
  }

  /// By scalar count.
  private let byLength: [Int: [Candidate]]

  package init(_ candidates: some Sequence<String>) {
    var byLength: [Int: [Candidate]] = [:]
    for value in Set(candidates) {
      let scalars = Array(value.unicodeScalars)
      byLength[scalars.count, default: []].append(Candidate(scalars: scalars, value: value))
    }
    self.byLength = byLength
  }

  /// The candidate closest to `text`, as `EditDistance.closest` chooses it (ties to the one
  /// that sorts first). Each comparison spends one unit of `budget`; once it is spent the
  /// answer is nil, so a hostile file with thousands of misses against thousands of names
  /// costs a bounded amount of work, not their product.
  package func closest(to text: String, maxDistance: Int? = nil, budget: inout SuggestionBudget) -> String? {
    let target = Array(text.unicodeScalars)
    var limit = maxDistance ?? EditDistance.defaultLimit(target.count)
    var best: (distance: Int, value: String)?
    var offset = 0
    // Lengths nearest the target's first: a close candidate found early narrows the rest.
    while offset <= limit {
      for length in offset == 0 ? [target.count] : [target.count - offset, target.count + offset] {
        for candidate in byLength[length] ?? [] {
          guard budget.spend() else { return nil }
          guard let distance = EditDistance.between(target, candidate.scalars, limit: limit) else { continue }
          if best == nil || distance < best!.distance || (distance == best!.distance && candidate.value < best!.value) {
            best = (distance, candidate.value)
            limit = distance
          }
        }
      }
      offset += 1
    }
    return best?.value
  }
}

/// How many candidate comparisons "did you mean" may still make in one document. Far more
/// than real documents need (hundreds of misses against thousands of names); deterministic,
/// since a document's findings are settled in order on one thread.
package struct SuggestionBudget: Sendable {
  private var remaining: Int

  package init(comparisons: Int = 2_000_000) { remaining = comparisons }

  mutating func spend() -> Bool {
    guard remaining > 0 else { return false }
    remaining -= 1
    return true
  }
}
