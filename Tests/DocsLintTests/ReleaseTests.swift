import Foundation
import Testing

/// `scripts/release` on a throwaway repository shaped like this one: it dates the
/// changelog's notes, moves the version constant and the README's `rev:`, commits, tags
/// vX.Y.Z and moves the action's v1; it refuses what would make a bad release.
struct ReleaseTests {
  private func repository(unreleased: String = "### Added\n\n- A thing.\n") throws -> GitRepository {
    let script = try String(contentsOfFile: packageRoot + "/scripts/release", encoding: .utf8)
    let repository = try GitRepository([
      "scripts/release": script,
      "CHANGELOG.md": "# Changelog\n\n## [Unreleased]\n\n\(unreleased)\n## [0.1.0] - 2026-12-04\n\nThe first version.\n",
      "Sources/DocsLintModel/ToolInfo.swift": "enum ToolInfo {\n  public static let version = \"0.1.0\"\n}\n",
      "README.md": "```yaml\nrepos:\n  - repo: https://github.com/docs-lint/docs-lint\n    rev: v0.1.0\n```\n",
    ])
    try repository.git("update-index", "--add", "--chmod=+x", "scripts/release")
    try repository.commit("init")
    return repository
  }

  private func release(_ repository: GitRepository, _ arguments: String) throws -> CommandLineTests.Result {
    try CommandLineTests.run(["-c", "bash scripts/release \(arguments) 2>&1"], in: repository.root, shell: true)
  }

  @Test func releaseDatesTheNotesCommitsAndTags() throws {
    let repository = try repository()
    defer { repository.remove() }
    let result = try release(repository, "--no-test 0.2.0")
    #expect(result.status == 0, "\(result.stdout)")
    let today = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
    #expect(
      try repository.read("CHANGELOG.md")
        == "# Changelog\n\n## [Unreleased]\n\n## [0.2.0] - \(today)\n\n### Added\n\n- A thing.\n\n## [0.1.0] - 2026-12-04\n\nThe first version.\n")
    #expect(try repository.read("Sources/DocsLintModel/ToolInfo.swift").contains("version = \"0.2.0\""))
    #expect(try repository.read("README.md").contains("    rev: v0.2.0\n"))
    #expect(try repository.git("log", "-1", "--format=%s") == "Release v0.2.0\n")
    let head = try repository.git("rev-parse", "HEAD")
    #expect(try repository.git("rev-parse", "v0.2.0^{commit}") == head)
    #expect(try repository.git("rev-parse", "v1^{commit}") == head)
    #expect(try repository.git("status", "--porcelain").isEmpty)
    #expect(result.stdout.contains("git push origin HEAD v0.2.0 && git push --force origin v1"))

    // The same version again, and a tree with changes, are refused.
    let again = try release(repository, "--no-test 0.2.0")
    #expect(again.status == 1 && again.stdout.contains("tag v0.2.0 exists already"), "\(again.stdout)")
    try repository.write("CHANGELOG.md", "changed")
    let dirty = try release(repository, "--no-test 0.3.0")
    #expect(dirty.status == 1 && dirty.stdout.contains("the work tree has changes"), "\(dirty.stdout)")
  }

  @Test func releaseRefusesNoNotesAndBadVersions() throws {
    let repository = try repository(unreleased: "")
    defer { repository.remove() }
    let empty = try release(repository, "--no-test 0.2.0")
    #expect(empty.status == 1 && empty.stdout.contains("no notes under [Unreleased]"), "\(empty.stdout)")
    let bad = try release(repository, "--no-test 1.0")
    #expect(bad.status == 1 && bad.stdout.contains("usage: scripts/release"), "\(bad.stdout)")
    // The latest entry already names the version: only the tag is made.
    let tagged = try release(repository, "--no-test 0.1.0")
    #expect(tagged.status == 0, "\(tagged.stdout)")
    #expect(try repository.git("log", "-1", "--format=%s") == "init\n")
    #expect(try repository.git("tag") == "v0.1.0\nv1\n")
  }
}
