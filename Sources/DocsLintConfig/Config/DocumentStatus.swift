import DocsLintMarkdown

/// What a document's own status says about how to lint it (`rules/vocabulary.yml`,
/// `statuses:`): a finished plan is a record of its time, an archived page is kept for
/// history, a template names the project that fills it in. Each status skips some rules.
package struct DocumentStatus: Sendable {
  package var id: String
  /// Status words (lowercase) that give the document this status.
  package var words: Set<String> = []
  /// Paths that have it whatever they say; a `!` glob takes a path back out.
  package var paths: [Glob] = []
  package var exceptions: [Glob] = []
  /// Front-matter keys whose presence gives the status (`variables:` of a prompt template).
  package var keys: [String] = []
  /// Labels (lowercase) of a line near the top that give the status whatever follows them:
  /// "Report date: 2026-01-15" dates a report, a record of its day.
  package var labels: Set<String> = []
  /// A plan (a kind with the `plan` role) whose Progress items are all checked has it.
  package var finishedPlans = false
  /// Rule ids or `category/*` or `all`: the findings a document with this status does not get.
  package var skips: [String] = []

  /// `**/archive/**`-style globs, kept as the folder names they stand for (a set lookup
  /// per folder of the path instead of a glob match each).
  private var anywhereFolders: Set<Substring> = []
  /// `**/*template*.md`-style globs, kept as patterns of the file name alone.
  private var anywhereNames = NamePatterns()

  init(id: String) { self.id = id }

  /// The folder names that give the status wherever they are (`**/vendor/**` → `vendor`).
  package var folderNames: Set<String> { Set(anywhereFolders.map { $0.lowercased() }) }

  /// Whether a folder of the path (not its file name) is one of `anywhereFolders`.
  private func inAnywhereFolder(_ path: String) -> Bool {
    let utf8 = path.utf8
    var start = utf8.startIndex
    var index = start
    while index < utf8.endIndex {
      if utf8[index] == UInt8(ascii: "/") {
        if start < index, anywhereFolders.contains(path[start..<index]) { return true }
        start = utf8.index(after: index)
      }
      index = utf8.index(after: index)
    }
    return false
  }

  mutating func add(path glob: String) {
    let inner = glob.dropFirst(3).dropLast(3)
    let name = glob.dropFirst(3)
    if glob.hasPrefix("**/"), glob.hasSuffix("/**"), !inner.isEmpty, !inner.contains(where: { "/*?[".contains($0) }) {
      anywhereFolders.insert(inner)
    } else if glob.hasPrefix("**/"), !name.isEmpty, !name.contains("/"), !name.hasPrefix("*") || !name.dropFirst().isEmpty {
      anywhereNames.add([String(name)])
    } else {
      paths.append(Glob(glob))
    }
  }

  /// `name`: the path's file name.
  func matches(path: String, name: String) -> Bool {
    let byFolder = !anywhereFolders.isEmpty && inAnywhereFolder(path)
    let byName = !anywhereNames.isEmpty && anywhereNames.matches(name)
    // By index: `contains(where:)` copies every glob it passes.
    return (byFolder || byName || paths.indices.contains { paths[$0].matches(path) })
      && !exceptions.indices.contains { exceptions[$0].matches(path) }
  }
}

