import Foundation
import Testing

@testable import DocsLintEngine
@testable import DocsLintModel
@testable import DocsLintReport

/// GitHub's Markdown, from Debian's `cmark-gfm` (installed by `scripts/bootstrap`), to check
/// that what we write for people renders as GitHub renders it.
enum GFM {
  static let available = FileManager.default.isExecutableFile(atPath: "/usr/bin/cmark-gfm")

  static func html(_ markdown: String) throws -> String {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("docs-lint-gfm-\(UUID()).md")
    try markdown.write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    let command = "cmark-gfm -e table -e strikethrough -e autolink '\(file.path)'"
    return try CommandLineTests.run(["-c", command], shell: true).stdout
  }

  /// Tables written in `markdown` (a header row followed by a delimiter row, outside fenced
  /// code), by the line of their header.
  static func writtenTables(_ markdown: String) -> [Int] {
    var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var fence: String?
    for (index, line) in lines.enumerated() {
      let trimmed = line.drop { $0 == " " }
      if let open = fence {
        if trimmed.hasPrefix(open) { fence = nil }
        lines[index] = ""
      } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
        fence = String(trimmed.prefix(3))
        lines[index] = ""
      }
    }
    let delimiter = /^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/
    return lines.indices.dropFirst().filter { index in
      lines[index].contains("-") && lines[index].wholeMatch(of: delimiter) != nil && lines[index - 1].contains("|")
    }.map { $0 }
  }

  static func count(of needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }
}

struct MarkdownOutputTests {
  private func finding(_ number: Int, _ level: Level, rule: String = "link/missing-file", message: String? = nil) -> Finding {
    Finding(
      ruleId: rule, level: level, message: message ?? "no file 'x\(number).md'", path: "docs/a.md",
      span: SourceSpan(line: number + 1, column: 3), snippet: "x\(number).md")
  }

  @Test func countsPerRuleAndTheFirstFindingsMostSevereFirst() throws {
    let findings =
      (0..<23).map { finding($0, .warning, rule: "ref/missing-path") } + [finding(30, .error)]
      + [finding(31, .info, rule: "execplan/stale", message: "a | b *c* <d> `e` [f](g) &amp; \n")]
    let markdown = MarkdownReporter().render(Report(findings: findings, filesLinted: 2))
    #expect(markdown.hasPrefix("**1 error, 23 warnings, 1 info in 2 files**\n"))
    #expect(markdown.contains("| link/missing-file | error | 1 |\n| ref/missing-path | warning | 23 |\n"))
    #expect(markdown.contains("The first 20 of 25:"))
    // The error first, then warnings in report order; the info is past the first 20.
    #expect(markdown.contains("| location | level | rule | message |\n|---|---|---|---|\n| docs/a.md:31:3 | error |"))
    #expect(!markdown.contains("docs/a.md:32:3"))
  }

  @Test(.enabled(if: GFM.available, "cmark-gfm is not installed (scripts/bootstrap installs it)"))
  func everyTableRendersAndMessagesStayText() throws {
    let message = "a | b *c* <d> `e` [f](g) &amp; \n"
    let many = (0..<25).map { finding($0, .warning) } + [finding(30, .info, rule: "execplan/stale", message: message)]
    let one = [finding(31, .info, rule: "execplan/stale", message: message)]
    let markdown = MarkdownReporter().render(Report(findings: many, filesLinted: 2))
    let alone = MarkdownReporter().render(Report(findings: one, filesLinted: 1))
    #expect(!alone.contains("The first"))
    let html = try GFM.html(markdown + "\n" + alone)
    #expect(GFM.count(of: "<table>", in: html) == 4)
    #expect(GFM.writtenTables(markdown + "\n" + alone).count == 4)
    #expect(html.contains("<td>a | b *c* &lt;d&gt; `e` [f](g) &amp;amp; \\n</td>"), "\(html)")
  }

  @Test func noFindingsIsOneLine() {
    #expect(MarkdownReporter().render(Report(findings: [], filesLinted: 3)) == "**0 errors, 0 warnings, 0 infos in 3 files**\n")
  }
}
