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

/// The parse cache: results survive a round trip exactly, a warm run reports what a cold
/// one does, and damaged packs are ignored and rebuilt.
struct CacheTests {
  static let fixtures = ["demo", "positions", "kinds", "iac"]

  /// Every field of every parsed document of the fixtures comes back as it went in, but the
  /// plain resolved edges, which the pack does not keep.
  @Test("binary round trip", arguments: fixtures)
  func roundTrip(_ fixture: String) throws {
    let root = packageRoot + "/fixtures/" + fixture
    let (graph, _) = try LintRun.graph(paths: [root], root: root, configFile: nil)
    #expect(!graph.documents.isEmpty)
    for document in graph.documents {
      var writer = BinaryWriter()
      document.encode(to: &writer)
      // Read as the pack reads it: anchor and target lists left in place.
      var decoded = try writer.bytes.withUnsafeBytes { buffer in
        var reader = BinaryReader(buffer, owner: PathListTests.Owner())
        let node = try DocumentNode(from: &reader, collectors: RuleRegistry.collectors)
        #expect(reader.isAtEnd)
        return node
      }
      // The pack keeps the edges rules read, in order; the rest are not stored.
      #expect(decoded.references == document.references.filter(DocumentNode.isEssential))
      decoded.references = document.references
      // Set once the graph is complete, so never stored.
      decoded.brokenReferences = document.brokenReferences
      #expect(decoded == document, "\(document.path) changed in the round trip")
    }
  }

  @Test func integersSurviveTheirExtremes() throws {
    let integers = [0, 1, -1, 63, 64, -65, Int.max, Int.min]
    let unsigned: [UInt64] = [0, 1 << 63, UInt64.max, 13_823_975_233_229_752_311]
    var writer = BinaryWriter()
    integers.forEach { writer.write($0) }
    unsigned.forEach { writer.write($0) }
    let (readIntegers, readUnsigned, atEnd) = try writer.bytes.withUnsafeBytes { buffer in
      var reader = BinaryReader(buffer)
      var readIntegers: [Int] = []
      var readUnsigned: [UInt64] = []
      for _ in integers { readIntegers.append(try reader.int()) }
      for _ in unsigned { readUnsigned.append(try reader.uint64()) }
      return (readIntegers, readUnsigned, reader.isAtEnd)
    }
    #expect(readIntegers == integers)
    #expect(readUnsigned == unsigned)
    #expect(atEnd)
  }

  @Test func truncatedOrCorruptBytesAreRejected() throws {
    var writer = BinaryWriter()
    writer.write("docs/a.md")
    writer.write(12345)
    let bytes = writer.bytes
    for length in 0..<bytes.count {
      let prefix = Array(bytes.prefix(length))
      prefix.withUnsafeBytes { buffer in
        var reader = BinaryReader(buffer)
        #expect((try? reader.string()) == nil || (try? reader.int()) == nil)
      }
    }
    // A length running past the end, and a bool that is neither 0 nor 1.
    for corrupt: [UInt8] in [[0x7E, 0x61], [2]] {
      corrupt.withUnsafeBytes { buffer in
        var strings = BinaryReader(buffer)
        var bools = BinaryReader(buffer)
        #expect((try? strings.string()) == nil && (try? bools.bool()) == nil)
      }
    }
  }

