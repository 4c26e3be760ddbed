import DocsLintScan

/// What a cross-document rule gathers from each document while the file is in memory,
/// declared beside the rule (SwiftLint's `CollectingRule`): the engine runs every
/// registered collector on every linted document, keeps the fact in the document's node
/// and in the parse cache, and asks it in impact mode, without knowing which rule it is for.
package protocol FactCollector: Sendable {
  associatedtype Fact: CollectedFact
  /// Names the fact in the parse cache; unique among the registered collectors.
  static var id: String { get }
  init()
  /// The fact, or nil when the document offers none (then nothing is stored).
  func collect(from document: CollectionInput) -> Fact?
  /// Impact mode, judged before the rules run: whether the change can alter the findings
  /// a rule makes from this fact. A superset is fine; attribution decides later.
  func isAffected(_ fact: Fact, by change: ImpactQuestion) -> Bool
}

extension FactCollector {
  package func isAffected(_ fact: Fact, by change: ImpactQuestion) -> Bool { false }
}

/// A fact a collector keeps: small, comparable, and written to the parse cache in the
/// binary form its own type defines.
package protocol CollectedFact: BinaryCodable, Sendable, Equatable {}

/// What a collector sees of one linted document: its parse (every link, code span, block
/// and list item), its edges resolved against the file list (fragments not yet settled),
/// its kind and the run's settings.
package struct CollectionInput {
  package let path: String
  package let markdown: MarkdownDocument
  package let source: SourceText
  package let references: [Reference]
  package let kind: ResolvedKind?
  package let configuration: Configuration
  /// The IaC technologies the repository has (the parse cache is keyed by them too).
  package let technologies: Set<IaCTechnology>

  package init(
    path: String, markdown: MarkdownDocument, source: SourceText, references: [Reference], kind: ResolvedKind?,
    configuration: Configuration, technologies: Set<IaCTechnology>
  ) {
    self.path = path
    self.markdown = markdown
    self.source = source
    self.references = references
    self.kind = kind
    self.configuration = configuration
    self.technologies = technologies
  }

  /// Whether the document's kind has this role.
  package func has(_ role: KindRole) -> Bool { kind?.kind.has(role) ?? false }
}

/// What a change since the merge base looks like to a collected fact, in impact mode.
package struct ImpactQuestion: Sendable {
  /// Whether any IaC file changed (its symbols may have gone).
  package let iacChanged: Bool
  /// Changed paths that are gone from the work tree.
  package let removed: [String]

  package init(iacChanged: Bool, removed: [String]) {
    self.iacChanged = iacChanged
    self.removed = removed
  }

  /// Whether the change removed this path, or a file inside this folder.
  package func wentAway(_ path: String) -> Bool {
    removed.contains { RepoPath.isInside($0, folder: path) }
  }
}
