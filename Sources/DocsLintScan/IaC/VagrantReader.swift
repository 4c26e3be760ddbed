import DocsLintConfig

/// Vagrantfiles (Ruby, read line by line, not evaluated): machines (`vm.define "web"`),
/// boxes (`vm.box = "debian/bookworm64"`) and provisioning scripts
/// (`provision "shell", path: "scripts/setup.sh"`), which resolve beside the Vagrantfile.
struct VagrantReader {
  let classifier: PathClassifier

  func read(_ source: SourceText, into node: inout IaCNode) {
    let folder = RepoPath.directory(of: node.path)
    for line in 1...max(source.lineCount, 1) {
      let text = source.lineText(line)
      let code = text.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
      if code.includes("vm.define"), let name = firstQuoted(in: code, after: "vm.define") {
        node.symbols.append(IaCSymbol(kind: .machine, name: name, span: SourceSpan(line: line, column: 1)))
      }
      if code.includes("vm.box "), !code.includes("vm.box_"), let box = firstQuoted(in: code, after: "vm.box") {
        node.symbols.append(IaCSymbol(kind: .box, name: box, span: SourceSpan(line: line, column: 1)))
      }
      if code.includes("provision"), let path = firstQuoted(in: code, after: "path:") ?? firstQuoted(in: code, after: ":path =>"),
        !path.contains("#{"), !RepoPath.hasScheme(path)
      {
        node.references.append(IaCReader.reference(path, onLine: line, in: source, bases: [folder], classifier: classifier))
      }
    }
  }

  /// The first "double" or 'single' quoted string after `marker`.
  private func firstQuoted(in code: Substring, after marker: String) -> String? {
    guard let range = code.range(of: marker) else { return nil }
    let rest = code[range.upperBound...]
    guard let open = rest.firstIndex(where: { $0 == "\"" || $0 == "'" }) else { return nil }
    let quote = rest[open]
    let body = rest[rest.index(after: open)...]
    guard let close = body.firstIndex(of: quote) else { return nil }
    return String(body[..<close])
  }
}
