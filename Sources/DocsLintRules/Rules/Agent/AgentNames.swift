import DocsLintGraph

/// What `agent/duplicate-name` keeps of an agent doc: the agent names it declares
/// explicitly (a `# <Name>Agent` title, a front-matter `name:`), each where it is written.
struct AgentNameCollector: FactCollector {
  static let id = "agent-names"

  struct Fact: CollectedFact {
    var names: [Name]
  }

  struct Name: Sendable, Hashable {
    var name: String
    var span: SourceSpan
  }

  func collect(from document: CollectionInput) -> Fact? {
    guard document.has(.agent) else { return nil }
    var names: [Name] = []
    if let title = FactsCollector.titleAgent(of: document.markdown) {
      names.append(Name(name: title.name, span: title.heading.span))
    }
    if case .scalar(let name, let line)? = document.markdown.frontMatter?.value?["name"], !name.isEmpty,
      !names.contains(where: { $0.name == name })
    {
      let column = document.source.column(of: name, onLine: line)
      names.append(Name(name: name, span: SourceSpan(line: line, column: column, endColumn: column + name.unicodeScalars.count)))
    }
    return names.isEmpty ? nil : Fact(names: names)
  }
}

extension AgentNameCollector.Fact: BinaryCodable {
  func encode(to writer: inout BinaryWriter) { writer.write(names) }

  init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) { names = try reader.array() }
}

extension AgentNameCollector.Name: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(name)
    writer.write(span)
  }

  init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(name: try reader.string(), span: try reader.read())
  }
}
