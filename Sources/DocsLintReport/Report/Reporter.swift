import DocsLintEngine

/// Renders the findings of one run. One reporter per file in this folder, listed once
/// in `Reporters.all`.
public protocol Reporter: Sendable {
  /// The `--format` value that selects this reporter.
  static var format: String { get }
  init()
  /// Appends the report's bytes: a report of a million findings is built once, in one
  /// buffer that goes to the output as it is.
  func write(_ report: Report, into output: inout [UInt8])
}

extension Reporter {
  /// The report as text.
  package func render(_ report: Report) -> String {
    var output: [UInt8] = []
    write(report, into: &output)
    return String(decoding: output, as: UTF8.self)
  }
}

/// Every output format of `docs-lint lint`: the one list the command's help, its errors
/// and the lookup read.
public enum Reporters {
  public static let all: [any Reporter.Type] = [
    TextReporter.self, JSONReporter.self, SARIFReporter.self, GitHubReporter.self, MarkdownReporter.self,
    JUnitReporter.self, GitLabReporter.self,
  ]

  /// "text, json, sarif or github"
  public static var choices: String { Choices.listing(all.map { $0.format }) }

  public static func named(_ format: String) -> (any Reporter)? {
    all.first { $0.format == format }?.init()
  }
}

/// Format names as a sentence: "a, b or c".
enum Choices {
  static func listing(_ names: [String]) -> String {
    guard let last = names.last else { return "" }
    return names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " or " + last
  }
}
