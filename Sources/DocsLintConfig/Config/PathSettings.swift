import DocsLintMarkdown

/// How the path classifier recognises path references (from `rules/paths.yml`,
/// extended by `.docs-lint.yml`'s `paths:` section).
package struct PathSettings: Sendable, Hashable {
  package enum CommandStyle: String, Sendable, Hashable {
    /// The first operand is a script path.
    case script
    /// Every operand is a path.
    case operands
    /// Only the values of path options are paths.
    case options
  }

  package var rootFiles: Set<String> = []
  package var extensions: Set<String> = []
  package var placeholders: [String] = []
  /// `anchors: case-insensitive`: a fragment matches an anchor whatever its letter case, as
  /// on renderers that lowercase fragments. Off by default: GitHub's own anchors are exact.
  package var anchorsIgnoreCase = false
  /// Folder or file names that are stand-ins (`my-project`, `myapp`), as one-segment globs,
  /// kept as exact names, prefixes (`my-*`), suffixes (`*-xxx`) and other globs.
  package private(set) var placeholderNames = NamePatterns()
  /// Folders a run writes into (`mutants.out`, `coverage`): missing paths under them are outputs.
  package private(set) var outputFolders = NamePatterns()
  /// Labels before a code block that make it a command's output, not commands ("Output:").
  package var outputLabels: [String] = []
  /// Heading words that make a section's missing paths planned ("Planned", "Futuro").
  package var sectionWords: Set<String> = []
  /// Words right before a path that put it in another repository ("that repository's").
  package var foreignWords: [String] = []
  package var shellLanguages: Set<String> = []
  package var commands: [String: CommandStyle] = [:]
  package var pathOptions: Set<String> = []
  package var directoryOptions: Set<String> = []
  /// Options whose value is never a path (`--format json`, `--changed-since origin/main`).
  package var valueOptions: Set<String> = []
  /// Options whose value is always a path for one command only (`pip install -r FILE`).
  package var commandPathOptions: [String: Set<String>] = [:]
  /// Files that make their folder a sub-project (`package.json`, `pyproject.toml`): paths
  /// in the documents below it may be written relative to it.
  package var projectMarkers: Set<String> = []
  /// Words before a folder's code span that make it the next block's working directory
  /// ("from the `api/` folder", "desde `infra/`").
  package var directoryWords: Set<String> = []
  package var promptLanguages: Set<String> = []
  /// Words that make a path in prose hypothetical ("create", "e.g.", "renamed", "o").
  package var hypotheticalWords: Set<String> = []
  /// Phrases of several words that do the same ("to be created", "if added").
  package var hypotheticalPhrases: [String] = []
  /// Phrases that say a path is not there yet ("currently empty", "not yet added"): such a
  /// path is planned on every page of the repository, not only on the one that says so.
  package var absencePhrases: [String] = []
  /// Example labels ("e.g.", "ejemplo"): they excuse only a path with a stand-in name.
  package var exampleWords: Set<String> = []
  /// Stand-in names that make a path an example (`docs/my-feature.md`, `src/foo.rs`).
  package var exampleNames: Set<String> = []
  /// Hypothetical words that, followed by one of `extendingPrepositions`, name a file that
  /// exists ("add to `x.md`").
  package var extendingWords: Set<String> = []
  package var extendingPrepositions: Set<String> = []
  /// Words that make a path one of several options, when right next to it ("or", "like").
  package var alternativeWords: Set<String> = []

  package init() {}

  /// Whether a segment of the path (its extension aside) is a stand-in name.
  package func hasPlaceholderName(_ path: Substring) -> Bool {
    guard !placeholderNames.isEmpty else { return false }
    return path.split(separator: "/").contains { segment in
      let name = segment.lowercased()
      let stem = name.lastIndex(of: ".").map { String(name[..<$0]) } ?? name
      return placeholderNames.matches(name) || placeholderNames.matches(stem)
    }
  }

  /// Adds the keys of one YAML mapping (a pack file or a config's `paths:`).
  mutating func merge(_ value: YAMLValue, file: String) throws(ConfigError) {
    guard case .mapping(let entries, _) = value else {
      throw ConfigError(file: file, line: value.line, message: "'paths' must be a mapping of settings")
    }
    for entry in entries {
      switch entry.key {
      case "root-files": rootFiles.formUnion(try strings(entry, file))
      case "extensions": extensions.formUnion(try strings(entry, file).map { $0.lowercased() })
      case "placeholders": placeholders += try strings(entry, file)
      case "output-folders": outputFolders.add(try strings(entry, file))
      case "section-words": sectionWords.formUnion(try strings(entry, file).map { $0.lowercased() })
      case "foreign-words": foreignWords += try strings(entry, file).map { $0.lowercased() }
      case "output-labels": outputLabels += try strings(entry, file).map { $0.lowercased() }
      case "placeholder-names": placeholderNames.add(try strings(entry, file).map { $0.lowercased() })
      case "shell-languages": shellLanguages.formUnion(try strings(entry, file).map { $0.lowercased() })
      case "path-options": pathOptions.formUnion(try strings(entry, file))
      case "directory-options": directoryOptions.formUnion(try strings(entry, file))
      case "value-options": valueOptions.formUnion(try strings(entry, file))
      case "project-markers": projectMarkers.formUnion(try strings(entry, file))
      case "directory-words": directoryWords.formUnion(try strings(entry, file).map { $0.lowercased() })
      case "command-path-options":
        guard case .mapping(let commandEntries, _) = entry.value else {
          throw ConfigError(file: file, line: entry.line, message: "'command-path-options' must map command names to lists of options")
        }
        for command in commandEntries {
          commandPathOptions[command.key, default: []].formUnion(
            try ConfigValues.strings(command.value, key: command.key, file: file))
        }
      case "prompt-languages": promptLanguages.formUnion(try strings(entry, file).map { $0.lowercased() })
      case "hypothetical-words":
        for word in try strings(entry, file).map({ $0.lowercased() }) {
          if word.includesByte(UInt8(ascii: " ")) { hypotheticalPhrases.append(word) } else { hypotheticalWords.insert(word) }
        }
      case "absence-phrases": absencePhrases += try strings(entry, file).map { $0.lowercased() }
      case "example-words": exampleWords.formUnion(try strings(entry, file).map { $0.lowercased() })
      case "example-names": exampleNames.formUnion(try strings(entry, file).map { $0.lowercased() })
      case "extending-words": extendingWords.formUnion(try strings(entry, file).map { $0.lowercased() })
      case "extending-prepositions": extendingPrepositions.formUnion(try strings(entry, file).map { $0.lowercased() })
      case "alternative-words": alternativeWords.formUnion(try strings(entry, file).map { $0.lowercased() })
      case "commands":
        guard case .mapping(let commandEntries, _) = entry.value else {
          throw ConfigError(file: file, line: entry.line, message: "'commands' must map command names to script, operands or options")
        }
        for command in commandEntries {
          guard let text = command.value.string, let style = CommandStyle(rawValue: text) else {
            throw ConfigError(
              file: file, line: command.line,
              message: "command '\(command.key)' must be one of script, operands, options")
          }
          commands[command.key] = style
        }
      default:
        throw ConfigError(file: file, line: entry.line, message: "unknown key '\(entry.key)' in paths settings")
      }
    }
  }

  private func strings(_ entry: YAMLEntry, _ file: String) throws(ConfigError) -> [String] {
    try ConfigValues.strings(entry.value, key: entry.key, file: file)
  }
}

