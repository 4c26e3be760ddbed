import DocsLintMarkdown
import Foundation

/// The settings of one run: the built-in packs, adapted by `.docs-lint.yml`.
package struct Configuration: Sendable {
  /// Files to lint, as globs over root-relative paths.
  package var include: [Glob] = [Glob("**/*.md"), Glob("**/*.markdown")]
  /// Files never linted nor listed (matched against root-relative paths).
  package var exclude: [Glob] = []
  /// Per-rule level overrides; `nil` turns a rule off.
  package var levels: [String: Level?] = [:]
  package var paths = PathSettings()
  package var kinds = KindSettings()
  /// Words rules look for (`rules/vocabulary.yml`).
  package var vocabulary = Vocabulary()
  /// Files larger than this are reported as `input/unreadable` rather than parsed.
  package var maxFileBytes = 10 * 1024 * 1024
  /// The text of every configuration file and extra pack applied, in order: with the
  /// embedded defaults (part of the build), what the parse cache keys the settings by.
  package var sourceTexts: [String] = []

  /// The ids of the registered rules, which `rules:` and a kind's `levels:` may name.
  package let ruleIDs: Set<String>

  package static let fileName = ".docs-lint.yml"

  package init(ruleIDs: Set<String>) {
    self.ruleIDs = ruleIDs
  }

  /// The built-in defaults from `rules/` (embedded at build time).
  package static func defaults(ruleIDs: Set<String>) -> Configuration {
    var configuration = Configuration(ruleIDs: ruleIDs)
    for name in DefaultPack.files.keys.sorted() {
      let text = DefaultPack.files[name]!
      // The embedded packs are tested; a failure here is a build defect.
      try! configuration.apply(pack: text, file: "rules/\(name)")
    }
    return configuration
  }

  /// Applies one rule-pack file: path settings, kinds, front-matter conventions, rule levels.
  mutating func apply(pack text: String, file: String) throws(ConfigError) {
    guard let value = try Self.parse(text, file: file) else { return }
    guard case .mapping(let entries, _) = value else {
      throw ConfigError(file: file, line: value.line, message: "a rule pack is a mapping of settings")
    }
    for entry in entries {
      if KindSettings.keys.contains(entry.key) {
        try kinds.merge(key: entry.key, value: entry.value, file: file, ruleIDs: ruleIDs)
      } else if Vocabulary.keys.contains(entry.key) {
        try vocabulary.merge(key: entry.key, value: entry.value, file: file)
      } else if entry.key == "rules" {
        levels.merge(try Levels.read(entry.value, file: file, known: ruleIDs)) { $1 }
      } else {
        try paths.merge(.mapping([entry], line: entry.line), file: file)
      }
    }
  }

  /// Loads `.docs-lint.yml` (or `--config FILE`) on top of the defaults.
  package static func load(file: String?, root: String, ruleIDs: Set<String>) throws(ConfigError) -> Configuration {
    var configuration = defaults(ruleIDs: ruleIDs)
    let path = file ?? (root as NSString).appendingPathComponent(fileName)
    guard FileManager.default.fileExists(atPath: path) else {
      if file != nil { throw ConfigError(file: path, line: 1, message: "config file not found") }
      return configuration
    }
    guard let data = FileManager.default.contents(atPath: path),
      let text = String(data: data, encoding: .utf8)
    else {
      throw ConfigError(file: path, line: 1, message: "config file is unreadable or not UTF-8")
    }
    try configuration.apply(config: text, file: file ?? fileName, root: root)
    return configuration
  }

  /// Applies the text of a `.docs-lint.yml`.
  /// `root` resolves `packs:` folders; extra packs apply before the rest of the file.
  package mutating func apply(config text: String, file: String, root: String? = nil) throws(ConfigError) {
    sourceTexts.append(text)
    guard let value = try Self.parse(text, file: file) else { return }
    guard case .mapping(let entries, _) = value else {
      throw ConfigError(file: file, line: value.line, message: "expected a mapping of settings")
    }
    // Globs and folders are text: `include: 5` is a mistake, not a pattern named "5".
    if let typed = YAMLReader.typedScalars(in: text, under: ["include", "exclude", "packs"]).first {
      throw ConfigError(
        file: file, line: typed.line,
        message: "'\(typed.key)' wants globs or folders as text, and '\(typed.value)' is \(typed.type) (quote it if it is a name)")
    }
    for entry in entries where entry.key == "packs" {
      for folder in try ConfigValues.strings(entry.value, key: "packs", file: file) {
        try applyPacks(in: folder, root: root ?? ".", file: file, line: entry.line)
      }
    }
    for entry in entries {
      switch entry.key {
      case "packs":
        continue
      case "include":
        include = try ConfigValues.strings(entry.value, key: entry.key, file: file).map(Glob.init)
      case "exclude":
        exclude += try ConfigValues.strings(entry.value, key: entry.key, file: file).map(Glob.init)
      case "rules":
        levels.merge(try Levels.read(entry.value, file: file, known: ruleIDs)) { $1 }
      case let key where KindSettings.keys.contains(key):
        try kinds.merge(key: key, value: entry.value, file: file, ruleIDs: ruleIDs)
      case let key where Vocabulary.keys.contains(key):
        try vocabulary.merge(key: key, value: entry.value, file: file)
      case "paths":
        try paths.merge(entry.value, file: file)
      case "max-file-size-kb":
        guard let text = entry.value.string, let kilobytes = Int(text), kilobytes > 0 else {
          throw ConfigError(file: file, line: entry.value.line, message: "'max-file-size-kb' must be a positive integer")
        }
        maxFileBytes = kilobytes * 1024
      default:
        throw ConfigError(
          file: file, line: entry.line,
          message:
            "unknown key '\(entry.key)' (expected include, exclude, rules, paths, kinds, front-matter, reference-keys, date-keys, section-placeholders, environments, deployment-sections, living-document-phrases, validation-sections, validation-checks, folder-pages, packs, max-file-size-kb)"
        )
      }
    }
  }

  /// Every `*.yml` in a folder, in name order, as a rule pack. A relative folder is inside
  /// the repository (a pull request's configuration cannot reach for YAML elsewhere, nor
  /// through a symbolic link); only an absolute path, written on purpose, loads from outside.
  private mutating func applyPacks(in folder: String, root: String, file: String, line: Int) throws(ConfigError) {
    let path = folder.hasPrefix("/") ? folder : (root as NSString).appendingPathComponent(folder)
    if !folder.hasPrefix("/") {
      let real = { (path: String) -> String? in
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
      }
      let target = real(path)
      let base = real(root) ?? root
      let inside = target.map { $0 == base || $0.hasPrefix(base.hasSuffix("/") ? base : base + "/") } ?? true
      guard RepoPath.normalize(folder) != nil, inside else {
        throw ConfigError(
          file: file, line: line,
          message: "rule-pack folder '\(folder)' is outside the repository (write an absolute path to load packs from elsewhere)")
      }
    }
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
      throw ConfigError(file: file, line: line, message: "rule-pack folder '\(folder)' not found")
    }
    for name in names.sorted() where name.hasSuffix(".yml") || name.hasSuffix(".yaml") {
      let packFile = (path as NSString).appendingPathComponent(name)
      guard let data = FileManager.default.contents(atPath: packFile), let text = String(data: data, encoding: .utf8) else {
        throw ConfigError(file: packFile, line: 1, message: "rule pack is unreadable or not UTF-8")
      }
      sourceTexts.append(text)
      try apply(pack: text, file: (folder as NSString).appendingPathComponent(name))
    }
  }

  private static func parse(_ text: String, file: String) throws(ConfigError) -> YAMLValue? {
    switch YAMLReader.parse(text) {
    case .success(let value): return value
    case .failure(let problem):
      throw ConfigError(file: file, line: problem.line, message: "invalid YAML: \(problem.message)")
    }
  }

  /// The level a rule runs at, or nil when it is turned off (in a document of `kind`, if given).
  package func level(of descriptor: RuleDescriptor, in kind: DocumentKind? = nil) -> Level? {
    if let kind, let override = Levels.lookup(descriptor.id, in: kind.levels) { return override }
    if let override = Levels.lookup(descriptor.id, in: levels) { return override }
    return descriptor.enabledByDefault ? descriptor.defaultLevel : nil
  }
}
