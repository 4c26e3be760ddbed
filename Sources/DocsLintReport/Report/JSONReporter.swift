import DocsLintEngine
import Foundation

/// A stable JSON document: `{"version":1,"tool":…,"summary":…,"findings":[…]}`
/// with sorted keys; documented in the README.
package struct JSONReporter: Reporter {
  package static let format = "json"

  package init() {}

  /// Written directly into one byte buffer (keys in sorted order, as `StableJSON` would):
  /// a report of tens of thousands of findings costs no encoder tree and no string copies.
  package func write(_ report: Report, into output: inout [UInt8]) {
    var out = JSONBuffer(bytes: output)
    output = []
    // About what a finding takes, so the buffer seldom grows (each growth copies it whole).
    out.bytes.reserveCapacity(out.bytes.count + 1_024 + report.findings.count * 320)
    out.raw("{\n  \"findings\" : [")
    for (index, (finding, fingerprint)) in zip(report.findings, report.fingerprints).enumerated() {
      out.raw(index == 0 ? "\n    {\n" : ",\n    {\n")
      if let cause = finding.cause { out.field("causedBy", cause) }
      out.field("column", finding.span.column)
      out.field("endColumn", finding.span.endColumn)
      out.field("endLine", finding.span.endLine)
      out.field("fingerprint", fingerprint)
      out.field("level", finding.level.rawValue)
      out.field("line", finding.span.line)
      out.field("message", finding.message)
      out.field("path", finding.path)
      out.field("rule", finding.ruleId, last: true)
      out.raw("    }")
    }
    out.raw(report.findings.isEmpty ? "],\n" : "\n  ],\n")
    out.raw("  \"summary\" : {\n")
    if let baseline = report.baseline {
      out.field("baselineMatched", baseline.matched, indent: 4)
      out.field("baselineStale", baseline.stale, indent: 4)
    }
    out.field("errors", report.count(.error), indent: 4)
    out.field("files", report.filesLinted, indent: 4)
    if report.hidden > 0 { out.field("hidden", report.hidden, indent: 4) }
    out.field("infos", report.count(.info), indent: 4)
    out.field("warnings", report.count(.warning), indent: 4, last: true)
    out.raw("  },\n  \"tool\" : {\n")
    out.field("name", ToolInfo.name, indent: 4)
    out.field("version", ToolInfo.version, indent: 4, last: true)
    out.raw("  },\n  \"version\" : 1\n}\n")
    output = out.bytes
  }
}

/// Pretty-printed JSON assembled as bytes.
struct JSONBuffer {
  var bytes: [UInt8] = []

  mutating func raw(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  mutating func field(_ key: StaticString, _ value: Int, indent: Int = 6, last: Bool = false) {
    open(key, indent: indent)
    bytes.append(contentsOf: String(value).utf8)
    close(last)
  }

  mutating func field(_ key: StaticString, _ value: String, indent: Int = 6, last: Bool = false) {
    open(key, indent: indent)
    JSONText.append(value, to: &bytes)
    close(last)
  }

  private mutating func open(_ key: StaticString, indent: Int) {
    bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
    bytes.append(UInt8(ascii: "\""))
    key.withUTF8Buffer { bytes.append(contentsOf: $0) }
    raw("\" : ")
  }

  private mutating func close(_ last: Bool) { raw(last ? "\n" : ",\n") }
}

/// JSON string literals: quotes, backslashes and control characters escaped, everything else as is.
enum JSONText {
  static func append(_ text: String, to bytes: inout [UInt8]) {
    bytes.append(UInt8(ascii: "\""))
    text.withBytes { source in
      for byte in source {
        switch byte {
        case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
        case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
        case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
        case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
        case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
        // As JSONEncoder writes them (StableJSON): SARIF's results and its skeleton agree.
        case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
        case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
        case 0..<0x20:
          let hex = String(byte, radix: 16)
          bytes.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
        default: bytes.append(byte)
        }
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }

}
