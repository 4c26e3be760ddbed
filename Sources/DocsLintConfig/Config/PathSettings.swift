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
  package var shellLanguages: Set<String> = []
  package var commands: [String: CommandStyle] = [:]
  package var pathOptions: Set<String> = []
  package var directoryOptions: Set<String> = []
  /// Options whose value is never a path (`--format json`, `--changed-since origin/main`).
  package var valueOptions: Set<String> = []
  package var promptLanguages: Set<String> = []
  /// Words that make a path in prose hypothetical ("create", "e.g.", "renamed", "o").
  package var hypotheticalWords: Set<String> = []
  /// Words that make a path one of several options, when right next to it ("or", "like").
  package var alternativeWords: Set<String> = []

  package init() {}

  /// Adds the keys of one YAML mapping (a pack file or a config's `paths:`).
  mutating func merge(_ value: YAMLValue, file: String) throws(ConfigError) {
    guard case .mapping(let entries, _) = value else {
      throw ConfigError(file: file, line: value.line, message: "expected a mapping")
    }
    for entry in entries {
      switch entry.key {
      case "root-files": rootFiles.formUnion(try strings(entry, file))
      case "extensions": extensions.formUnion(try strings(entry, file).map { $0.lowercased() })
      case "placeholders": placeholders += try strings(entry, file)
      case "shell-languages": shellLanguages.formUnion(try strings(entry, file).map { $0.lowercased() })
      case "path-options": pathOptions.formUnion(try strings(entry, file))
      case "directory-options": directoryOptions.formUnion(try strings(entry, file))
      case "value-options": valueOptions.formUnion(try strings(entry, file))
      case "prompt-languages": promptLanguages.formUnion(try strings(entry, file).map { $0.lowercased() })
      case "hypothetical-words": hypotheticalWords.formUnion(try strings(entry, file).map { $0.lowercased() })
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
