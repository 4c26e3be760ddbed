import DocsLintMarkdown
import Foundation

/// Rule levels that apply to some files only, in the order they apply (later wins): a
/// folder's own `.docs-lint.yml` (its `rules:` for the files below it), and every
/// `overrides:` entry (for the files its globs match). Run-wide settings (paths, kinds,
/// vocabularies, packs) stay in the root configuration.
package struct ConfigCascade: Sendable {
  /// One set of levels and the files it is for.
  package struct Scope: Sendable {
    /// Where it was written: `docs/.docs-lint.yml`, or `docs/.docs-lint.yml overrides[0]`.
    package var origin: String
    /// The folder of the configuration file ("" at the root).
    package var folder: String
    /// Globs, relative to `folder`, of the files it applies to; nil: every file below it.
    package var files: [Glob]?
    package var levels: [String: Level?]
    /// Levels for documents of one kind among those files, by kind id.
    package var kindLevels: [String: [String: Level?]] = [:]
    package var line: Int

    package func applies(to path: String) -> Bool {
      guard folder.isEmpty || RepoPath.isInside(path, folder: folder) else { return false }
      guard let files else { return true }
      let rest = folder.isEmpty ? path : String(path.utf8.dropFirst(folder.utf8.count + 1))!
      return files.contains { $0.matches(rest) }
    }
  }

  package var scopes: [Scope] = []
  /// Folders whose configuration says `root: true`: nothing above them applies below them.
  package var stops: [String] = []
  /// Every configuration file read, in the order applied, as written in the repository.
  package var files: [String] = []
  /// The root configuration file (or `--config`), if one was read.
  package var rootFile: String?

  package var isEmpty: Bool { scopes.isEmpty && stops.isEmpty }

  /// The scopes that apply to `path`, in order, and whether the root configuration's own
  /// `rules:` still do (not below a `root: true`).
  package func applicable(to path: String) -> (scopes: [Int], rootRulesApply: Bool) {
    let stop = stops.filter { RepoPath.isInside(path, folder: $0) }.max { $0.utf8.count < $1.utf8.count }
    let indices = scopes.indices.filter { index in
      guard scopes[index].applies(to: path) else { return false }
      guard let stop else { return true }
      return RepoPath.isInside(scopes[index].folder, folder: stop)
    }
    return (indices, stop == nil)
  }

  /// The keys a configuration below the root may set; the rest concern the whole run.
  static let nestedKeys: Set<String> = ["rules", "exclude", "overrides", "extends", "root"]

  /// Reads `overrides:` of a configuration in `folder`: `[{files: [globs], rules: {...},
  /// kinds: {kind: {levels: {...}}}}]`, globs relative to that folder.
  static func overrides(
    _ value: YAMLValue, folder: String, file: String, known: Set<String>
  ) throws(ConfigError) -> [Scope] {
    guard case .sequence(let items, _) = value else {
      throw ConfigError(file: file, line: value.line, message: "'overrides' is a list of {files, rules, kinds}")
    }
    var scopes: [Scope] = []
    for (index, item) in items.enumerated() {
      guard case .mapping(let entries, let line) = item else {
        throw ConfigError(file: file, line: item.line, message: "an override is a mapping of files, rules and kinds")
      }
      var scope = Scope(origin: "\(file) overrides[\(index)]", folder: folder, files: [], levels: [:], line: line)
      for entry in entries {
        switch entry.key {
        case "files":
          var globs: [Glob] = []
          for pattern in try ConfigValues.strings(entry.value, key: "files", file: file) {
            globs.append(Glob(try relative(pattern, file: file, line: entry.line)))
          }
          scope.files = globs
        case "rules":
          scope.levels = try Levels.read(entry.value, file: file, known: known)
        case "kinds":
          scope.kindLevels = try kindLevels(entry.value, file: file, known: known)
        default:
          throw ConfigError(
            file: file, line: entry.line, message: "unknown key '\(entry.key)' in an override (expected files, rules, kinds)")
        }
      }
      guard scope.files?.isEmpty == false else {
        throw ConfigError(file: file, line: line, message: "an override needs 'files': the globs it applies to")
      }
      scopes.append(scope)
    }
    return scopes
  }

  /// `kinds: {execplan: {levels: {...}}}` inside an override.
  private static func kindLevels(_ value: YAMLValue, file: String, known: Set<String>) throws(ConfigError)
    -> [String: [String: Level?]]
  {
    guard case .mapping(let kinds, _) = value else {
      throw ConfigError(file: file, line: value.line, message: "'kinds' in an override maps kind ids to {levels: ...}")
    }
    var result: [String: [String: Level?]] = [:]
    for kind in kinds {
      guard case .mapping(let settings, _) = kind.value, settings.allSatisfy({ $0.key == "levels" }),
        let levels = settings.first?.value
      else {
        throw ConfigError(
          file: file, line: kind.line, message: "an override sets only 'levels' of kind '\(kind.key)' (kinds are run-wide)")
      }
      result[kind.key] = try Levels.read(levels, file: file, known: known)
    }
    return result
  }

  /// A glob written in a configuration of `folder`, as a root-relative glob (the folder's
  /// own name taken literally, whatever characters it has).
  static func glob(folder: String, _ pattern: String, file: String, line: Int) throws(ConfigError) -> Glob {
    let pattern = try relative(pattern, file: file, line: line)
    return Glob(folder.isEmpty ? pattern : Glob.escaping(folder) + "/" + pattern)
  }

  /// A pattern relative to its configuration's folder, which it may not climb out of.
  static func relative(_ pattern: String, file: String, line: Int) throws(ConfigError) -> String {
    var pattern = pattern
    while pattern.hasPrefix("./") { pattern.removeFirst(2) }
    if pattern.hasPrefix("/") { pattern.removeFirst() }
    guard !pattern.split(separator: "/").contains("..") else {
      throw ConfigError(file: file, line: line, message: "'\(pattern)' climbs out of the configuration's folder (write it in a file higher up)")
    }
    return pattern
  }
}

/// Configuration files among a repository's files: the folders' own, and names that look
/// like one but are not read.
package enum ConfigFiles {
  /// `.docs-lint.yml` and `.docs-lint.yaml` below the root.
  package static func nested(in files: [String]) -> [String] {
    files.filter { path in
      !RepoPath.directory(of: path).isEmpty && Configuration.fileNames.contains(String(RepoPath.name(of: path)))
    }
  }

  /// Whether "lint" appears in the bytes, in any letter case.
  private static func containsLint(_ bytes: Substring.UTF8View) -> Bool {
    let word: [UInt8] = Array("lint".utf8)
    var matched = 0
    for byte in bytes {
      let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
      matched = lower == word[matched] ? matched + 1 : (lower == word[0] ? 1 : 0)
      if matched == word.count { return true }
    }
    return false
  }

  /// Files named like a configuration that docs-lint does not read: `docs-lint.yml`,
  /// `.docs-lint.json`, `.docslintrc`, `.Docs-Lint.yml`.
  package static func misnamed(in files: [String]) -> [String] {
    files.filter { path in
      let name = RepoPath.name(of: path)
      // A byte test first: a regular expression per file of a large tree costs seconds.
      guard name.utf8.count <= 20, containsLint(name.utf8), !Configuration.fileNames.contains(String(name)) else {
        return false
      }
      return name.lowercased().wholeMatch(of: /\.?docs[-_]?lint(rc)?(\.(ya?ml|json|toml))?/) != nil
    }
  }
}
