import DocsLintEngine

/// Renders the findings of one run. One reporter per file in this folder.
public protocol Reporter: Sendable {
  /// The `--format` value that selects this reporter.
  static var format: String { get }
  func render(_ report: Report) -> String
}

/// Every available output format, by `--format` name.
public enum Reporters {
  public static let all: [any Reporter.Type] = [
    TextReporter.self, JSONReporter.self, SARIFReporter.self, GitHubReporter.self,
  ]

  public static func named(_ format: String) -> (any Reporter)? {
    switch format {
    case TextReporter.format: TextReporter()
    case JSONReporter.format: JSONReporter()
    case SARIFReporter.format: SARIFReporter()
    case GitHubReporter.format: GitHubReporter()
    default: nil
    }
  }
}
