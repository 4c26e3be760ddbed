import DocsLintGraph
import Foundation

/// Which anchor a missing `#fragment` surely meant: the one anchor that differs from it
/// only by accents, letter case or runs of hyphens (`#validacion` → `#validación`,
/// `#Install--Steps` → `#install-steps`). Two such anchors, or none, mean no answer.
enum AnchorFolding {
  /// Accents stripped, lowercased, hyphen runs collapsed, leading and trailing hyphens trimmed.
  static func fold(_ text: String) -> String {
    if text.isASCII { return foldASCII(text) }
    var folded = String.UnicodeScalarView()
    // Canonical decomposition puts accents into combining marks, which are dropped.
    for scalar in text.decomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
      if scalar.properties.generalCategory == .nonspacingMark { continue }
      if scalar == "-", folded.isEmpty || folded.last == "-" { continue }
      folded.append(scalar)
    }
    while folded.last == "-" { folded.removeLast() }
    return String(folded)
  }

  /// `fold` for ASCII text, which has no accents: byte work only, no Unicode tables
  /// (most slugs are ASCII, and every missing anchor folds every anchor of its target).
  private static func foldASCII(_ text: String) -> String {
    var folded: [UInt8] = []
    folded.reserveCapacity(text.utf8.count)
    for byte in text.utf8 {
      if byte == UInt8(ascii: "-"), folded.isEmpty || folded.last == UInt8(ascii: "-") { continue }
      folded.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
    }
    while folded.last == UInt8(ascii: "-") { folded.removeLast() }
    return String(decoding: folded, as: UTF8.self)
  }

  /// The single anchor of `anchors` that folds like `fragment`, if it can be written as a
  /// plain fragment (letters, marks, digits, `_`, `-`, as slugs are); nil otherwise.
  static func candidate(for fragment: String, in anchors: AnchorSet) -> String? {
    let key = fold(fragment)
    guard !key.isEmpty, !anchors.contains(fragment) else { return nil }
    let first = key.utf8.first!
    var match: String?
    var ambiguous = false
    anchors.forEachUTF8 { bytes in
      // An anchor opening with an ASCII letter or digit folds to that character lowercased:
      // most anchors are ruled out on that byte, before any string is made of them.
      if ambiguous { return }
      if let byte = bytes.first, byte.isASCIIAlphanumeric, first.isASCIIAlphanumeric,
        byte | (byte >= 0x41 && byte <= 0x5A ? 0x20 : 0) != first
      {
        return
      }
      let anchor = String(decoding: bytes, as: UTF8.self)
      guard fold(anchor) == key else { return }
      // Two anchors fold alike: no one right answer.
      if match == nil { match = anchor } else { ambiguous = true }
    }
    guard !ambiguous, let match, isPlain(match) else { return nil }
    return match
  }

  /// Every anchor of one target by its folded form, for a document with many misses into
  /// it: each then costs one lookup instead of folding every anchor again.
  struct Index {
    private var byKey: [String: (anchor: String, ambiguous: Bool)] = [:]
    private let anchors: AnchorSet

    init(_ anchors: AnchorSet) {
      self.anchors = anchors
      anchors.forEachUTF8 { bytes in
        let anchor = String(decoding: bytes, as: UTF8.self)
        let key = fold(anchor)
        if let known = byKey[key] { byKey[key] = (known.anchor, true) } else { byKey[key] = (anchor, false) }
      }
    }

    /// What `candidate(for:in:)` answers.
    func candidate(for fragment: String) -> String? {
      let key = fold(fragment)
      guard !key.isEmpty, !anchors.contains(fragment), let found = byKey[key], !found.ambiguous, isPlain(found.anchor)
      else { return nil }
      return found.anchor
    }
  }

  private static func isPlain(_ anchor: String) -> Bool {
    anchor.unicodeScalars.allSatisfy { scalar in
      if scalar == "-" || scalar == "_" || scalar.properties.isAlphabetic { return true }
      switch scalar.properties.generalCategory {
      case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber: return true
      default: return false
      }
    }
  }
}
