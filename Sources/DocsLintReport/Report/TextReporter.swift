import DocsLintEngine

/// Compiler-style lines, `path:line:col: level: message [rule-id]`, then a summary; paths
/// and messages with control characters escaped (`VisibleText`), one line per finding.
/// For a person at a terminal (`Report.Display`): colour, paths from the current folder,
/// `[*]` before what `--fix` repairs, counts per rule instead of findings, or either part alone.
package struct TextReporter: Reporter {
  package static let format = "text"

  package init() {}

  /// Built as bytes: a report of tens of thousands of findings costs no string per line.
  package func write(_ report: Report, into output: inout [UInt8]) {
    let display = report.display
    let style = Style(colour: display.colour)
    if display.statistics {
      Self.statistics(report, style: style, into: &output)
    } else if display.findings {
      output.reserveCapacity(output.count + report.findings.count * 120)
      for index in report.findings.indices {
        Self.append(
          report.findings[index], to: &output, folder: display.currentFolder, style: style,
          fixable: report.fixable.contains(index))
      }
    }
    guard display.summary else { return }
    output.append(contentsOf: style.bold(report.summary).utf8)
    output.append(UInt8(ascii: "\n"))
    let fixable = report.fixable.count
    if fixable > 0 { output.append(contentsOf: "[*] \(fixable) fixable with `docs-lint --fix`\n".utf8) }
  }

  /// One `path:line:col: level: message [rule-id]` line, as GitHub's log and plain pipes
  /// want it (no colour, root-relative path).
  static func append(_ finding: Finding, to output: inout [UInt8]) {
    append(finding, to: &output, folder: "", style: Style(colour: false), fixable: false)
  }

  static func append(_ finding: Finding, to output: inout [UInt8], folder: String, style: Style, fixable: Bool) {
    let path = folder.isEmpty ? finding.path : RepoPath.relative(finding.path, from: folder)
    var location: [UInt8] = []
    VisibleText.append(path, to: &location)
    location.append(UInt8(ascii: ":"))
    location.append(contentsOf: String(finding.span.line).utf8)
    location.append(UInt8(ascii: ":"))
    location.append(contentsOf: String(finding.span.column).utf8)
    style.append(location, as: .path, to: &output)
    output.append(contentsOf: ": ".utf8)
    style.append(Array(finding.level.rawValue.utf8), as: .level(finding.level), to: &output)
    output.append(contentsOf: ": ".utf8)
    if fixable { output.append(contentsOf: "[*] ".utf8) }
    VisibleText.append(finding.message, to: &output)
    output.append(UInt8(ascii: " "))
    style.append(Array("[\(finding.ruleId)]".utf8), as: .rule, to: &output)
    output.append(UInt8(ascii: "\n"))
  }

  /// `--statistics`: one line per rule and level, most severe and most frequent first.
  static func statistics(_ report: Report, style: Style, into output: inout [UInt8]) {
    let rows = report.countsByRule
    let width = String(rows.map(\.count).max() ?? 0).count
    let idWidth = rows.map(\.rule.count).max() ?? 0
    for row in rows {
      let count = String(row.count)
      var line = String(repeating: " ", count: width - count.count) + count + "  "
      line += row.rule + String(repeating: " ", count: idWidth - row.rule.count) + "  "
      output.append(contentsOf: line.utf8)
      style.append(Array(row.level.rawValue.utf8), as: .level(row.level), to: &output)
      output.append(contentsOf: (row.fixable > 0 ? "  [*] \(row.fixable) fixable\n" : "\n").utf8)
    }
  }
}

/// ANSI colours for the text report, or none.
struct Style {
  enum Part {
    case path, rule
    case level(Level)
  }

  var colour: Bool

  func append(_ text: [UInt8], as part: Part, to output: inout [UInt8]) {
    guard colour else { return output.append(contentsOf: text) }
    output.append(contentsOf: code(part).utf8)
    output.append(contentsOf: text)
    output.append(contentsOf: "\u{1B}[0m".utf8)
  }

  func bold(_ text: String) -> String { colour ? "\u{1B}[1m" + text + "\u{1B}[0m" : text }

  private func code(_ part: Part) -> String {
    switch part {
    case .path: "\u{1B}[1m"
    case .rule: "\u{1B}[2m"
    case .level(.error): "\u{1B}[1;31m"
    case .level(.warning): "\u{1B}[1;33m"
    case .level(.info): "\u{1B}[1;36m"
    }
  }
}