  @Test("a warm run reports exactly what a cold one does", arguments: fixtures)
  func warmEqualsCold(_ fixture: String) throws {
    let cache = FileManager.default.temporaryDirectory.appendingPathComponent("docs-lint-cache-\(UUID())").path
    defer { try? FileManager.default.removeItem(atPath: cache) }
    let arguments = ["--root", "fixtures/\(fixture)", "fixtures/\(fixture)", "--format", "json"]
    let cold = try CommandLineTests.run(arguments + ["--no-cache"])
    let first = try CommandLineTests.run(arguments + ["--cache-dir", cache])
    let packs = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasSuffix(".pack") }
    #expect(packs.count == 1)
    let pack = try #require(packs.first)
    func packSize() throws -> Int {
      try #require(FileManager.default.attributesOfItem(atPath: cache + "/" + pack)[.size] as? Int)
    }
    let written = try packSize()
    let warm = try CommandLineTests.run(arguments + ["--cache-dir", cache])
    // A warm run writes nothing, not even for documents with collected facts.
    #expect(try packSize() == written)
    #expect(first.stdout == cold.stdout)
    #expect(warm.stdout == cold.stdout)
    #expect(warm.status == cold.status)
  }

  @Test func damagedPacksAreIgnoredAndRebuilt() throws {
    let repository = try GitRepository([
      "a.md": "# A\n\n## Uno\n\n[b](b.md#dos) [x](nada.md) `scripts/run.sh`\n",
      "b.md": "# B\n\n## Dos\n\n[a](a.md#uno) [a mal](a.md#tres)\n",
      "scripts/run.sh": "",
    ])
    defer { repository.remove() }
    try repository.commit("init")
    let cache = repository.root + "/.cache-test"
    try repository.write(".gitignore", ".cache-test/\n")
    let expected = try repository.lint(["--no-cache"])
    #expect(expected.status == 1)
    #expect(try repository.lint(["--cache-dir", cache]).stdout == expected.stdout)
    let pack = try #require(try FileManager.default.contentsOfDirectory(atPath: cache).first { $0.hasSuffix(".pack") })
    let packPath = cache + "/" + pack
    let original = try #require(FileManager.default.contents(atPath: packPath))

    var flipped = [UInt8](original)
    for index in stride(from: 40, to: flipped.count, by: 7) { flipped[index] ^= 0x5A }
    let damages: [[UInt8]] = [
      flipped, Array(original.prefix(original.count / 2)), Array(original.prefix(3)), [], Array("garbage".utf8),
    ]
    for damaged in damages {
      try Data(damaged).write(to: URL(fileURLWithPath: packPath))
      let result = try repository.lint(["--cache-dir", cache])
      #expect(result.stdout == expected.stdout)
      #expect(result.status == expected.status)
      // The next run finds a sound pack again.
      #expect(try repository.lint(["--cache-dir", cache]).stdout == expected.stdout)
    }
  }

  /// A path one page says is planned ("currently empty") excuses it on other pages in a
  /// warm run too: the cache once dropped planned edges, and the warm run reported it.
  @Test func plannedPathsSurviveTheCache() throws {
    let repository = try GitRepository([
      "skills/README.md": "# Skills\n\n`skills/stacks/` is currently empty.\n",
      "README.md": "# Readme\n\nStack skills live in `skills/stacks/`.\n",
    ])
    defer { repository.remove() }
    try repository.commit("init")
    let cache = FileManager.default.temporaryDirectory.appendingPathComponent("docs-lint-cache-\(UUID())").path
    defer { try? FileManager.default.removeItem(atPath: cache) }
    let cold = try repository.lint(["--no-cache"])
    #expect(!cold.stdout.contains("ref/missing-path"), "\(cold.stdout)")
    #expect(try repository.lint(["--cache-dir", cache]).stdout == cold.stdout)
    let warm = try repository.lint(["--cache-dir", cache])
    #expect(warm.stdout == cold.stdout)
    #expect(warm.status == cold.status)
  }

  @Test func editsRenamesAndConfigurationChangesAreSeen() throws {
    let repository = try GitRepository([
      "a.md": "# A\n\n## Uno\n\n[b](b.md#dos) `docs/c.md`\n",
      "b.md": "# B\n\n## Dos\n",
      "docs/c.md": "# C\n\n[a](../a.md#uno)\n",
    ])
    defer { repository.remove() }
    try repository.commit("init")
    let cache = FileManager.default.temporaryDirectory.appendingPathComponent("docs-lint-cache-\(UUID())").path
    defer { try? FileManager.default.removeItem(atPath: cache) }
    func check(_ step: String) throws {
      let cold = try repository.lint(["--no-cache"])
      let warm = try repository.lint(["--cache-dir", cache])
      #expect(warm.stdout == cold.stdout, "after \(step)")
    }
    try check("the first run")
    try repository.write("b.md", "# B\n\n## Tres\n")
    try check("a heading rename (unstaged)")
    try repository.commit()
    try check("committing it")
    try repository.git("mv", "docs/c.md", "docs/d.md")
    try check("a rename")
    try repository.write(".docs-lint.yml", "rules:\n  link/missing-anchor: warning\n")
    try check("a configuration change")
    try repository.delete("a.md")
    try check("a deletion")
  }

  /// Source files read for agent declarations are cached by content like documents: a warm
  /// run writes nothing, and an edited source is read again.
  @Test func codeDeclarationsAreCachedAndEditsAreSeen() throws {
    let repository = try GitRepository([
      ".agent/agents/deploy_agent.md": "# DeployAgent\n\nShips.\n",
      "docs/agents.md": "# Agents\n\nThe DeployAgent ships; the DesignAgent drafts.\n",
      "src/agents.py": "class DesignAgent(BaseAgent):\n    pass\n",
    ])
    defer { repository.remove() }
    try repository.commit("init")
    let cache = FileManager.default.temporaryDirectory.appendingPathComponent("docs-lint-cache-\(UUID())").path
    defer { try? FileManager.default.removeItem(atPath: cache) }
    func check(_ step: String) throws -> String {
      let cold = try repository.lint(["--no-cache"])
      let warm = try repository.lint(["--cache-dir", cache])
      #expect(warm.stdout == cold.stdout, "after \(step)")
      return warm.stdout
    }
    #expect(try !check("the first run").contains("agent/unknown-agent"))
    let pack = try #require(try FileManager.default.contentsOfDirectory(atPath: cache).first { $0.hasSuffix(".pack") })
    let contents = try #require(FileManager.default.contents(atPath: cache + "/" + pack))
    #expect(contents.range(of: Data("code:src/agents.py".utf8)) != nil)
    let size = contents.count
    _ = try check("a warm run")
    #expect(try FileManager.default.attributesOfItem(atPath: cache + "/" + pack)[.size] as? Int == size)
    try repository.write("src/agents.py", "class DraftAgent(BaseAgent):\n    pass\n")
    #expect(try check("renaming the class").contains("'DesignAgent' [agent/unknown-agent]"))
    try repository.commit()
    #expect(try check("committing it").contains("'DesignAgent' [agent/unknown-agent]"))
  }
}

