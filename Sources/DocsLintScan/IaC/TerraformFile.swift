import DocsLintConfig

/// A Terraform (`.tf`) or variables (`.tfvars`) file read as blocks and
/// attributes with their lines: enough to know what a module declares and which
/// paths it names. Not an evaluator: expressions stay as written.
public struct TerraformFile: Sendable, Hashable {
  /// Top-level blocks (`resource`, `variable`, `module`, `terraform`, ...).
  public var blocks: [TerraformBlock] = []
  /// Top-level attributes (the keys of a `.tfvars` file).
  public var attributes: [TerraformAttribute] = []

  public init() {}
}

public struct TerraformBlock: Sendable, Hashable {
  /// `resource`, `variable`, `module`, `data`, `output`, `provider`, `backend`, ...
  public var type: String
  /// `resource "aws_vpc" "main"` → ["aws_vpc", "main"].
  public var labels: [String]
  public var line: Int
  public var column: Int
  public var attributes: [TerraformAttribute] = []
  /// Nested blocks (`backend "s3"` inside `terraform`, `provisioner`, ...).
  public var blocks: [TerraformBlock] = []

  public func attribute(_ name: String) -> TerraformAttribute? { attributes.first { $0.name == name } }
}

public struct TerraformAttribute: Sendable, Hashable {
  public var name: String
  /// The expression as written, trimmed.
  public var expression: String
  public var line: Int
  /// Column of the expression's first character.
  public var column: Int

  /// The value when the expression is one plain string literal (`"./modules/vpc"`), else nil.
  public var stringValue: String? {
    guard expression.count >= 2, expression.hasPrefix("\""), expression.hasSuffix("\"") else { return nil }
    let inner = expression.dropFirst().dropLast()
    guard !inner.contains("\""), !inner.contains("${") else { return nil }
    return String(inner)
  }
}
