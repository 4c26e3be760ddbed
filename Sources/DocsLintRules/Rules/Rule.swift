import DocsLintGraph

/// A lint rule: a descriptor (id, level, docs, examples) and a check. Rules are
/// stateless values of one of two shapes below.
public protocol Rule: Sendable {
  static var descriptor: RuleDescriptor { get }
  init()
}

/// Checks one document while its text is in memory (structure, front matter):
/// runs in the parsing worker, so nothing but its findings outlives the file.
public protocol DocumentRule: Rule {
  func check(_ document: DocumentContext) -> [Finding]
}

/// Checks one document against the whole cross-reference graph (links, ids, copies).
public protocol GraphRule: Rule {
  func check(_ document: DocumentNode, in graph: ReferenceGraph) -> [Finding]
}

/// Checks one infrastructure-as-code file (Terraform, workflows, ...) against the graph.
public protocol IaCRule: Rule {
  func check(_ file: IaCNode, in graph: ReferenceGraph) -> [Finding]
}

/// What a document rule sees: the parsed file, its kind, its resolved edges.
public struct DocumentContext: Sendable {
  public let path: String
  public let markdown: MarkdownDocument
  public let source: SourceText
  public let references: [Reference]
  public let kind: ResolvedKind?
  public let configuration: Configuration
  public let inventory: FileInventory

  /// The text of one line.
  public func line(_ number: Int) -> String { source.lineText(number) }

  package init(path: String, markdown: MarkdownDocument, source: SourceText, references: [Reference], kind: ResolvedKind?, configuration: Configuration, inventory: FileInventory) {
    self.path = path
    self.markdown = markdown
    self.source = source
    self.references = references
    self.kind = kind
    self.configuration = configuration
    self.inventory = inventory
  }
}
