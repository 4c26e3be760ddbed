import DocsLintMarkdown

/// Reads `rule-id: error|warning|info|off` mappings, rejecting ids not in `known` (the
/// registered rules, which live in a layer above the configuration). A key may also be
/// `category/*` (`link/*: off`), for every rule of a category; a rule's own entry wins.
package enum Levels {
  /// The level `levels` sets for `id`: its own entry, else its category's; nil when neither.
  package static func lookup(_ id: String, in levels: [String: Level?]) -> Level?? {
    if let own = levels[id] { return own }
    guard !levels.isEmpty, let slash = id.firstIndex(of: "/") else { return nil }
    return levels[id[...slash] + "*"]
  }

  static func read(_ value: YAMLValue, file: String, known: Set<String>) throws(ConfigError) -> [String: Level?] {
    guard case .mapping(let entries, _) = value else {
      throw ConfigError(file: file, line: value.line, message: "'rules' must map rule ids to a level")
    }
    var levels: [String: Level?] = [:]
    for entry in entries {
      let isCategory = entry.key.hasSuffix("/*") && known.contains { $0.hasPrefix(entry.key.dropLast()) }
      guard known.contains(entry.key) || isCategory else {
        // A pattern is compared with the categories' patterns, an id with the ids.
        let candidates = entry.key.hasSuffix("/*") ? Set(known.compactMap { $0.split(separator: "/").first.map { $0 + "/*" } }) : known
        let hint = EditDistance.closest(to: entry.key, in: candidates.sorted()).map { "; did you mean '\($0)'?" } ?? ""
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
