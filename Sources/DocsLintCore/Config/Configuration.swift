import Foundation

/// The settings of one run: the built-in packs, adapted by `.docs-lint.yml`.
public struct Configuration: Sendable {
  /// Files to lint, as globs over root-relative paths.
  public var include: [Glob] = [Glob("**/*.md"), Glob("**/*.markdown")]
  /// Files never linted nor listed (matched against root-relative paths).
  public var exclude: [Glob] = []
  /// Per-rule level overrides; `nil` turns a rule off.
  public var levels: [String: Level?] = [:]
  public var paths = PathSettings()
  /// Files larger than this are reported as `input/unreadable` rather than parsed.
  public var maxFileBytes = 10 * 1024 * 1024

  public static let fileName = ".docs-lint.yml"

  /// The built-in defaults from `rules/` (embedded at build time).
  public static func defaults() -> Configuration {
    var configuration = Configuration()
    for name in DefaultPack.files.keys.sorted() {
      let text = DefaultPack.files[name]!
      // The embedded packs are tested; a failure here is a build defect.
      try! configuration.apply(pack: text, file: "rules/\(name)")
    }
    return configuration
  }

  /// Applies one rule-pack file (currently: path settings).
  mutating func apply(pack text: String, file: String) throws(ConfigError) {
    guard let value = try Self.parse(text, file: file) else { return }
    try paths.merge(value, file: file)
  }

  /// Loads `.docs-lint.yml` (or `--config FILE`) on top of the defaults.
  public static func load(file: String?, root: String) throws(ConfigError) -> Configuration {
    var configuration = defaults()
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
    try configuration.apply(config: text, file: file ?? fileName)
    return configuration
  }

  /// Applies the text of a `.docs-lint.yml`.
  public mutating func apply(config text: String, file: String) throws(ConfigError) {
    guard let value = try Self.parse(text, file: file) else { return }
    guard case .mapping(let entries, _) = value else {
      throw ConfigError(file: file, line: value.line, message: "expected a mapping of settings")
    }
    for entry in entries {
      switch entry.key {
      case "include":
        include = try ConfigValues.strings(entry.value, key: entry.key, file: file).map(Glob.init)
      case "exclude":
        exclude += try ConfigValues.strings(entry.value, key: entry.key, file: file).map(Glob.init)
      case "rules":
        try applyLevels(entry.value, file: file)
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
          message: "unknown key '\(entry.key)' (expected include, exclude, rules, paths, max-file-size-kb)")
      }
    }
  }

  private mutating func applyLevels(_ value: YAMLValue, file: String) throws(ConfigError) {
    guard case .mapping(let entries, _) = value else {
      throw ConfigError(file: file, line: value.line, message: "'rules' must map rule ids to a level")
    }
    let known = Set(RuleRegistry.descriptors.map(\.id))
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
          file: file, line: entry.value.line,
          message: "level of '\(entry.key)' must be error, warning, info or off")
      }
    }
  }

  private static func parse(_ text: String, file: String) throws(ConfigError) -> YAMLValue? {
    switch YAMLReader.parse(text) {
    case .success(let value): return value
    case .failure(let problem):
      throw ConfigError(file: file, line: problem.line, message: "invalid YAML: \(problem.message)")
    }
  }

  /// The level a rule runs at, or nil when it is turned off.
  public func level(of descriptor: RuleDescriptor) -> Level? {
    if let override = levels[descriptor.id] { return override }
    return descriptor.defaultLevel
  }
}
