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

struct ConfigurationTests {
  @Test func embeddedPacksMatchRulesFolder() throws {
    let folder = packageRoot + "/rules"
    let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yml") }.sorted()
    #expect(files == DefaultPack.files.keys.sorted(), "run scripts/embed-rules")
    for name in files {
      let onDisk = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
      #expect(DefaultPack.files[name].map { $0 + "\n" } == onDisk, "rules/\(name) drifted: run scripts/embed-rules")
    }
  }

  @Test func registryListsEveryRuleFile() throws {
    let folder = packageRoot + "/Sources/DocsLintRules/Rules"
    let enumerator = FileManager.default.enumerator(atPath: folder)!
    var declared: [String] = []
    for case let file as String in enumerator where file.hasSuffix(".swift") {
      let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
      for line in text.split(separator: "\n")
      where line.hasPrefix("struct ") && (line.contains(": GraphRule {") || line.contains(": DocumentRule {") || line.contains(": IaCRule {")) {
        declared.append(String(line.dropFirst(7).prefix { $0 != ":" }))
      }
    }
    let registered = RuleRegistry.rules.map { String(describing: $0) }
    #expect(declared.sorted() == registered.sorted(), "run scripts/register-rules")
  }

  @Test func levelsCanBeChangedAndRulesTurnedOff() throws {
    var configuration = Configuration.defaults()
    try configuration.apply(config: "rules:\n  link/missing-file: warning\n  ref/missing-path: off\n", file: ".docs-lint.yml")
    let repository = try TestRepository(["a.md": "[x](nope.md) `docs/gone.md`\n", "docs/x.md": ""])
    defer { repository.remove() }
    let findings = repository.lint(["a.md"], configuration: configuration)
    #expect(findings.map { "\($0.ruleId):\($0.level)" } == ["link/missing-file:warning"])
  }

  @Test func includeAndExcludeGlobs() throws {
    var configuration = Configuration.defaults()
    try configuration.apply(config: "exclude: [vendor/**]\n", file: ".docs-lint.yml")
    let repository = try TestRepository(["a.md": "[x](nope.md)\n", "vendor/b.md": "[y](nope.md)\n"])
    defer { repository.remove() }
    #expect(repository.lint(configuration: configuration).map(\.path) == ["a.md"])
  }

  @Test(
    "bad configuration is a file:line error",
    arguments: [
      ("rules:\n  link/missing-fil: error\n", 2, "did you mean 'link/missing-file'"),
      ("rules:\n  link/missing-file: loud\n", 2, "must be error, warning, info or off"),
      ("colour: red\n", 1, "unknown key 'colour'"),
      ("include: [a\n", 2, "invalid YAML"),
      ("paths:\n  commands:\n    foo: maybe\n", 3, "must be one of script, operands, options"),
    ])
  func badConfiguration(_ text: String, _ line: Int, _ fragment: String) {
    var configuration = Configuration.defaults()
    do {
      try configuration.apply(config: text, file: ".docs-lint.yml")
      Issue.record("accepted bad config: \(text)")
    } catch {
      #expect(error.line == line, "\(error)")
      #expect(error.description.contains(fragment), "\(error)")
      #expect(error.description.hasPrefix(".docs-lint.yml:\(line): "))
    }
  }

  @Test func globs() {
    #expect(Glob("**/*.md").matches("a/b/c.md"))
    #expect(Glob("**/*.md").matches("c.md"))
    #expect(!Glob("docs/*.md").matches("docs/a/b.md"))
    #expect(Glob("docs/SPEC_INFRA_*.md").matches("docs/SPEC_INFRA_red.md"))
    #expect(Glob("vendor/").matches("vendor/x/y.md"))
    #expect(Glob("[a-c]?.txt").matches("b1.txt"))
    #expect(!Glob("*.MD").matches("a.md"))
    #expect(Glob("tests/test_*.py").leadingLiteral == "tests/test_")
    #expect(Glob("docs/**").leadingLiteral == "docs/")
    // A closing `**` is what is inside the folder, as in git: not the folder itself.
    #expect(Glob("docs/**").matches("docs/a.md") && !Glob("docs/**").matches("docs"))
    #expect(!Glob("d*/**").matches("docs"))
    #expect(Glob("**/*.md").leadingLiteral == "")
  }

  /// The inventory tries only the paths that open with a glob's literal text: the same
  /// answers as trying every path.
  @Test func globLookupsAnswerAsAFullScan() {
    let files = [
      "README.md", "docs", "docs-old/a.md", "docs/a.md", "docs/b/c.md", "tests/test_a.py", "tests/test_b.txt",
      "tests/testing.py", "tests/unit/test_c.py", "café/a.md", "SPEC_INFRA_x.md", "x/SPEC_INFRA_y.md",
    ]
    let inventory = FileInventory(files: files)
    for pattern in [
      "docs/**", "docs/*.md", "tests/test_*.py", "tests/**/test_*.py", "**/*.md", "café/*", "SPEC_INFRA_*.md",
      "**/SPEC_INFRA_*.md", "doc?/*", "[dt]*/*", "tests/test_[ab].*", "nothing/*",
    ] {
      let glob = Glob(pattern)
      #expect(inventory.files(matching: glob) == inventory.files.filter { glob.matches($0) }, "\(pattern)")
      #expect(
        inventory.directories(matching: glob) == inventory.directories.filter { glob.matches($0) }.sorted(by: ByteOrder.less),
        "\(pattern)")
    }
  }
}
