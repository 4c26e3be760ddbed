import DocsLintConfig

/// Makefiles: their explicit targets. A Makefile whose targets cannot all be known
/// without running make (`include`, targets built from variables) is marked so that its
/// targets are never judged missing.
struct MakefileReader {
  func read(_ source: SourceText, into node: inout IaCNode) {
    for line in 1...max(source.lineCount, 1) {
      let text = source.lineText(line)
      guard let first = text.unicodeScalars.first, first != "\t", first != " ", first != "#" else { continue }
      if text.hasPrefix("include ") || text.hasPrefix("-include ") || text.hasPrefix("sinclude ") {
        node.symbols.append(IaCSymbol(kind: .makeDynamic, name: "include", span: SourceSpan(line: line, column: 1)))
        continue
      }
      guard let colon = text.firstIndex(of: ":") else { continue }
      let after = text[text.index(after: colon)...]
      if after.hasPrefix("=") || after.hasPrefix(":=") { continue }  // `X := y`, `X ::= y`
      let head = text[..<colon]
      if head.contains("=") || head.contains("?") { continue }  // assignments, `X ?= y`
      if head.contains("$") || head.contains("%") {
        node.symbols.append(IaCSymbol(kind: .makeDynamic, name: String(head), span: SourceSpan(line: line, column: 1)))
        continue
      }
      for target in head.split(separator: " ") where !target.hasPrefix(".") {
        node.symbols.append(IaCSymbol(kind: .target, name: String(target), span: SourceSpan(line: line, column: 1)))
      }
    }
  }
}
