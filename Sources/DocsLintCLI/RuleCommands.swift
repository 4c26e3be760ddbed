import ArgumentParser
import DocsLintReport
import Foundation

struct ListRules: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "rules", abstract: "List every rule.")

  @Option(help: "Output format: text, or markdown (the README's rule table).")
  var format: String = "text"

  func run() throws {
    guard format == "text" || format == "markdown" else {
      throw UsageError("unknown --format '\(format)' (expected text or markdown)")
    }
    if format == "markdown" { return try StandardStream.out(RulePages.table(RuleRegistry.descriptors)) }
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

  @Argument(help: "Rule id, e.g. link/missing-anchor.")
  var id: String

  @Option(help: "Output format: text, or markdown (the rule's page, docs/rules/<id>.md).")
  var format: String = "text"

  func run() throws {
    guard format == "text" || format == "markdown" else {
      throw UsageError("unknown --format '\(format)' (expected text or markdown)")
    }
    guard let rule = RuleRegistry.descriptors.first(where: { $0.id == id }) else {
      throw UsageError("unknown rule '\(id)'; run `docs-lint rules` for the list")
    }
    if format == "markdown" { return try StandardStream.out(RulePages.page(rule)) }
    try StandardStream.out(RuleDocumentation.render(rule) + "\n")
  }
}
