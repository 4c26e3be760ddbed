import Foundation
import Testing

@testable import DocsLintRules

/// Help, completions and suggestions, through the executable.
struct CommandHelpTests {
  @Test func rootHelpShowsTheLintOptionsAndTheSubcommands() throws {
    for flag in ["--help", "-h", "help"] {
      let result = try CommandLineTests.run([flag])
      #expect(result.status == 0)
      #expect(result.stdout.contains("USAGE: docs-lint [<options>] [<paths> ...]\n       docs-lint <subcommand>"))
      #expect(result.stdout.contains("\nOPTIONS:\n  --root <DIR>"), "\(result.stdout)")
      #expect(result.stdout.contains("--changed-since <REF>") && result.stdout.contains("\nSUBCOMMANDS:\n  lint (default)"))
    }
  }

  @Test func completionScriptsOfferFormatsLevelsAndRuleIDs() throws {
    for shell in ["bash", "zsh", "fish"] {
      let script = try CommandLineTests.run(["--generate-completion-script", shell]).stdout
      for word in ["sarif", "markdown", "warning", "link/missing-anchor", "suppression/unknown-directive"] {
        #expect(script.contains(word), "\(shell): \(word)")
      }
    }
  }

  @Test func typosGetDidYouMean() throws {
    let subcommand = try CommandLineTests.run(["expain", "link/missing-file"])
    #expect(subcommand.status == 2)
    #expect(subcommand.stderr == "docs-lint: error: no file or folder 'expain'; did you mean the subcommand 'explain'?\n")
    let rule = try CommandLineTests.run(["explain", "link/missing-fil"])
    #expect(rule.status == 2)
    #expect(rule.stderr.contains("unknown rule 'link/missing-fil'; did you mean 'link/missing-file'?"), "\(rule.stderr)")
    // A folder that exists is linted, whatever it is called.
    let repository = try TestRepository(["rule/a.md": "# A\n"])
    defer { repository.remove() }
    let folder = try CommandLineTests.run(["--no-cache", "rule"], in: repository.root)
    #expect(folder.status == 0, "\(folder.stderr)")
  }
}
