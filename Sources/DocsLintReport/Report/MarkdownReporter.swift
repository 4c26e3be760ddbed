import DocsLintEngine

/// A Markdown summary for people: the run's counts, a table of findings per rule and the
/// first findings, most severe first. Made for a CI job summary (`$GITHUB_STEP_SUMMARY`)
/// or a review comment; every table is GFM, every text cell escaped.
package struct MarkdownReporter: Reporter {
  package static let format = "markdown"
  /// Findings listed one by one; the rest are in the per-rule counts.
  static let listed = 20

  package init() {}

  package func write(_ report: Report, into bytes: inout [UInt8]) {
    var output = "**\(Self.escaped(report.summary))**\n"
    guard !report.findings.isEmpty else {
      bytes.append(contentsOf: output.utf8)
      return
    }
    output += "\n| rule | level | findings |\n|---|---|---:|\n"
    for row in report.countsByRule {
      output += "| \(Self.escaped(row.rule)) | \(row.level.rawValue) | \(row.count) |\n"
    }
    // Indexes sorted, not findings copied: most severe first, report order within a level.
    let findings = report.findings
    let ordered = findings.indices.sorted { lhs, rhs in
      findings[lhs].level != findings[rhs].level ? findings[lhs].level > findings[rhs].level : lhs < rhs
    }
    let shown = ordered.prefix(Self.listed)
    output += shown.count == findings.count ? "\n" : "\nThe first \(shown.count) of \(findings.count):\n"
    output += "\n| location | level | rule | message |\n|---|---|---|---|\n"
    for index in shown {
      let finding = findings[index]
      let location = "\(finding.path):\(finding.span.line):\(finding.span.column)"
      output += "| \(Self.escaped(location)) | \(finding.level.rawValue) | \(Self.escaped(finding.ruleId)) "
      output += "| \(Self.escaped(finding.message)) |\n"
    }
    bytes.append(contentsOf: output.utf8)
  }

  /// Text as literal Markdown inside a table cell: control characters made visible, and
  /// every character with inline meaning backslash-escaped (emphasis, code, links, HTML,
  /// entities, strikethrough, the cell separator), so no path or message changes the table.
  static func escaped(_ text: String) -> String {
    var output = ""
    for character in VisibleText.escaped(text).unicodeScalars {
      if Self.inlineSyntax.contains(character) { output.unicodeScalars.append("\\") }
      output.unicodeScalars.append(character)
    }
    return output
  }

  private static let inlineSyntax: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "&", "~", "!"]
}