/// Git's listing, parsed from its raw output.
struct GitListingTests {
  @Test func cleanRegularFilesGetTheirBlobIDs() throws {
    let id = "889568ae7fdb7971e35ca734ceafd8425c2f78de"
    let staged = [
      "100644 \(id) 0\tdocs/a.md", "100755 \(id) 0\tscripts/run.sh", "120000 \(id) 0\tlink.md",
      "100644 \(id) 0\tdirty.md", "100644 \(id) 0\tgone.md", "100644 \(id) 1\tconflict.md",
      "100644 \(id) 2\tconflict.md", "new file.md",
    ].joined(separator: "\u{0}") + "\u{0}"
    let modified = ["M", "dirty.md", "D", "gone.md"].joined(separator: "\u{0}") + "\u{0}"
    let listing = GitListing.parse(staged: Data(staged.utf8), modified: Data(modified.utf8))
    #expect(listing.files == ["docs/a.md", "scripts/run.sh", "link.md", "dirty.md", "conflict.md", "new file.md"])
    #expect(listing.untracked == ["new file.md"])
    #expect(Set(listing.blobIDs.keys) == ["docs/a.md", "scripts/run.sh"])
    #expect(listing.blobIDs["docs/a.md"] == ContentID(hex: Array(id.utf8)))
    // The id git computes for the same bytes.
    #expect(ContentID(of: Array("hello\n".utf8)) == ContentID(hex: Array("ce013625030ba8dba906f756967f9e9ca394464a".utf8)))
  }
}

/// The near-match index's deletion hashes agree with hashing each shorter key directly.
struct NearMatchHashTests {
  @Test func deletionHashesEqualTheHashesOfTheShorterKeys() {
    for word in ["spec-red-001", "a", "ab", "adr0042", "ÑANDÚ-7"] {
      let key = NearMatch.key(word)
      let (_, deletions) = NearMatch.hashes(key)
      for index in key.indices {
        var shorter = key
        shorter.remove(at: index)
        #expect(deletions[index] == NearMatch.hashes(shorter).whole, "\(word) without byte \(index)")
      }
    }
    #expect(NearMatch(["SPEC-RED-001", "ADR-7"]).suggestion(for: "spec_red_01") == "SPEC-RED-001")
    #expect(NearMatch(["SPEC-RED-001"]).suggestion(for: "SPEC-RED-0012") == "SPEC-RED-001")
    #expect(NearMatch(["SPEC-RED-001"]).suggestion(for: "OTHER") == nil)
  }
}

/// Target lists read in place from a pack answer as the string lists they were written from.
struct PathListTests {
  final class Owner {}

  /// `strings` written as a pack writes them, and read back in place.
  static func packed(_ strings: [String], _ body: (PackedStrings) throws -> Void) throws {
    var writer = BinaryWriter()
    writer.writeSized(strings)
    let owner = Owner()
    try writer.bytes.withUnsafeBytes { buffer in
      var reader = BinaryReader(buffer, owner: owner)
      try body(try reader.packedStrings(owner: owner))
    }
  }

