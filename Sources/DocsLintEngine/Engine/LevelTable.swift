import DocsLintRules

/// Each rule's level in a document: the configured levels per kind, worked out once, then
/// the cascade's scopes that apply to the document's path (a folder's own configuration,
/// `overrides:`), worked out once per combination of scopes.
struct LevelTable: Sendable {
  /// By kind id ("" for none): defaults, the root's `rules:`, then the kind's `levels:`.
  private var table: [String: [String: Level]] = [:]
  /// The same without the root's `rules:`, for files below a `root: true`.
  private var withoutRootRules: [String: [String: Level]] = [:]
  private let cascade: ConfigCascade
  private let combined = Memo<[String: Level]>()

  init(configuration: Configuration) {
    cascade = configuration.cascade
    table = Self.table(configuration)
    if !cascade.stops.isEmpty {
      var unrooted = configuration
      unrooted.levels = [:]
      withoutRootRules = Self.table(unrooted)
    }
  }

  private static func table(_ configuration: Configuration) -> [String: [String: Level]] {
    var table: [String: [String: Level]] = [:]
    for kind in [nil] + configuration.kinds.kinds.map(Optional.some) {
      var levels: [String: Level] = [:]
      for descriptor in RuleRegistry.descriptors {
        if let level = configuration.level(of: descriptor, in: kind) { levels[descriptor.id] = level }
      }
      table[kind?.id ?? ""] = levels
    }
    return table
  }

  /// Every enabled rule's level in the document at `path` of that kind, by rule id.
  func levels(in kind: String?, path: String) -> [String: Level] {
    let base = table[kind ?? ""] ?? table[""]!
    guard !cascade.isEmpty else { return base }
    let (scopes, rootRulesApply) = cascade.applicable(to: path)
    if scopes.isEmpty, rootRulesApply { return base }
    let key = "\(kind ?? "")|\(rootRulesApply)|" + scopes.map(String.init).joined(separator: ",")
    return combined.value(for: key) {
      var levels = rootRulesApply ? base : (withoutRootRules[kind ?? ""] ?? withoutRootRules[""]!)
      for index in scopes { Self.apply(cascade.scopes[index], kind: kind, to: &levels) }
      return levels
    }
  }

  /// A scope's levels over `levels`: its `rules:`, then its levels for the kind.
  static func apply(_ scope: ConfigCascade.Scope, kind: String?, to levels: inout [String: Level]) {
    for descriptor in RuleRegistry.descriptors {
      if let own = Levels.lookup(descriptor.id, in: scope.levels) { levels[descriptor.id] = own }
      if let kind, let kindLevels = scope.kindLevels[kind], let own = Levels.lookup(descriptor.id, in: kindLevels) {
        levels[descriptor.id] = own
      }
    }
  }
}
