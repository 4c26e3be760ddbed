import Foundation
import Testing

/// `docs-lint init`: a commented configuration with the kinds' paths the defaults miss
/// (only for documents that already have their kind's sections) and excludes.
struct InitTests {
  static let files = [
    "README.md": "# Project\n",
    "docs/decisions/0001-use-x.md": "# Use X\n\n## Status\n\nAccepted.\n\n## Context\n\nWhy.\n\n## Decision\n\nX.\n\n## Consequences\n\nSome.\n",
    "docs/decisions/README.md": "# Decisions\n",
    "docs/execplans/notes.md": "# Notes\n\nNot a plan: no plan sections.\n",
    "vendor/lib/README.md": "# Vendored\n\n[gone](gone.md)\n",
    "archive/2019/old.md": "# Old\n",
  ]

  private func initialize(_ arguments: [String], in repository: TestRepository) throws -> CommandLineTests.Result {
    try CommandLineTests.run(["init", "--root", repository.root] + arguments, in: repository.root)
  }

  @Test func writesWhatTheDefaultsMissAndLeavesOutVendoredTrees() throws {
    let repository = try TestRepository(Self.files)
    defer { repository.remove() }
    let printed = try initialize(["--stdout"], in: repository)
    #expect(printed.status == 0, "\(printed.stderr)")
    let yaml = printed.stdout
    #expect(yaml.contains("kinds:\n  adr:  # ADR\n    paths:\n"), "\(yaml)")
    #expect(yaml.contains("      - \"docs/decisions/**\"  # 1 document found\n"))
    #expect(!yaml.contains("execplan"), "a page without a plan's sections is not proposed")
    #expect(yaml.contains("exclude:\n  - \"archive/**\"  # 1 Markdown file\n  - \"vendor/**\"  # 1 Markdown file\n"), "\(yaml)")

    let written = try initialize([], in: repository)
    #expect(written.status == 0)
    #expect(written.stderr == "docs-lint: wrote .docs-lint.yml: 1 kind path, 2 excludes\n")
    #expect(try String(contentsOfFile: repository.root + "/.docs-lint.yml", encoding: .utf8) == yaml)
    // The file is a valid configuration that does what it says.
    let config = try CommandLineTests.run(["config", "--root", repository.root, repository.root + "/docs/decisions/0001-use-x.md"])
    #expect(config.stdout.contains("kind: adr\n"), "\(config.stdout)\(config.stderr)")
    let lint = try CommandLineTests.run(["--no-cache", "--root", repository.root, repository.root])
    #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")

    let again = try initialize([], in: repository)
    #expect(again.status == 2 && again.stderr.contains(".docs-lint.yml exists already"))
    #expect(try initialize(["--force"], in: repository).status == 0)
  }

  @Test func aRepositoryTheDefaultsFitGetsACommentedStart() throws {
    let repository = try TestRepository(["README.md": "# R\n"])
    defer { repository.remove() }
    let printed = try initialize(["--stdout"], in: repository)
    #expect(printed.stdout.contains("# Nothing to add: the defaults fit this repository."))
    #expect(!printed.stdout.contains("\nkinds:") && !printed.stdout.contains("\nexclude:"))
  }
}
