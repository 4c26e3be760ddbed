/// Text from files (paths, link targets, quoted names) made safe for line-based output:
/// control characters (C0, DEL, C1), line and paragraph separators and bidirectional
/// overrides are written as visible escapes (`\n`, `\x1B`, `\u{202E}`). A file name with
/// a line break can then never start a report line of its own, which a GitHub runner would
/// execute as a workflow command (`::error …`), nor reorder what a reviewer reads.
enum VisibleText {
  /// Appends `text`'s UTF-8, escaped, to `output`; the common case (nothing to escape) is
  /// one scan and one copy.
  static func append(_ text: String, to output: inout [UInt8]) {
    var text = text
    text.withUTF8 { bytes in
      guard bytes.contains(where: mayNeedEscape) else { return output.append(contentsOf: bytes) }
      for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
        if let escape = escape(scalar) { output.append(contentsOf: escape.utf8) } else { output.append(contentsOf: String(scalar).utf8) }
      }
    }
  }

  static func escaped(_ text: String) -> String {
    var output: [UInt8] = []
    append(text, to: &output)
    return String(decoding: output, as: UTF8.self)
  }

  /// Bytes that start every character `escape` rewrites: C0 and DEL, and the lead bytes of
  /// C1 (U+0080–U+009F) and of U+2028–U+202E and U+2066–U+2069.
  private static func mayNeedEscape(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xE2 }

  private static func escape(_ scalar: Unicode.Scalar) -> String? {
    switch scalar.value {
    case 0x0A: "\\n"
    case 0x0D: "\\r"
    case 0x09: "\\t"
    case 0x00..<0x20, 0x7F..<0xA0: "\\x" + hex(scalar.value, digits: 2)
    case 0x2028...0x202E, 0x2066...0x2069: "\\u{" + hex(scalar.value, digits: 4) + "}"
    default: nil
    }
  }

  private static func hex(_ value: UInt32, digits: Int) -> String {
    let text = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
  }
}
