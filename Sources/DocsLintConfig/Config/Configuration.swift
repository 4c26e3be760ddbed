import DocsLintMarkdown
import Foundation

/// The settings of one run: the built-in packs, adapted by `.docs-lint.yml`.
package struct Configuration: Sendable {
  /// Files to lint, as globs over root-relative paths.
  package var include: [Glob] = [Glob("**/*.md"), Glob("**/*.markdown")]
  /// Files never linted (matched against root-relative paths); they still count as link
  /// targets. DocC catalogs are left out by default: DocC finds resources by name, links
  /// with `<doc:…>` and keeps anchors' letter case, so CommonMark's reading of them is wrong.
  package var exclude: [Glob] = [Configuration.doccCatalogs]
  package static let doccCatalogs = Glob("**/*.docc/**")
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
  /// Levels for some files only: folders' own configuration files and `overrides:`.
  package var cascade = ConfigCascade()
  /// Warnings about configuration files found but not read.
  package var notes: [String] = []

  /// The ids of the registered rules, which `rules:` and a kind's `levels:` may name.
  package let ruleIDs: Set<String>

  package static let fileName = ".docs-lint.yml"
  /// The names a configuration file may have, in every folder.
  package static let fileNames = [".docs-lint.yml", ".docs-lint.yaml"]

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

  /// Loads `.docs-lint.yml` (or `--config FILE`) on top of the defaults, then the
  /// configuration files of folders below the root (`nested`, root-relative, found in the
  /// file list), outermost first.
  package static func load(
    file: String?, root: String, ruleIDs: Set<String>, nested: [String] = []
  ) throws(ConfigError) -> Configuration {
    var configuration = defaults(ruleIDs: ruleIDs)
    // `--config` is relative to the current folder; what it extends, to the file itself.
    let file = file.map { $0.hasPrefix("/") ? $0 : FileManager.default.currentDirectoryPath + "/" + $0 }
    let found = fileNames.filter { FileManager.default.fileExists(atPath: (root as NSString).appendingPathComponent($0)) }
    if file == nil, found.count > 1 {
      throw ConfigError(file: found[1], line: 1, message: "two configuration files at the root (\(found.joined(separator: ", "))): keep one")
    }
    if let written = file ?? found.first {
      let path = file ?? (root as NSString).appendingPathComponent(written)
      guard FileManager.default.fileExists(atPath: path) else {
        throw ConfigError(file: path, line: 1, message: "config file not found")
      }
      try configuration.apply(config: try Self.text(of: path), file: written, root: root)
      configuration.cascade.files.append(written)
      configuration.cascade.rootFile = written
    }
    let folders = nested.map { RepoPath.directory(of: $0) }.filter { !$0.isEmpty }
    if let twice = Dictionary(grouping: folders, by: { $0 }).first(where: { $0.value.count > 1 })?.key {
      throw ConfigError(file: twice + "/" + fileNames[1], line: 1, message: "two configuration files in \(twice)/: keep one")
    }
    for path in nested.sorted(by: { ($0.split(separator: "/").count, $0) < ($1.split(separator: "/").count, $1) })
    where !RepoPath.directory(of: path).isEmpty {
      if configuration.exclude.contains(where: { $0.matches(path) }) {
        configuration.notes.append("\(path) is in an excluded folder: not read")
        continue
      }
      let text = try Self.text(of: (root as NSString).appendingPathComponent(path))
      try configuration.apply(config: text, file: path, root: root, folder: RepoPath.directory(of: path))
      configuration.cascade.files.append(path)
    }
    try configuration.checkOverrideKinds()
    return configuration
  }

  private static func text(of path: String) throws(ConfigError) -> String {
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
      throw ConfigError(file: path, line: 1, message: "config file is unreadable or not UTF-8")
    }
    return text
  }

  /// Applies the text of a `.docs-lint.yml`. `root` resolves `packs:` folders and
  /// `extends:` files; extended files and extra packs apply before the rest of the file.
  /// `folder` is where the file stands: below the root it may set only per-file keys (rule
  /// levels, excludes, overrides), and its globs are relative to that folder.
  package mutating func apply(
    config text: String, file: String, root: String? = nil, folder: String = "", extending: [String] = []
  ) throws(ConfigError) {
    sourceTexts.append(text)
    guard let value = try Self.parse(text, file: file) else { return }
    guard case .mapping(let entries, _) = value else {
      throw ConfigError(file: file, line: value.line, message: "expected a mapping of settings")
    }
    if !folder.isEmpty, let global = entries.first(where: { !ConfigCascade.nestedKeys.contains($0.key) }) {
      throw ConfigError(
        file: file, line: global.line,
        message: "'\(global.key)' applies to the whole run: set it in the root .docs-lint.yml (a folder's file sets rules, exclude, overrides, extends and root)")
    }
    for entry in entries where entry.key == "extends" {
      for path in try ConfigValues.strings(entry.value, key: "extends", file: file) {
        try applyExtended(path, from: file, root: root ?? ".", folder: folder, extending: extending, line: entry.line)
      }
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
    var overrides: [ConfigCascade.Scope] = []
    defer { cascade.scopes += overrides }
    for entry in entries {
      switch entry.key {
      case "packs", "extends":
        continue
      case "root":
        guard let flag = entry.value.string, flag == "true" || flag == "false" else {
          throw ConfigError(file: file, line: entry.value.line, message: "'root' is true or false")
        }
        if flag == "true", !folder.isEmpty { cascade.stops.append(folder) }
      case "overrides":
        // After the file's own rules, wherever the key is written.
        overrides += try ConfigCascade.overrides(entry.value, folder: folder, file: file, known: ruleIDs)
      case "include":
        include = try ConfigValues.strings(entry.value, key: entry.key, file: file).map(Glob.init)
      case "exclude":
        for pattern in try ConfigValues.strings(entry.value, key: entry.key, file: file) {
          exclude.append(try ConfigCascade.glob(folder: folder, pattern, file: file, line: entry.line))
        }
      case "rules" where !folder.isEmpty:
        cascade.scopes.append(
          ConfigCascade.Scope(
            origin: file, folder: folder, files: nil,
            levels: try Levels.read(entry.value, file: file, known: ruleIDs), line: entry.line))
      case "rules":
        levels.merge(try Levels.read(entry.value, file: file, known: ruleIDs)) { $1 }
      case let key where KindSettings.keys.contains(key):
        try kinds.merge(key: key, value: entry.value, file: file, ruleIDs: ruleIDs)
      case let key where Vocabulary.keys.contains(key):
        try vocabulary.merge(key: key, value: entry.value, file: file)
      case "paths":
        try paths.merge(entry.value, file: file)
      case "docc":
        guard let mode = entry.value.string, mode == "exclude" || mode == "lint" else {
          throw ConfigError(file: file, line: entry.value.line, message: "'docc' is exclude (the default) or lint")
        }
        exclude.removeAll { $0 == Self.doccCatalogs }
        if mode == "exclude" { exclude.insert(Self.doccCatalogs, at: 0) }
      case "anchors":
        guard let mode = entry.value.string, mode == "case-insensitive" || mode == "case-sensitive" else {
          throw ConfigError(file: file, line: entry.value.line, message: "'anchors' is case-sensitive or case-insensitive")
        }
        paths.anchorsIgnoreCase = mode == "case-insensitive"
      case "max-file-size-kb":
        guard let text = entry.value.string, let kilobytes = Int(text), kilobytes > 0 else {
          throw ConfigError(file: file, line: entry.value.line, message: "'max-file-size-kb' must be a positive integer")
        }
        maxFileBytes = kilobytes * 1024
      default:
        throw ConfigError(
          file: file, line: entry.line,
          message:
            "unknown key '\(entry.key)' (expected include, exclude, rules, overrides, extends, root, paths, anchors, docc, kinds, front-matter, reference-keys, date-keys, section-placeholders, environments, deployment-sections, living-document-phrases, validation-sections, validation-checks, folder-pages, packs, max-file-size-kb)"
        )
      }
    }
  }

  /// `extends: [path]`: another configuration file applied first, as if written in this one
  /// (its globs are relative to this file's folder). A relative path is relative to this
  /// file and stays inside the repository; an absolute one, written on purpose, may not.
  private mutating func applyExtended(
    _ path: String, from file: String, root: String, folder: String, extending: [String], line: Int
  ) throws(ConfigError) {
    let base = (file.hasPrefix("/") ? file : (root as NSString).appendingPathComponent(file) as String)
    let absolute = path.hasPrefix("/") ? path : ((base as NSString).deletingLastPathComponent as NSString).appendingPathComponent(path)
    guard let real = Self.realPath(absolute) else {
      throw ConfigError(file: file, line: line, message: "extended configuration '\(path)' not found")
    }
    if !path.hasPrefix("/") {
      let top = Self.realPath(root) ?? root
      guard real == top || real.hasPrefix(top.hasSuffix("/") ? top : top + "/") else {
        throw ConfigError(
          file: file, line: line,
          message: "extended configuration '\(path)' is outside the repository (write an absolute path to use one from elsewhere)")
      }
    }
    guard !extending.contains(real) else {
      throw ConfigError(file: file, line: line, message: "'\(path)' extends itself, through \(extending.count) file(s)")
    }
    let top = Self.realPath(root) ?? root
    let shown = real.hasPrefix(top + "/") ? String(real.dropFirst(top.count + 1)) : real
    try apply(config: try Self.text(of: real), file: shown, root: root, folder: folder, extending: extending + [real])
    cascade.files.append(shown)
  }

  private static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// Every kind an override names exists (kinds are known once the root file is read).
  private func checkOverrideKinds() throws(ConfigError) {
    let known = Set(kinds.kinds.map(\.id))
    for scope in cascade.scopes {
      if let unknown = scope.kindLevels.keys.sorted().first(where: { !known.contains($0) }) {
        let file = scope.origin.components(separatedBy: " overrides[").first ?? scope.origin
        throw ConfigError(file: file, line: scope.line, message: "override names no kind '\(unknown)'")
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
