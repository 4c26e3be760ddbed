import DocsLintScan

extension ReferenceExtractor {
  func linkReference(_ link: LinkItem, folder: String, path: String, ownAnchors: AnchorSet) -> Reference? {
    let trimmed = link.destination.trimmingBlanks()
    guard !trimmed.isEmpty else { return nil }
    // Reuse the parsed string unless blanks had to go (the usual case costs no copy).
    let destination = trimmed.utf8.count == link.destination.utf8.count ? link.destination : String(trimmed)
    let kind: ReferenceKind =
      switch link.kind {
      case .link: .link
      case .image: .image
      case .referenceDefinition: .referenceDefinition
      case .htmlLink, .htmlImage: .htmlLink
      }
    var reference = Reference(kind: kind, text: destination, span: link.span)
    if RepoPath.hasScheme(destination) {
      reference.resolution = .external
      return reference
    }
    var target = Substring(destination)
    var fragment: String?
    if let hash = target.firstIndex(ofByte: UInt8(ascii: "#")) {
      fragment = RepoPath.percentDecoded(String(target[target.index(after: hash)...]))
      target = target[..<hash]
    }
    if let query = target.firstIndex(ofByte: UInt8(ascii: "?")) {
      // "?plain=1#L10": GitHub's source view of a Markdown file has line anchors.
      if let line = fragment, target[query...].includes("plain=1"), LineAnchor.matches(line) { fragment = nil }
      target = target[..<query]
    }
    // "rsXXX_[nombre].md", "ADR-00x-*.md", "#rf-xxx": a template's stand-ins, not links to
    // check. Asked only of what does not resolve, so the usual link costs nothing more.
    if target.isEmpty {
      guard let fragment, !fragment.isEmpty else { return nil }
      reference.kind = .anchorLink
      reference.resolution = AnchorMatcher.resolve(
        fragment, in: path, anchors: ownAnchors, placeholders: settings.placeholders, ignoringCase: settings.anchorsIgnoreCase)
      return reference
    }
    let decoded = RepoPath.percentDecoded(String(target))
    guard let normalized = RepoPath.resolve(decoded, in: decoded.hasPrefix("/") ? "" : folder) else {
      if isPlaceholder(target) { return nil }
      reference.resolution = Self.isGitHubRoute(decoded, from: folder) ? .external : .outsideRoot
      return reference
    }
    let inventory = classifier.inventory
    if let known = inventory.lookup(normalized) {
      reference.resolution = .target(known)
      guard let fragment, !fragment.isEmpty else { return reference }
      if MarkdownFiles.isMarkdown(known), inventory.isFile(known) {
        reference.fragment = fragment
      } else if inventory.isDirectory(known) {
        // GitHub shows a folder's README under its listing: the fragment is one of its anchors.
        if let readme = Self.readmeNames.lazy.map({ RepoPath.join(known, $0) }).first(where: inventory.isFile) {
          reference.resolution = .target(inventory.interned(readme))
          reference.fragment = fragment
        } else {
          reference.resolution = .missingAnchor(path: known, fragment: fragment, suggestion: nil)
        }
      }
    } else if classifier.disk.contains(normalized) {
      reference.resolution = .target(normalized)
    } else if let actual = inventory.caseVariant(of: normalized) {
      reference.resolution = .caseMismatch(path: normalized, actual: actual)
    } else {
      if isPlaceholder(target) { return nil }
      reference.resolution = .missing(path: normalized)
    }
    return reference
  }

  /// Characters and words that mark a destination as a stand-in to fill in.
  private func isPlaceholder(_ text: Substring) -> Bool {
    text.utf8.contains { Self.placeholderBytes.contains($0) }
      || settings.placeholders.contains { text.includes($0) } || settings.hasPlaceholderName(text)
  }

  private static let placeholderBytes: Set<UInt8> = Set("[]{}<>*".utf8)

