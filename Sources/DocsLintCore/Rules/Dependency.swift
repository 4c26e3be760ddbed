/// What a finding in one file depends on elsewhere: the impact mode (`--changed-since`)
/// reports a finding in an unchanged file when the change removed what it depends on.
public enum Dependency: Sendable, Hashable, Codable {
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

  /// What a broken reference depends on: the path it names, or the anchor it names there.
  public static func of(_ resolution: Resolution) -> Dependency? {
    switch resolution {
    case .missing(let path), .caseMismatch(let path, _): .file(path)
    case .missingAnchor(let path, let fragment, _): .anchor(path: path, fragment: fragment)
    default: nil
    }
  }
}

extension Finding {
  /// A finding that sits exactly on a broken reference depends on what the reference names;
  /// the engine sets this so link and path rules need not.
  mutating func inferDependencies(from references: [Reference]) {
    guard dependencies.isEmpty,
      let position = references.firstIndex(where: { $0.span == span }),
      let dependency = Dependency.of(references[position].resolution)
    else { return }
    dependencies = [dependency]
  }
}
