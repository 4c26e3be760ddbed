/// Everything a user or tool needs to know about a rule, declared once beside
/// its check. The examples are run as tests.
public struct RuleDescriptor: Sendable, Hashable {
  public var id: String
  public var defaultLevel: Level
  /// One line, shown by `docs-lint rules` and as SARIF shortDescription.
  public var summary: String
  /// Why it matters, shown by `docs-lint explain` and as SARIF fullDescription.
  public var rationale: String
  package var triggering: [Example]
  package var nonTriggering: [Example]
  /// What `--fix` makes of a triggering document: each runs as a test of the fix.
  package var corrections: [Correction]
  /// Opt-in rules (`docs/orphan`) run only when a configuration gives them a level.
  public var enabledByDefault: Bool
  /// The rule reads prose, not code: its triggering examples, put inside a code fence,
  /// must not trigger (a test checks it).
  package var ignoresCode: Bool

  package init(
    id: String, defaultLevel: Level, enabledByDefault: Bool = true, summary: String, rationale: String,
    triggering: [Example], nonTriggering: [Example], corrections: [Correction] = [], ignoresCode: Bool = false
  ) {
    self.id = id
    self.defaultLevel = defaultLevel
    self.enabledByDefault = enabledByDefault
    self.summary = summary
    self.rationale = rationale
    self.triggering = triggering
    self.nonTriggering = nonTriggering
    self.corrections = corrections
    self.ignoresCode = ignoresCode
  }

  /// Whether `--fix` rewrites some of its findings.
  public var isFixable: Bool { !corrections.isEmpty }

  /// A finding of this rule at its default level (the engine applies configured levels).
  package func finding(
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
package struct Example: Sendable, Hashable {
  package var markdown: [UInt8]
  package var files: [String: [UInt8]]
  package var path: String

  package init(_ markdown: String, path: String = "doc.md", files: [String: String] = [:]) {
    self.markdown = Array(markdown.utf8)
    self.files = files.mapValues { Array($0.utf8) }
    self.path = path
  }

  package init(bytes: [UInt8], path: String = "doc.md", files: [String: String] = [:]) {
    self.markdown = bytes
    self.files = files.mapValues { Array($0.utf8) }
    self.path = path
  }

  /// The Markdown with its markers removed, and each marker's line and column, in order.
  package var unmarked: (bytes: [UInt8], markers: [(line: Int, column: Int)]) {
    let marker = Array("↓".utf8)
    var bytes = markdown
    var offsets: [Int] = []
    while let index = bytes.firstRange(of: marker)?.lowerBound {
      bytes.removeSubrange(index..<index + marker.count)
      offsets.append(index)
    }
    let source = SourceText(bytes: bytes)
    return (bytes, offsets.map { source.position(atByte: $0) }.map { ($0.line, $0.column) })
  }
}

/// A triggering document and what `--fix` makes of it (the document's whole text).
package struct Correction: Sendable, Hashable {
  package var before: Example
  package var after: String

  package init(_ before: Example, after: String) {
    self.before = before
    self.after = after
  }
}
