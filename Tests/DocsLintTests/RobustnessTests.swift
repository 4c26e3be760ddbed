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

/// Bad input is a finding or a clear error, never a crash, never a read outside the root.
struct RobustnessTests {
  @Test func symlinkLoopAndEscapeAreReportedNotFollowed() throws {
    let repository = try TestRepository(["docs/a.md": "[x](loop.md) [y](out.md)\n"])
    defer { repository.remove() }
    let outside = try TestRepository(["secret.md": "# Secret\n"])
    defer { outside.remove() }
    try FileManager.default.createSymbolicLink(atPath: repository.root + "/docs/loop.md", withDestinationPath: "loop.md")
    try FileManager.default.createSymbolicLink(atPath: repository.root + "/docs/out.md", withDestinationPath: outside.root + "/secret.md")
    try FileManager.default.createSymbolicLink(atPath: repository.root + "/docs/up", withDestinationPath: outside.root)
    let findings = repository.lint()
    let unreadable = findings.filter { $0.ruleId == "input/unreadable" }.map(\.path).sorted()
    #expect(unreadable == ["docs/loop.md", "docs/out.md"])
    #expect(findings.first { $0.path == "docs/out.md" }?.message.contains("outside the repository root") == true)
    #expect(!findings.contains { $0.path.hasPrefix("docs/up") })
  }

  @Test func linkThroughSymlinkedFolderOutsideRootIsNotResolved() throws {
    let outside = try TestRepository(["real.md": "# Real\n"])
    defer { outside.remove() }
    let repository = try TestRepository(["a.md": "[x](up/real.md#real)\n"])
    defer { repository.remove() }
    try FileManager.default.createSymbolicLink(atPath: repository.root + "/up", withDestinationPath: outside.root)
    let findings = repository.lint()
    #expect(findings.map(\.ruleId) == ["link/missing-file"])
  }

  @Test func hugeAndBinaryFilesAreSkippedWithAFinding() throws {
    var configuration = Configuration.defaults()
    configuration.maxFileBytes = 1024
    let repository = try TestRepository(files: [
      "big.md": Array(String(repeating: "texto largo ", count: 200).utf8),
      "bin.md": [0x00, 0x01, 0x02],
      "ok.md": Array("# Bien\n".utf8),
    ])
    defer { repository.remove() }
    let findings = repository.lint(configuration: configuration)
    #expect(findings.map { "\($0.ruleId) \($0.path)" } == ["input/unreadable big.md", "input/unreadable bin.md"])
  }

  @Test func brokenFrontMatterStillLintsTheBody() throws {
    let repository = try TestRepository(["a.md": "---\nid: [x\n---\n# T\n\n[broken](nope.md)\n"])
    defer { repository.remove() }
    let findings = repository.lint()
    #expect(findings.map(\.ruleId) == ["meta/invalid-front-matter", "link/missing-file"])
    #expect(findings.last?.span.line == 6)
  }

  @Test func crlfLineEndings() throws {
    let repository = try TestRepository(["a.md": "# T\r\n\r\nSee [x](nope.md) and `docs/gone.md`.\r\n", "docs/x.md": ""])
    defer { repository.remove() }
    let findings = repository.lint(["a.md"])
    #expect(findings.map { "\($0.span.line):\($0.span.column)" } == ["3:9", "3:23"])
  }

  @Test func pathsAreCaseSensitive() throws {
    let repository = try TestRepository(["a.md": "[x](README.MD)\n", "README.md": "# R\n"])
    defer { repository.remove() }
    #expect(repository.lint(["a.md"]).map(\.ruleId) == ["link/case-mismatch"])
  }

  @Test func arbitraryBytesNeverCrashTheParser() {
    var generator = SystemRandomNumberGenerator()
    let alphabet = Array("[]()<>`#*_-!:\\\n \t/é🎉abc\"'=".unicodeScalars)
    for _ in 0..<200 {
      let length = Int.random(in: 0..<300, using: &generator)
      let text = String(String.UnicodeScalarView((0..<length).map { _ in alphabet.randomElement(using: &generator)! }))
      let document = parse(text)
      for link in document.links { #expect(link.span.line >= 1 && link.span.column >= 1) }
    }
  }
}

struct EmptyInputTests {
  @Test func emptyAndTinyFiles() throws {
    let repository = try TestRepository(files: [
      "empty.md": [], "bom.md": [0xEF, 0xBB, 0xBF], "dash.md": Array("---".utf8), "fm.md": Array("---\nid: x\n---".utf8),
      "nl.md": [0x0A], "nul-late.md": Array(String(repeating: "a", count: 9000).utf8) + [0x00],
    ])
    defer { repository.remove() }
    let findings = repository.lint()
    // Like git, only the first 8 KB decide "binary"; a later NUL is text (cmark reads it as U+FFFD).
    #expect(findings.isEmpty)
  }
}

/// Random documents in every kind's path never crash the kind and cross-document rules.
struct KindFuzzTests {
  @Test func randomDocumentsOfEveryKind() throws {
    var generator = SystemRandomNumberGenerator()
    let pieces = [
      "# T\n", "## Progress\n", "## Decision Log\n", "- [x] ", "- [ ] ", "- Decision: ", "  Rationale: x\n",
      "```\n", "    code\n", "---\n", "id: A\n", "relacionados: [B, A]\n", "fecha: 2025-99-99\n", "\n", "> ", "1. ",
      "DependencyAgent ", "`docs/x.md` ", "[l](#progress) ", "\t", "é", "\r", "## Contexto\n", "TBD\n", "<!-- c -->\n",
    ]
    let paths = [
      "docs/plans/EXECPLAN_a.md", "infra/SPEC_INFRA_b.md", ".agent/agents/c.md", ".agent/agents/README.md",
      "docs/adr/0001-d.md", "docs/gobernanza/e.md", "f.md",
    ]
    for _ in 0..<25 {
      var files: [String: String] = [:]
      for path in paths {
        files[path] = (0..<Int.random(in: 0..<40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
          .joined()
      }
      let repository = try TestRepository(files)
      defer { repository.remove() }
      for finding in repository.lint() {
        #expect(finding.span.line >= 1 && finding.span.column >= 1, "\(finding)")
      }
    }
  }
}
