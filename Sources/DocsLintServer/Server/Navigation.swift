import Foundation

/// What the server knows of a document after its last lint: where it stands, its parse
/// (every edge kept) and its findings.
struct Analysis {
  var root: String
  /// Root-relative path.
  var path: String
  var node: DocumentNode?
  var findings: [Finding]
  /// The repository's files (root-relative) and every Markdown file's anchors, for completion.
  var files: [String] = []
  var anchors: [String: AnchorSet] = [:]
  /// The document's kind, if it has one, and the configuration it was judged with.
  var kind: DocumentKind?
  var configuration: Configuration?
  /// Agent names: the agent docs that declare them, and where code declares those no doc does.
  var agents: [String: [String]] = [:]
  var codeAgents: [String: [CodeDeclaration]] = [:]

  /// The section titles of the document's kind (English and as configured), in the kind's order.
  var sectionTitles: [String] {
    var titles: [String] = []
    for section in kind?.variants.flatMap(\.sections) ?? [] {
      for title in [section.english, section.title].compactMap({ $0 }) where !titles.contains(title) { titles.append(title) }
    }
    return titles
  }

  /// The heading level the kind's sections are at.
  var sectionLevel: Int { kind?.sectionLevel ?? 2 }
  /// Where each front-matter id is declared, for going to an id's document.
  var ids: [String: [DocumentIndex.Declaration]] = [:]
  /// Front-matter keys whose values are ids (`relacionados`, `related`, ...).
  var referenceKeys: Set<String> = []

  /// The front-matter id reference (`relacionados: [ADR-001]`) at a docs-lint position.
  func idReference(atLine line: Int, column: Int) -> IdReference? {
    node?.facts.idReferences.first { reference in
      reference.span.line == line && column >= reference.span.column && column < max(reference.span.endColumn, reference.span.column + 1)
    }
  }

  /// The `<Name>Agent` word at a docs-lint position.
  func agentMention(atLine line: Int, column: Int) -> AgentMention? {
    node?.facts.agentMentions.first { mention in
      // Up to just after the word, where a cursor that finished typing it stands.
      mention.span.line == line && column >= mention.span.column && column <= mention.span.endColumn
    }
  }

  /// The edge written at a docs-lint position (1-based line, column in scalars).
  func reference(atLine line: Int, column: Int) -> Reference? {
    node?.edges.first { reference in
      let span = reference.span
      let afterStart = line > span.line || (line == span.line && column >= span.column)
      let beforeEnd = line < span.endLine || (line == span.endLine && column < max(span.endColumn, span.column + 1))
      return afterStart && beforeEnd
    }
  }
}

/// Definition, hover and the outline, from an analysis and the open document's text.
enum Navigation {
  /// The target of the edge under the cursor: the file, or the heading a fragment names.
  static func definition(_ reference: Reference, in analysis: Analysis, text: (String) -> String?) -> [String: Any]? {
    guard let target = reference.resolution.targetPaths.first else { return nil }
    var line = 0
    let fragment = reference.fragment ?? (reference.kind == .anchorLink ? String(reference.text.dropFirst()) : nil)
    let file = reference.kind == .anchorLink ? analysis.path : target
    if let fragment, let source = text(analysis.root + "/" + file) {
      let headings = MarkdownParser.parse(SourceText(bytes: Array(source.utf8))).headings
      line = (headings.first { $0.slug == fragment }?.span.line).map { $0 - 1 } ?? 0
    }
    let zero: [String: Any] = ["line": line, "character": 0]
    return ["uri": URL(fileURLWithPath: analysis.root + "/" + file).absoluteString, "range": ["start": zero, "end": zero]]
  }

  /// What the edge under the cursor resolves to, in Markdown.
  static func hover(_ reference: Reference) -> String {
    let written = "`\(reference.text)`"
    switch reference.resolution {
    case .target(let path):
      return reference.fragment.map { "\(written) → heading `#\($0)` in `\(path)`" } ?? "\(written) → `\(path)` (exists)"
    case .glob(let matches):
      return "\(written) matches \(matches.count) file\(matches.count == 1 ? "" : "s"): "
        + matches.prefix(5).map { "`\($0)`" }.joined(separator: ", ") + (matches.count > 5 ? ", …" : "")
    case .missing(let path): return "\(written) → `\(path)` **does not exist**"
    case .caseMismatch(let path, let actual): return "\(written) → `\(path)` exists only as `\(actual)`"
    case .missingAnchor(let path, let fragment, let suggestion):
      return "\(written): `\(path)` has no heading `#\(fragment)`" + (suggestion.map { "; did you mean `#\($0)`?" } ?? "")
    case .outsideRoot: return "\(written) climbs out of the repository"
    case .globMatchesNothing(let pattern): return "`\(pattern)` matches no file"
    case .generated(let path): return "\(written) → `\(path)`, a file git ignores (generated)"
    case .planned(let path): return "\(written) → `\(path)`, not there yet (planned)"
    case .external: return "\(written): outside the repository, not checked"
    case .unresolved: return written
    }
  }

  /// The heading outline as nested `DocumentSymbol`s (kind String, as Markdown servers do).
  /// `detail`: what to show beside a heading (the kind's section it is), by line.
  static func symbols(_ headings: [Heading], in document: OpenDocument, detail: (Int) -> String? = { _ in nil }) -> [[String: Any]] {
    struct Node {
      var heading: Heading
      var endLine: Int
      var children: [Node] = []
    }
    // Each heading's section runs to the line before the next heading of its level or above.
    var sections: [Node] = []
    for (index, heading) in headings.enumerated() {
      let next = headings[(index + 1)...].first { $0.level <= heading.level }
      sections.append(Node(heading: heading, endLine: (next?.span.line ?? Int.max) - 1))
    }
    func nest(_ range: ArraySlice<Node>) -> [Node] {
      var result: [Node] = []
      var rest = range
      while let first = rest.first {
        rest = rest.dropFirst()
        let inside = rest.prefix { $0.heading.level > first.heading.level }
        var node = first
        node.children = nest(inside)
        rest = rest.dropFirst(inside.count)
        result.append(node)
      }
      return result
    }
    func json(_ node: Node) -> [String: Any] {
      let start = document.position(line: node.heading.span.line, column: 1)
      let titleEnd = document.position(line: node.heading.endLine, column: Int.max)
      let end = node.endLine == Int.max - 1 ? document.endPosition : document.position(line: max(node.endLine, node.heading.endLine), column: Int.max)
      var symbol: [String: Any] = [
        "name": node.heading.text.isEmpty ? "(untitled)" : node.heading.text, "kind": 15,
        "range": range(start, end), "selectionRange": range(start, titleEnd),
        "children": node.children.map(json),
      ]
      if let detail = detail(node.heading.span.line) { symbol["detail"] = detail }
      return symbol
    }
    return nest(sections[...]).map(json)
  }

  static func range(_ start: OpenDocument.Position, _ end: OpenDocument.Position) -> [String: Any] {
    ["start": ["line": start.line, "character": start.character], "end": ["line": end.line, "character": end.character]]
  }
}
