import DocsLintConfig

/// docker compose files: services, and the paths a service builds from or reads
/// (`build` / `build.context`, `build.dockerfile`, `env_file`), beside the compose file.
/// Volume host paths are left alone: they are often created at run time.
struct ComposeReader {
  let classifier: PathClassifier

  func read(_ source: SourceText, into node: inout IaCNode) {
    guard let value = node.readYAML(source) else { return }
    guard case .mapping(let services, _)? = value["services"] else { return }
    let folder = RepoPath.directory(of: node.path)
    for service in services {
      node.symbols.append(IaCSymbol(kind: .service, name: service.key, span: SourceSpan(line: service.line, column: 1)))
      var context = ""
      switch service.value["build"] {
      case .scalar(let path, let line)?:
        context = path
        node.references.append(IaCReader.reference(path, onLine: line, in: source, bases: [folder], classifier: classifier))
      case .mapping?:
        if case .scalar(let path, let line)? = service.value["build"]?["context"], !RepoPath.hasScheme(path) {
          context = path
          node.references.append(IaCReader.reference(path, onLine: line, in: source, bases: [folder], classifier: classifier))
        }
        if case .scalar(let file, let line)? = service.value["build"]?["dockerfile"],
          let base = RepoPath.resolve(context.isEmpty ? "." : context, in: folder)
        {
          node.references.append(IaCReader.reference(file, onLine: line, in: source, bases: [base], classifier: classifier))
        }
      default: break
      }
      let envFiles: [YAMLValue] =
        switch service.value["env_file"] {
        case .sequence(let items, _)?: items
        case let single?: [single]
        case nil: []
        }
      if case .sequence(let ports, _)? = service.value["ports"] {
        for case .scalar(let port, let line) in ports {
          node.symbols.append(IaCSymbol(kind: .port, name: port, span: SourceSpan(line: line, column: 1)))
        }
      }
      if case .sequence(let volumes, _)? = service.value["volumes"] {
        // Host paths are inventory, not checked: compose creates missing bind sources.
        for case .scalar(let volume, let line) in volumes where volume.hasPrefix(".") || volume.hasPrefix("/") {
          let host = String(volume.prefix { $0 != ":" })
          node.symbols.append(IaCSymbol(kind: .volume, name: host, span: SourceSpan(line: line, column: 1)))
        }
      }
      for case .scalar(let path, let line) in envFiles where !path.contains("$") {
        node.references.append(IaCReader.reference(path, onLine: line, in: source, bases: [folder], classifier: classifier))
      }
    }
  }
}
