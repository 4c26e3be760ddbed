/// Compiler-style lines, `path:line:col: level: message [rule-id]`, then a summary.
public struct TextReporter: Reporter {
  public static let format = "text"

  public init() {}

  public func render(_ report: Report) -> String {
    var output = ""
    for finding in report.findings {
      output += "\(finding.path):\(finding.span.line):\(finding.span.column): \(finding.level.rawValue): "
      output += "\(finding.message) [\(finding.ruleId)]\n"
    }
    output += report.summary + "\n"
    return output
  }
}
