import Testing

@testable import DocsLintCore

/// Parameterised tests name a rule by its id, not its whole descriptor.
extension RuleDescriptor: CustomTestStringConvertible {
  public var testDescription: String { id }
}
