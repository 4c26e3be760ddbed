import Foundation
import Testing

/// `docs-lint - --stdin-filename PATH`: one document from standard input (an editor's
/// buffer), resolved against the repository as the file at that path.
struct StandardInputTests {
  private func lint(_ text: String, _ arguments: String, in repository: GitRepository, folder: String = "")
    throws -> CommandLineTests.Result
  {
    let input = FileManager.default.temporaryDirectory.appendingPathComponent("docs-lint-stdin-\(UUID())").path
    try text.write(toFile: input, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: input) }
    let command = "cd '\(repository.root)/\(folder)' && '\(CommandLineTests.binary)' \(arguments) < '\(input)'"
    return try CommandLineTests.run(["-c", command], shell: true)
  }

  private func repository() throws -> GitRepository {
    let repository = try GitRepository(["README.md": "# Read me\n\n## Setup\n", "docs/guide.md": "# Guide\n\n[ok](../README.md)\n"])
    try repository.commit("init")
    return repository
  }

  @Test func aNewDocumentIsResolvedWhereItWillStand() throws {
    let repository = try repository()
    defer { repository.remove() }
    let text = "# New\n\n[a](../README.md#setup) [b](../README.md#nope) [c](gone.md) [self](#new)\n"
    let result = try lint(text, "--no-cache - --stdin-filename docs/new.md", in: repository)
    #expect(
      result.stdout == """
        docs/new.md:3:29: error: no heading or anchor '#nope' in 'README.md' [link/missing-anchor]
        docs/new.md:3:52: error: link target 'gone.md' does not exist (resolved to 'docs/gone.md') [link/missing-file]
        2 errors, 0 warnings, 0 infos in 1 file

        """, "\(result.stdout)\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: repository.root + "/docs/new.md"))
  }

  /// The buffer is the truth for its file, also when the cache holds the file on disk.
  @Test func theBufferWinsOverTheFileOnDiskAndItsCache() throws {
    let repository = try repository()
    defer { repository.remove() }
    let cache = "--cache-dir '\(repository.root)/.cache-test'"
    let disk = try lint("", "\(cache)", in: repository)
    #expect(disk.status == 0, "\(disk.stdout)")
    let edited = try lint("# Guide\n\n[broken](../README.md#gone)\n", "\(cache) - --stdin-filename guide.md", in: repository, folder: "docs")
    #expect(edited.stdout.hasPrefix("guide.md:3:10: error: no heading or anchor '#gone'"), "\(edited.stdout)\(edited.stderr)")
    #expect(try repository.read("docs/guide.md") == "# Guide\n\n[ok](../README.md)\n")
    // And the disk's own report is unchanged afterwards.
    #expect(try lint("", "\(cache)", in: repository).status == 0)
  }

  @Test func misuseIsAClearError() throws {
    let repository = try repository()
    defer { repository.remove() }
    for (arguments, message) in [
      ("-", "reading standard input (-) needs --stdin-filename PATH"),
      ("--stdin-filename a.md", "--stdin-filename goes with the path -"),
      ("- README.md --stdin-filename a.md", "- (standard input) is the only path of its run"),
      ("- --stdin-filename nowhere/a.md", "--stdin-filename nowhere/a.md: no such folder"),
      ("- --stdin-filename ../outside.md", "outside the repository root"),
      ("- --stdin-filename a.md --fix", "--fix does not go with standard input"),
    ] {
      let result = try lint("# A\n", "--no-cache \(arguments)", in: repository)
      #expect(result.status == 2, "\(arguments)")
      #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
    }
  }
}
