import DocsLintConfig

/// A Terraform (`.tf`) or variables (`.tfvars`) file read as blocks and
/// attributes with their lines: enough to know what a module declares and which
/// paths it names. Not an evaluator: expressions stay as written.
package struct TerraformFile: Sendable, Hashable {
  /// Top-level blocks (`resource`, `variable`, `module`, `terraform`, ...).
  package var blocks: [TerraformBlock] = []
  /// Top-level attributes (the keys of a `.tfvars` file).
  package var attributes: [TerraformAttribute] = []

  package init() {}
}

package struct TerraformBlock: Sendable, Hashable {
  /// `resource`, `variable`, `module`, `data`, `output`, `provider`, `backend`, ...
  package var type: String
  /// `resource "aws_vpc" "main"` → ["aws_vpc", "main"].
  package var labels: [String]
  package var line: Int
  package var column: Int
  package var attributes: [TerraformAttribute] = []
  /// Nested blocks (`backend "s3"` inside `terraform`, `provisioner`, ...).
  package var blocks: [TerraformBlock] = []

  package func attribute(_ name: String) -> TerraformAttribute? { attributes.first { $0.name == name } }
}

package struct TerraformAttribute: Sendable, Hashable {
  package var name: String
  /// The expression as written, trimmed.
  package var expression: String
  package var line: Int
  /// Column of the expression's first character.
  package var column: Int

  /// The value when the expression is one plain string literal (`"./modules/vpc"`), else nil.
  package var stringValue: String? {
    guard expression.count >= 2, expression.hasPrefix("\""), expression.hasSuffix("\"") else { return nil }
    let inner = expression.dropFirst().dropLast()
    guard !inner.contains("\""), !inner.contains("${") else { return nil }
    return String(inner)
  }
}
