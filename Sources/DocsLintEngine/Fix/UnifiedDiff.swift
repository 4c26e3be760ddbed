import DocsLintRules

/// A unified diff (`--- a/…`, `+++ b/…`, `@@ -l,n +l,n @@`, 3 lines of context) of
/// patches. A fix changes bytes within lines and never adds or removes a line break, so
/// the changed lines are those that differ at the same number; no sequence alignment needed.
package enum UnifiedDiff {
  package static func render(_ patches: [FilePatch], context: Int = 3) -> [UInt8] {
    var out: [UInt8] = []
    for patch in patches { render(patch, context: context, into: &out) }
    return out
  }

  /// Lines are split at "\n" only, as git and patch split them: a "\r" stays in its line,
  /// so diffs of CRLF and lone-CR (classic Mac) files apply with `git apply`.
  static func render(_ patch: FilePatch, context: Int, into out: inout [UInt8]) {
    let old = lines(patch.original)
    let new = lines(patch.patched)
    guard old.count == new.count else { return }
    let changed = old.indices.filter { !patch.original[old[$0]].elementsEqual(patch.patched[new[$0]]) }.map { $0 + 1 }
    guard !changed.isEmpty else { return }
    let changedSet = Set(changed)
    out += Array("--- a/\(patch.path)\n+++ b/\(patch.path)\n".utf8)
    for hunk in hunks(changed, context: context, lineCount: old.count) {
      let count = hunk.count
      // GNU diff leaves out a count of 1.
      let range = count == 1 ? "\(hunk.lowerBound)" : "\(hunk.lowerBound),\(count)"
      out += Array("@@ -\(range) +\(range) @@\n".utf8)
      var line = hunk.lowerBound
      while line <= hunk.upperBound {
        guard changedSet.contains(line) else {
          append(" ", patch.original[old[line - 1]], to: &out)
          line += 1
          continue
        }
        // A run of changed lines: all removals, then all additions, as diff prints them.
        var end = line
        while end + 1 <= hunk.upperBound, changedSet.contains(end + 1) { end += 1 }
        for changed in line...end { append("-", patch.original[old[changed - 1]], to: &out) }
        for changed in line...end { append("+", patch.patched[new[changed - 1]], to: &out) }
        line = end + 1
      }
    }
  }

  /// Each line's bytes with its "\n", if it has one.
  static func lines(_ bytes: [UInt8]) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    var start = 0
    for index in bytes.indices where bytes[index] == 0x0A {
      ranges.append(start..<index + 1)
      start = index + 1
    }
    if start < bytes.count { ranges.append(start..<bytes.count) }
    return ranges
  }

  /// Changed lines widened by `context` on each side, merged where they touch or overlap.
  static func hunks(_ changed: [Int], context: Int, lineCount: Int) -> [ClosedRange<Int>] {
    var result: [ClosedRange<Int>] = []
    for line in changed.sorted() {
      let lower = max(1, line - context)
      let upper = min(lineCount, line + context)
      if let last = result.last, lower <= last.upperBound + 1 {
        result[result.count - 1] = last.lowerBound...max(last.upperBound, upper)
      } else {
        result.append(lower...upper)
      }
    }
    return result
  }

  /// One diff line: the marker and the line's bytes with its terminator; a last line
  /// without one gets diff's marker.
  private static func append(_ marker: Character, _ line: ArraySlice<UInt8>, to out: inout [UInt8]) {
    out += Array(String(marker).utf8)
    out += line
    if line.last != 0x0A { out += Array("\n\\ No newline at end of file\n".utf8) }
  }
}
