import DocsLintRules

/// What reporters render: the findings (in report order) and run facts.
public struct Report: Sendable {
  public var findings: [Finding]
  public var filesLinted: Int
  public var rules: [RuleDescriptor]
  /// Findings not shown because they are below `--min-level`.
  public var hidden = 0
  /// With `--baseline`: findings it covered, and recorded ones that no longer occur.
  public var baseline: (matched: Int, stale: Int)?
  /// The analysis category (`--sarif-category`): what tells code scanning's runs apart.
  public var category: String?
  /// How the text report shows itself to a person (the machine formats ignore it).
  public var display = Display()

  /// Terminal presentation: colour, paths from the current folder, what to leave out.
  public struct Display: Sendable {
    /// ANSI colour for level, rule id and path.
    public var colour = false
    /// The current folder, root-relative, when it is inside the root: paths are shown from it.
    public var currentFolder = ""
    /// Lines for findings (false with `--summary-only`).
    public var findings = true
    /// The summary line (false with `--quiet`).
    public var summary = true
    /// Counts per rule instead of findings (`--statistics`).
    public var statistics = false

    public init() {}
  }

  package init(findings: [Finding], filesLinted: Int, rules: [RuleDescriptor] = RuleRegistry.descriptors) {
    self.findings = findings
    self.filesLinted = filesLinted
    self.rules = rules
  }

  public func count(_ level: Level) -> Int { findings.levelCount { $0 == level } }

  /// The indexes of the findings `--fix` would repair (their fix verifies against the
  /// file, which is one `--fix` may write).
  public var fixable: Set<Int> = []

  /// One row per rule and level: most severe first, then most findings, then by id.
  public var countsByRule: [(rule: String, level: Level, count: Int, fixable: Int)] {
    struct Key: Hashable {
      var rule: String
      var level: Level
    }
    var counts: [Key: (count: Int, fixable: Int)] = [:]
    for (index, finding) in findings.enumerated() {
      let key = Key(rule: finding.ruleId, level: finding.level)
      counts[key, default: (0, 0)].count += 1
      if fixable.contains(index) { counts[key]!.fixable += 1 }
    }
    return counts.map { (rule: $0.key.rule, level: $0.key.level, count: $0.value.count, fixable: $0.value.fixable) }
      .sorted { lhs, rhs in
        if lhs.level != rhs.level { return lhs.level > rhs.level }
        if lhs.count != rhs.count { return lhs.count > rhs.count }
        return lhs.rule < rhs.rule
      }
  }

  /// "3 errors, 1 warning and 0 infos in 12 files"
  public var summary: String {
    func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
    var notes: [String] = []
    if hidden > 0 { notes.append("\(hidden) below --min-level not shown") }
    if let baseline {
      notes.append("\(baseline.matched) in the baseline")
      notes.append("\(baseline.stale) baseline \(baseline.stale == 1 ? "entry" : "entries") no longer found")
    }
    return "\(plural(count(.error), "error")), \(plural(count(.warning), "warning")), "
      + "\(plural(count(.info), "info")) in \(plural(filesLinted, "file"))"
      + (notes.isEmpty ? "" : " (\(notes.joined(separator: "; ")))")
  }

  /// Stable identities for findings: rule, path and offending text, plus an
  /// occurrence number for repeats; never the line number, so moving text does not change them.
  public var fingerprints: [String] {
    var seen: [UInt64: Int] = [:]
    return findings.map { finding in
      // FNV-1a of "rule\0path\0snippet", then of the occurrence number, as before.
      var hash = Fingerprint.start
      for (index, part) in [finding.ruleId, finding.path, finding.snippet].enumerated() {
        if index > 0 { hash = Fingerprint.add(0, to: hash) }
        hash = part.withBytes { bytes in bytes.reduce(hash) { Fingerprint.add($1, to: $0) } }
      }
      let occurrence = seen[hash, default: 0]
      seen[hash] = occurrence + 1
      hash = Fingerprint.add(0, to: hash)
      for byte in String(occurrence).utf8 { hash = Fingerprint.add(byte, to: hash) }
      return Fingerprint.hex(of: hash)
    }
  }
}
