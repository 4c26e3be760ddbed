import Foundation
import Testing

/// Configuration as users write it, through the executable.
struct ConfigurationCommandLineTests {
  static let page = "# A\n\n[gone](gone.md) [anchor](b.md#nope) `docs/none.md`\n"

  private func lint(_ files: [String: String], _ arguments: [String] = []) throws -> CommandLineTests.Result {
    let repository = try TestRepository(files)
    defer { repository.remove() }
    return try CommandLineTests.run(["--no-cache", "--root", repository.root, repository.root] + arguments)
  }

  @Test func aCategoryPatternSetsEveryRuleOfItsCategoryAndARuleOwnEntryWins() throws {
    let config = "rules:\n  link/*: off\n  link/missing-anchor: warning\n  ref/*: error\n"
    let result = try lint(["a.md": Self.page, "b.md": "# B\n", "docs/x.md": "", ".docs-lint.yml": config])
    #expect(result.stdout.contains("warning: no heading or anchor '#nope'"), "\(result.stdout)")
    #expect(!result.stdout.contains("[link/missing-file]"))
    #expect(result.stdout.contains("error:") && result.stdout.contains("[ref/missing-path]"), "\(result.stdout)")

    let unknown = try lint(["a.md": "# A\n", ".docs-lint.yml": "rules:\n  lnk/*: off\n"])
    #expect(unknown.status == 2)
    #expect(unknown.stderr.hasPrefix(".docs-lint.yml:2: unknown rule 'lnk/*'; did you mean 'link/*'?"), "\(unknown.stderr)")
  }
}

extension ConfigurationCommandLineTests {
  /// `docs-lint-disable-line` covers its own line; a misspelt directive is reported with the
  /// closest keyword, and suppresses nothing.
  @Test func disableLineAndMisspeltDirectives() throws {
    let page = """
      # A

      [one](gone.md) <!-- docs-lint-disable-line link/missing-file -->
      [two](gone.md)
      [three](gone.md) <!-- docs-lint-disable-lin link/missing-file -->

      """
    let result = try lint(["a.md": page])
    #expect(
      result.stdout == """
        a.md:4:7: error: link target 'gone.md' does not exist [link/missing-file]
        a.md:5:9: error: link target 'gone.md' does not exist [link/missing-file]
        a.md:5:23: error: unknown directive 'docs-lint-disable-lin'; did you mean 'docs-lint-disable-line'? \
        [suppression/unknown-directive]
        3 errors, 0 warnings, 0 infos in 1 file

        """, "\(result.stdout)")
  }
}
