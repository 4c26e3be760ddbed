import DocsLintMarkdown
import Foundation

/// Document kinds and the front-matter conventions shared by all documents,
/// from `rules/kinds.yml`, extended by `.docs-lint.yml` and extra packs.
package struct KindSettings: Sendable, Hashable {
  /// Kinds in declaration order; a document takes the first kind whose globs match.
  package var kinds: [DocumentKind] = []
  /// Types of well-known front-matter keys, checked when present.
  package var frontMatter: [String: ValueType] = [:]
  package var referenceKeys: Set<String> = []
  /// Keys that declare a document's id, in order: the first present is the id (`id`, `task_id`).
  package var idKeys: [String] = []
  package var dateKeys: [String] = []
  /// Normalized section bodies that count as empty.
  package var placeholders: Set<String> = []
  /// Normalized openings of a short body that make it a placeholder ("se adjuntaran ...").
  package var placeholderOpenings: [String] = []
  /// Environment words, folded (`producción` → `produccion`), to their canonical name (`prod`).
  package var environments: [String: String] = [:]
  /// Normalized title patterns of the sections where plans name rollout environments.
  package var deploymentSections: [String] = [] {
    didSet {
      let literals = deploymentSections.map { pattern in
        pattern.split(separator: "*").max { $0.utf8.count < $1.utf8.count }.map(String.init) ?? ""
      }
      deploymentLiterals = literals.allSatisfy(\.isASCII) ? literals : nil
    }
  }
  /// The longest literal part of each (`despliegue` of `despliegue*`): a title holding none
  /// of them is no deployment section, found with one byte search per pattern. Nil when a
  /// literal is not ASCII (such patterns match by characters, which bytes cannot stand for).
  private var deploymentLiterals: [String]? = []
  /// Words after an environment word that make it a role, not a target ("QA approval"), folded.
  package var environmentRoleWords: Set<String> = []

  package static let keys: Set<String> = [
    "kinds", "front-matter", "reference-keys", "id-keys", "date-keys", "section-placeholders", "section-placeholder-openings", "environments", "deployment-sections",
    "environment-role-words",
  ]

  /// Whether a short section body says nothing yet: a placeholder word ("TBD"), an opening
  /// that promises content ("Se adjuntarán los resultados", "To be added"), or a bracketed
  /// stand-in left from a template ("[Descripción del alcance]").
  package func isPlaceholder(_ normalized: String, written: String) -> Bool {
    if placeholders.contains(normalized) { return true }
    if placeholderOpenings.contains(where: { normalized == $0 || normalized.hasPrefix($0 + " ") }) { return true }
    return written.hasPrefix("[") && written.hasSuffix("]") && !written.contains("](") && !written.contains("][") && !written.hasPrefix("[x]")
      && !written.hasPrefix("[ ]")
  }

  /// Whether a normalized title is a deployment section's: one of `deploymentSections` at
  /// any word of it ("plan de despliegue", "estrategia de rollout").
  package func isDeploymentSection(_ title: String) -> Bool {
    if let literals = deploymentLiterals, !literals.contains(where: { title.includes($0) }) { return false }
    var rest = Substring(title)
    while !rest.isEmpty {
      if deploymentSections.contains(where: { TitleMatcher.matches(rest, pattern: $0) }) { return true }
      guard let space = rest.firstIndex(of: " ") else { return false }
      rest = rest[rest.index(after: space)...]
    }
    return false
  }

  /// The canonical environment a word or IaC name stands for, if it is one.
  package func environment(named word: some StringProtocol) -> String? {
    environments[TextFolding.caseAndAccents(String(word))]
  }

  package init() {}

  package func kind(of path: String) -> DocumentKind? {
    // By index: walking `kinds` by value would copy every kind for every file.
    for index in kinds.indices where kinds[index].contains(path) { return kinds[index] }
    return nil
  }

  package func isDateKey(_ key: String) -> Bool {
    let lowered = key.lowercased()
    return dateKeys.contains { TitleMatcher.matches(lowered, pattern: $0) }
  }

  mutating func merge(key: String, value: YAMLValue, file: String, ruleIDs: Set<String>) throws(ConfigError) {
    switch key {
    case "kinds": try mergeKinds(value, file: file, ruleIDs: ruleIDs)
    case "front-matter": frontMatter.merge(try Self.types(value, file: file)) { $1 }
    case "reference-keys": referenceKeys.formUnion(try ConfigValues.strings(value, key: key, file: file))
    case "id-keys":
      for idKey in try ConfigValues.strings(value, key: key, file: file) where !idKeys.contains(idKey) { idKeys.append(idKey) }
    case "date-keys": dateKeys += try ConfigValues.strings(value, key: key, file: file).map { $0.lowercased() }
    case "section-placeholders":
      placeholders.formUnion(
        try ConfigValues.strings(value, key: key, file: file).map { TitleMatcher.normalize($0).isEmpty ? $0 : TitleMatcher.normalize($0) })
    case "section-placeholder-openings":
      placeholderOpenings += try ConfigValues.strings(value, key: key, file: file).map(TitleMatcher.normalize)
    case "environments":
      guard case .mapping(let entries, _) = value else {
        throw ConfigError(file: file, line: value.line, message: "'environments' must map names to lists of words")
      }
      for entry in entries {
        let canonical = entry.key.lowercased()
        environments[canonical] = canonical
        for word in try ConfigValues.strings(entry.value, key: entry.key, file: file) {
          environments[TextFolding.caseAndAccents(word)] = canonical
        }
      }
    case "deployment-sections":
      deploymentSections += try ConfigValues.strings(value, key: key, file: file).map(TitleMatcher.normalizePattern)
    case "environment-role-words":
      environmentRoleWords.formUnion(
        try ConfigValues.strings(value, key: key, file: file).map { TextFolding.caseAndAccents($0) })
    default: throw ConfigError(file: file, line: value.line, message: "unknown key '\(key)'")
    }
  }

  /// A kind given again changes only the keys it names; `sections` as a mapping
  /// patches sections by title instead of replacing the list. New kinds go before the
  /// kinds of earlier files, so a repository's own kind wins over a default for the same paths.
  private mutating func mergeKinds(_ value: YAMLValue, file: String, ruleIDs: Set<String>) throws(ConfigError) {
    guard case .mapping(let entries, _) = value else {
      throw ConfigError(file: file, line: value.line, message: "'kinds' must map kind ids to their settings")
    }
    var insertion = 0
    for entry in entries {
      if let index = kinds.firstIndex(where: { $0.id == entry.key }) {
        if entry.value.string == "off" {
          kinds.remove(at: index)
        } else {
          try KindReader(file: file, ruleIDs: ruleIDs).apply(entry.value, to: &kinds[index])
        }
      } else {
        var kind = DocumentKind(id: entry.key, name: entry.key)
        try KindReader(file: file, ruleIDs: ruleIDs).apply(entry.value, to: &kind)
        guard !kind.paths.isEmpty else {
          throw ConfigError(file: file, line: entry.line, message: "kind '\(entry.key)' needs 'paths'")
        }
        kinds.insert(kind, at: insertion)
        insertion += 1
      }
    }
  }

  static func types(_ value: YAMLValue, file: String) throws(ConfigError) -> [String: ValueType] {
    guard case .mapping(let entries, _) = value else {
      throw ConfigError(file: file, line: value.line, message: "front-matter must map keys to a type")
    }
    var result: [String: ValueType] = [:]
    for entry in entries {
      guard let type = entry.value.string.flatMap(ValueType.init(rawValue:)) else {
        let names = ValueType.allCases.map(\.rawValue).joined(separator: ", ")
        throw ConfigError(file: file, line: entry.value.line, message: "type of '\(entry.key)' must be one of \(names)")
      }
      result[entry.key] = type
    }
    return result
  }
}
