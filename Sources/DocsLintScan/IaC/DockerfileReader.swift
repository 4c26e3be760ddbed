import DocsLintConfig

/// Dockerfiles: stages (`FROM x AS name`), exposed ports, and the local sources of
/// `COPY`/`ADD`. The build context is not known from the file, so a source may
/// resolve beside the Dockerfile or from the repository root; `--from=` copies,
/// URLs and variables are skipped.
struct DockerfileReader {
  let classifier: PathClassifier

  func read(_ source: SourceText, into node: inout IaCNode) {
    let folder = RepoPath.directory(of: node.path)
    let bases = folder.isEmpty ? [""] : [folder, ""]
    var line = 1
    while line <= source.lineCount {
      let first = line
      // An instruction may continue over lines ending in "\\": the pieces are joined once
      // (appending each to the whole so far made 40,000 continued lines quadratic).
      var pieces = [source.lineText(line)]
      while pieces[pieces.count - 1].hasSuffix("\\"), line < source.lineCount {
        pieces[pieces.count - 1].removeLast()
        pieces.append(source.lineText(line + 1))
        line += 1
      }
      line += 1
      let text = pieces.joined(separator: " ")
      let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
      guard let instruction = words.first?.uppercased(), !instruction.hasPrefix("#") else { continue }
      switch instruction {
      case "FROM":
        if words.count >= 4, words[2].uppercased() == "AS" {
          node.symbols.append(IaCSymbol(kind: .stage, name: words[3], span: SourceSpan(line: first, column: 1)))
        }
      case "RUN":
        // Scripts run inside the image, at image paths: inventory, never checked against the repository.
        for word in words.dropFirst() where word.hasSuffix(".sh") || word.hasSuffix(".py") {
          node.symbols.append(IaCSymbol(kind: .script, name: word, span: SourceSpan(line: first, column: 1)))
        }
      case "EXPOSE":
        for port in words.dropFirst() {
          node.symbols.append(IaCSymbol(kind: .port, name: port, span: SourceSpan(line: first, column: 1)))
        }
      case "COPY", "ADD":
        let arguments = words.dropFirst()
        guard !arguments.contains(where: { $0.hasPrefix("--from") }), !arguments.contains(where: { $0.hasPrefix("<<") }),
          !(arguments.first?.hasPrefix("[") ?? false)
        else { continue }
        let operands = arguments.filter { !$0.hasPrefix("--") }
        // Operands come in line order: each is looked for from the line of the one before.
        var from = first
        for operand in operands.dropLast() where !operand.contains("$") && !RepoPath.hasScheme(operand) {
          guard operand != ".", operand != "./" else { continue }  // the whole context
          // The line of a continued instruction that holds this operand.
          let holder = (from..<line).first { source.lineText($0).includes(operand) } ?? first
          if holder > from { from = holder }
          node.references.append(IaCReader.reference(operand, onLine: holder, in: source, bases: bases, classifier: classifier))
        }
      default: break
      }
    }
  }
}
