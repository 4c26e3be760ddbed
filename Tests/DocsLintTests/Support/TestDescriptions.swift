import Testing

@testable import DocsLintConfig
@testable import DocsLintEngine
@testable import DocsLintGraph
@testable import DocsLintMarkdown
@testable import DocsLintModel
@testable import DocsLintReport
@testable import DocsLintRules
@testable import DocsLintScan

/// Parameterised tests name a rule by its id, not its whole descriptor.
extension RuleDescriptor: CustomTestStringConvertible {
  public var testDescription: String { id }
}
