import Foundation
import Testing

@testable import DocsLintConfig
@testable import DocsLintEngine
@testable import DocsLintGraph
@testable import DocsLintMarkdown
@testable import DocsLintModel
@testable import DocsLintReport
@testable import DocsLintRules
@testable import DocsLintScan

struct ReporterTests {
  private func demoReport() throws -> Report {
    let root = packageRoot + "/fixtures/demo"
    let run = try LintRun.execute(paths: [root], root: root, configFile: nil)
    return Report(findings: run.findings, filesLinted: run.filesLinted)
  }

  /// Validates real SARIF output against the official OASIS schema with python3's jsonschema.
  @Test func sarifIsValidAgainstTheOfficialSchema() throws {
    try expectValidSARIF(SARIFReporter().render(try demoReport()))
  }

  private func expectValidSARIF(_ sarif: String) throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("docs-lint-\(UUID().uuidString).sarif")
    try sarif.write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    let schema = packageRoot + "/Tests/DocsLintTests/Resources/sarif-schema-2.1.0.json"
    let script = """
      import json, sys, jsonschema
      schema = json.load(open(sys.argv[1])); log = json.load(open(sys.argv[2]))
      jsonschema.Draft7Validator(schema).validate(log)
      assert log["runs"][0]["results"], "no results"
      print("valid")
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, schema, file.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(output)")
  }

  /// GitHub rejects a run of more than 25,000 results: the most severe are kept, in report
  /// order, and the run says how many were left out; the log stays valid SARIF.
  @Test func sarifKeepsTheMostSevereResultsGitHubAccepts() throws {
    func finding(_ number: Int, _ level: Level) -> Finding {
      Finding(
        ruleId: "link/missing-file", level: level, message: "m\(number)", path: "a.md",
        span: SourceSpan(line: number + 1, column: 1), snippet: "x\(number).md")
    }
    // 26,000 findings; the 500 errors come last and must all be kept.
    let findings = (0..<25_500).map { finding($0, .warning) } + (25_500..<26_000).map { finding($0, .error) }
    let sarif = SARIFReporter().render(Report(findings: findings, filesLinted: 1))
    let json = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
    let run = try #require((json["runs"] as? [[String: Any]])?.first)
    let results = try #require(run["results"] as? [[String: Any]])
    #expect(results.count == 25_000)
    #expect(results.filter { $0["level"] as? String == "error" }.count == 500)
    let lines = results.compactMap { (($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]).flatMap { ($0["region"] as? [String: Any])?["startLine"] as? Int } }
    #expect(lines == lines.sorted())
    let properties = try #require(run["properties"] as? [String: Any])
    #expect(properties["docsLint/omittedResults"] as? Int == 1_000)
    #expect(properties["docsLint/omittedResultsByLevel"] as? [String: Int] == ["warning": 1_000])
    let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
    let note = try #require((invocation["toolExecutionNotifications"] as? [[String: Any]])?.first)
    #expect(((note["message"] as? [String: Any])?["text"] as? String)?.hasPrefix("1000 of 26000 results left out") == true)
    try expectValidSARIF(sarif)
    // Under the limit nothing is left out, and the run says nothing about it.
    let small = SARIFReporter().render(Report(findings: Array(findings.prefix(10)), filesLinted: 1))
    #expect(!small.contains("invocations") && !small.contains("omittedResults"))
  }

  /// `automationDetails.id` comes from `--sarif-category` and is left out without it, so that
  /// upload-sarif's own `category` input applies.
  @Test func sarifCategoryNamesTheRun() throws {
    var report = try demoReport()
    #expect(!SARIFReporter().render(report).contains("automationDetails"))
    report.category = "docs"
    let json = try #require(try JSONSerialization.jsonObject(with: Data(SARIFReporter().render(report).utf8)) as? [String: Any])
    let run = try #require((json["runs"] as? [[String: Any]])?.first)
    #expect((run["automationDetails"] as? [String: Any])?["id"] as? String == "docs-lint/docs/")
    let root = packageRoot + "/fixtures/demo"
    let cli = try CommandLineTests.run(["--no-cache", "--root", root, root, "--format", "sarif", "--sarif-category", "docs"])
    #expect(cli.stdout.contains("\"id\" : \"docs-lint/docs/\""))
    let misplaced = try CommandLineTests.run(["--no-cache", "--root", root, root, "--sarif-category", "docs"])
    #expect(misplaced.status == 2)
    #expect(misplaced.stderr.contains("--sarif-category only goes with --format sarif"))
  }

  @Test func sarifCarriesRulesLocationsAndFingerprints() throws {
    let report = try demoReport()
    let json = try JSONSerialization.jsonObject(with: Data(SARIFReporter().render(report).utf8)) as! [String: Any]
    let run = (json["runs"] as! [[String: Any]])[0]
    let driver = (run["tool"] as! [String: Any])["driver"] as! [String: Any]
    #expect(driver["name"] as? String == "docs-lint")
    #expect((driver["rules"] as! [[String: Any]]).count == RuleRegistry.descriptors.count)
    let result = (run["results"] as! [[String: Any]])[0]
    let location = ((result["locations"] as! [[String: Any]])[0]["physicalLocation"] as! [String: Any])
    #expect((location["artifactLocation"] as! [String: Any])["uri"] as? String == "README.md")
    #expect((location["artifactLocation"] as! [String: Any])["uriBaseId"] as? String == "SRCROOT")
    #expect((result["partialFingerprints"] as! [String: String])["docsLint/v1"]?.count == 16)
  }

  @Test func fingerprintsIgnoreLineNumbers() {
    let finding = Finding(
      ruleId: "link/missing-file", level: .error, message: "m", path: "a.md", span: SourceSpan(line: 3, column: 1),
      snippet: "x.md")
    var moved = finding
    moved.span = SourceSpan(line: 40, column: 7)
    #expect(Report(findings: [finding], filesLinted: 1).fingerprints == Report(findings: [moved], filesLinted: 1).fingerprints)
    let twice = Report(findings: [finding, moved], filesLinted: 1).fingerprints
    #expect(twice[0] != twice[1])
  }

  @Test func sarifURIsArePercentEncoded() {
    #expect(SARIFReporter.uri("docs/Validación final.md") == "docs/Validaci%C3%B3n%20final.md")
  }

  @Test func textFormat() throws {
    let text = TextReporter().render(try demoReport())
    #expect(text.hasPrefix("README.md:6:27: error: link target 'docs/specs/SPEC_INFRA_red.md' does not exist"))
    #expect(text.hasSuffix("14 errors, 10 warnings, 1 info in 7 files\n"))
  }

  @Test func jsonFormat() throws {
    let json = try JSONSerialization.jsonObject(with: Data(JSONReporter().render(try demoReport()).utf8)) as! [String: Any]
    #expect(json["version"] as? Int == 1)
    let summary = json["summary"] as! [String: Int]
    #expect(summary["errors"] == 14 && summary["warnings"] == 10 && summary["files"] == 7)
    let first = (json["findings"] as! [[String: Any]])[0]
    #expect(first["rule"] as? String == "link/missing-file")
    #expect(first["line"] as? Int == 6 && first["column"] as? Int == 27)
  }
}

extension ReporterTests {
  @Test func jsonEscaping() throws {
    let finding = Finding(
      ruleId: "r/x", level: .warning, message: "a \"quoted\" \\ path\n\ttab \u{1} é/ü", path: "dir/ñ.md",
      span: SourceSpan(line: 1, column: 2), snippet: "s")
    let text = JSONReporter().render(Report(findings: [finding], filesLinted: 1))
    let json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
    let item = (json["findings"] as! [[String: Any]])[0]
    #expect(item["message"] as? String == finding.message)
    #expect(item["path"] as? String == "dir/ñ.md")
    let empty = try JSONSerialization.jsonObject(with: Data(JSONReporter().render(Report(findings: [], filesLinted: 0)).utf8))
    #expect((empty as! [String: Any])["findings"] as? [Any] != nil)
  }
}

extension ReporterTests {
  /// SARIF's results are written by hand into the encoded skeleton: byte for byte what
  /// the encoder writes for the same document (keys, indentation, escapes).
  @Test func sarifResultsAreWrittenAsTheEncoderWouldWriteThem() throws {
    var findings = try demoReport().findings
    findings.append(
      Finding(
        ruleId: "link/missing-file", level: .warning, message: "a \"q\" \\ /x\n\t\u{8}\u{C}\u{1}\u{7F} é 日本 🎉",
        path: "dir/ñ a%.md", span: SourceSpan(line: 3, column: 2, endLine: 4, endColumn: 1), snippet: "s"))
    let sarif = SARIFReporter().render(Report(findings: findings, filesLinted: 1))
    let decoded = try JSONDecoder().decode(AnyJSON.self, from: Data(sarif.utf8))
    #expect(StableJSON.encode(decoded) == sarif)
  }
}

extension ReporterTests {
  /// Spans keep 32-bit numbers but encode as the integers they always did; larger ones clamp.
  @Test func spansEncodeAsIntegers() throws {
    let span = SourceSpan(line: 3, column: 7, endLine: 4, endColumn: 1)
    #expect(StableJSON.encode(span) == "{\n  \"column\" : 7,\n  \"endColumn\" : 1,\n  \"endLine\" : 4,\n  \"line\" : 3\n}\n")
    #expect(try JSONDecoder().decode(SourceSpan.self, from: Data(StableJSON.encode(span).utf8)) == span)
    #expect(SourceSpan(line: Int.max, column: 1).line == Int(Int32.max))
    #expect(MemoryLayout<SourceSpan>.size == 16)
  }
}

/// Any JSON value, decoded and encoded again as it was.
private enum AnyJSON: Codable, Equatable {
  case null, bool(Bool), number(Int), string(String), array([AnyJSON]), object([String: AnyJSON])

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Int.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([AnyJSON].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: AnyJSON].self))
    }
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .null: try container.encodeNil()
    case .bool(let value): try container.encode(value)
    case .number(let value): try container.encode(value)
    case .string(let value): try container.encode(value)
    case .array(let value): try container.encode(value)
    case .object(let value): try container.encode(value)
    }
  }
}
