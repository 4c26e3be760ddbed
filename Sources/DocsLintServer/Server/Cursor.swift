import Foundation

/// Requests about the position under the cursor: the reference there (definition, hover)
/// and completion.
extension LanguageServer {
  /// The analysis of `params.textDocument` and the docs-lint position (1-based line, column
  /// in scalars) of `params.position` in it.
  private func cursor(_ params: [String: Any]) -> (analysis: Analysis, line: Int, column: Int)? {
    guard let uri = Self.uri(params), let position = Self.position(params["position"]) else { return nil }
    if analyses[uri] == nil { _ = diagnostics(for: uri) }
    guard let analysis = analyses[uri] else { return nil }
    let document = documents[uri] ?? OpenDocument(text: text(at: analysis.root + "/" + analysis.path) ?? "", version: 0)
    let (line, column) = document.column(of: position)
    return (analysis, line, column)
  }

  /// The front-matter id reference under the cursor, with its document's analysis.
  func idReference(at params: [String: Any]) -> (Analysis, IdReference)? {
    guard let (analysis, line, column) = cursor(params) else { return nil }
    return analysis.idReference(atLine: line, column: column).map { (analysis, $0) }
  }

  /// Definition (the declaring document, at its `id:` line) or hover for an id reference.
  static func idAnswer(_ method: String, _ reference: IdReference, in analysis: Analysis) -> Any? {
    let declarations = analysis.ids[reference.id] ?? []
    if method == "textDocument/hover" {
      let value =
        declarations.isEmpty
        ? "`\(reference.id)`: **no document declares this id**"
        : "`\(reference.id)` → " + declarations.map { "`\($0.path)`" }.joined(separator: ", ")
      return ["contents": ["kind": "markdown", "value": value]]
    }
    return declarations.map { declaration -> [String: Any] in
      let line = max(declaration.span.line - 1, 0)
      let zero: [String: Any] = ["line": line, "character": 0]
      return ["uri": URL(fileURLWithPath: analysis.root + "/" + declaration.path).absoluteString, "range": ["start": zero, "end": zero]]
    }
  }

  /// The `<Name>Agent` word under the cursor, with its document's analysis: where agent
  /// docs exist (as `agent/unknown-agent` judges), and not a word that names no agent.
  func agentMention(at params: [String: Any]) -> (Analysis, AgentMention)? {
    guard let (analysis, line, column) = cursor(params), !analysis.agents.isEmpty,
      let mention = analysis.agentMention(atLine: line, column: column), !AgentWords.notAgents.contains(mention.name)
    else { return nil }
    return (analysis, mention)
  }

  /// Definition (the agent docs that declare the name, at their title; else the code that
  /// declares it) or hover for an agent name.
  static func agentAnswer(_ method: String, _ mention: AgentMention, in analysis: Analysis, text: (String) -> String?)
    -> Any?
  {
    let documents = analysis.agents[mention.name] ?? []
    let code = documents.isEmpty ? analysis.codeAgents[mention.name] ?? [] : []
    if method == "textDocument/hover" {
      let value =
        if !documents.isEmpty {
          "`\(mention.name)` → agent doc " + documents.map { "`\($0)`" }.joined(separator: ", ")
        } else if !code.isEmpty {
          "`\(mention.name)` → " + code.map { "`\($0.keyword) \($0.name)` in `\($0.path):\($0.line)`" }.joined(separator: ", ")
        } else {
          "`\(mention.name)`: **no agent doc or code declares this agent**"
        }
      return ["contents": ["kind": "markdown", "value": value]]
    }
    func location(_ path: String, line: Int) -> [String: Any] {
      let zero: [String: Any] = ["line": max(line - 1, 0), "character": 0]
      return ["uri": URL(fileURLWithPath: analysis.root + "/" + path).absoluteString, "range": ["start": zero, "end": zero]]
    }
    let declaring = documents.map { path in
      // At the heading that names the agent, else the top of the file.
      let headings = text(analysis.root + "/" + path).map { MarkdownParser.parse(SourceText(bytes: Array($0.utf8))).headings } ?? []
      return location(path, line: headings.first { $0.text == mention.name }?.span.line ?? 1)
    }
    return declaring + code.map { location($0.path, line: $0.line) }
  }

  /// The edge under the cursor, with its document's analysis.
  func reference(at params: [String: Any]) -> (Analysis, Reference)? {
    guard let (analysis, line, column) = cursor(params) else { return nil }
    return analysis.reference(atLine: line, column: column).map { (analysis, $0) }
  }

  func completions(_ params: [String: Any]) -> [[String: Any]] {
    guard let uri = Self.uri(params), let document = documents[uri],
      let position = Self.position(params["position"])
    else { return [] }
    let cursor = document.index(of: position)
    let lineStart = document.index(of: OpenDocument.Position(line: position.line, character: 0))
    guard lineStart <= cursor else { return [] }
    if analyses[uri] == nil { _ = diagnostics(for: uri) }
    guard let analysis = analyses[uri] else { return [] }
    // In the front matter, under a key whose values are ids: the ids declared.
    if let key = Completion.frontMatterKey(in: document.text[..<cursor]), analysis.referenceKeys.contains(key) {
      let line = document.text[lineStart..<cursor]
      let prefix = String(line.reversed().prefix { !" [,:-".contains($0) }.reversed())
      return analysis.ids.keys.sorted().filter { $0.hasPrefix(prefix) }.map { id in
        ["label": id, "kind": 18, "detail": analysis.ids[id]?.first.map { "declared in \($0.path)" } ?? ""]
      }
    }
    let commands = Set(analysis.configuration.map { Array($0.paths.commands.keys) } ?? [])
    guard let context = Completion.context(before: document.text[lineStart..<cursor], commands: commands) else { return [] }
    return Completion.items(context, in: analysis)
  }
}
