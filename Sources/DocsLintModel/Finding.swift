/// Severity, in SARIF's vocabulary.
public enum Level: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
  case info
  case warning
  case error

  /// SARIF calls `info` "note".
  public var sarifName: String { self == .info ? "note" : rawValue }

  private var rank: Int { self == .error ? 2 : self == .warning ? 1 : 0 }
  public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rank < rhs.rank }
}

/// One problem found in one file.
public struct Finding: Sendable, Hashable, Codable {
  public var ruleId: String
  public var level: Level
  public var message: String
  /// Root-relative path of the file the finding is in.
  public var path: String
  public var span: SourceSpan
  /// The offending text (a link destination, a path); with the rule and path it
  /// identifies the finding independently of its line number.
  public var snippet: String
  /// The most severe level this finding may have, for rules whose findings differ in
  /// weight (a table's extra row is an error, a missing row a warning).
  package var levelCap: Level?
  /// What the finding depends on in other files (set by rules, or by the engine for
  /// broken references); the impact mode attributes findings through it.
  package var dependencies: [Dependency] = []
  /// In impact mode, the changed file whose change caused a finding in an unchanged file.
  public var cause: String?
  /// The rewrite `--fix` applies, for findings with exactly one right answer.
  public var fix: Fix?

  package init(ruleId: String, level: Level, message: String, path: String, span: SourceSpan, snippet: String) {
    self.ruleId = ruleId
    self.level = level
    self.message = message
    self.path = path
    self.span = span
    self.snippet = snippet
  }

  /// The same finding, depending on `dependencies`.
  package func depending(on dependencies: [Dependency]) -> Finding {
    var finding = self
    finding.dependencies = dependencies
    return finding
  }

  /// Takes the configured level, held down to the rule's cap.
  package mutating func settle(at configured: Level) {
    level = levelCap.map { min(configured, $0) } ?? configured
  }

  /// Report order: path, line, column, then rule and message so output is deterministic.
  package static func reportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
    if lhs.path != rhs.path { return ByteOrder.less(lhs.path, rhs.path) }
    if lhs.span != rhs.span { return lhs.span < rhs.span }
    if lhs.ruleId != rhs.ruleId { return lhs.ruleId < rhs.ruleId }
    return lhs.message < rhs.message
  }
}

extension Finding {
  /// Findings in report order, from groups already in that order (each file's findings,
  /// sorted in parallel where they were made): the groups are ordered by their first
  /// finding and joined. Should that leave two findings out of order (a group reaching
  /// into another's file), everything is sorted after all.
  package static func joined(_ groups: [[Finding]]) -> [Finding] {
    let ordered = groups.filter { !$0.isEmpty }.sorted { reportOrder($0[0], $1[0]) }
    // One group (one file's findings) is already the answer: no second copy of it.
    if ordered.count == 1 { return ordered[0] }
    var joined: [Finding] = []
    joined.reserveCapacity(ordered.reduce(0) { $0 + $1.count })
    for group in ordered { joined += group }
    for index in joined.indices.dropFirst() where reportOrder(joined[index], joined[index - 1]) {
      return joined.sorted(by: reportOrder)
    }
    return joined
  }
}

extension [Finding] {
  /// How many findings have a level that passes `test`; by index, so no finding is copied.
  package func levelCount(where test: (Level) -> Bool) -> Int {
    var count = 0
    for index in indices where test(self[index].level) { count += 1 }
    return count
  }
}
