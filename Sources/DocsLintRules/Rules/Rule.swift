import DocsLintGraph

/// A lint rule: a descriptor (id, level, docs, examples) and a check. Rules are
/// stateless values of one of two shapes below.
package protocol Rule: Sendable {
  static var descriptor: RuleDescriptor { get }
  /// What the rule gathers from each document while it is in memory, for checking it
  /// later against the whole graph (read back as `document.collected[Collector.self]`).
  static var collects: [any FactCollector.Type] { get }
  init()
}

extension Rule {
  package static var collects: [any FactCollector.Type] { [] }
}

/// Checks one document while its text is in memory (structure, front matter):
/// runs in the parsing worker, so nothing but its findings outlives the file.
package protocol DocumentRule: Rule {
  func check(_ document: DocumentContext) -> [Finding]
}

/// Checks one document against the whole cross-reference graph (links, ids, copies).
package protocol GraphRule: Rule {
  func check(_ document: DocumentNode, in graph: ReferenceGraph) -> [Finding]
}

/// Checks one infrastructure-as-code file (Terraform, workflows, ...) against the graph.
package protocol IaCRule: Rule {
  func check(_ file: IaCNode, in graph: ReferenceGraph) -> [Finding]
}

/// What a document rule sees: the parsed file, its kind, its resolved edges.
package struct DocumentContext: Sendable {
  package let path: String
  package let markdown: MarkdownDocument
  package let source: SourceText
  package let references: [Reference]
  package let kind: ResolvedKind?
  package let configuration: Configuration
  package let inventory: FileInventory
  /// The section specs of the document's variant, and the section each heading matches:
  /// worked out once per document for the structure and ExecPlan rules that all ask.
  package let sectionMatches: [(section: Section, spec: Int)]

  /// The text of one line.
  package func line(_ number: Int) -> String { source.lineText(number) }

  package init(path: String, markdown: MarkdownDocument, source: SourceText, references: [Reference], kind: ResolvedKind?, configuration: Configuration, inventory: FileInventory) {
    self.path = path
    self.markdown = markdown
    self.source = source
    self.references = references
    self.kind = kind
    self.configuration = configuration
    self.inventory = inventory
    self.sectionMatches = Self.sectionMatches(of: kind)
  }
}
