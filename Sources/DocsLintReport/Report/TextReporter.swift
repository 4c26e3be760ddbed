import DocsLintEngine

/// Compiler-style lines, `path:line:col: level: message [rule-id]`, then a summary; paths
/// and messages with control characters escaped (`VisibleText`), one line per finding.
package struct TextReporter: Reporter {
  package static let format = "text"

  package init() {}

  /// Built as bytes: a report of tens of thousands of findings costs no string per line.
  package func write(_ report: Report, into output: inout [UInt8]) {
    output.reserveCapacity(output.count + report.findings.count * 120)
    for index in report.findings.indices { Self.append(report.findings[index], to: &output) }
    output.append(contentsOf: report.summary.utf8)
    output.append(UInt8(ascii: "\n"))
  }

  /// One `path:line:col: level: message [rule-id]` line.
  static func append(_ finding: Finding, to output: inout [UInt8]) {
    VisibleText.append(finding.path, to: &output)
    output.append(UInt8(ascii: ":"))
    output.append(contentsOf: String(finding.span.line).utf8)
    output.append(UInt8(ascii: ":"))
    output.append(contentsOf: String(finding.span.column).utf8)
    output.append(contentsOf: ": ".utf8)
    output.append(contentsOf: finding.level.rawValue.utf8)
    output.append(contentsOf: ": ".utf8)
    VisibleText.append(finding.message, to: &output)
    output.append(contentsOf: " [".utf8)
    output.append(contentsOf: finding.ruleId.utf8)
    output.append(contentsOf: "]\n".utf8)
  }
}
