import DocsLintEngine

/// SARIF 2.1.0 for GitHub code scanning: one run, the rule catalogue in
/// `tool.driver.rules`, root-relative locations and line-free fingerprints.
package struct SARIFReporter: Reporter {
  package static let format = "sarif"

  package init() {}

  struct Log: Encodable {
    var schema = "https://json.schemastore.org/sarif-2.1.0.json"
    var version = "2.1.0"
    var runs: [Run]

    enum CodingKeys: String, CodingKey {
      case schema = "$schema"
      case version, runs
    }
  }

  struct Run: Encodable {
    var tool: Tool
    var automationDetails = AutomationDetails()
    var columnKind = "unicodeCodePoints"
    var results: [Result]
  }

  struct Tool: Encodable { var driver: Driver }

  struct Driver: Encodable {
    var name = ToolInfo.name
    var semanticVersion = ToolInfo.version
    var informationUri = ToolInfo.informationURI
    var rules: [RuleEntry]
  }

  struct Text: Encodable { var text: String }

  struct Help: Encodable {
    var text: String
    var markdown: String
  }

  struct RuleEntry: Encodable {
    var id: String
    var shortDescription: Text
    var fullDescription: Text
    var help: Help
    var helpUri: String
    var defaultConfiguration: Configuration
  }

  struct Configuration: Encodable { var level: String }

  struct AutomationDetails: Encodable { var id = "docs-lint/" }

  struct Result: Encodable {
    var ruleId: String
    var ruleIndex: Int
    var level: String
    var message: Text
    var locations: [Location]
    var partialFingerprints: [String: String]
  }

  struct Location: Encodable { var physicalLocation: PhysicalLocation }

  struct PhysicalLocation: Encodable {
    var artifactLocation: ArtifactLocation
    var region: Region
  }

  struct ArtifactLocation: Encodable {
    var uri: String
    var uriBaseId = "SRCROOT"
  }

  struct Region: Encodable {
    var startLine: Int
    var startColumn: Int
    var endLine: Int
    var endColumn: Int
  }

  package func render(_ report: Report) -> String {
    let index = Dictionary(uniqueKeysWithValues: report.rules.enumerated().map { ($1.id, $0) })
    let rules = report.rules.map { rule in
      RuleEntry(
        id: rule.id, shortDescription: Text(text: rule.summary), fullDescription: Text(text: rule.rationale),
        help: Help(
          text: "\(rule.summary).\n\n\(rule.rationale)\n\nRun `docs-lint explain \(rule.id)` for examples.",
          markdown: RulePages.help(rule)),
        helpUri: RulePages.url(of: rule.id),
        defaultConfiguration: Configuration(level: rule.defaultLevel.sarifName))
    }
    let results = zip(report.findings, report.fingerprints).map { finding, fingerprint in
      let span = finding.span
      let endColumn = span.endLine > span.line ? span.endColumn : max(span.endColumn, span.column + 1)
      return Result(
        ruleId: finding.ruleId, ruleIndex: index[finding.ruleId] ?? 0, level: finding.level.sarifName,
        message: Text(text: finding.message),
        locations: [
          Location(
            physicalLocation: PhysicalLocation(
              artifactLocation: ArtifactLocation(uri: Self.uri(finding.path)),
              region: Region(startLine: span.line, startColumn: span.column, endLine: span.endLine, endColumn: endColumn)))
        ],
        partialFingerprints: ["docsLint/v1": fingerprint])
    }
    return StableJSON.encode(Log(runs: [Run(tool: Tool(driver: Driver(rules: rules)), results: results)]))
  }

  /// A relative URI reference: each byte outside the unreserved set (and `/`) percent-encoded.
  static func uri(_ path: String) -> String {
    var result = ""
    for byte in path.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
        UInt8(ascii: "~"), UInt8(ascii: "/"):
        result.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        result += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
      }
    }
    return result
  }
}
