/// Everything a user or tool needs to know about a rule, declared once beside
/// its check. The examples are run as tests.
public struct RuleDescriptor: Sendable, Hashable {
  public var id: String
  public var defaultLevel: Level
  /// One line, shown by `docs-lint rules` and as SARIF shortDescription.
  public var summary: String
  /// Why it matters, shown by `docs-lint explain` and as SARIF fullDescription.
  public var rationale: String
  public var triggering: [Example]
  public var nonTriggering: [Example]
  /// Opt-in rules (`docs/orphan`) run only when a configuration gives them a level.
  public var enabledByDefault: Bool

  public init(
    id: String, defaultLevel: Level, enabledByDefault: Bool = true, summary: String, rationale: String,
    triggering: [Example], nonTriggering: [Example]
  ) {
    self.id = id
    self.defaultLevel = defaultLevel
    self.enabledByDefault = enabledByDefault
    self.summary = summary
    self.rationale = rationale
    self.triggering = triggering
    self.nonTriggering = nonTriggering
  }

  /// A finding of this rule at its default level (the engine applies configured levels).
  public func finding(
    in path: String, at span: SourceSpan, _ message: String, snippet: String, fix: Fix? = nil
  ) -> Finding {
    var finding = Finding(ruleId: id, level: defaultLevel, message: message, path: path, span: span, snippet: snippet)
    finding.fix = fix
    return finding
  }
}

/// A tiny repository: the document under test (`doc.md` unless a kind needs another
/// path, such as `docs/plans/EXECPLAN_x.md`) plus other files.
/// In `markdown`, a `↓` marks where a triggering example's finding must start.
public struct Example: Sendable, Hashable {
  public var markdown: [UInt8]
  public var files: [String: [UInt8]]
  public var path: String

  public init(_ markdown: String, path: String = "doc.md", files: [String: String] = [:]) {
    self.markdown = Array(markdown.utf8)
    self.files = files.mapValues { Array($0.utf8) }
    self.path = path
  }

  public init(bytes: [UInt8], path: String = "doc.md", files: [String: String] = [:]) {
    self.markdown = bytes
    self.files = files.mapValues { Array($0.utf8) }
    self.path = path
  }

  /// The Markdown with its marker removed, and the marker's line and column.
  public var unmarked: (bytes: [UInt8], marker: (line: Int, column: Int)?) {
    let marker = Array("↓".utf8)
    guard let index = markdown.firstRange(of: marker)?.lowerBound else { return (markdown, nil) }
    var bytes = markdown
    bytes.removeSubrange(index..<index + marker.count)
    let position = SourceText(bytes: bytes).position(atByte: index)
    return (bytes, (position.line, position.column))
  }
}
