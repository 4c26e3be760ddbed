import DocsLintRules

/// What makes a run fail (exit 1): findings at or above `--fail-on`, or more warnings
/// than `--max-warnings`. Judged on every finding the run reports, shown or not.
public struct FailurePolicy: Sendable {
  public var failOn: Level
  public var maxWarnings: Int?

  public init(failOn: Level = .error, maxWarnings: Int? = nil) {
    self.failOn = failOn
    self.maxWarnings = maxWarnings
  }

  /// Why the run fails, or nil when it passes.
  package func failure(of findings: [Finding]) -> String? {
    let failing = findings.levelCount { $0 >= failOn }
    if failing > 0 { return "\(failing) finding\(failing == 1 ? "" : "s") at level \(failOn.rawValue) or above" }
    let warnings = findings.levelCount { $0 == .warning }
    if let maxWarnings, warnings > maxWarnings {
      return "\(warnings) warnings exceed --max-warnings \(maxWarnings)"
    }
    return nil
  }
}
