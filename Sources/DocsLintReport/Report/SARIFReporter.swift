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
    /// Only with `--sarif-category`: without it, upload-sarif's own `category` applies.
    var automationDetails: AutomationDetails?
    var columnKind = "unicodeCodePoints"
    /// Only when results were left out: how many, and a note saying so.
    var invocations: [Invocation]?
    var properties: RunProperties?
    /// Left empty: the results are written into the encoded skeleton, byte for byte as the
    /// encoder would, without an encoder tree of every finding.
    var results: [String] = []
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

  struct AutomationDetails: Encodable { var id: String }

  struct Invocation: Encodable {
    var executionSuccessful = true
    var toolExecutionNotifications: [Notification]
  }

  struct Notification: Encodable {
    var level = "warning"
    var message: Text
  }

  struct RunProperties: Encodable {
    var omittedResults: Int
    var omittedByLevel: [String: Int]

    enum CodingKeys: String, CodingKey {
      case omittedResults = "docsLint/omittedResults"
      case omittedByLevel = "docsLint/omittedResultsByLevel"
    }
  }

  /// GitHub code scanning rejects a run with more results than this.
  static let maxResults = 25_000

  /// The findings a run reports: all of them, or the most severe `maxResults` (earlier ones
  /// first among equals), in report order.
  static func kept(_ findings: [Finding], limit: Int = maxResults) -> [Int] {
    guard findings.count > limit else { return Array(findings.indices) }
    let bySeverity = findings.indices.sorted { lhs, rhs in
      findings[lhs].level != findings[rhs].level ? findings[lhs].level > findings[rhs].level : lhs < rhs
    }
    return bySeverity.prefix(limit).sorted()
  }

  package func write(_ report: Report, into output: inout [UInt8]) {
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
    let kept = Self.kept(report.findings)
    var run = Run(tool: Tool(driver: Driver(rules: rules)))
    run.automationDetails = report.category.map { AutomationDetails(id: "docs-lint/\($0)/") }
    if kept.count < report.findings.count {
      var omitted: [String: Int] = [:]
      var keptSet = Set(kept)
      for index in report.findings.indices where keptSet.remove(index) == nil {
        omitted[report.findings[index].level.sarifName, default: 0] += 1
      }
      let count = report.findings.count - kept.count
      run.properties = RunProperties(omittedResults: count, omittedByLevel: omitted)
      run.invocations = [
        Invocation(toolExecutionNotifications: [
          Notification(
            message: Text(
              text: "\(count) of \(report.findings.count) results left out: GitHub code scanning accepts at most "
                + "\(Self.maxResults) per run; the most severe are kept. Run docs-lint with --format json for all."))
        ])
      ]
    }
    let encoded = StableJSON.encode(Log(runs: [run]))
    let skeleton = Array(encoded.utf8)
    // The empty `results` array, as the encoder writes it (quotes inside strings are escaped,
    // so the key cannot occur in a rule's text).
    let empty = "\"results\" : [\n\n      ]"
    guard !report.findings.isEmpty, let at = encoded.byteOffset(of: empty) else {
      output.append(contentsOf: skeleton)
      return
    }
    let slot = (at + "\"results\" : ".utf8.count)..<(at + empty.utf8.count)
    output.append(contentsOf: skeleton[..<slot.lowerBound])
    var out = JSONBuffer(bytes: output)
    output = []
    // About what a result takes, so the buffer seldom grows (each growth copies it whole).
    out.bytes.reserveCapacity(out.bytes.count + skeleton.count + report.findings.count * 800)
    out.raw("[")
    let fingerprints = report.fingerprints
    for (number, position) in kept.enumerated() {
      let finding = report.findings[position]
      out.raw(number == 0 ? "\n        {\n" : ",\n        {\n")
      Self.result(finding, fingerprint: fingerprints[position], ruleIndex: index[finding.ruleId] ?? 0, into: &out)
      out.raw("        }")
    }
    out.raw("\n      ]")
    output = out.bytes
    output.append(contentsOf: skeleton[slot.upperBound...])
  }

  /// One result, keys in sorted order, indented as the encoder indents it.
  private static func result(_ finding: Finding, fingerprint: String, ruleIndex: Int, into out: inout JSONBuffer) {
    let span = finding.span
    let endColumn = span.endLine > span.line ? span.endColumn : max(span.endColumn, span.column + 1)
    out.field("level", finding.level.sarifName, indent: 10)
    out.raw("          \"locations\" : [\n            {\n              \"physicalLocation\" : {\n")
    out.raw("                \"artifactLocation\" : {\n")
    out.field("uri", uri(finding.path), indent: 18)
    out.field("uriBaseId", "SRCROOT", indent: 18, last: true)
    out.raw("                },\n                \"region\" : {\n")
    out.field("endColumn", endColumn, indent: 18)
    out.field("endLine", span.endLine, indent: 18)
    out.field("startColumn", span.column, indent: 18)
    out.field("startLine", span.line, indent: 18, last: true)
    out.raw("                }\n              }\n            }\n          ],\n          \"message\" : {\n")
    out.field("text", finding.message, indent: 12, last: true)
    out.raw("          },\n          \"partialFingerprints\" : {\n")
    out.field("docsLint/v1", fingerprint, indent: 12, last: true)
    out.raw("          },\n")
    out.field("ruleId", finding.ruleId, indent: 10)
    out.field("ruleIndex", ruleIndex, indent: 10, last: true)
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
