import DocsLintRules

/// `docs-lint config [FILE]`: the configuration that holds for one file, and where each
/// rule's level comes from.
package struct EffectiveConfiguration: Sendable {
  package struct RuleLevel: Sendable {
    package var id: String
    package var level: Level?
    /// "default", the root configuration, "kind execplan", or a scope's origin.
    package var origin: String
  }

  package var path: String?
  package var kind: String?
  package var excluded: Bool
  /// Every configuration file read, in the order applied.
  package var files: [String]
  /// What applies to this file, in order.
  package var applied: [String]
  package var rules: [RuleLevel]

  /// For `path` (root-relative; nil: the root configuration alone), a document of `kind`.
  package init(configuration: Configuration, path: String?, kind: String?) {
    self.path = path
    self.kind = kind
    excluded = path.map { path in configuration.exclude.contains { $0.matches(path) } } ?? false
    files = configuration.cascade.files
    let (scopes, rootRulesApply) = path.map { configuration.cascade.applicable(to: $0) } ?? ([], true)
    let rootFile = configuration.cascade.rootFile
    let kindSettings = kind.flatMap { id in configuration.kinds.kinds.first { $0.id == id } }
    applied = ["defaults"] + (rootRulesApply ? rootFile.map { [$0] } ?? [] : []) + (kindSettings.map { ["kind \($0.id)"] } ?? [])
      + scopes.map { configuration.cascade.scopes[$0].origin }
    rules = RuleRegistry.descriptors.map { descriptor in
      var rule = RuleLevel(
        id: descriptor.id, level: descriptor.enabledByDefault ? descriptor.defaultLevel : nil, origin: "default")
      func take(_ levels: [String: Level?], from origin: String) {
        guard let level = Levels.lookup(descriptor.id, in: levels) else { return }
        rule.level = level
        rule.origin = origin
      }
      if rootRulesApply, let rootFile { take(configuration.levels, from: rootFile) }
      if let kindSettings { take(kindSettings.levels, from: "kind \(kindSettings.id)") }
      for index in scopes {
        let scope = configuration.cascade.scopes[index]
        take(scope.levels, from: scope.origin)
        if let kind, let levels = scope.kindLevels[kind] { take(levels, from: scope.origin + " (kind \(kind))") }
      }
      return rule
    }
  }

  package var text: String {
    var text = "file: \(path ?? "(the root configuration)")\n"
    if path != nil {
      text += "kind: \(kind ?? "none")\n"
      text += "excluded: \(excluded ? "yes" : "no")\n"
    }
    text += "read: \(files.isEmpty ? "no configuration file" : files.joined(separator: ", "))\n"
    text += "applies: \(applied.joined(separator: ", "))\n"
    text += "rules:\n"
    let width = rules.map(\.id.count).max() ?? 0
    for rule in rules {
      let level = rule.level?.rawValue ?? "off"
      text += "  " + rule.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
      text += level.padding(toLength: 7, withPad: " ", startingAt: 0) + "  " + rule.origin + "\n"
    }
    return text
  }
}

extension LintRun {
  /// The effective configuration of one file (or of the root) in the repository at hand.
  package static func effectiveConfiguration(file: String?, root: String?, configFile: String?) throws
    -> EffectiveConfiguration
  {
    guard let file else {
      let workspace = try Workspace.open(paths: [], explicitRoot: root)
      let configuration = try Configuration.loadAll(file: configFile, workspace: workspace)
      return EffectiveConfiguration(configuration: configuration, path: nil, kind: nil)
    }
    let run = try execute(paths: [file], root: root, configFile: configFile)
    guard let path = Workspace.relative(file, in: run.root) else {
      throw UsageError("\(file): outside the repository root \(run.root)")
    }
    let kind = run.graph.documents.first { $0.path == path }?.kind
    return EffectiveConfiguration(configuration: run.configuration, path: path, kind: kind)
  }
}
