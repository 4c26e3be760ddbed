#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Root-relative POSIX path arithmetic. Paths never start with "/" and never
/// contain "." or ".." segments once normalized.
package enum RepoPath {
  /// Whether two paths name the same file as git and Linux see it: byte for byte. Swift's
  /// `==` equates a composed "é" with "e" and a combining accent; a file system does not.
  /// One memcmp: inventory lookups ask this for every path they find.
  @inlinable package static func same(_ lhs: String, _ rhs: String) -> Bool {
    var lhs = lhs
    var rhs = rhs
    return lhs.withUTF8 { left in
      rhs.withUTF8 { right in
        left.count == right.count && (left.isEmpty || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0)
      }
    }
  }

  /// Two paths that differ only in Unicode normalisation (NFC written, NFD on disk).
  package static func differInNormalization(_ lhs: String, _ rhs: String) -> Bool {
    lhs == rhs && !same(lhs, rhs)
  }

  /// How a finding words the difference between a written path and the real one.
  package static func difference(_ written: String, _ actual: String) -> String {
    differInNormalization(written, actual) ? "differs only in Unicode normalisation (composed or decomposed accents)" : "differs in letter case"
  }

  /// Folder of a root-relative file path ("" for files at the root).
  package static func directory(of path: String) -> String {
    guard let slash = lastSlash(in: path) else { return "" }
    return String(path.utf8.prefix(slash))!
  }

  /// Whether `path` is `folder` or lies inside it; a trailing `/` on `folder` is ignored.
  package static func isInside(_ path: String, folder: String) -> Bool {
    let base = folder.utf8.last == UInt8(ascii: "/") ? folder.utf8.dropLast() : folder.utf8[...]
    guard path.utf8.starts(with: base) else { return false }
    let rest = path.utf8.dropFirst(base.count)
    return rest.isEmpty || rest.first == UInt8(ascii: "/")
  }

  /// `path` as written from `folder` (both root-relative): `docs/a.md` from `docs/sub` is
  /// `../a.md`, `README.md` from `docs` is `../README.md`.
  package static func relative(_ path: String, from folder: String) -> String {
    guard !folder.isEmpty else { return path }
    let base = folder.split(separator: "/")
    let target = path.split(separator: "/")
    var common = 0
    while common < base.count, common < target.count - 1, RepoPath.same(String(base[common]), String(target[common])) {
      common += 1
    }
    let up = Array(repeating: "..", count: base.count - common)
    return (up + target[common...].map(String.init)).joined(separator: "/")
  }

  /// The last segment of a path: the file or folder name.
  package static func name(of path: String) -> Substring {
    guard let slash = lastSlash(in: path) else { return path[...] }
    return path[path.utf8.index(path.utf8.startIndex, offsetBy: slash + 1)...]
  }

  /// The byte offset of the last `/`, if any, scanned in the string's own buffer (walking
  /// `utf8` indices back from the end is several times slower).
  static func lastSlash(in path: String) -> Int? {
    path.utf8.withContiguousStorageIfAvailable { $0.lastIndex(of: UInt8(ascii: "/")) }
      ?? path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path.utf8.distance(from: path.utf8.startIndex, to: $0) }
  }

  package static func join(_ base: String, _ relative: String) -> String {
    if base.isEmpty { return relative }
    if relative.isEmpty { return base }
    return base + "/" + relative
  }

  /// Resolves "." and ".." segments; nil when the path climbs above the root.
  package static func normalize(_ path: String) -> String? {
    if isNormal(path) { return path }
    return resolve(path, in: "")
  }

  /// `normalize(join(folder, relative))` in one pass, without the intermediate string.
  package static func resolve(_ relative: String, in folder: String) -> String? {
    let capacity = folder.utf8.count + relative.utf8.count + 1
    var climbedOut = false
    let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { output, count in
      var starts: [Int] = []  // where each kept segment starts, its "/" included
      starts.reserveCapacity(16)
      climbedOut =
        folder.withBytes { append($0, to: output, count: &count, starts: &starts) }
        || relative.withBytes { append($0, to: output, count: &count, starts: &starts) }
    }
    return climbedOut ? nil : String(decoding: bytes, as: UTF8.self)
  }

  /// Appends the segments of `part` to `output`; true when ".." climbs above the start.
  private static func append(
    _ part: UnsafeBufferPointer<UInt8>, to output: UnsafeMutableBufferPointer<UInt8>, count: inout Int,
    starts: inout [Int]
  ) -> Bool {
    var segmentStart = 0
    while segmentStart <= part.count {
      var end = segmentStart
      while end < part.count, part[end] != UInt8(ascii: "/") { end += 1 }
      let length = end - segmentStart
      let dots = length <= 2 && (segmentStart..<end).allSatisfy { part[$0] == UInt8(ascii: ".") }
      if dots && length == 2 {
        guard let start = starts.popLast() else { return true }
        count = start
      } else if length > 0 && !(dots && length == 1) {
        starts.append(count)
        if count > 0 {
          output[count] = UInt8(ascii: "/")
          count += 1
        }
        UnsafeMutableRawPointer(output.baseAddress! + count).copyMemory(
          from: part.baseAddress! + segmentStart, byteCount: length)
        count += length
      }
      segmentStart = end + 1
    }
    return false
  }

  /// True when a path has no empty, "." or ".." segment and no leading or trailing "/".
  package static func isNormal(_ path: String) -> Bool {
    // On the contiguous bytes: iterating the UTF-8 view cost thirty instructions a byte.
    path.withBytes { bytes in
      var length = 0
      var onlyDots = true
      for byte in bytes {
        if byte == UInt8(ascii: "/") {
          if length == 0 || (onlyDots && length <= 2) { return false }
          length = 0
          onlyDots = true
        } else {
          length += 1
          if byte != UInt8(ascii: ".") { onlyDots = false }
        }
      }
      if length == 0 { return bytes.isEmpty }
      return !(onlyDots && length <= 2)
    }
  }

  /// Decodes %XX escapes; returns the input unchanged when it is not valid UTF-8 after decoding.
  package static func percentDecoded(_ text: String) -> String {
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
  package static func hasScheme(_ text: String) -> Bool {
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
