import Foundation

/// A stable JSON document: `{"version":1,"tool":…,"summary":…,"findings":[…]}`
/// with sorted keys; documented in the README.
public struct JSONReporter: Reporter {
  public static let format = "json"

  public init() {}

  /// Written directly (keys in sorted order, as `StableJSON` would): a report of tens of
  /// thousands of findings then costs one string, not an encoder's object tree.
  public func render(_ report: Report) -> String {
    var out = "{\n  \"findings\" : ["
    for (index, (finding, fingerprint)) in zip(report.findings, report.fingerprints).enumerated() {
      out += index == 0 ? "\n" : ",\n"
      out += "    {\n"
      out += "      \"column\" : \(finding.span.column),\n"
      out += "      \"endColumn\" : \(finding.span.endColumn),\n"
      out += "      \"endLine\" : \(finding.span.endLine),\n"
      out += "      \"fingerprint\" : \(JSONText.quoted(fingerprint)),\n"
      out += "      \"level\" : \(JSONText.quoted(finding.level.rawValue)),\n"
      out += "      \"line\" : \(finding.span.line),\n"
      out += "      \"message\" : \(JSONText.quoted(finding.message)),\n"
      out += "      \"path\" : \(JSONText.quoted(finding.path)),\n"
      out += "      \"rule\" : \(JSONText.quoted(finding.ruleId))\n"
      out += "    }"
    }
    out += report.findings.isEmpty ? "],\n" : "\n  ],\n"
    out += "  \"summary\" : {\n"
    out += "    \"errors\" : \(report.count(.error)),\n"
    out += "    \"files\" : \(report.filesLinted),\n"
    out += "    \"infos\" : \(report.count(.info)),\n"
    out += "    \"warnings\" : \(report.count(.warning))\n"
    out += "  },\n"
    out += "  \"tool\" : {\n    \"name\" : \(JSONText.quoted(ToolInfo.name)),\n"
    out += "    \"version\" : \(JSONText.quoted(ToolInfo.version))\n  },\n"
    out += "  \"version\" : 1\n}\n"
    return out
  }
}

/// JSON string literals: quotes, backslashes and control characters escaped, everything else as is.
enum JSONText {
  static func quoted(_ text: String) -> String {
    // Most strings need no escaping at all.
    if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
      return "\"" + text + "\""
    }
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
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