package struct DocumentStatuses: Sendable {
  package private(set) var all: [DocumentStatus] = []
  /// Pages whose status is their folder's (`STATUS.md` of a project folder), lowercase names.
  package private(set) var folderPages: Set<String> = []
  /// The first bytes (lowercase, up to six) of every label a status line can open with.
  private var labelStarts = Self.statusLabels.map { Array($0.utf8.prefix(6)) }
  /// The status each word or label gives (the first status that lists it), an index into `all`.
  private var byWord: [String: Int] = [:]
  private var byLabel: [String: Int] = [:]

  package init() {}

  /// Adds to or extends the statuses of earlier packs; unknown keys are errors.
  mutating func merge(_ value: YAMLValue, file: String) throws(ConfigError) {
    guard case .mapping(let entries, _) = value else {
      throw ConfigError(file: file, line: value.line, message: "'statuses' must map status ids to words, paths and skips")
    }
    for entry in entries {
      if entry.key == "folder-pages" {
        folderPages.formUnion(try Vocabulary.words(entry.value, key: entry.key, file: file).map { $0.lowercased() })
        continue
      }
      guard case .mapping(let fields, _) = entry.value else {
        throw ConfigError(file: file, line: entry.line, message: "status '\(entry.key)' must be a mapping")
      }
      var status = all.first { $0.id == entry.key } ?? DocumentStatus(id: entry.key)
      for field in fields {
        switch field.key {
        case "words": status.words.formUnion(try Vocabulary.words(field.value, key: field.key, file: file).map { $0.lowercased() })
        case "finished-plans": status.finishedPlans = ["true", "yes"].contains(field.value.string?.lowercased() ?? "")
        case "keys": status.keys += try Vocabulary.words(field.value, key: field.key, file: file)
        case "labels": status.labels.formUnion(try Vocabulary.words(field.value, key: field.key, file: file).map { $0.lowercased() })
        case "skips": status.skips += try Vocabulary.words(field.value, key: field.key, file: file)
        case "paths":
          for glob in try Vocabulary.words(field.value, key: field.key, file: file) {
            if glob.hasPrefix("!") { status.exceptions.append(Glob(String(glob.dropFirst()))) } else { status.add(path: glob) }
          }
        default:
          throw ConfigError(file: file, line: field.line, message: "unknown key '\(field.key)' in status '\(entry.key)'")
        }
      }
      if let index = all.firstIndex(where: { $0.id == status.id }) { all[index] = status } else { all.append(status) }
    }
    byWord = [:]
    byLabel = [:]
    for (index, status) in all.enumerated().reversed() {
      for word in status.words { byWord[word] = index }
      for label in status.labels { byLabel[label] = index }
    }
    labelStarts = (Array(Self.statusLabels) + byLabel.keys.sorted()).map { Array($0.utf8.prefix(6)) }
  }

  /// The status a path alone gives (`templates/x.md` is a template wherever its words say).
  package func status(ofPath path: String) -> DocumentStatus? {
    let name = String(RepoPath.name(of: path))
    return all.indices.first { all[$0].matches(path: path, name: name) }.map { all[$0] }
  }

  /// The status a front-matter value names (`tipo: plantilla` → template), and the keys read for it.
  package func status(namedBy value: String) -> DocumentStatus? { Self.firstWord(value).flatMap(status(named:)) }
  package static let statusValueKeys = frontMatterKeys

  /// The status of a document: by its path, else its front matter's `status:`/`estado:`/`type:`,
  /// a `Status:` line in its first 15 lines, or an opening banner (`> **Archived** ...`).
  /// `placeholders`: section bodies that say nothing yet ("Pendiente", "TBD").
  package func status(
    of path: String, document: MarkdownDocument, source: SourceText, kind: ResolvedKind?, placeholders: Set<String>
  ) -> DocumentStatus?
  {
    guard !all.isEmpty else { return nil }
    let name = String(RepoPath.name(of: path))
    if let index = all.indices.first(where: { all[$0].matches(path: path, name: name) }) { return all[index] }
    switch writtenStatus(document: document, source: source) {
    case .known(let status): return status
    case .unknown: return nil  // "estado: en-progreso" says the plan is live, whatever its checkboxes
    case .none: break
    }
    if let finished = all.first(where: \.finishedPlans), let kind,
      Self.isFinishedPlan(kind, document: document, source: source, placeholders: placeholders)
    {
      return finished
    }
    return nil
  }

  /// Every task item of the plan's Progress section is checked (and there is one), and
  /// its Outcomes section says something (not "Pending").
  private static func isFinishedPlan(
    _ resolved: ResolvedKind, document: MarkdownDocument, source: SourceText, placeholders: Set<String>
  ) -> Bool {
    guard resolved.kind.has(.plan), let spec = resolved.variant?.sections.first(where: { $0.id == "progress" }),
      let section = resolved.sections.first(where: { spec.matches(normalizedHeading: $0.normalizedTitle) }),
      let lines = section.bodyLines,
      let outcomesSpec = resolved.variant?.sections.first(where: { $0.id == "outcomes" }),
      let outcomes = resolved.sections.first(where: { outcomesSpec.matches(normalizedHeading: $0.normalizedTitle) })
    else { return false }
    switch outcomes.body {
    case .empty: return false
    case .short(let text, _): if placeholders.contains(text) { return false }
    case .substantial: break
    }
    var checked = 0
    for item in document.listItems where lines.contains(item.line) {
      switch item.checkbox(in: source) {
      case false?: return false
      case true?: checked += 1
      case nil: break
      }
    }
    return checked > 0
  }

  private enum Written {
    case known(DocumentStatus)
    /// A status none of ours names ("in progress", "draft").
    case unknown
    case none
  }

  private func writtenStatus(document: MarkdownDocument, source: SourceText) -> Written {
    var sawStatus = false
    if let values = document.frontMatter?.value {
      if let byKey = all.first(where: { $0.keys.contains { values[$0] != nil } }) { return .known(byKey) }
      for key in Self.frontMatterKeys {
        guard let word = values[key]?.string.flatMap(Self.firstWord) else { continue }
        if let status = status(named: word) { return .known(status) }
        if Self.statusKeys.contains(key) { sawStatus = true }
      }
    }
    let first = (document.frontMatter?.endLine ?? 0) + 1
    if first <= source.lineCount {
      for line in first...min(source.lineCount, first + 15) {
        // Only the opening of a line can hold a status label or a banner's first word.
        let range = source.byteRange(ofLine: line)
        guard mayHoldStatus(source.bytes[range]) else { continue }
        // Emphasis marks dropped, ASCII letters lowercased, on bytes.
        let opening = source.bytes[range.lowerBound..<min(range.upperBound, range.lowerBound + 120)]
        let text = String(decoding: opening, as: UTF8.self)
        // Code ends the look, except the fence that wraps a whole plan ("```md").
        if text.hasPrefix("```") || text.hasPrefix("~~~") {
          if line == first, text.dropFirst(3).trimmingBlanks().lowercased().hasPrefix("m") { continue }
          break
        }
        let plain = String(
          decoding: opening.filter { $0 != UInt8(ascii: "*") && $0 != UInt8(ascii: "_") }.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 },
          as: UTF8.self
        ).trimmingBlanks()
        // "## Status" then "Accepted - 2025-12-30": an ADR's status section.
        if plain.hasPrefix("#"), line < source.lineCount, Self.statusLabels.contains(String(plain.drop { $0 == "#" }.trimmingBlanks())) {
          let next = ((line + 1)...min(source.lineCount, line + 3)).lazy.map { source.lineText($0).trimmingBlanks() }
            .first { !$0.isEmpty }
          // A list under the heading is a section's content ("## Estado" / "- hecho"), not a status.
          guard let next, !"-*+|".contains(next.first ?? "-"), !(next.first?.isNumber ?? false),
            let word = Self.firstWord(next)
          else { continue }
          if let status = status(named: word) { return .known(status) }
          sawStatus = true
          continue
        }
        // "Status: Complete", "# Project Status: Completed"; "Report date: ..." by its label alone.
        let label = plain.firstIndex(of: ":").map { String(plain[..<$0].drop { $0 == "#" }.trimmingBlanks()) }
        if let label, let index = byLabel[label] { return .known(all[index]) }
        if let colon = plain.firstIndex(of: ":"), let label, Self.statusLabels.contains(label) {
          guard let word = Self.firstWord(plain[plain.index(after: colon)...]) else { continue }
          if let status = status(named: word) { return .known(status) }
          sawStatus = true
        } else if plain.hasPrefix(">"), let word = Self.firstWord(plain.dropFirst()), let status = status(named: word),
          !Self.isAside(plain.dropFirst(), after: word)
        {
          return .known(status)
        }
      }
    }
    return sawStatus ? .unknown : .none
  }

  /// A line that starts (after blanks and emphasis) with `#`, `>`, a backtick fence or the
  /// opening of a label (status, state, estado, "report date"): the rest cannot be a status line.
  private func mayHoldStatus(_ bytes: ArraySlice<UInt8>) -> Bool {
    guard let start = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != UInt8(ascii: "*") && $0 != UInt8(ascii: "_") && $0 != UInt8(ascii: "-") })
    else { return false }
    if ">`~".utf8.contains(bytes[start]) { return true }
    // A heading only when it is titled like a status ("## Status").
    let wordStart = bytes[start...].firstIndex { $0 != UInt8(ascii: "#") && $0 != 0x20 } ?? bytes.endIndex
    let word = bytes[wordStart...].prefix(6)
    return labelStarts.contains { label in
      word.count >= label.count && zip(word, label).allSatisfy { $0 | 0x20 == $1 }
    }
  }

  /// "> Historical note: the versions above ...": a note about part of the page, not the
  /// page's own status ("> Historical record: ...").
  private static func isAside(_ text: Substring, after word: String) -> Bool {
    guard let range = text.range(of: word) else { return false }
    let next = firstWord(text[range.upperBound...])
    return next.map(asideWords.contains) ?? false
  }

  private static let asideWords: Set<String> = ["note", "notes", "nota", "notas", "context", "contexto", "background", "antecedentes"]

  private func status(named word: String) -> DocumentStatus? {
    byWord[word].map { all[$0] }
  }

  private static let frontMatterKeys = ["status", "estado", "state", "type", "tipo", "kind"]
  private static let statusKeys: Set<String> = ["status", "estado", "state"]
  private static let statusLabels: Set<String> = [
    "status", "estado", "state", "- status", "- estado", "project status", "estado del proyecto",
  ]

  /// The first word of letters, lowercased, skipping marks such as `[!note]`, emoji and punctuation.
  private static func firstWord(_ text: some StringProtocol) -> String? {
    var bytes = Substring(text).utf8[...]
    // "[!NOTE] ...": an admonition's kind is not the banner's word.
    if bytes.drop(while: { $0 == 0x20 }).first == UInt8(ascii: "["), let close = bytes.firstIndex(of: UInt8(ascii: "]")) {
      bytes = bytes[bytes.index(after: close)...]
    }
    // Letters: ASCII ones and any multi-byte character (accented letters; emoji rarely open a status).
    let isLetter = { (byte: UInt8) in (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte >= 0xC3 }
    let start = bytes.drop { !isLetter($0) }
    let word = start.prefix { isLetter($0) || ($0 >= 0x80 && $0 < 0xC0) }
    return word.isEmpty ? nil : String(decoding: word, as: UTF8.self).lowercased()
  }
}
