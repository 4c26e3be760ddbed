import ArgumentParser
import DocsLintServer
import Foundation

struct ListRules: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "rules", abstract: "List every rule.")

  @Option(
    help: "Output format: text, json (for tools) or markdown (the README's rule table).",
    completion: .list(["text", "json", "markdown"]))
  var format: String = "text"

  func run() throws {
    guard ["text", "json", "markdown"].contains(format) else {
      throw UsageError("unknown --format '\(format)' (expected text, json or markdown)")
    }
    if format == "markdown" { return try StandardStream.out(RulePages.table(RuleRegistry.descriptors)) }
    if format == "json" { return try StandardStream.out(StableJSON.encode(RuleList(RuleRegistry.descriptors))) }
    let width = RuleRegistry.descriptors.map(\.id.count).max() ?? 0
    var lines = ""
    for rule in RuleRegistry.descriptors {
      let padded = rule.id.padding(toLength: width, withPad: " ", startingAt: 0)
      let level = (rule.enabledByDefault ? rule.defaultLevel.rawValue : "off").padding(toLength: 7, withPad: " ", startingAt: 0)
      lines += "\(padded)  \(level)  \(rule.summary)\n"
    }
    try StandardStream.out(lines)
  }
}

struct Explain: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Explain one rule, with examples.")

  @Argument(help: "Rule id, e.g. link/missing-anchor.", completion: Completions.ruleIDs)
  var id: String

  @Option(help: "Output format: text, or markdown (the rule's page, docs/rules/<id>.md).")
  var format: String = "text"

  func run() throws {
    guard format == "text" || format == "markdown" else {
      throw UsageError("unknown --format '\(format)' (expected text or markdown)")
    }
    guard let rule = RuleRegistry.descriptors.first(where: { $0.id == id }) else {
      let hint = Suggestion.rule(near: id).map { "did you mean '\($0)'? " } ?? ""
      throw UsageError("unknown rule '\(id)'; \(hint)run `docs-lint rules` for the list")
    }
    if format == "markdown" { return try StandardStream.out(RulePages.page(rule)) }
    try StandardStream.out(RuleDocumentation.render(rule) + "\n")
  }
}

/// `docs-lint rules --format json`: `{"rules": [...], "tool", "version"}`, keys sorted.
struct RuleList: Encodable {
  struct Rule: Encodable {
    var id: String
    var category: String
    /// The level it runs at without configuration: error, warning, info or off.
    var level: String
    /// Its level when a configuration turns it on (the same as `level` unless it is off).
    var defaultLevel: String
    var summary: String
    var fixable: Bool
    /// The rule's page in the repository.
    var documentation: String
  }

  var rules: [Rule]
  var tool = ToolInfo.name
  var version = ToolInfo.version

  init(_ descriptors: [RuleDescriptor]) {
    rules = descriptors.map { rule in
      Rule(
        id: rule.id, category: String(rule.id.prefix { $0 != "/" }),
        level: rule.enabledByDefault ? rule.defaultLevel.rawValue : "off", defaultLevel: rule.defaultLevel.rawValue,
        summary: rule.summary, fixable: rule.isFixable,
        documentation: ToolInfo.informationURI + "/blob/main/" + RulePages.path(of: rule.id))
    }
  }
}
