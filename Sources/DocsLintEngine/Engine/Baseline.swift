import DocsLintRules
import Foundation

/// Findings recorded on purpose (`--write-baseline`) so a repository with existing debt
/// can adopt docs-lint and see only new findings (`--baseline`). A finding matches on rule,
/// path and the normalised text of its source line, never the line number, so lines
/// inserted above do not resurrect it; repeats of one line are counted.
package struct Baseline: Sendable, Codable {
  package struct Entry: Sendable, Codable {
    package var rule: String
    package var path: String
    /// The finding's source line, trimmed, with whitespace runs collapsed.
    package var line: String
    package var count: Int
  }

  package var version = 1
  package var tool = ToolInfo.name
  package var findings: [Entry]

  /// What filtering against a baseline kept and matched.
  package struct Outcome: Sendable {
    package var findings: [Finding]
    /// Findings the baseline covered.
    package var matched: Int
    /// Recorded findings of linted files that no longer occur: debt paid off.
    package var stale: Int
  }

  /// The baseline of `findings`, sorted so the file diffs cleanly.
  package init(findings: [Finding], lines: [String]) {
    var counts: [Key: Int] = [:]
    for (finding, line) in zip(findings, lines) { counts[Key(finding, line), default: 0] += 1 }
    self.findings = counts.map { Entry(rule: $0.key.rule, path: $0.key.path, line: $0.key.line, count: $0.value) }
      .sorted { ($0.path, $0.rule, $0.line) < ($1.path, $1.rule, $1.line) }
  }

  /// Keeps the findings beyond what the baseline recorded for their key. `judged` tells which
  /// recorded paths this run looked at (or saw go away), for the stale count.
  package func filter(_ findings: [Finding], lines: [String], judged: (String) -> Bool) -> Outcome {
    var allowance: [Key: Int] = [:]
    for entry in self.findings { allowance[Key(rule: entry.rule, path: entry.path, line: entry.line), default: 0] += entry.count }
    var kept: [Finding] = []
    var matched = 0
    for (finding, line) in zip(findings, lines) {
      let key = Key(finding, line)
      if let left = allowance[key], left > 0 {
        allowance[key] = left - 1
        matched += 1
      } else {
        kept.append(finding)
      }
    }
    let stale = allowance.filter { judged($0.key.path) }.values.reduce(0, +)
    return Outcome(findings: kept, matched: matched, stale: stale)
  }

  /// Reads a baseline file; a missing or malformed one is a usage error, not an empty baseline.
  package static func load(_ path: String) throws(UsageError) -> Baseline {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw UsageError("cannot read baseline '\(path)'")
    }
    do {
      return try JSONDecoder().decode(Baseline.self, from: data)
    } catch {
      throw UsageError("'\(path)' is not a docs-lint baseline (\(error.localizedDescription))")
    }
  }

  /// Writes the file as `--output` writes a report (`OutputFile`).
  package func write(to path: String) throws(UsageError) {
    try OutputFile.write(Array(StableJSON.encode(self).utf8), to: path)
  }

  /// Normalised source-line text: trimmed, whitespace runs collapsed to one space.
  package static func normalize(_ line: String) -> String {
    line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
  }

  fileprivate struct Key: Hashable {
    var rule: String
    var path: String
    var line: String
  }
}

/// The normalised source line of each finding. Findings come in report order, grouped by
/// file, so each file is read once and only one is held at a time.
package enum FindingLines {
  package static func texts(of findings: [Finding], root: String, maxBytes: Int) -> [String] {
    let reader = FileReader(root: root, maxBytes: maxBytes)
    var current: (path: String, source: SourceText?)?
    return findings.map { finding in
      if current?.path != finding.path { current = (finding.path, try? reader.read(finding.path).get()) }
      guard let source = current?.source, finding.span.line <= source.lineCount else { return "" }
      return Baseline.normalize(source.lineText(finding.span.line))
    }
  }
}

extension Baseline.Key {
  init(_ finding: Finding, _ line: String) { self.init(rule: finding.ruleId, path: finding.path, line: line) }
}