/// Typed reads from YAML values, with errors at the value's line.
enum ConfigValues {
  static func strings(_ value: YAMLValue, key: String, file: String) throws(ConfigError) -> [String] {
    switch value {
    case .scalar(let text, _): return [text]
    case .sequence(let items, _):
      var result: [String] = []
      for item in items {
        guard let text = item.string else {
          throw ConfigError(file: file, line: item.line, message: "'\(key)' must be a list of strings")
        }
        result.append(text)
      }
      return result
    case .mapping(_, let line):
      throw ConfigError(file: file, line: line, message: "'\(key)' must be a list of strings")
    }
  }
}

/// One-segment name globs sorted by shape, so the usual ones (`my-*`, `*.out`, `myapp`)
/// cost a hash lookup or a prefix test rather than a glob match.
package struct NamePatterns: Sendable, Hashable {
  private var exact: Set<String> = []
  private var prefixes: [String] = []
  private var suffixes: [String] = []
  private var infixes: [String] = []
  private var globs: [Glob] = []

  package init() {}

  package var isEmpty: Bool { exact.isEmpty && prefixes.isEmpty && suffixes.isEmpty && infixes.isEmpty && globs.isEmpty }

  package mutating func add(_ patterns: [String]) {
    for pattern in patterns {
      let wildcards = pattern.filter { $0 == "*" || $0 == "?" || $0 == "[" }.count
      let stars = pattern.filter { $0 == "*" }.count
      if wildcards == 0 {
        exact.insert(pattern)
      } else if wildcards == 1, pattern.hasSuffix("*") {
        prefixes.append(String(pattern.dropLast()))
      } else if wildcards == 1, pattern.hasPrefix("*") {
        suffixes.append(String(pattern.dropFirst()))
      } else if wildcards == 2, stars == 2, pattern.hasPrefix("*"), pattern.hasSuffix("*"), pattern.count > 2 {
        infixes.append(String(pattern.dropFirst().dropLast()))
      } else {
        globs.append(Glob(pattern))
      }
    }
  }

  package func matches(_ name: String) -> Bool {
    exact.contains(name) || prefixes.contains(where: name.hasPrefix) || suffixes.contains(where: name.hasSuffix)
      || infixes.contains(where: name.includes) || globs.contains { $0.matches(name) }
  }
}
