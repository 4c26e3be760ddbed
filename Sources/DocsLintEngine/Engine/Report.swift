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

  package init(findings: [Finding], filesLinted: Int, rules: [RuleDescriptor] = RuleRegistry.descriptors) {
    self.findings = findings
    self.filesLinted = filesLinted
    self.rules = rules
  }

  public func count(_ level: Level) -> Int { findings.levelCount { $0 == level } }

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
