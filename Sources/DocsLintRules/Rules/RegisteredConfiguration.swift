import DocsLintGraph

extension Configuration {
  /// The built-in defaults, for the registered rules.
  package static func defaults() -> Configuration { defaults(ruleIDs: RuleRegistry.ids) }

  /// `.docs-lint.yml` (or `--config FILE`) on top of the defaults, for the registered rules.
  package static func load(file: String?, root: String, nested: [String] = []) throws(ConfigError) -> Configuration {
    try load(file: file, root: root, ruleIDs: RuleRegistry.ids, nested: nested)
  }
}
