import DocsLintModel

/// CommonMark backslash escapes: a backslash before ASCII punctuation is dropped.
enum MarkdownEscapes {
  static func unescape(_ text: String) -> String {
    guard text.includesByte(UInt8(ascii: "\\")) else { return text }
    var result = String.UnicodeScalarView()
    var escaped = false
    for scalar in text.unicodeScalars {
      if !escaped, scalar == "\\" {
        escaped = true
        continue
      }
      if escaped, !isASCIIPunctuation(scalar) { result.append("\\") }
      escaped = false
      result.append(scalar)
    }
    if escaped { result.append("\\") }
    return String(result)
  }

  static func isASCIIPunctuation(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "!"..."/", ":"..."@", "["..."`", "{"..."~": return true
    default: return false
    }
  }
}
