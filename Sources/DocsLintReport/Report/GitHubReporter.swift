import DocsLintEngine

/// GitHub Actions workflow commands (`::error file=…,line=…,endLine=…,col=…,endColumn=…,title=RULE::message`),
/// most severe first. A step shows at most ten annotations of each level, so the rest
/// are printed as plain log lines and a closing line says how many were not annotated.
package struct GitHubReporter: Reporter {
  package static let format = "github"
  /// Annotations of one level GitHub shows per step.
  static let annotationsPerLevel = 10

  package init() {}

  package func write(_ report: Report, into bytes: inout [UInt8]) {
    // Indexes sorted, not findings copied.
    let findings = report.findings
    let ordered = findings.indices.sorted { lhs, rhs in
      findings[lhs].level != findings[rhs].level ? findings[lhs].level > findings[rhs].level : lhs < rhs
    }
    var annotated: [Level: Int] = [:]
    var output = ""
    var rest: [UInt8] = []
    var plain = 0
    for index in ordered {
      let finding = findings[index]
      let shown = annotated[finding.level, default: 0]
      guard shown < Self.annotationsPerLevel else {
        TextReporter.append(finding, to: &rest)
        plain += 1
        continue
      }
      annotated[finding.level] = shown + 1
      output += "::\(Self.command(finding.level)) file=\(Self.property(finding.path)),line=\(finding.span.line),"
      let span = finding.span
      // As in SARIF: the column after the last one, at least one past the start on one line.
      let endColumn = span.endLine > span.line ? span.endColumn : max(span.endColumn, span.column + 1)
      output += "endLine=\(span.endLine),col=\(span.column),endColumn=\(endColumn),"
      output += "title=\(Self.property(finding.ruleId))::\(Self.data(finding.message))\n"
    }
    // Findings past the annotation limit stay in the log, after the annotations.
    bytes.append(contentsOf: output.utf8)
    bytes.append(contentsOf: rest)
    var summary = "docs-lint: \(report.summary)"
    summary += plain == 0 ? "\n" : "; \(plain) not annotated (GitHub shows \(Self.annotationsPerLevel) per level per step)\n"
    bytes.append(contentsOf: summary.utf8)
  }

  static func command(_ level: Level) -> String {
    switch level {
    case .error: "error"
    case .warning: "warning"
    case .info: "notice"
    }
  }

  /// Workflow-command message escaping, over text whose control characters are already
  /// visible escapes (a decoded `%0A` in a link stays `\n`, never a raw break or ESC).
  static func data(_ text: String) -> String {
    VisibleText.escaped(text).replacingOccurrences(of: "%", with: "%25")
  }

  /// Property values also escape the separators `:` and `,`.
  static func property(_ text: String) -> String {
    data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
  }
}
