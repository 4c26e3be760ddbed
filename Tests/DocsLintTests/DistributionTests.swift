import Foundation
import Testing
import Yams

@testable import DocsLintModel

/// What other repositories copy from this one: the pre-commit hook definitions and the
/// GitHub Actions job in the README must stay valid YAML with the agreed shape.
struct DistributionTests {
  @Test func preCommitHooksDefineTheHooks() throws {
    let text = try String(contentsOfFile: packageRoot + "/.pre-commit-hooks.yaml", encoding: .utf8)
    let hooks = try #require(try Yams.load(yaml: text) as? [[String: Any]])
    let ids = hooks.compactMap { $0["id"] as? String }
    #expect(ids == ["docs-lint", "docs-lint-changes", "docs-lint-system", "docs-lint-changes-system"])
    for hook in hooks {
      #expect(hook["require_serial"] as? Bool == true)
      if (hook["id"] as? String)?.contains("changes") == true {
        #expect(hook["entry"] as? String == "docs-lint --changed-since HEAD")
        #expect(hook["pass_filenames"] as? Bool == false)
        #expect(hook["always_run"] as? Bool == true)
      } else {
        #expect(hook["entry"] as? String == "docs-lint")
        #expect(hook["types"] as? [String] == ["markdown"])
      }
    }
  }

  /// pre-commit, when it is installed and this package is a git checkout it can clone.
  static let preCommit: String? = {
    let found = try? CommandLineTests.run(["-c", "command -v pre-commit && git -C '\(packageRoot)' rev-parse -q --verify HEAD"], shell: true)
    return found?.status == 0 ? found?.stdout.split(separator: "\n").first.map(String.init) : nil
  }()

  /// The hooks under the real pre-commit, from this repository as a local path pinned to its
  /// HEAD commit (the `-system` variants, so the test does not build the package): a staged
  /// rename passes the files hook, which sees only the moved page, and fails the changes
  /// hook, which sees the link README.md still has to the old name.
  @Test(.enabled(if: preCommit != nil, "needs pre-commit from PyPI (scripts/bootstrap installs it) and a git checkout"))
  func preCommitHooksCatchWhatACommitBreaks() throws {
    let repository = try GitRepository(["README.md": "# R\n\nSee [the guide](docs/g.md).\n", "docs/g.md": "# G\n"])
    defer { repository.remove() }
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("docs-lint-pre-commit-\(UUID())").path
    defer { try? FileManager.default.removeItem(atPath: home) }
    let head = try CommandLineTests.run(["-c", "git -C '\(packageRoot)' rev-parse HEAD"], shell: true).stdout
      .trimmingCharacters(in: .whitespacesAndNewlines)
    try repository.write(
      ".pre-commit-config.yaml",
      """
      repos:
        - repo: \(packageRoot)
          rev: \(head)
          hooks:
            - id: docs-lint-system
            - id: docs-lint-changes-system

      """)
    _ = try repository.git("add", ".pre-commit-config.yaml")
    try repository.commit("init")
    func preCommit() throws -> CommandLineTests.Result {
      let binaryFolder = URL(fileURLWithPath: CommandLineTests.binary).deletingLastPathComponent().path
      let script = "cd '\(repository.root)' && PRE_COMMIT_HOME='\(home)' PATH='\(binaryFolder)':\"$PATH\" pre-commit run 2>&1"
      return try CommandLineTests.run(["-c", script], shell: true)
    }
    _ = try repository.git("mv", "docs/g.md", "docs/h.md")
    let broken = try preCommit()
    #expect(broken.status != 0, "\(broken.stdout)")
    #expect(broken.stdout.contains("docs-lint (installed binary)") && broken.stdout.contains("Passed"), "\(broken.stdout)")
    #expect(broken.stdout.contains("Failed"), "\(broken.stdout)")
    #expect(broken.stdout.contains("README.md:3:"), "\(broken.stdout)")
    _ = try repository.git("mv", "docs/h.md", "docs/g.md")
    let fine = try preCommit()
    #expect(fine.status == 0, "\(fine.stdout)")
  }

