/// Root-relative POSIX path arithmetic. Paths never start with "/" and never
/// contain "." or ".." segments once normalized.
public enum RepoPath {
  /// Folder of a root-relative file path ("" for files at the root).
  public static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return String(path[..<slash])
  }

  public static func join(_ base: String, _ relative: String) -> String {
    if base.isEmpty { return relative }
    if relative.isEmpty { return base }
    return base + "/" + relative
  }

  /// Resolves "." and ".." segments; nil when the path climbs above the root.
  public static func normalize(_ path: String) -> String? {
    // Fast path: nothing to resolve.
    if !path.includes("/.") && !path.hasPrefix(".") && !path.includes("//") && !path.hasPrefix("/")
      && !path.hasSuffix("/")
    {
      return path
    }
    var parts: [Substring] = []
    for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
      switch segment {
      case ".": continue
      case "..":
        guard !parts.isEmpty else { return nil }
        parts.removeLast()
      default: parts.append(segment)
      }
    }
    return parts.joined(separator: "/")
  }

  /// Decodes %XX escapes; returns the input unchanged when it is not valid UTF-8 after decoding.
  public static func percentDecoded(_ text: String) -> String {
    guard text.includesByte(UInt8(ascii: "%")) else { return text }
    var bytes: [UInt8] = []
    var utf8 = Array(text.utf8)[...]
    while let byte = utf8.first {
      if byte == UInt8(ascii: "%"), utf8.count >= 3,
        let value = UInt8(String(decoding: utf8.dropFirst().prefix(2), as: UTF8.self), radix: 16)
      {
        bytes.append(value)
        utf8 = utf8.dropFirst(3)
      } else {
        bytes.append(byte)
        utf8 = utf8.dropFirst()
      }
    }
    return String(validating: bytes, as: UTF8.self) ?? text
  }

  /// True for "scheme:" prefixes (http:, mailto:, data:, ...) and "//host".
  public static func hasScheme(_ text: String) -> Bool {
    if text.hasPrefix("//") { return true }
    var sawLetter = false
    for scalar in text.unicodeScalars {
      switch scalar {
      case "a"..."z", "A"..."Z":
        sawLetter = true
      case "0"..."9", "+", "-", ".":
        guard sawLetter else { return false }
      case ":":
        return sawLetter
      default:
        return false
      }
    }
    return false
  }
}
