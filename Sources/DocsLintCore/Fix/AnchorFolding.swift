import Foundation

/// Which anchor a missing `#fragment` surely meant: the one anchor that differs from it
/// only by accents, letter case or runs of hyphens (`#validacion` → `#validación`,
/// `#Install--Steps` → `#install-steps`). Two such anchors, or none, mean no answer.
enum AnchorFolding {
  /// Accents stripped, lowercased, hyphen runs collapsed, leading and trailing hyphens trimmed.
  static func fold(_ text: String) -> String {
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

  /// The single anchor of `anchors` that folds like `fragment`, if it can be written as a
  /// plain fragment (letters, marks, digits, `_`, `-`, as slugs are); nil otherwise.
  static func candidate(for fragment: String, in anchors: Set<String>) -> String? {
    let key = fold(fragment)
    guard !key.isEmpty, !anchors.contains(fragment) else { return nil }
    let matches = anchors.filter { fold($0) == key }
    guard matches.count == 1, let match = matches.first, isPlain(match) else { return nil }
    return match
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
