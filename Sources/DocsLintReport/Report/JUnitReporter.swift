import DocsLintEngine

/// JUnit XML, for CI systems that show test results (GitLab, Jenkins, Azure, test-report
/// actions): one test suite per file with findings, one failing test case per finding
/// (named by its rule, classed by its file); a run without findings is one passing case.
package struct JUnitReporter: Reporter {
  package static let format = "junit"

  package init() {}

  package func write(_ report: Report, into output: inout [UInt8]) {
    let findings = report.findings
    var byFile: [(path: String, indices: [Int])] = []
    for index in findings.indices {
      if byFile.last?.path == findings[index].path {
        byFile[byFile.count - 1].indices.append(index)
      } else {
        byFile.append((findings[index].path, [index]))
      }
    }
    let total = max(findings.count, 1)
    var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    xml += "<testsuites name=\"docs-lint\" tests=\"\(total)\" failures=\"\(findings.count)\" errors=\"0\">\n"
    if findings.isEmpty {
      xml += "  <testsuite name=\"docs-lint\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\">\n"
      xml += "    <testcase name=\"docs-lint\" classname=\"docs-lint\"/>\n  </testsuite>\n"
    }
    for file in byFile {
      let path = Self.escaped(file.path)
      xml += "  <testsuite name=\"\(path)\" tests=\"\(file.indices.count)\" failures=\"\(file.indices.count)\" "
      xml += "errors=\"0\" skipped=\"0\">\n"
      for index in file.indices {
        let finding = findings[index]
        let location = "\(finding.path):\(finding.span.line):\(finding.span.column)"
        xml += "    <testcase name=\"\(Self.escaped(finding.ruleId))\" classname=\"\(path)\" file=\"\(path)\" "
        xml += "line=\"\(finding.span.line)\">\n"
        xml += "      <failure message=\"\(Self.escaped(finding.message))\" type=\"\(finding.level.rawValue)\">"
        xml += Self.escaped("\(location): \(finding.level.rawValue): \(finding.message) [\(finding.ruleId)]")
        xml += "</failure>\n    </testcase>\n"
      }
      xml += "  </testsuite>\n"
    }
    xml += "</testsuites>\n"
    output.append(contentsOf: xml.utf8)
  }

  /// Text for an attribute or element: markup escaped, and control characters and the
  /// noncharacters U+FFFE and U+FFFF (which XML 1.0 cannot hold at all) made visible.
  static func escaped(_ text: String) -> String {
    var result = ""
    for character in VisibleText.escaped(text) {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&apos;"
      // Not characters XML 1.0 can hold, escaped or not.
      case "\u{FFFE}": result += "\\u{FFFE}"
      case "\u{FFFF}": result += "\\u{FFFF}"
      default: result.append(character)
      }
    }
    return result
  }
}