  /// `--version` names the tool and its version, and the version is the changelog's
  /// latest released entry (`## [X.Y.Z] - date`, after `## [Unreleased]`).
  @Test func versionMatchesTheChangelog() throws {
    let changelog = try String(contentsOfFile: packageRoot + "/CHANGELOG.md", encoding: .utf8)
    let released = changelog.split(separator: "\n").first { $0.hasPrefix("## [") && !$0.hasPrefix("## [Unreleased]") }
    let entry = try #require(released)
    let version = entry.dropFirst(4).prefix { $0 != "]" }
    #expect(String(version) == ToolInfo.version)
    #expect(version.split(separator: ".").count == 3 && version.split(separator: ".").allSatisfy { Int($0) != nil })
    let result = try CommandLineTests.run(["--version"])
    #expect(result.status == 0)
    #expect(result.stdout == "docs-lint \(ToolInfo.version)\n")
    #expect(FileManager.default.fileExists(atPath: packageRoot + "/LICENSE"))
  }

  /// docs-lint has nothing to say about its own repository (its `.docs-lint.yml` leaves
  /// out the fixtures' planted defects and the generated rule pages' examples).
  @Test func docsLintPassesOnItsOwnRepository() throws {
    let result = try CommandLineTests.run(["--no-cache", "--root", packageRoot, packageRoot])
    #expect(result.status == 0, "\(result.stdout)")
    #expect(result.stdout.hasPrefix("0 errors, 0 warnings, 0 infos in "), "\(result.stdout)")
  }

  /// The README's job uses the action and uploads its SARIF under a category.
  @Test func readmeWorkflowIsValidAndUploadsSARIFWithACategory() throws {
    let readme = try String(contentsOfFile: packageRoot + "/README.md", encoding: .utf8)
    let start = try #require(readme.range(of: "```yaml\nname: docs\n"))
    let end = try #require(readme.range(of: "\n```", range: start.upperBound..<readme.endIndex))
    let workflow = String(readme[readme.index(start.lowerBound, offsetBy: 8)..<end.lowerBound])
    let document = try #require(try Yams.load(yaml: workflow) as? [String: Any])
    let jobs = try #require(document["jobs"] as? [String: Any])
    let job = try #require(jobs["docs-lint"] as? [String: Any])
    let steps = try #require(job["steps"] as? [[String: Any]])
    let upload = try #require(steps.first { ($0["uses"] as? String)?.hasPrefix("github/codeql-action/upload-sarif") == true })
    let with = try #require(upload["with"] as? [String: Any])
    #expect(with["category"] as? String == "docs-lint")
    #expect(with["sarif_file"] as? String == "docs-lint.sarif")
    #expect((upload["if"] as? String)?.contains("!cancelled()") == true)
    #expect(steps.contains { $0["uses"] as? String == "docs-lint/docs-lint@v1" })
    let checkout = try #require(steps.first { ($0["uses"] as? String)?.hasPrefix("actions/checkout") == true })
    #expect((checkout["with"] as? [String: Any])?["fetch-depth"] as? Int == 0)
  }

  /// The project's own pages, as GitHub renders them: every table written (a header row and
  /// a delimiter row) becomes a table, which it does not when their cells differ in number.
  @Test(.enabled(if: GFM.available, "cmark-gfm is not installed (scripts/bootstrap installs it)"))
  func everyTableOfTheProjectsPagesRenders() throws {
    let pages = ["README.md", "CHANGELOG.md", "bench/README.md", "rules/README.md", "docs/reading.md", "docs/design.md"]
    for page in pages {
      let text = try String(contentsOfFile: packageRoot + "/" + page, encoding: .utf8)
      let written = GFM.writtenTables(text)
      let rendered = GFM.count(of: "<table>", in: try GFM.html(text))
      #expect(rendered == written.count, "\(page): \(written.count) tables written (lines \(written)), \(rendered) rendered")
    }
    // The check itself catches a table whose delimiter row has a cell too few.
    let broken = "| a | b |\n|---|\n| 1 | 2 |\n"
    #expect(GFM.writtenTables(broken).count == 1)
    #expect(GFM.count(of: "<table>", in: try GFM.html(broken)) == 0)
  }

  /// The README is for users: no issue numbers or development history.
  @Test func readmeHasNoIssueNumbers() throws {
    let readme = try String(contentsOfFile: packageRoot + "/README.md", encoding: .utf8)
    let numbers = readme.matches(of: /(?i)(issue\s+#?\d+|(^|[\s(])#\d+\b)/).map { String(readme[$0.range]) }
    #expect(numbers.isEmpty, "\(numbers)")
  }
}
