import DocsLintRules

/// A unified diff (`--- a/…`, `+++ b/…`, `@@ -l,n +l,n @@`, 3 lines of context) of
/// patches. A fix changes bytes within known lines and never adds or removes one, so
/// hunks are built from the changed line numbers directly; no sequence alignment needed.
package enum UnifiedDiff {
  package static func render(_ patches: [FilePatch], context: Int = 3) -> [UInt8] {
    var out: [UInt8] = []
    for patch in patches { render(patch, context: context, into: &out) }
    return out
  }

  static func render(_ patch: FilePatch, context: Int, into out: inout [UInt8]) {
    let old = SourceText(bytes: patch.original)
    let new = SourceText(bytes: patch.patched)
    guard !patch.changedLines.isEmpty, old.lineCount == new.lineCount else { return }
    let changed = Set(patch.changedLines)
    out += Array("--- a/\(patch.path)\n+++ b/\(patch.path)\n".utf8)
    for hunk in hunks(patch.changedLines, context: context, lineCount: old.lineCount) {
      let count = hunk.count
      // GNU diff leaves out a count of 1.
      let range = count == 1 ? "\(hunk.lowerBound)" : "\(hunk.lowerBound),\(count)"
      out += Array("@@ -\(range) +\(range) @@\n".utf8)
      var line = hunk.lowerBound
      while line <= hunk.upperBound {
        guard changed.contains(line) else {
          append(" ", line, of: old, to: &out)
          line += 1
          continue
        }
        // A run of changed lines: all removals, then all additions, as diff prints them.
        var end = line
        while end + 1 <= hunk.upperBound, changed.contains(end + 1) { end += 1 }
        for changed in line...end { append("-", changed, of: old, to: &out) }
        for changed in line...end { append("+", changed, of: new, to: &out) }
        line = end + 1
      }
    }
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

  /// One diff line: the marker, the line's bytes and its own terminator ("\r\n" stays, so
  /// the diff applies to CRLF files); a last line without one gets diff's marker.
  private static func append(_ marker: Character, _ line: Int, of text: SourceText, to out: inout [UInt8]) {
    let content = text.byteRange(ofLine: line)
    let next = line < text.lineCount ? text.lineStarts[line] : text.bytes.count
    let terminator = text.bytes[content.upperBound..<next]
    out += Array(String(marker).utf8)
    out += text.bytes[content]
    if terminator.last == 0x0A {
      out += terminator
    } else if terminator.isEmpty {
      out += Array("\n\\ No newline at end of file\n".utf8)
    } else {
      out.append(0x0A)  // a lone "\r" (classic Mac): shown as a plain line break
    }
  }
}
