import DocsLintMarkdown

/// Words rules look for, in the languages documentation is written in: data in
/// `rules/vocabulary.yml`, which a repository's `.docs-lint.yml` may add to.
package struct Vocabulary: Sendable {
  /// Phrases that make an ExecPlan's preamble a living-document statement (lowercase).
  package var livingDocumentPhrases: [String] = []
  /// Normalized title prefixes of a plan's or spec's validation sections.
  package var validationSections: [String] = []
  /// The commands that check each IaC technology (by its id), in order.
  package var validationChecks: [(technology: String, commands: [String])] = [] {
    didSet {
      validationCommands = validationChecks.flatMap { entry in
        entry.commands.map { ValidationCommand(command: $0, technology: entry.technology) }
      }
    }
  }
  /// The same, one command at a time with its words as bytes: split once, not per document.
  package private(set) var validationCommands: [ValidationCommand] = []
  /// Files every folder may have its own of (README, index, CHANGELOG, ...), lowercase.
  package private(set) var folderPages: Set<String> = []
  /// What a document's status says (finished, archived, template) and which findings it skips.
  package var statuses = DocumentStatuses()
  /// Declaration keywords of source code, by file extension (`py` → `class`, `def`): a
  /// `<Name>Agent` declared in code after one of them is an agent name too.
  package var codeDeclarations: [String: Set<String>] = [:]

  /// The declaration keywords of a source file's language, by its extension (none for a
  /// file that is not source code the vocabulary knows).
  package func declarationKeywords(of path: String) -> Set<String>? {
    guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
    return codeDeclarations[path[path.index(after: dot)...].lowercased()]
  }
  /// Function words of English and of Spanish, to tell a document's language from its headings.
  package var englishWords: Set<String> = []
  package var spanishWords: Set<String> = []
  /// Whole front-matter values a template leaves to be filled (`YYYY-MM-DD`, `TBD`).
  package var templateValues: Set<String> = []
  /// Folders (lowercase) whose pages are templates (`plantillas`, `issue_template`).
  package var templateFolders: Set<String> = []
  /// The longest of their names in bytes: most names are judged without a lowercased copy.
  private var longestFolderPage = 0

  package static let keys: Set<String> = [
    "living-document-phrases", "validation-sections", "validation-checks", "folder-pages", "statuses",
    "code-declarations", "template-values", "template-folders", "language-words",
  ]

  package init() {}

  /// Whether headings read as English: more English function words than Spanish ones, a
  /// word with an accent or ñ counting as Spanish.
  package func isEnglish(headings: [String]) -> Bool {
    var english = 0
    var spanish = 0
    for heading in headings {
      for word in heading.lowercased().split(whereSeparator: { !$0.isLetter }) {
        if englishWords.contains(String(word)) { english += 1 }
        if spanishWords.contains(String(word)) || word.utf8.contains(where: { $0 >= 0x80 }) { spanish += 1 }
      }
    }
    return english > spanish
  }

  /// Whether a file name is a per-folder page, in any letter case.
  package func isFolderPage(named name: some StringProtocol) -> Bool {
    name.utf8.count <= longestFolderPage && folderPages.contains(name.lowercased())
  }

  /// Adds one key's words to what earlier packs gave (a repository adds; it cannot remove
  /// a default word).
  mutating func merge(key: String, value: YAMLValue, file: String) throws(ConfigError) {
    switch key {
    case "living-document-phrases":
      livingDocumentPhrases += try Self.words(value, key: key, file: file).map { $0.lowercased() }
    case "validation-sections":
      validationSections += try Self.words(value, key: key, file: file).map(TitleMatcher.normalize)
    case "folder-pages":
      folderPages.formUnion(try Self.words(value, key: key, file: file).map { $0.lowercased() })
      longestFolderPage = folderPages.map(\.utf8.count).max() ?? 0
    case "statuses":
      try statuses.merge(value, file: file)
    case "language-words":
      guard case .mapping(let entries, _) = value else {
        throw ConfigError(file: file, line: value.line, message: "'language-words' must map 'en' and 'es' to words")
      }
      for entry in entries {
        let words = try Self.words(entry.value, key: entry.key, file: file).map { $0.lowercased() }
        switch entry.key {
        case "en": englishWords.formUnion(words)
        case "es": spanishWords.formUnion(words)
        default: throw ConfigError(file: file, line: entry.line, message: "unknown language '\(entry.key)' (expected en, es)")
        }
      }
    case "template-values": templateValues.formUnion(try Self.words(value, key: key, file: file))
    case "template-folders": templateFolders.formUnion(try Self.words(value, key: key, file: file).map { $0.lowercased() })
    case "code-declarations":
      guard case .mapping(let entries, _) = value else {
        throw ConfigError(file: file, line: value.line, message: "'code-declarations' must map file extensions to keywords")
      }
      for entry in entries {
        let keywords = try Self.words(entry.value, key: entry.key, file: file)
        // "ts js": one list for several extensions.
        for ext in entry.key.split(separator: " ") { codeDeclarations[ext.lowercased(), default: []].formUnion(keywords) }
      }
    case "validation-checks":
      guard case .mapping(let entries, _) = value else {
        throw ConfigError(file: file, line: value.line, message: "'validation-checks' must map technologies to commands")
      }
      for entry in entries {
        let commands = try Self.words(entry.value, key: entry.key, file: file)
        if let index = validationChecks.firstIndex(where: { $0.technology == entry.key }) {
          validationChecks[index].commands += commands
        } else {
          validationChecks.append((entry.key, commands))
        }
      }
    default: throw ConfigError(file: file, line: value.line, message: "unknown key '\(key)'")
    }
  }

  /// A list of words, none blank: an empty word would match everything.
  static func words(_ value: YAMLValue, key: String, file: String) throws(ConfigError) -> [String] {
    let words = try ConfigValues.strings(value, key: key, file: file)
    guard !words.contains(where: { $0.trimmingBlanks().isEmpty }) else {
      throw ConfigError(file: file, line: value.line, message: "'\(key)' lists an empty word")
    }
    return words
  }

}

/// A command that checks an IaC technology (`terraform validate`), with its words as bytes.
package struct ValidationCommand: Sendable {
  package let command: String
  /// An `IaCTechnology` raw value.
  package let technology: String
  package let words: [[UInt8]]

  init(command: String, technology: String) {
    self.command = command
    self.technology = technology
    words = command.split(separator: " ").map { Array($0.utf8) }
  }
}
