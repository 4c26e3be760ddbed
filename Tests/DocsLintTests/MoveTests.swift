import Foundation
import Testing

/// `docs-lint mv OLD NEW`: the file or folder moves and every reference keeps working, in
/// its written style; the lint after shows nothing new.
struct MoveTests {
  static let files = [
    "README.md": "# R\n\nSee [the guide](docs/g.md#install), ![pic](docs/pic.png), `docs/g.md` and [docs](docs/).\n\n[ref]: ./docs/g.md\n",
    "docs/g.md": "# Guide\n\n## Install\n\n[home](../README.md), `bash scripts/run.sh`, [self](#install), [pic](./pic.png), `docs/gone.md`.\n",
    "docs/pic.png": "png",
    "scripts/run.sh": "echo\n",
  ]

  private func repository() throws -> GitRepository {
    let repository = try GitRepository(Self.files)
    try repository.commit("init")
    return repository
  }

  private func docsLint(_ arguments: [String], in repository: GitRepository) throws -> CommandLineTests.Result {
    try CommandLineTests.run(arguments, in: repository.root)
  }

  @Test func aFileMovesIntoANewFolderAndEveryReferenceFollows() throws {
    let repository = try repository()
    defer { repository.remove() }
    let before = try docsLint(["--no-cache"], in: repository).stdout
    let moved = try docsLint(["mv", "docs/g.md", "handbook/guide.md"], in: repository)
    #expect(moved.status == 0, "\(moved.stderr)")
    #expect(moved.stderr.contains("moved docs/g.md → handbook/guide.md: 4 references in 2 files"), "\(moved.stderr)")
    #expect(
      try repository.read("README.md")
        == "# R\n\nSee [the guide](handbook/guide.md#install), ![pic](docs/pic.png), `handbook/guide.md` and [docs](docs/).\n\n[ref]: ./handbook/guide.md\n")
    #expect(
      try repository.read("handbook/guide.md")
        == "# Guide\n\n## Install\n\n[home](../README.md), `bash scripts/run.sh`, [self](#install), [pic](../docs/pic.png), `docs/gone.md`.\n")
    #expect(!FileManager.default.fileExists(atPath: repository.root + "/docs/g.md"))
    // git knows it as a rename.
    #expect(try repository.git("status", "--porcelain").contains("docs/g.md -> handbook/guide.md"))
    let after = try docsLint(["--no-cache"], in: repository).stdout
    #expect(after.split(separator: "\n").count == before.split(separator: "\n").count, "\(before)\n\(after)")
  }

  @Test func aFolderMovesWithItsMissingPathsAndADryRunOnlyPrints() throws {
    let repository = try repository()
    defer { repository.remove() }
    let dry = try docsLint(["mv", "docs", "guides", "--dry-run"], in: repository)
    #expect(dry.status == 0)
    #expect(dry.stdout.contains("+See [the guide](guides/g.md#install), ![pic](guides/pic.png), `guides/g.md` and [docs](guides/)."))
    // The stale path inside the moved folder moves with it, still reported.
    #expect(dry.stdout.contains("`guides/gone.md`"), "\(dry.stdout)")
    #expect(try repository.read("README.md") == Self.files["README.md"])
    #expect(FileManager.default.fileExists(atPath: repository.root + "/docs/g.md"))

    let before = try docsLint(["--no-cache"], in: repository)
    #expect(try docsLint(["mv", "docs", "guides"], in: repository).status == 0)
    let after = try docsLint(["--no-cache"], in: repository)
    #expect(after.stdout == before.stdout.replacingOccurrences(of: "docs/gone.md", with: "guides/gone.md").replacingOccurrences(of: "docs/g.md", with: "guides/g.md"), "\(after.stdout)")
  }

  @Test func frontMatterPathsFollowInTheirWrittenForm() throws {
    let repository = try GitRepository([
      "docs/notes/0001-queue.md": "---\nid: ADR-0001\n---\n# Queue\n",
      "docs/plan.md": "---\nrelated: [notes/0001-queue.md, ADR-0001]\nsupersedes:\n  - \"docs/notes/0001-queue.md\"\n---\n# Plan\n",
    ])
    defer { repository.remove() }
    try repository.commit("init")
    let before = try docsLint(["--no-cache"], in: repository)
    let moved = try docsLint(["mv", "docs/notes", "decisions"], in: repository)
    #expect(moved.status == 0, "\(moved.stderr)")
    // From the document's folder and from the root, each as it was written; an id stays.
    #expect(
      try repository.read("docs/plan.md")
        == "---\nrelated: [../decisions/0001-queue.md, ADR-0001]\nsupersedes:\n  - \"decisions/0001-queue.md\"\n---\n# Plan\n")
    let after = try docsLint(["--no-cache"], in: repository)
    #expect(after.stdout == before.stdout, "\(after.stdout)")
  }

  @Test func frontMatterPathsThatAreAmbiguousOrWouldNeedQuotingAreLeftAndSaid() throws {
    let repository = try GitRepository([
      "notes/a.md": "# Root notes\n",
      "docs/notes/a.md": "# Docs notes\n",
      "docs/plan.md": "---\nrelated: [notes/a.md]\n---\n# Plan\n",
      "b.md": "# B\n",
      "c.md": "---\nrelated: [b.md]\n---\n# C\n",
    ])
    defer { repository.remove() }
    try repository.commit("init")
    let moved = try docsLint(["mv", "docs/notes/a.md", "docs/notes/z.md"], in: repository)
    #expect(moved.status == 0, "\(moved.stderr)")
    #expect(moved.stderr.contains("it names two files"), "\(moved.stderr)")
    #expect(try repository.read("docs/plan.md") == "---\nrelated: [notes/a.md]\n---\n# Plan\n")
    let quoted = try docsLint(["mv", "b.md", "b, d.md"], in: repository)
    #expect(quoted.stderr.contains("would need quoting in YAML"), "\(quoted.stderr)")
    #expect(try repository.read("c.md") == "---\nrelated: [b.md]\n---\n# C\n")
  }

  @Test func mistakesAreClearErrors() throws {
    let repository = try repository()
    defer { repository.remove() }
    for (arguments, message) in [
      (["mv", "nope.md", "x.md"], "nope.md: no such file or folder"),
      (["mv", "docs/g.md", "README.md"], "README.md exists already"),
      (["mv", "docs", "docs/inner"], "docs/inner is inside docs"),
      (["mv", "docs/g.md", "../outside.md"], "outside the repository root"),
    ] {
      let result = try docsLint(arguments, in: repository)
      #expect(result.status == 2, "\(arguments)")
      #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
    }
  }
}

