import DocsLintConfig

/// systemd units: the unit (by file name) and the programs its `Exec*=` lines run. An
/// absolute program (`/opt/app/bin/run`) names the installed machine, not this
/// repository, so only relative ones are checked, beside the unit file.
struct SystemdReader {
  let classifier: PathClassifier

  func read(_ source: SourceText, into node: inout IaCNode) {
    let name = String(node.path.split(separator: "/").last ?? "")
    node.symbols.append(IaCSymbol(kind: .unit, name: name, span: SourceSpan(line: 1, column: 1)))
    let folder = RepoPath.directory(of: node.path)
    for line in 1...max(source.lineCount, 1) {
      let text = source.lineText(line)
      guard text.hasPrefix("Exec"), let equals = text.firstIndex(of: "=") else { continue }
      // Prefixes `-`, `@`, `:`, `+`, `!` change how the command runs, not what it is.
      let command = text[text.index(after: equals)...].drop { "-@:+! \t".contains($0) }
      guard let program = command.split(separator: " ").first, !program.hasPrefix("/"), program.contains("/"),
        !program.contains("$"), !program.contains("%")
      else { continue }
      node.references.append(IaCReader.reference(String(program), onLine: line, in: source, bases: [folder], classifier: classifier))
    }
  }
}