  @Test func packedListsAnswerLikeStringLists() throws {
    let paths = ["docs/a.md", "infra/envs/prod", "infra/envs/prod-eu/main.tf", "guía/ñ.md"]
    try Self.packed(paths) { strings in
      let packed = PathList(packed: strings)
      let plain = PathList(paths)
      #expect(packed == plain)
      #expect(packed.paths == paths)
      for probe in paths + ["docs", "docs/a", "infra/envs", "infra/envs/prod/main.tf", "infra", "", "guía/ñ.md"] {
        #expect(packed.contains(probe) == plain.contains(probe), "contains \(probe)")
        #expect(packed.reaches(probe) == plain.reaches(probe), "reaches \(probe)")
      }
      #expect(plain.reaches("infra/envs/prod/main.tf"))
      #expect(plain.reaches("infra"))
      #expect(!plain.reaches("infra/envs/pro"))
      #expect(!plain.reaches(""))
    }
  }

  @Test func packedAnchorsAnswerLikeASet() throws {
    let names: Set<String> = ["validación", "makefile---comandos", "step-1", "a"]
    try Self.packed(AnchorSet(names).sorted) { strings in
      let packed = AnchorSet(packed: strings)
      let plain = AnchorSet(names)
      #expect(packed == plain)
      #expect(packed.count == 4)
      #expect(packed.sorted == ["a", "makefile---comandos", "step-1", "validación"])
      for probe in names.sorted() + ["validacion", "step", "", "b"] {
        #expect(packed.contains(probe) == names.contains(probe), "contains \(probe)")
      }
    }
  }
}

struct PackPartTests {
  @Test func checksumsSeeEveryByteAndTheLength() {
    let bytes = Array("relacionados: [docs/adr/ADR-001.md] — validación".utf8)
    func checksum(_ bytes: [UInt8]) -> [UInt8] { bytes.withUnsafeBytes { PartChecksum.of($0) } }
    let original = checksum(bytes)
    #expect(original.count == PartChecksum.length)
    #expect(checksum(bytes) == original)
    for index in bytes.indices {
      var flipped = bytes
      flipped[index] ^= 0x01
      #expect(checksum(flipped) != original, "byte \(index)")
    }
    #expect(checksum(Array(bytes.dropLast())) != original)
    #expect(checksum(bytes + [0]) != original)
    #expect(checksum([]) != checksum([0]))
  }

  @Test func documentsNotLintedAreFoundWalkingBothLists() {
    let files = ["README.md", "a.txt", "docs/a.md", "docs/b.md", "docs/c.markdown", "z.md"]
    #expect(GraphBuilder.unlinted(files, targets: ["docs/a.md", "z.md"]) == ["README.md", "docs/b.md", "docs/c.markdown"])
    // A target git does not list (named on the command line) is passed over.
    #expect(GraphBuilder.unlinted(files, targets: ["docs/aa.md", "docs/b.md"]) == ["README.md", "docs/a.md", "docs/c.markdown", "z.md"])
    #expect(GraphBuilder.unlinted(files, targets: []) == ["README.md", "docs/a.md", "docs/b.md", "docs/c.markdown", "z.md"])
  }
}

struct OrderAndEqualityTests {
  private func finding(_ path: String, _ line: Int, _ rule: String = "link/missing-file") -> Finding {
    Finding(ruleId: rule, level: .error, message: "m", path: path, span: SourceSpan(line: line, column: 1), snippet: "s")
  }

  @Test func groupsJoinInReportOrderAndAStrayGroupIsSortedAfterAll() {
    let sorted = Finding.joined([[finding("b.md", 1), finding("b.md", 4)], [], [finding("a.md", 2)]])
    #expect(sorted.map { "\($0.path):\($0.span.line)" } == ["a.md:2", "b.md:1", "b.md:4"])
    // A group that reaches into another group's file: the join falls back to a full sort.
    let stray = Finding.joined([[finding("a.md", 1), finding("c.md", 1)], [finding("b.md", 1)]])
    #expect(stray.map(\.path) == ["a.md", "b.md", "c.md"])
  }

  @Test func composedAndDecomposedNamesDifferWhateverTheStorage() throws {
    let composed = "validaci\u{F3}n"
    let decomposed = "validacio\u{301}n"
    try PathListTests.packed([composed]) { packed in
      for fresh in [true, false] {
        let anchors = fresh ? AnchorSet([composed]) : AnchorSet(packed: packed)
        let paths = fresh ? PathList([composed]) : PathList(packed: packed)
        #expect(anchors.contains(composed) && !anchors.contains(decomposed), "anchors, fresh: \(fresh)")
        #expect(paths.contains(composed) && !paths.contains(decomposed), "paths, fresh: \(fresh)")
      }
    }
  }
}
