import DocsLintModel

/// Finds link reference definitions (`[label]: destination "title"`), which
/// cmark resolves and then drops from its tree. A definition starts a block:
/// it follows a blank line, another definition or the start of the file, and
/// never sits inside a code or HTML block.
enum ReferenceDefinitionScanner {
  /// `rawLines` are the line ranges of code and HTML blocks, in document order.
  static func scan(_ source: SourceText, skipping rawLines: [ClosedRange<Int>], firstLine: Int) -> [LinkItem] {
    let raw = rawLines.sorted { $0.lowerBound < $1.lowerBound }
    var next = 0
    var items: [LinkItem] = []
    var previousAllowsDefinition = true
    var paragraph: (line: Int, byte: Int)?
    var line = firstLine
    while line <= source.lineCount {
      let range = source.byteRange(ofLine: line)
      let isBlank = source.bytes[range].allSatisfy { $0 == 0x20 || $0 == 0x09 }
      while next < raw.count, raw[next].upperBound < line { next += 1 }
      if next < raw.count, raw[next].contains(line) {
        previousAllowsDefinition = true
        line += 1
        continue
      }
      // Only a line that opens with "[" can open a definition: find its paragraph's end only then.
      if previousAllowsDefinition, !isBlank, opensWithBracket(source.bytes, range) {
        // A definition may run on over the lines of its paragraph, never into a code block.
        // A run of definitions shares one paragraph: its end is found once, not per line.
        if paragraph.map({ line > $0.line }) ?? true {
          paragraph = paragraphEnd(source, from: line, before: next < raw.count ? raw[next].lowerBound : nil)
        }
        if let limit = paragraph?.byte, let (item, end) = definition(in: source, start: range.lowerBound, limit: limit) {
          items.append(item)
          line = source.line(atByte: max(range.lowerBound, end - 1)) + 1
          continue
        }
      }
      previousAllowsDefinition = isBlank || isHeading(source.bytes[range])
      line += 1
    }
    return items
  }

  private static func opensWithBracket(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
    var index = skipContainers(bytes, from: range.lowerBound, to: range.upperBound)
    var indent = 0
    while index < range.upperBound, bytes[index] == 0x20, indent < 4 {
      index += 1
      indent += 1
    }
    return indent <= 3 && index < range.upperBound && bytes[index] == UInt8(ascii: "[")
  }

  /// The last line of the paragraph holding `line`, and the byte where it ends: before its
  /// first blank line or code block.
  private static func paragraphEnd(_ source: SourceText, from line: Int, before rawStart: Int?) -> (line: Int, byte: Int) {
    var last = line
    while last < source.lineCount, last + 1 != rawStart {
      let range = source.byteRange(ofLine: last + 1)
      if source.bytes[range].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { break }
      last += 1
    }
    return (last, source.byteRange(ofLine: last).upperBound)
  }

  private static func isHeading(_ bytes: ArraySlice<UInt8>) -> Bool {
    bytes.drop { $0 == 0x20 }.first == UInt8(ascii: "#")
  }

  private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

  /// Skips block-quote markers and list-item markers that may precede a definition.
  private static func skipContainers(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
    var index = start
    while true {
      var probe = index
      var spaces = 0
      while probe < end, bytes[probe] == 0x20, spaces < 3 {
        probe += 1
        spaces += 1
      }
      guard probe < end else { return index }
      if bytes[probe] == UInt8(ascii: ">") {
        probe += 1
        if probe < end, isBlank(bytes[probe]) { probe += 1 }
        index = probe
        continue
      }
      var marker = probe
      if bytes[probe] == UInt8(ascii: "-") || bytes[probe] == UInt8(ascii: "*") || bytes[probe] == UInt8(ascii: "+") {
        marker += 1
      } else {
        while marker < end, marker - probe < 9, bytes[marker] >= 0x30, bytes[marker] <= 0x39 { marker += 1 }
        guard marker > probe, marker < end, bytes[marker] == UInt8(ascii: ".") || bytes[marker] == UInt8(ascii: ")")
        else { return index }
        marker += 1
      }
      guard marker < end, isBlank(bytes[marker]) else { return index }
      while marker < end, isBlank(bytes[marker]) { marker += 1 }
      index = marker
    }
  }

