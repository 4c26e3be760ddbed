/// What a finding in one file depends on elsewhere: the impact mode (`--changed-since`)
/// reports a finding in an unchanged file when the change removed what it depends on.
package enum Dependency: Sendable, Hashable, Codable {
  /// A file or folder the finding's reference resolves to (root-relative).
  case file(String)
  /// A heading anchor in a Markdown file.
  case anchor(path: String, fragment: String)
  /// A front-matter `id` some document used to declare.
  case id(String)
  /// An agent name some agent doc used to declare.
  case agent(String)
  /// An IaC symbol, by kind and name (`variable`/`region`, `service`/`api`); Terraform
  /// symbols also as `module-folder/name`, Make targets as `Makefile-path:target`.
  case symbol(kind: String, name: String)
  /// An IaC symbol some changed file declares now but did not at the merge base.
  case addedSymbol(kind: String, name: String)
  /// A path some document used to refer to (a stack that lost its last description).
  case mention(String)
}
