import DocsLintConfig

/// Helm charts: `Chart.yaml` (the chart's name; dependencies on local charts,
/// `repository: file://../common`), values files (their top-level keys) and templates.
struct HelmReader {
  let classifier: PathClassifier

  func read(_ source: SourceText, into node: inout IaCNode) {
    // Templates are Go templates, not YAML: listed, never parsed.
    if node.path.includes("/templates/") {
      let name = String(node.path.split(separator: "/").last ?? "")
      node.symbols.append(IaCSymbol(kind: .template, name: name, span: SourceSpan(line: 1, column: 1)))
      return
    }
    guard let value = node.readYAML(source) else { return }
    guard node.path.hasByteSuffix("Chart.yaml") else {
      if case .mapping(let entries, _) = value {
        for entry in entries {
          node.symbols.append(IaCSymbol(kind: .value, name: entry.key, span: SourceSpan(line: entry.line, column: 1)))
        }
      }
      return
    }
    if case .scalar(let name, let line)? = value["name"] {
      node.symbols.append(IaCSymbol(kind: .chart, name: name, span: SourceSpan(line: line, column: 1)))
    }
    guard case .sequence(let dependencies, _)? = value["dependencies"] else { return }
    let folder = RepoPath.directory(of: node.path)
    for dependency in dependencies {
      guard case .scalar(let repository, let line)? = dependency["repository"], repository.hasPrefix("file://") else { continue }
      let path = String(repository.dropFirst("file://".count))
      node.references.append(IaCReader.reference(path, onLine: line, in: source, bases: [folder], classifier: classifier))
    }
  }
}