  /// `[label]: destination "title"`, each part maybe on a line of its own (the label may
  /// wrap too); nothing may follow on the line where it ends. Returns the definition and
  /// the byte after it.
  private static func definition(in source: SourceText, start: Int, limit end: Int) -> (LinkItem, Int)? {
    let bytes = source.bytes
    var index = skipContainers(bytes, from: start, to: end)
    var indent = 0
    while index < end, bytes[index] == 0x20 {
      index += 1
      indent += 1
    }
    guard indent <= 3, index < end, bytes[index] == UInt8(ascii: "[") else { return nil }
    index += 1
    // Footnotes ("[^1]: ...") and empty labels are not link definitions.
    guard index < end, bytes[index] != UInt8(ascii: "^"), bytes[index] != UInt8(ascii: "]") else { return nil }
    let labelStart = index
    while index < end, bytes[index] != UInt8(ascii: "]") {
      if bytes[index] == UInt8(ascii: "\\") { index += 1 }
      if index < end, bytes[index] == UInt8(ascii: "[") { return nil }
      index += 1
    }
    guard index < end, index - labelStart <= 999,
      bytes[labelStart..<index].contains(where: { !isBlank($0) && $0 != 0x0A && $0 != 0x0D }),
      index + 1 < end, bytes[index + 1] == UInt8(ascii: ":")
    else { return nil }
    index = skipSpace(bytes, from: index + 2, to: end)
    guard let destination = LinkDestinationSyntax.read(bytes, at: index, limit: end),
      !destination.range.isEmpty || destination.isPointy
    else { return nil }
    let item = LinkItem(
      kind: .referenceDefinition, destination: destination.decoded(in: bytes),
      span: source.span(bytes: destination.range))
    // A title after the destination, on its line or the next one.
    let titleStart = skipSpace(bytes, from: destination.end, to: end)
    let lineEnd = restOfLineIsBlank(bytes, from: destination.end, to: end)
    if titleStart > destination.end, let afterTitle = title(bytes, at: titleStart, to: end),
      let close = restOfLineIsBlank(bytes, from: afterTitle, to: end)
    {
      return (item, close)
    }
    // No valid title: the definition ends with its destination's line, which must hold nothing else.
    guard let lineEnd else { return nil }
    return (item, lineEnd)
  }

  /// Blanks and at most one line break.
  private static func skipSpace(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
    var index = start
    while index < end, isBlank(bytes[index]) { index += 1 }
    if index < end, bytes[index] == 0x0D { index += 1 }
    if index < end, bytes[index] == 0x0A { index += 1 }
    while index < end, isBlank(bytes[index]) { index += 1 }
    return index
  }

  /// The byte after the line break (or the limit) when only blanks follow `start` on its line.
  private static func restOfLineIsBlank(_ bytes: [UInt8], from start: Int, to end: Int) -> Int? {
    var index = start
    while index < end, isBlank(bytes[index]) || bytes[index] == 0x0D { index += 1 }
    if index == end { return end }
    return bytes[index] == 0x0A ? index + 1 : nil
  }

  /// A quoted or parenthesised title at `start` (it may span lines): the byte after it.
  private static func title(_ bytes: [UInt8], at start: Int, to end: Int) -> Int? {
    // Blanks after the destination may run to the end of the file: no title there.
    guard start < end else { return nil }
    let open = bytes[start]
    let close: UInt8
    switch open {
    case UInt8(ascii: "\""), UInt8(ascii: "'"): close = open
    case UInt8(ascii: "("): close = UInt8(ascii: ")")
    default: return nil
    }
    var index = start + 1
    while index < end, bytes[index] != close {
      if bytes[index] == UInt8(ascii: "\\") { index += 1 } else if open == UInt8(ascii: "("), bytes[index] == open { return nil }
      index += 1
    }
    return index < end ? index + 1 : nil
  }
}
