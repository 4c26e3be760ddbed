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
    guard firstLine <= source.lineCount else { return [] }
    for line in firstLine...source.lineCount {
      let range = source.byteRange(ofLine: line)
      let isBlank = source.bytes[range].allSatisfy { $0 == 0x20 || $0 == 0x09 }
      while next < raw.count, raw[next].upperBound < line { next += 1 }
      if next < raw.count, raw[next].contains(line) {
        previousAllowsDefinition = true
        continue
      }
      if previousAllowsDefinition, let item = definition(in: source, range: range) {
        items.append(item)
        previousAllowsDefinition = true
        continue
      }
      previousAllowsDefinition = isBlank || isHeading(source.bytes[range])
    }
    return items
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

  /// `[label]: destination` with nothing after it but blanks or one complete title.
  private static func definition(in source: SourceText, range: Range<Int>) -> LinkItem? {
    let bytes = source.bytes
    let end = range.upperBound
    var index = skipContainers(bytes, from: range.lowerBound, to: end)
    var indent = 0
    while index < end, bytes[index] == 0x20 {
      index += 1
      indent += 1
    }
    guard indent <= 3, index < end, bytes[index] == UInt8(ascii: "[") else { return nil }
    index += 1
    // Footnotes ("[^1]: ...") and empty labels are not link definitions.
    guard index < end, bytes[index] != UInt8(ascii: "^"), bytes[index] != UInt8(ascii: "]") else { return nil }
    while index < end, bytes[index] != UInt8(ascii: "]") {
      if bytes[index] == UInt8(ascii: "\\") { index += 1 }
      if index < end, bytes[index] == UInt8(ascii: "[") { return nil }
      index += 1
    }
    guard index + 1 < end, bytes[index + 1] == UInt8(ascii: ":") else { return nil }
    index += 2
    while index < end, isBlank(bytes[index]) { index += 1 }
    guard index < end else { return nil }
    var start = index
    var destinationEnd: Int
    if bytes[index] == UInt8(ascii: "<") {
      start += 1
      destinationEnd = start
      while destinationEnd < end, bytes[destinationEnd] != UInt8(ascii: ">") { destinationEnd += 1 }
      guard destinationEnd < end else { return nil }
      index = destinationEnd + 1
    } else {
      destinationEnd = start
      while destinationEnd < end, !isBlank(bytes[destinationEnd]) { destinationEnd += 1 }
      index = destinationEnd
    }
    guard destinationEnd > start, restIsTitleOrBlank(bytes, from: index, to: end) else { return nil }
    let written = String(decoding: bytes[start..<destinationEnd], as: UTF8.self)
    let destination = HTMLScanner.decodeEntities(MarkdownEscapes.unescape(written))
    return LinkItem(
      kind: .referenceDefinition, destination: destination, span: source.span(bytes: start..<destinationEnd))
  }

  /// After the destination: blanks to the end of the line, or blanks, one quoted or
  /// parenthesised title, then blanks. Anything else makes the line a paragraph.
  private static func restIsTitleOrBlank(_ bytes: [UInt8], from start: Int, to end: Int) -> Bool {
    var index = start
    guard index == end || isBlank(bytes[index]) else { return false }
    while index < end, isBlank(bytes[index]) { index += 1 }
    guard index < end else { return true }
    let open = bytes[index]
    let close: UInt8
    switch open {
    case UInt8(ascii: "\""), UInt8(ascii: "'"): close = open
    case UInt8(ascii: "("): close = UInt8(ascii: ")")
    default: return false
    }
    index += 1
    while index < end, bytes[index] != close {
      if bytes[index] == UInt8(ascii: "\\") { index += 1 }
      index += 1
    }
    guard index < end else { return false }
    index += 1
    while index < end, isBlank(bytes[index]) { index += 1 }
    return index == end
  }
}
