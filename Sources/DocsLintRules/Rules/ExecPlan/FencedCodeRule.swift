import DocsLintGraph

/// `execplan/fenced-code`: ExecPlans use indented code blocks, unless the repository's
/// other ExecPlans show that fences are its convention.
struct FencedCodeRule: GraphRule {
  static let descriptor = RuleDescriptor(
    id: "execplan/fenced-code",
    defaultLevel: .info,
    summary: "Triple-backtick fence inside an ExecPlan (PLANS.md asks for indented blocks)",
    rationale: """
      ExecPlans are often pasted whole into a triple-backtick block themselves; a nested \
      fence then ends the outer block early. PLANS.md asks for indented code blocks instead. \
      Where most of the repository's other ExecPlans with code use fences (two at least), \
      fences are its convention and are not reported (as markdownlint's `consistent` style).
      """,
    triggering: [
      Example("# P\n\n## Concrete Steps\n\n↓```bash\nmake test\n```\n", path: "docs/plans/EXECPLAN_a.md"),
      // The other plans write their commands indented: the fence stands out.
      Example(
        "# P\n\n## Concrete Steps\n\n↓```bash\nmake test\n```\n", path: "docs/plans/EXECPLAN_a.md",
        files: [
          "docs/plans/EXECPLAN_b.md": "# B\n\n## Concrete Steps\n\n    make b\n",
          "docs/plans/EXECPLAN_c.md": "# C\n\n## Concrete Steps\n\n```bash\nmake c\n```\n",
        ]),
    ],
    nonTriggering: [
      Example("# P\n\n## Concrete Steps\n\n    make test\n", path: "docs/plans/EXECPLAN_a.md"),
      Example("# Notes\n\n```bash\nmake test\n```\n"),
      // Two other plans use fences: that is how this repository writes plans.
      Example(
        "# P\n\n## Concrete Steps\n\n```bash\nmake test\n```\n", path: "docs/plans/EXECPLAN_a.md",
        files: [
          "docs/plans/EXECPLAN_b.md": "# B\n\n## Concrete Steps\n\n```bash\nmake b\n```\n",
          "docs/plans/EXECPLAN_c.md": "# C\n\n## Concrete Steps\n\n```sh\nmake c\n```\n",
        ]),
    ])

  static let collects: [any FactCollector.Type] = [CodeBlockStyleCollector.self]

  func check(_ document: DocumentNode, in graph: ReferenceGraph) -> [Finding] {
    guard graph.has(.plan, document), let style = document.collected[CodeBlockStyleCollector.self], !style.fences.isEmpty
    else { return [] }
    // The other plans' convention, counted once per run.
    let convention = graph.shared(Self.descriptor.id) { graph in
      var styles: [String: Bool] = [:]  // plan → uses fences
      for other in graph.documents where graph.has(.plan, other) {
        if let style = other.collected[CodeBlockStyleCollector.self] { styles[other.path] = !style.fences.isEmpty }
      }
      return styles
    }
    let others = convention.filter { $0.key != document.path }.values
    let fenced = others.filter { $0 }.count
    if fenced >= 2, fenced > others.count - fenced { return [] }
    return style.fences.map { fence in
      Self.descriptor.finding(
        in: document.path, at: SourceSpan(line: fence.line, column: fence.column),
        "fenced code block in an ExecPlan; use an indented block", snippet: fence.text)
    }
  }
}

/// What `execplan/fenced-code` keeps of a plan with code blocks: where its fences open, and
/// whether it has any.
struct CodeBlockStyleCollector: FactCollector {
  static let id = "code-block-style"

  struct Fact: CollectedFact {
    /// The opening line of each triple-backtick fence (a plan wrapped whole in one is not
    /// counted: that fence is the wrapper).
    var fences: [Fence]
    /// How many code blocks are indented.
    var indented: Int
  }

  struct Fence: Sendable, Hashable {
    var line: Int
    var column: Int
    var text: String
  }

  func collect(from document: CollectionInput) -> Fact? {
    guard document.has(.plan), !document.markdown.codeBlocks.isEmpty else { return nil }
    var fact = Fact(fences: [], indented: 0)
    for block in document.markdown.codeBlocks {
      guard block.isFenced else {
        fact.indented += 1
        continue
      }
      guard block.firstLine > 1 else { continue }
      let line = block.firstLine - 1
      let range = document.source.byteRange(ofLine: line)
      let text = String(decoding: document.source.bytes[range], as: UTF8.self).trimmingCharacters(in: ["\r", "\n"])
      let indent = text.unicodeScalars.prefix { $0 == " " || $0 == ">" }.count
      guard text.unicodeScalars.dropFirst(indent).starts(with: "```".unicodeScalars) else { continue }
      fact.fences.append(Fence(line: line, column: indent + 1, text: text))
    }
    return fact
  }
}

extension CodeBlockStyleCollector.Fact: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(fences)
    writer.write(indented)
  }

  init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    fences = try reader.array()
    indented = try reader.int()
  }
}

extension CodeBlockStyleCollector.Fence: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(line)
    writer.write(column)
    writer.write(text)
  }

  init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(line: try reader.int(), column: try reader.int(), text: try reader.string())
  }
}
