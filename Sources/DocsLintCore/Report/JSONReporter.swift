import Foundation

/// A stable JSON document: `{"version":1,"tool":…,"summary":…,"findings":[…]}`
/// with sorted keys; documented in the README.
public struct JSONReporter: Reporter {
  public static let format = "json"

  public init() {}

  struct Document: Encodable {
    var version = 1
    var tool = Tool()
    var summary: Summary
    var findings: [Item]
  }

  struct Tool: Encodable {
    var name = ToolInfo.name
    var version = ToolInfo.version
  }

  struct Summary: Encodable {
    var files: Int
    var errors: Int
    var warnings: Int
    var infos: Int
  }

  struct Item: Encodable {
    var rule: String
    var level: String
    var path: String
    var line: Int
    var column: Int
    var endLine: Int
    var endColumn: Int
    var message: String
    var fingerprint: String
  }

  public func render(_ report: Report) -> String {
    let items = zip(report.findings, report.fingerprints).map { finding, fingerprint in
      Item(
        rule: finding.ruleId, level: finding.level.rawValue, path: finding.path,
        line: finding.span.line, column: finding.span.column,
        endLine: finding.span.endLine, endColumn: finding.span.endColumn,
        message: finding.message, fingerprint: fingerprint)
    }
    let document = Document(
      summary: Summary(
        files: report.filesLinted, errors: report.count(.error), warnings: report.count(.warning),
        infos: report.count(.info)),
      findings: items)
    return StableJSON.encode(document)
  }
}

/// Pretty, key-sorted JSON with unescaped slashes: byte-identical across runs.
enum StableJSON {
  static func encode(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Encoding plain structs of strings and integers cannot fail.
    let data = try! encoder.encode(value)
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
