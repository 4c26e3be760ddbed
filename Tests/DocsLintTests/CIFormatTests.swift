import Foundation
import Testing

@testable import DocsLintEngine
@testable import DocsLintModel
@testable import DocsLintReport

/// JUnit XML and GitLab Code Quality, read as the consumers read them: junitparser (what
/// test-report actions use) and GitLab's own requirements for a Code Quality issue.
struct CIFormatTests {
  static func hasModule(_ module: String) -> Bool {
    (try? CommandLineTests.run(["-c", "python3 -c 'import \(module)'"], shell: true))?.status == 0
  }
  static let junitparser = hasModule("junitparser")
  static let jsonschema = hasModule("jsonschema")

  private func findings() -> [Finding] {
    let messages = ["link target 'a<b>&c.md' does not exist", "control \u{1} and \"quotes\"", "plain \u{FFFF}"]
    return messages.enumerated().map { index, message in
      Finding(
        ruleId: index == 2 ? "ref/missing-path" : "link/missing-file", level: index == 2 ? .warning : .error,
        message: message, path: index == 0 ? "docs/ü & a.md" : "README.md",
        span: SourceSpan(line: index + 1, column: 2, endLine: index + 1, endColumn: 9), snippet: "same")
    }.sorted(by: Finding.reportOrder)
  }

  private func python(_ script: String, _ file: String) throws -> CommandLineTests.Result {
    let scriptFile = FileManager.default.temporaryDirectory.appendingPathComponent("docs-lint-\(UUID()).py").path
    try script.write(toFile: scriptFile, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: scriptFile) }
    return try CommandLineTests.run(["-c", "python3 '\(scriptFile)' '\(file)' 2>&1"], shell: true)
  }

  private func write(_ text: String, _ suffix: String) throws -> String {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("docs-lint-\(UUID()).\(suffix)").path
    try text.write(toFile: file, atomically: true, encoding: .utf8)
    return file
  }

  @Test(.enabled(if: junitparser, "junitparser is not installed (scripts/bootstrap installs it from PyPI)"))
  func junitReadsAsTestResults() throws {
    let report = Report(findings: findings(), filesLinted: 2)
    let file = try write(JUnitReporter().render(report), "xml")
    defer { try? FileManager.default.removeItem(atPath: file) }
    let script = """
      import sys
      from junitparser import JUnitXml, Failure
      xml = JUnitXml.fromfile(sys.argv[1])
      cases = [(suite.name, case.name, case.classname, [r.message for r in case.result if isinstance(r, Failure)])
               for suite in xml for case in suite]
      print(xml.tests, xml.failures, xml.errors)
      for case in cases: print(case)
      """
    let result = try python(script, file)
    #expect(
      result.stdout == """
        3 3 0
        ('README.md', 'link/missing-file', 'README.md', ['control \\\\x01 and "quotes"'])
        ('README.md', 'ref/missing-path', 'README.md', ['plain \\\\u{FFFF}'])
        ('docs/ü & a.md', 'link/missing-file', 'docs/ü & a.md', ["link target 'a<b>&c.md' does not exist"])

        """, "\(result.stdout)")

    // No finding: one passing case, so the CI shows a pass.
    let clean = try write(JUnitReporter().render(Report(findings: [], filesLinted: 2)), "xml")
    defer { try? FileManager.default.removeItem(atPath: clean) }
    #expect(try python(script, clean).stdout == "1 0 0\n('docs-lint', 'docs-lint', 'docs-lint', [])\n")
  }

  /// GitLab keeps an issue only if it has a description, fingerprint, severity and location
  /// (a path and a begin line); it drops issues with a fingerprint seen before, and knows
  /// five severities.
  @Test(.enabled(if: jsonschema, "jsonschema is not installed (scripts/bootstrap installs it)"))
  func gitlabIssuesAreWhatGitLabKeeps() throws {
    let duplicate = findings() + findings().prefix(1)
    let file = try write(GitLabReporter().render(Report(findings: duplicate, filesLinted: 2)), "json")
    defer { try? FileManager.default.removeItem(atPath: file) }
    let script = """
      import json, sys, jsonschema
      issue = {"type": "object", "required": ["type", "check_name", "description", "fingerprint", "severity", "location"],
        "properties": {"type": {"const": "issue"}, "check_name": {"type": "string"}, "description": {"type": "string"},
          "fingerprint": {"type": "string", "minLength": 1},
          "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
          "location": {"type": "object", "required": ["path", "lines"], "properties": {"path": {"type": "string"},
            "lines": {"type": "object", "required": ["begin"], "properties": {"begin": {"type": "integer", "minimum": 1},
              "end": {"type": "integer", "minimum": 1}}}}}}}
      issues = json.load(open(sys.argv[1]))
      jsonschema.validate(issues, {"type": "array", "items": issue})
      assert len({i["fingerprint"] for i in issues}) == len(issues), "fingerprints repeat"
      print(len(issues), sorted({i["severity"] for i in issues}))
      """
    let result = try python(script, file)
    #expect(result.stdout == "4 ['major', 'minor']\n", "\(result.stdout)")
  }

  @Test func bothFormatsComeFromTheCommandLine() throws {
    let repository = try TestRepository(["a.md": "[x](gone.md)\n"])
    defer { repository.remove() }
    let result = try CommandLineTests.run(
      ["--no-cache", "--root", repository.root, repository.root, "--format", "junit", "--format", "gitlab",
       "--output", "gitlab=" + repository.root + "/gl.json"])
    #expect(result.status == 1)
    #expect(result.stdout.contains("<testcase name=\"link/missing-file\" classname=\"a.md\""))
    let gitlab = try String(contentsOfFile: repository.root + "/gl.json", encoding: .utf8)
    #expect(gitlab.contains("\"check_name\" : \"link/missing-file\""))
  }
}
