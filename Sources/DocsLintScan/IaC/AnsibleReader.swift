import DocsLintConfig
import Foundation

/// Ansible: playbooks (each play's `hosts`, its local roles, `import_playbook` files),
/// roles (`roles/<name>/tasks/main.yml` declares the role) and INI inventories
/// (`[group]` headers). Local roles resolve to `roles/<name>` beside the playbook; roles
/// with a dot (`geerlingguy.docker`) come from Galaxy and are not paths.
struct AnsibleReader {
  let classifier: PathClassifier

  func read(_ source: SourceText, into node: inout IaCNode) {
    let parts = node.path.split(separator: "/")
    if parts.count >= 4, parts[parts.count - 4] == "roles", parts[parts.count - 2] == "tasks", parts.last == "main.yml" {
      node.symbols.append(IaCSymbol(kind: .role, name: String(parts[parts.count - 3]), span: SourceSpan(line: 1, column: 1)))
    }
    if !(node.path.hasByteSuffix(".yml") || node.path.hasByteSuffix(".yaml")) {
      readInventory(source, into: &node)
      return
    }
    guard let value = node.readYAML(source) else { return }
    guard case .sequence(let plays, _) = value else { return }
    let folder = RepoPath.directory(of: node.path)
    for play in plays {
      if case .scalar(let file, let line)? = play["import_playbook"], !file.contains("{{") {
        node.references.append(IaCReader.reference(file, onLine: line, in: source, bases: [folder], classifier: classifier))
      }
      guard case .scalar(let hosts, let line)? = play["hosts"] else { continue }
      node.symbols.append(IaCSymbol(kind: .play, name: hosts, span: SourceSpan(line: line, column: 1)))
      guard case .sequence(let roles, _)? = play["roles"] else { continue }
      for role in roles {
        let entry = role["role"] ?? role["name"] ?? role
        guard case .scalar(let name, let at) = entry, !name.contains("."), !name.contains("{{"), !name.contains("/") else { continue }
        let column = source.column(of: name, onLine: at)
        node.references.append(
          Reference(
            kind: .iacPath, text: name, span: SourceSpan(line: at, column: column, endColumn: column + name.unicodeScalars.count),
            resolution: classifier.resolve(RepoPath.join(folder, "roles/" + name), bases: [""])))
      }
    }
  }

  private func readInventory(_ source: SourceText, into node: inout IaCNode) {
    for line in 1...max(source.lineCount, 1) {
      let text = source.lineText(line).trimmingCharacters(in: .whitespaces)
      guard text.hasPrefix("["), text.hasSuffix("]") else { continue }
      let group = text.dropFirst().dropLast().split(separator: ":").first.map(String.init) ?? ""
      if !group.isEmpty { node.symbols.append(IaCSymbol(kind: .group, name: group, span: SourceSpan(line: line, column: 2))) }
    }
  }
}
