/// Renders the findings of one run. One reporter per file in this folder.
public protocol Reporter: Sendable {
  /// The `--format` value that selects this reporter.
  static var format: String { get }
  func render(_ report: Report) -> String
}

/// What reporters render: the findings (in report order) and run facts.
public struct Report: Sendable {
  public var findings: [Finding]
  public var filesLinted: Int
  public var rules: [RuleDescriptor]
  /// Findings not shown because they are below `--min-level`.
  public var hidden = 0
  /// With `--baseline`: findings it covered, and recorded ones that no longer occur.
  public var baseline: (matched: Int, stale: Int)?

  public init(findings: [Finding], filesLinted: Int, rules: [RuleDescriptor] = RuleRegistry.descriptors) {
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

/// Every available output format, by `--format` name.
public enum Reporters {
  public static let all: [any Reporter.Type] = [
    TextReporter.self, JSONReporter.self, SARIFReporter.self, GitHubReporter.self,
  ]

  public static func named(_ format: String) -> (any Reporter)? {
    switch format {
    case TextReporter.format: TextReporter()
    case JSONReporter.format: JSONReporter()
    case SARIFReporter.format: SARIFReporter()
    case GitHubReporter.format: GitHubReporter()
    default: nil
    }
  }
}

/// 64-bit FNV-1a, rendered as 16 hex digits: small, stable across platforms and runs.
enum Fingerprint {
  static let start: UInt64 = 0xcbf2_9ce4_8422_2325

  static func add(_ byte: UInt8, to hash: UInt64) -> UInt64 { (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }

  static func hex(_ text: String) -> String { hex(of: text.utf8.reduce(start) { add($1, to: $0) }) }

  static func hex(of hash: UInt64) -> String {
    let digits = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}

/// Tool facts shared by the machine-readable formats.
public enum ToolInfo {
  public static let name = "docs-lint"
  public static let version = "0.1.0"
  public static let informationURI = "https://github.com/docs-lint/docs-lint"
}
