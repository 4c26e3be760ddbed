import DocsLintScan

/// Turns one parsed document into the graph's edges, each resolved against
/// the file inventory. Fragments into other Markdown files are left for the
/// graph builder, which knows every file's anchors only after all are parsed.
///
/// Paths in prose and commands are read where the document says they apply: relative to
/// the repository root, the document's folder, the sub-project it lives in, the folder an
/// earlier `cd` of the same section moved to, or a folder the sentence before a block
/// names ("from the `api/` folder"). A path the document itself creates with an earlier
/// command (`python -m venv venv`, `cat > x.json`) need not exist.
package struct ReferenceExtractor {
  let classifier: PathClassifier
  let settings: PathSettings
  /// Folders that hold a project marker (`package.json`, ...): the sub-projects.
  let projectFolders: Set<String>
  /// What every document's hypothetical context reads, made once.
  let shared: HypotheticalContext.Shared
  /// One scanner for every document (each call is given its bases): a scanner holds copies
  /// of the settings and classifier, costly to make per document.
  let commands: CommandScanner

  /// `source` is the file the document was parsed from, still in memory at this point.
  package func references(
    of document: MarkdownDocument, source: SourceText, at path: String, anchors ownAnchors: AnchorSet
  ) -> [Reference] {
    let folder = RepoPath.directory(of: path)
    let bases = documentBases(folder)
    var references: [Reference] = []
    references.reserveCapacity(document.links.count + document.codeSpans.count / 4)
    for link in document.links {
      if let reference = linkReference(link, folder: folder, path: path, ownAnchors: ownAnchors) {
        references.append(reference)
      }
    }
    var created: [(path: String, line: Int)] = []
    var leftRepository = false
    func append(_ hits: [CommandScanner.Hit]) {
      for hit in hits {
        if hit.creates {
          created += hit.createdPaths
          continue
        }
        appendResolved(hit, classifier.resolve(hit.path, bases: hit.bases))
      }
    }
    func appendResolved(_ hit: CommandScanner.Hit, _ resolution: Resolution) {
      let span = SourceSpan(line: hit.line, column: hit.column, endColumn: hit.column + hit.path.unicodeScalars.count)
      references.append(Reference(kind: .commandPath, text: hit.path, span: span, resolution: resolution))
    }
    let context = HypotheticalContext(shared: shared, source: source, listItems: document.listItems, headings: document.headings)
    // Code blocks first: a `cd` to a folder outside the repository makes later `./x` spans unknowable.
    var section = -1
    var carried: [String]? = bases
    var previousEnd = 0
    // Blocks come in document order: the headings above one only grow.
    var headingsAbove = 0
    for block in document.codeBlocks {
      let language = block.language ?? ""
      let isShell = settings.shellLanguages.contains(language)
      // Indented blocks and bare fences hold commands only on lines that start with one.
      guard isShell || language.isEmpty else { continue }
      // "Output:" just before a bare block: what a command printed, not commands.
      if language.isEmpty, followsOutputLabel(block, in: source) { continue }
      while headingsAbove < document.headings.count, document.headings[headingsAbove].span.line < block.firstLine {
        headingsAbove += 1
      }
      if headingsAbove != section {
        section = headingsAbove
        carried = bases
        previousEnd = headingsAbove > 0 ? document.headings[headingsAbove - 1].endLine : 0
      }
      // "From the `api/` folder:" just before the block.
      let named = namedFolders(in: document, lines: previousEnd..<max(previousEnd, block.firstLine), source: source, bases: bases)
      var blockBases = carried.map { named + $0 }
      let lines = block.lines(in: source)
      // In a section titled "Planned ...", a missing command path is planned too.
      for hit in commands.scan(lines, everyLine: isShell, promptOnly: settings.promptLanguages.contains(language), bases: &blockBases) {
        if hit.creates {
          append([hit])
          continue
        }
        let resolution = classifier.resolve(hit.path, bases: hit.bases)
        if resolution.isBroken, context.sectionExcuses(line: hit.line, path: hit.path) { continue }
        appendResolved(hit, resolution)
      }
      // The shell session goes on in the next block of the section.
      if blockBases == nil { leftRepository = true }
      carried = blockBases.map { Self.unique($0) }
      previousEnd = (lines.last?.line ?? block.firstLine) + 1
    }

    var excused = Set<String>()
    var previous: CodeSpanItem?
    for span in document.codeSpans where !span.inLink {
      defer { previous = span }
      references += pathReferences(
        in: span, after: previous, source: source, bases: bases, leftRepository: leftRepository,
        context: context, excused: &excused, append: append, appendResolved: appendResolved)
    }
    for item in document.textPaths {
      if let reference = textPathReference(item, source: source, bases: bases, context: context) {
        references.append(reference)
      }
    }
    references.markCreated(created)
    if !excused.isEmpty { excuse(&references, excused, checked: context.checkedLines) }
    return references
  }

  /// A path the document calls new, planned or removed somewhere ("Create `x.sh`", "`y.rs`
  /// was removed") is that same file wherever else the document names it; except in a
  /// checked task item, which says it exists.
  private func excuse(_ references: inout [Reference], _ excused: Set<String>, checked: Set<Int>) {
    guard !excused.isEmpty else { return }
    references.removeAll { reference in
      guard !reference.kind.isLink, !checked.contains(reference.span.line) else { return false }
      switch reference.resolution {
      case .missing, .globMatchesNothing: return excused.contains(reference.text)
      default: return false
      }
    }
  }

  /// `**docs/runbooks/x.md**` in a list or after "File:": only a word shaped like a repository
  /// file (its first folder exists at the root, a known extension) counts.
  private func textPathReference(_ item: TextPathItem, source: SourceText, bases: [String], context: HypotheticalContext)
    -> Reference?
  {
    guard let candidate = classifier.candidate(in: item.text, strict: true, bases: [""]),
      let head = candidate.path.split(separator: "/").first, classifier.inventory.isDirectory(String(head)),
      classifier.hasKnownExtension(candidate.path.split(separator: "/").last ?? "")
    else { return nil }
    let resolution = classifier.resolve(candidate.path, bases: bases)
    if case .missing = resolution,
      context.isHypothetical(written: item.bytes, block: item.block, path: candidate.path)
    {
      return nil
    }
    let column = item.span.column + candidate.offset
    return Reference(
      kind: .textPath, text: candidate.path,
      span: SourceSpan(line: item.span.line, column: column, endColumn: column + candidate.path.unicodeScalars.count),
      resolution: resolution)
  }

  /// Whether the last non-blank line before the block ends with an output label and a colon.
  private func followsOutputLabel(_ block: CodeBlockItem, in source: SourceText) -> Bool {
    guard !settings.outputLabels.isEmpty else { return false }
    var line = block.firstLine - (block.isFenced ? 2 : 1)
    while line >= 1, source.lineText(line).trimmingBlanks().isEmpty { line -= 1 }
    guard line >= 1 else { return false }
    // Only a line ending in ":" can be a label; read just its end.
    let range = source.byteRange(ofLine: line)
    guard let last = source.bytes[range].lastIndex(where: { $0 != 0x20 && $0 != 0x0D && $0 != UInt8(ascii: "*") && $0 != UInt8(ascii: "_") }),
      source.bytes[last] == UInt8(ascii: ":")
    else { return false }
    let tail = source.bytes[max(range.lowerBound, last - 60)...last]
    var text = String(decoding: tail, as: UTF8.self).lowercased().filter { $0 != "*" && $0 != "_" }.trimmingBlanks()
    guard text.hasSuffix(":") else { return false }
    text = text.dropLast().trimmingBlanks()
    // The tail may start mid-line: a label is the whole line or its last words.
    let wholeLine = tail.startIndex == range.lowerBound
    return settings.outputLabels.contains { (wholeLine && text == $0) || text.hasSuffix(" " + $0) }
  }

  private static func unique(_ folders: [String]) -> [String] {
    var seen = Set<String>()
    return folders.filter { seen.insert($0).inserted }
  }

  /// The root, the document's folder and the sub-projects it lives in, nearest first.
  private func documentBases(_ folder: String) -> [String] {
    guard !folder.isEmpty else { return [""] }
    var bases = ["", folder]
    var ancestor = RepoPath.directory(of: folder)
    while !ancestor.isEmpty {
      if projectFolders.contains(ancestor) { bases.append(ancestor) }
      ancestor = RepoPath.directory(of: ancestor)
    }
    return bases
  }

  /// Existing folders that a code span names right after a working-directory word
  /// ("from", "in", "desde") in the given lines: the folder the next block runs in.
  private func namedFolders(in document: MarkdownDocument, lines: Range<Int>, source: SourceText, bases: [String]) -> [String] {
    guard !lines.isEmpty else { return [] }
    var folders: [String] = []
    // Code spans are in document order: find the first on these lines by bisection.
    let spans = document.codeSpans
    var low = 0
    var high = spans.count
    while low < high {
      let middle = (low + high) / 2
      if spans[middle].span.line < lines.lowerBound { low = middle + 1 } else { high = middle }
    }
    for span in spans[low...].prefix(while: { $0.span.line < lines.upperBound }) where !span.bytes.isEmpty {
      let text = span.text.trimmingBlanks()
      guard !text.isEmpty, !text.includesByte(UInt8(ascii: " ")) else { continue }
      // A folder first (a lookup), then the word before it (a look at the sentence).
      let name = text.hasSuffix("/") ? String(text.dropLast()) : String(text)
      var found: String?
      for base in bases {
        if let folder = RepoPath.normalize(RepoPath.join(base, name)), !folder.isEmpty, classifier.inventory.isDirectory(folder) {
          found = folder
          break
        }
      }
      guard let folder = found else { continue }
      let before = SentenceContext.before(span.bytes.lowerBound - 1, in: source, block: span.block)
      guard let word = before.split(whereSeparator: { $0 == " " || $0 == "\n" }).last,
        settings.directoryWords.contains(String(word))
      else { continue }
      folders.append(folder)
    }
    return folders
  }

  private func pathReferences(
    in span: CodeSpanItem, after previous: CodeSpanItem?, source: SourceText, bases: [String], leftRepository: Bool,
    context: HypotheticalContext, excused: inout Set<String>, append: ([CommandScanner.Hit]) -> Void,
    appendResolved: (CommandScanner.Hit, Resolution) -> Void
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
      // After a `cd` out of the repository, `sudo ./svc.sh install` runs there too.
      var spanBases: [String]? = bases
      let hits = commands.scan([line], everyLine: false, bases: &spanBases).filter { !(leftRepository && $0.path.hasPrefix("./")) }
      // "(or `pytest tests/x.py` if added)": the sentence speaks of every path of the command.
      var hypothetical: Bool?
      append(hits.filter(\.creates))
      for hit in hits where !hit.creates {
        let resolution = classifier.resolve(hit.path, bases: hit.bases)
        if resolution.isBroken {
          if hypothetical == nil { hypothetical = context.isHypothetical(span, path: hit.path, alternatives: false) }
          if hypothetical == true {
            excused.insert(hit.path)
            continue
          }
        }
        appendResolved(hit, resolution)
      }
      return []
    }
    // After a `cd` out of the repository, `./x.sh` is in a folder docs-lint cannot see.
    if leftRepository, text.hasPrefix("./"), !text.dropFirst(2).includesByte(UInt8(ascii: "/")) { return [] }
    guard let candidate = classifier.candidate(in: text, strict: true, bases: bases) else { return [] }
    let resolution = classifier.resolve(candidate.path, bases: bases)
    // Only a path that does not resolve needs the (costlier) look at its sentence.
    if resolution.isBroken {
      if context.isHypothetical(span, path: candidate.path) {
        excused.insert(candidate.path)
        // "`skills/stacks/` ... Currently empty": kept as planned, for the other pages too.
        guard case .missing(let path) = resolution, context.statesAbsence(span) else { return [] }
        return [reference(.backtickPath, candidate, in: span, resolution: .planned(path: path))]
      }
      // "`src/auth.py` → `tests/unit/test_auth.py`" where the repository has no `src/`: a naming convention.
      if let previous, context.isDerivedName(span, from: previous),
        classifier.candidate(in: String(previous.text.trimmingBlanks()), strict: true, bases: bases) == nil
      {
        return []
      }
      // "`docs/tests-only`": a missing name with neither extension nor trailing "/" is as
      // likely a label as a path.
      let last = candidate.path.split(separator: "/").last ?? ""
      if !candidate.path.hasSuffix("/"), !last.contains("."), !Glob.isPattern(last) { return [] }
    }
    return [reference(.backtickPath, candidate, in: span, resolution: resolution)]
  }

  private func reference(_ kind: ReferenceKind, _ candidate: PathClassifier.Candidate, in span: CodeSpanItem, resolution: Resolution)
    -> Reference
  {
    let leading = span.text.unicodeScalars.prefix { $0 == " " || $0 == "\t" }.count
    let column = span.span.column + leading + candidate.offset
    return Reference(
      kind: kind, text: candidate.path,
      span: SourceSpan(line: span.span.line, column: column, endColumn: column + candidate.path.unicodeScalars.count),
      resolution: resolution)
  }

  package init(classifier: PathClassifier, settings: PathSettings) {
    self.classifier = classifier
    self.settings = settings
    var folders = Set<String>()
    for marker in settings.projectMarkers {
      for path in classifier.inventory.paths(named: marker) where classifier.inventory.isFile(path) {
        folders.insert(RepoPath.directory(of: path))
      }
    }
    projectFolders = folders
    shared = HypotheticalContext.Shared(settings: settings, classifier: classifier)
    commands = CommandScanner(classifier: classifier, settings: settings, defaultBases: [""])
  }
}
