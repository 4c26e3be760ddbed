import DocsLintMarkdown

/// Reads `rule-id: error|warning|info|off` mappings, rejecting ids not in `known` (the
/// registered rules, which live in a layer above the configuration).
enum Levels {
  static func read(_ value: YAMLValue, file: String, known: Set<String>) throws(ConfigError) -> [String: Level?] {
    guard case .mapping(let entries, _) = value else {
      throw ConfigError(file: file, line: value.line, message: "'rules' must map rule ids to a level")
    }
    var levels: [String: Level?] = [:]
    for entry in entries {
      guard known.contains(entry.key) else {
        let hint = EditDistance.closest(to: entry.key, in: known.sorted()).map { "; did you mean '\($0)'?" } ?? ""
        throw ConfigError(file: file, line: entry.line, message: "unknown rule '\(entry.key)'\(hint)")
      }
      let text = entry.value.string ?? ""
      if text == "off" || text == "false" {
        levels[entry.key] = .some(nil)
      } else if let level = Level(rawValue: text) {
        levels[entry.key] = level
      } else {
        throw ConfigError(
          file: file, line: entry.value.line, message: "level of '\(entry.key)' must be error, warning, info or off")
      }
    }
    return levels
  }
}