/// `docs-lint rename-heading FILE LINE NEW-TITLE`.
struct RenameHeadingTests {
  @Test func theHeadingAndEveryLinkToItsAnchorChangeDuplicatesIncluded() throws {
    let repository = try GitRepository([
      "docs/g.md": "# Guide\n\n## Install Steps ##\n\nSee [again](#install-steps).\n\n## Usage\n",
      "README.md": "# R\n\n[i](docs/g.md#install-steps) [u](docs/g.md#usage) [e](docs/g.md#install%2Dsteps)\n",
    ])
    defer { repository.remove() }
    try repository.commit("init")
    let result = try CommandLineTests.run(["rename-heading", "docs/g.md", "3", "Usage"], in: repository.root)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("README.md:3: left as written: 'docs/g.md#install%2Dsteps'"))
    #expect(result.stderr.contains("renamed #install-steps → #usage in docs/g.md, 3 links in 2 files"), "\(result.stderr)")
    #expect(try repository.read("docs/g.md") == "# Guide\n\n## Usage ##\n\nSee [again](#usage).\n\n## Usage\n")
    // The old "Usage" is now #usage-1: its link follows.
    #expect(try repository.read("README.md") == "# R\n\n[i](docs/g.md#usage) [u](docs/g.md#usage-1) [e](docs/g.md#install%2Dsteps)\n")
    for (arguments, message) in [
      (["rename-heading", "docs/g.md", "2", "X"], "docs/g.md:2: no heading on that line"),
      (["rename-heading", "nope.md", "1", "X"], "nope.md: no such file"),
    ] {
      let failed = try CommandLineTests.run(arguments, in: repository.root)
      #expect(failed.status == 2 && failed.stderr.contains(message), "\(arguments): \(failed.stderr)")
    }
  }
}