  /// `../../tree/main/docs` from a root document: on github.com a file's page lives at
  /// `/owner/repo/blob/<branch>/<path>`, so climbing exactly two folders above the root
  /// reaches `/owner/repo/`, and what follows is a page of the repository, not a file.
  static func isGitHubRoute(_ destination: String, from folder: String) -> Bool {
    var depth = folder.isEmpty ? 0 : folder.split(separator: "/").count
    var segments = destination.split(separator: "/", omittingEmptySubsequences: false)[...]
    while let first = segments.first, first == ".." || first == "." {
      if first == ".." { depth -= 1 }
      segments = segments.dropFirst()
    }
    guard depth == -2, let page = segments.first else { return false }
    return gitHubPages.contains(String(page))
  }

  private static let gitHubPages: Set<String> = [
    "tree", "blob", "raw", "issues", "pulls", "pull", "wiki", "actions", "releases", "compare", "discussions",
    "security", "projects", "milestones", "labels", "commits", "commit", "tags", "branches",
  ]

  /// The names GitHub renders below a folder's listing, in its order of preference.
  static let readmeNames = ["README.md", "README.markdown", "readme.md", "Readme.md"]

}

/// Matches a decoded fragment against a document's anchors.
package enum AnchorMatcher {
  package static func resolve(
    _ fragment: String, in path: String, anchors: AnchorSet, placeholders: [String] = [], ignoringCase: Bool = false
  ) -> Resolution {
    if fragment == "top" || anchors.contains(fragment) { return .target(path) }
    if fragment.hasPrefix("user-content-"), anchors.contains(String(fragment.dropFirst(13))) {
      return .target(path)
    }
    // Asked only of a fragment that does not match exactly: one pass over the anchors.
    if ignoringCase {
      let wanted = (fragment.hasPrefix("user-content-") ? String(fragment.dropFirst(13)) : fragment).lowercased()
      if wanted == "top" || anchors.contains(where: { $0.lowercased() == wanted }) { return .target(path) }
    }
    // "#rf-xxx": a template's stand-in, not an anchor to check.
    if placeholders.contains(where: fragment.includes) { return .target(path) }
    // An anchor that differs only in letter case is surely the one meant; an image-only
    // heading's empty slug is never worth suggesting.
    // Slugs are lowercase: a fragment with capitals differs from one by case alone when its
    // lowercase form is an anchor (one lookup; HTML ids with capitals get the edit distance).
    let hasCapitals = fragment.utf8.contains { ($0 >= 0x41 && $0 <= 0x5A) || $0 >= 0x80 }
    let lowercased = hasCapitals ? fragment.lowercased() : fragment
    let byCase = hasCapitals && lowercased != fragment && anchors.contains(lowercased) ? lowercased : nil
    // Other suggestions come when the document settles (`suggest`), against an index of
    // the target's anchors built once.
    return .missingAnchor(path: path, fragment: fragment, suggestion: byCase)
  }

  /// The closest anchor to a missing fragment; the empty slug of an image-only heading is
  /// never worth suggesting.
  package static func suggest(_ fragment: String, in index: SuggestionIndex, budget: inout SuggestionBudget) -> String? {
    index.closest(to: fragment, budget: &budget).flatMap { $0.isEmpty ? nil : $0 }
  }
}

/// GitHub line anchors: `L10`, `L10-L20`, `L10C5-L12C3`.
enum LineAnchor {
  static func matches(_ fragment: String) -> Bool {
    var sawDigit = false
    var expectL = true
    for byte in fragment.utf8 {
      if expectL {
        guard byte == UInt8(ascii: "L") else { return false }
        expectL = false
        sawDigit = false
      } else if byte >= 0x30 && byte <= 0x39 {
        sawDigit = true
      } else if byte == UInt8(ascii: "C") && sawDigit {
        sawDigit = false
      } else if byte == UInt8(ascii: "-") && sawDigit {
        expectL = true
      } else {
        return false
      }
    }
    return sawDigit && !expectL
  }
}
