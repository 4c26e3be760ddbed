import DocsLintRules

/// One file's fixes, verified against its bytes and applied in memory: nothing here
/// touches the disk, so the same value feeds both `--fix` and `--fix --dry-run`.
package struct FilePatch: Sendable {
  /// Root-relative path.
  package var path: String
  /// The file's bytes as read, byte-order mark included.
  package var original: [UInt8]
  /// The same bytes with the replacements applied; line terminators and every byte
  /// outside the replaced regions are unchanged.
  package var patched: [UInt8]
  /// 1-based lines whose bytes changed (replacements never add or remove lines).
  package var changedLines: [Int]
  /// How many findings the patch fixes, and how many fixes had to be left out.
  package var fixed: Int
  package var skipped: Int
  /// For each fix given, in order, whether it was applied.
  package var applied: [Bool] = []

  /// Applies the fixes that verify: each replacement's region must still hold exactly
  /// the text the rule saw, on one line, and must not overlap a fix taken before it.
  /// A finding's fix is all or nothing. Nil when no fix applies.
  package static func make(path: String, bytes raw: [UInt8], fixes: [Fix]) -> FilePatch? {
    // Spans count from after a byte-order mark (the reader strips it); offsets here too.
    let bom = raw.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    let source = SourceText(bytes: Array(raw[bom...]))
    var taken: [(range: Range<Int>, text: [UInt8], line: Int)] = []
    var fixed = 0
    var skipped = 0
    var applied: [Bool] = []
    for fix in fixes {
      applied.append(false)
      var edits: [(range: Range<Int>, text: [UInt8], line: Int)] = []
      for replacement in fix.replacements {
        guard let range = verifiedRange(of: replacement, in: source) else { break }
        edits.append((range, Array(replacement.text.utf8), replacement.span.line))
      }
      let clashes = edits.contains { edit in
        taken.contains { $0.range.overlaps(edit.range) || ($0.range.isEmpty && $0.range == edit.range) }
      }
      guard !fix.replacements.isEmpty, edits.count == fix.replacements.count, !clashes else {
        skipped += 1
        continue
      }
      taken += edits
      fixed += 1
      applied[applied.count - 1] = true
    }
    guard !taken.isEmpty else { return nil }
    var patched: [UInt8] = Array(raw[..<bom])
    patched.reserveCapacity(raw.count + 64)
    var cursor = 0
    for edit in taken.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
      patched += source.bytes[cursor..<edit.range.lowerBound]
      patched += edit.text
      cursor = edit.range.upperBound
    }
    patched += source.bytes[cursor...]
    return FilePatch(
      path: path, original: raw, patched: patched, changedLines: Set(taken.map(\.line)).sorted(), fixed: fixed,
      skipped: skipped, applied: applied)
  }

  /// Byte range of a replacement's region, only if the bytes there are exactly its
  /// original text and neither it nor the new text crosses a line break.
  static func verifiedRange(of replacement: Replacement, in source: SourceText) -> Range<Int>? {
    let span = replacement.span
    let expected = Array(replacement.original.utf8)
    let breaks: (UInt8) -> Bool = { $0 == 0x0A || $0 == 0x0D }
    guard span.line == span.endLine, span.line >= 1, span.line <= source.lineCount, span.column >= 1,
      !expected.contains(where: breaks), !replacement.text.utf8.contains(where: breaks)
    else { return nil }
    let line = source.byteRange(ofLine: span.line)
    // Columns count Unicode scalars: skip UTF-8 continuation bytes.
    var start = line.lowerBound
    for _ in 1..<span.column {
      guard start < line.upperBound else { return nil }
      start += 1
      while start < line.upperBound, source.bytes[start] & 0xC0 == 0x80 { start += 1 }
    }
    let end = start + expected.count
    guard end <= line.upperBound, source.bytes[start..<end].elementsEqual(expected) else { return nil }
    return start..<end
  }
}
