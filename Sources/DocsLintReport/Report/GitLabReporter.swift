import DocsLintEngine

/// GitLab Code Quality (`artifacts:reports:codequality`), a subset of the Code Climate issue
/// format: one issue per finding with its rule as `check_name`, the finding's stable
/// fingerprint, a severity and the file and lines. GitLab shows them in merge requests.
package struct GitLabReporter: Reporter {
  package static let format = "gitlab"

  package init() {}

  struct Issue: Encodable {
    struct Location: Encodable {
      struct Lines: Encodable {
        var begin: Int
        var end: Int
      }

      var path: String
      var lines: Lines
    }

    var type = "issue"
    var checkName: String
    var description: String
    var fingerprint: String
    var severity: String
    var location: Location

    enum CodingKeys: String, CodingKey {
      case type, description, fingerprint, severity, location
      case checkName = "check_name"
    }
  }

  package func write(_ report: Report, into output: inout [UInt8]) {
    let fingerprints = report.fingerprints
    let issues = report.findings.indices.map { index in
      let finding = report.findings[index]
      return Issue(
        checkName: finding.ruleId, description: finding.message, fingerprint: fingerprints[index],
        severity: Self.severity(finding.level),
        location: .init(path: finding.path, lines: .init(begin: finding.span.line, end: finding.span.endLine)))
    }
    output.append(contentsOf: StableJSON.encode(issues).utf8)
  }

  /// GitLab's scale is info, minor, major, critical, blocker: a broken reference blocks
  /// nothing on its own, so errors are major.
  static func severity(_ level: Level) -> String {
    switch level {
    case .error: "major"
    case .warning: "minor"
    case .info: "info"
    }
  }
}
