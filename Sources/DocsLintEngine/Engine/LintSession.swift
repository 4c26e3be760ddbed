import DocsLintRules

/// How a run's findings are filtered and judged: the pull-request options of `docs-lint lint`.
public struct LintOptions: Sendable {
  /// Report only findings this baseline file does not record.
  public var baseline: String?
  /// Record every finding of this run into this baseline file.
  public var writeBaseline: String?
  /// Findings below this level are counted but not shown.
  public var minLevel: Level = .info
  public var policy = FailurePolicy()

  public init() {}
}

/// What a `docs-lint lint` run reports: its findings after the baseline, the impact
/// filter (when `LintRun.execute` was given a revision), the failure policy and
/// `--min-level`, in that order.
public struct LintSession: Sendable {
  public var report: Report
  /// Why the run fails (exit 1), or nil.
  public var failure: String?
  /// What the run wrote (a baseline), for a note on standard error.
  public var notes: [String] = []

  /// Filters and judges the findings of a finished run.
  public static func evaluate(_ run: LintRun, options: LintOptions) throws -> LintSession {
    var findings = run.findings
    var notes = run.configuration.notes.map { "warning: " + $0 }
    var baselineCounts: (matched: Int, stale: Int)?
    if options.baseline != nil || options.writeBaseline != nil {
      let lines = FindingLines.texts(of: findings, root: run.root, maxBytes: run.configuration.maxFileBytes)
      if let file = options.writeBaseline {
        let baseline = Baseline(findings: findings, lines: lines)
        try baseline.write(to: file)
        notes.append("wrote \(findings.count) findings to baseline '\(file)'")
      }
      if let file = options.baseline {
        // Entries of files that are gone count as paid off too, when the run saw the whole tree.
        let whole = run.coversRoot && run.impact == nil
        let outcome = try Baseline.load(file).filter(findings, lines: lines) { path in
          run.lintedPaths.contains(path) || (whole && !run.graph.inventory.isFile(path))
        }
        findings = outcome.findings
        baselineCounts = (outcome.matched, outcome.stale)
      }
    }
    if let impact = run.impact {
      findings = impact.apply(to: findings, iac: run.graph.iac)
    }
    // A run that records a baseline accepts what it recorded.
    let failure = options.writeBaseline == nil ? options.policy.failure(of: findings) : nil
    // Filtered only when something is hidden: a copy of every finding otherwise.
    let hides = findings.contains { $0.level < options.minLevel }
    let shown = hides ? findings.filter { $0.level >= options.minLevel } : findings
    var report = Report(findings: shown, filesLinted: run.filesLinted)
    report.hidden = findings.count - shown.count
    report.baseline = baselineCounts
    return LintSession(report: report, failure: failure, notes: notes)
  }
}
