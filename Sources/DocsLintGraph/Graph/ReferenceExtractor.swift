import DocsLintScan


/// Turns one parsed document into the graph's edges, each resolved against
/// the file inventory. Fragments into other Markdown files are left for the
/// graph builder, which knows every file's anchors only after all are parsed.
package struct ReferenceExtractor {
  let classifier: PathClassifier
  let settings: PathSettings

  /// `source` is the file the document was parsed from, still in memory at this point.
  package func references(
    of document: MarkdownDocument, source: SourceText, at path: String, anchors ownAnchors: AnchorSet
  ) -> [Reference] {
    let folder = RepoPath.directory(of: path)
    let bases = folder.isEmpty ? [""] : ["", folder]
    var references: [Reference] = []
    references.reserveCapacity(document.links.count + document.codeSpans.count / 4)
    for link in document.links {
      if let reference = linkReference(link, folder: folder, path: path, ownAnchors: ownAnchors) {
        references.append(reference)
      }
    }
    let commands = CommandScanner(classifier: classifier, settings: settings, defaultBases: bases)
    for span in document.codeSpans {
      references += pathReferences(in: span, source: source, bases: bases, commands: commands)
    }
    for block in document.codeBlocks {
      let language = block.language ?? ""
      let isShell = settings.shellLanguages.contains(language)
      // Indented blocks and bare fences hold commands only on lines that start with one.
      guard isShell || language.isEmpty else { continue }
      let promptOnly = settings.promptLanguages.contains(language)
      for hit in commands.scan(block.lines(in: source), everyLine: isShell, promptOnly: promptOnly) {
        let span = SourceSpan(line: hit.line, column: hit.column, endColumn: hit.column + hit.path.unicodeScalars.count)
        references.append(
          Reference(
            kind: .commandPath, text: hit.path, span: span,
            resolution: classifier.resolve(hit.path, bases: hit.bases)))
      }
    }
    return references
  }

  private func pathReferences(
    in span: CodeSpanItem, source: SourceText, bases: [String], commands: CommandScanner
  ) -> [Reference] {
    let text = String(span.text.trimmingBlanks())
    // Most code spans are identifiers or snippets: skip anything that cannot be a path.
    let hasSpace = text.includesByte(UInt8(ascii: " "))
    guard hasSpace || text.includesByte(UInt8(ascii: "/")) || settings.rootFiles.contains(text) else { return [] }
    if hasSpace {
      // A command in prose: `pytest tests/test_x.py`. Only when the span sits on one line
      // exactly as written, so every word's column is known.
      let exact = span.span.line == span.span.endLine
        && span.span.endColumn - span.span.column == span.text.unicodeScalars.count
      guard exact else { return [] }
      let line = CodeLine(text: Substring(span.text), line: span.span.line, column: span.span.column)
      return commands.scan([line], everyLine: false).map { hit in
        Reference(
          kind: .commandPath, text: hit.path,
          span: SourceSpan(line: hit.line, column: hit.column, endColumn: hit.column + hit.path.unicodeScalars.count),
          resolution: classifier.resolve(hit.path, bases: hit.bases))
      }
    }
    guard let candidate = classifier.candidate(in: text, strict: true, bases: bases) else { return [] }
    let resolution = classifier.resolve(candidate.path, bases: bases)
    // Only a path that does not resolve needs the (costlier) look at its sentence.
    if case .target = resolution {} else if case .glob = resolution {} else {
      if isHypothetical(span, in: source) { return [] }
      // "`docs/tests-only`": a missing name with neither extension nor trailing "/" is as
      // likely a label as a path.
      let last = candidate.path.split(separator: "/").last ?? ""
      if !candidate.path.hasSuffix("/"), !last.contains("."), !Glob.isPattern(last) { return [] }
    }
    let leading = span.text.unicodeScalars.prefix { $0 == " " || $0 == "\t" }.count
    let column = span.span.column + leading + candidate.offset
    return [
      Reference(
        kind: .backtickPath, text: candidate.path,
        span: SourceSpan(line: span.span.line, column: column, endColumn: column + candidate.path.unicodeScalars.count),
        resolution: resolution)
    ]
  }

  /// "Create `src/new.rs`", "e.g. `docs/x.md`", "`old.rs` was removed", "`a.rs` or `b.rs`":
  /// not claims that a file exists. Looks at the prose of the path's sentence before it
  /// (other code spans left out) and the first words after it.
  private func isHypothetical(_ span: CodeSpanItem, in source: SourceText) -> Bool {
    guard !span.bytes.isEmpty else { return false }
    // The code span's backticks sit just outside its text.
    let before = SentenceContext.before(span.bytes.lowerBound - 1, in: source, block: span.block)
    let after = SentenceContext.after(span.bytes.upperBound + 1, in: source, block: span.block)
    let words = Self.proseWords(before) + Self.proseWords(after).prefix(4)
    if words.contains(where: settings.hypotheticalWords.contains) { return true }
    return isAlternative(before: before, after: after)
  }

  /// Lowercase words outside code spans ("e.g." stays one word). Byte-wise: letters are
  /// ASCII letters and any multi-byte character except Latin-1 punctuation (`¿`, `¡`, `«`,
  /// NBSP: C2 A0–BF) and general punctuation (`—`, `…`, curly quotes: E2 80 xx).
  private static func proseWords(_ text: String) -> [String] {
    let bytes = Array(text.utf8)
    var words: [String] = []
    var start = 0
    var inCode = false
    func flush(_ end: Int) {
      var from = start
      var to = end
      while from < to, bytes[from] == UInt8(ascii: ".") { from += 1 }
      while to > from, bytes[to - 1] == UInt8(ascii: ".") { to -= 1 }
      if !inCode, from < to { words.append(String(decoding: bytes[from..<to], as: UTF8.self)) }
    }
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      var separator = 0  // length of a separator at `index`
      if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] >= 0xA0, bytes[index + 1] <= 0xBF {
        separator = 2
      } else if byte == 0xE2, index + 1 < bytes.count, bytes[index + 1] == 0x80 {
        separator = 3
      } else if byte < 0x80, !(byte >= 0x61 && byte <= 0x7A), !(byte >= 0x41 && byte <= 0x5A), byte != 0x2E {
        separator = 1
      }
      if separator > 0 {
        flush(index)
        if byte == UInt8(ascii: "`") { inCode.toggle() }
        index += separator
        start = index
      } else {
        index += 1
      }
    }
    flush(bytes.count)
    return words
  }

  /// "`a.rs` or `b.rs`", "`a/` (or `b.rs`)": an alternative word between this code span and another.
  private func isAlternative(before: String, after: String) -> Bool {
    let punctuation: Set<Character> = ["(", ")", ",", ";", ":"]
    func clean(_ token: Substring) -> Substring {
      var token = token.drop { punctuation.contains($0) }
      while let last = token.last, punctuation.contains(last) { token = token.dropLast() }
      return token
    }
    let previous = before.split(whereSeparator: { $0 == " " || $0 == "\n" }).suffix(2).map(clean)
    let next = after.split(whereSeparator: { $0 == " " || $0 == "\n" }).prefix(2).map(clean)
    if previous.count == 2, settings.alternativeWords.contains(String(previous[1])), previous[0].hasSuffix("`") {
      return true
    }
    return next.count == 2 && settings.alternativeWords.contains(String(next[0])) && next[1].hasPrefix("`")
  }

  private func linkReference(_ link: LinkItem, folder: String, path: String, ownAnchors: AnchorSet) -> Reference? {
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
    if target.isEmpty {
      guard let fragment, !fragment.isEmpty else { return nil }
      reference.kind = .anchorLink
      reference.resolution = AnchorMatcher.resolve(fragment, in: path, anchors: ownAnchors)
      return reference
    }
    let decoded = RepoPath.percentDecoded(String(target))
    guard let normalized = RepoPath.resolve(decoded, in: decoded.hasPrefix("/") ? "" : folder) else {
      reference.resolution = .outsideRoot
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
    } else if classifier.reader.containedPath(normalized) != nil {
      reference.resolution = .target(normalized)
    } else if let actual = inventory.caseVariant(of: normalized) {
      reference.resolution = .caseMismatch(path: normalized, actual: actual)
    } else {
      reference.resolution = .missing(path: normalized)
    }
    return reference
  }

  /// The names GitHub renders below a folder's listing, in its order of preference.
  private static let readmeNames = ["README.md", "README.markdown", "readme.md", "Readme.md"]

  package init(classifier: PathClassifier, settings: PathSettings) {
    self.classifier = classifier
    self.settings = settings
  }
}


/// Matches a decoded fragment against a document's anchors.
package enum AnchorMatcher {
  package static func resolve(_ fragment: String, in path: String, anchors: AnchorSet) -> Resolution {
    if fragment == "top" || anchors.contains(fragment) { return .target(path) }
    if fragment.hasPrefix("user-content-"), anchors.contains(String(fragment.dropFirst(13))) {
      return .target(path)
    }
    // An anchor that differs only in letter case is surely the one meant; an image-only
    // heading's empty slug is never worth suggesting.
    let lowercased = fragment.lowercased()
    let suggestion =
      anchors.filter { $0.lowercased() == lowercased }.min()
      ?? EditDistance.closest(to: fragment, in: anchors.lazy.filter { !$0.isEmpty })
    return .missingAnchor(path: path, fragment: fragment, suggestion: suggestion)
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
