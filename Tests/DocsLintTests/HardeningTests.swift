import Foundation
import Testing

@testable import DocsLintConfig
@testable import DocsLintEngine
@testable import DocsLintMarkdown
@testable import DocsLintModel
@testable import DocsLintRules
@testable import DocsLintGraph

/// Hostile input and output paths (issue #13): each case is a minimal reproduction.
struct HardeningTests {
  /// "Billion laughs": `levels` lines, each a list of nine aliases of the line before.
  static func laughs(_ levels: Int, indent: String = "") -> String {
    var lines = [indent + "l0: &l0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]"]
    for level in 1..<levels {
      let aliases = Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ", ")
      lines.append(indent + "l\(level): &l\(level) [\(aliases)]")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  @Test func aliasExpansionIsBoundedWithThePositionOfTheAlias() {
    guard case .failure(let problem) = YAMLReader.parse(Self.laughs(9), firstLine: 2) else {
      Issue.record("nine levels of aliases were expanded")
      return
    }
    #expect(problem.message.contains("aliases expand to more than"))
    // l0..l4 hold 9^5 = 59,049 alias nodes; the line of l5 crosses 100,000.
    #expect(problem.line == 2 + 5)
    guard case .failure = YAMLReader.parseAll(Self.laughs(9)) else {
      Issue.record("a stream's document was expanded")
      return
    }
  }

  @Test func smallAliasesStillWork() throws {
    let yaml = "base: &base {image: web, ports: [80]}\nweb: *base\nworker:\n  <<: *base\n  image: worker\n"
    let value = try YAMLReader.parse(yaml).get()
    #expect(value?["web"]?["image"]?.string == "web")
    #expect(try YAMLReader.parse(Self.laughs(4)).get() != nil)
  }

  @Test("deep nesting is a problem, not a crash", arguments: [300, 5_000])
  func deepNesting(levels: Int) {
    let deep = String(repeating: "[", count: levels) + String(repeating: "]", count: levels) + "\n"
    guard case .failure(let problem) = YAMLReader.parse(deep) else {
      Issue.record("\(levels) levels were accepted")
      return
    }
    #expect(problem.message.hasPrefix("nested deeper than"), "\(problem.message)")
  }

  @Test func frontMatterAndIaCFilesReportTheExpansion() throws {
    let repository = try TestRepository([
      "a.md": "---\n" + Self.laughs(9) + "---\n# A\n",
      "docker-compose.yml": "x-laughs:\n" + Self.laughs(9, indent: "  ") + "services:\n  web:\n    image: nginx\n",
    ])
    defer { repository.remove() }
    let findings = repository.lint(["a.md", "docker-compose.yml"]).map { "\($0.path):\($0.span.line) \($0.ruleId)" }
    #expect(findings.contains("a.md:7 meta/invalid-front-matter"))
    #expect(findings.contains("docker-compose.yml:7 input/unparsable"))
  }

  @Test func aConfigurationThatExpandsIsAConfigError() throws {
    let repository = try TestRepository(["a.md": "# A\n", ".docs-lint.yml": Self.laughs(9)])
    defer { repository.remove() }
    let result = try CommandLineTests.run(["--no-cache", "--root", repository.root, repository.root])
    #expect(result.status == 2)
    #expect(result.stderr.contains(".docs-lint.yml:6:"), "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1)
  }

  @Test func aDuplicateKeyIsOneLineAtTheRepetition() {
    let yaml = "name: x\njobs:\n  a:\n    env: {}\n    # note\n    env: {}\n  b:\n    env: {}\n"
    guard case .failure(let problem) = YAMLReader.parse(yaml, firstLine: 2) else {
      Issue.record("a duplicate key was accepted")
      return
    }
    #expect(problem == YAMLProblem(message: "duplicate key 'env' (first at line 5)", line: 7, column: 5))
  }

  /// The indexes that made "did you mean" and anchor fixes linear answer as the scans did.
  @Test func suggestionIndexAnswersLikeTheScan() {
    var generator = SystemRandomNumberGenerator()
    let words = ["section", "sección", "install", "instalar", "setup", "step", "", "a", "deploy-prod", "deploy-dev"]
    for _ in 0..<200 {
      let candidates = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
        words.randomElement(using: &generator)! + (Bool.random(using: &generator) ? "-\(Int.random(in: 0...30, using: &generator))" : "")
      }
      let text = words.randomElement(using: &generator)! + ["", "x", "-1", "es"].randomElement(using: &generator)!
      // The plain scan: every candidate's exact distance, the nearest within the limit, ties
      // to the one that sorts first.
      let limit = EditDistance.defaultLimit(text.unicodeScalars.count)
      let scan = candidates.map { (EditDistance.between(text, $0), $0) }.filter { $0.0 <= limit }.min { $0 < $1 }?.1
      var budget = SuggestionBudget()
      #expect(SuggestionIndex(candidates).closest(to: text, budget: &budget) == scan, "\(text) in \(candidates)")
    }
  }

  @Test func aSpentBudgetSuggestsNothing() {
    var budget = SuggestionBudget(comparisons: 3)
    let index = SuggestionIndex(["alpha", "alphb", "alphc", "alphd"])
    #expect(index.closest(to: "alphx", budget: &budget) == nil)
    var fresh = SuggestionBudget()
    #expect(index.closest(to: "alphx", budget: &fresh) == "alpha")
  }

  @Test func foldedAnchorIndexAnswersLikeTheScan() {
    let anchors: AnchorSet = ["validación", "install-steps", "paso-1", "Paso-1", "x--y", "x-y", "über"]
    let index = AnchorFolding.Index(anchors)
    for fragment in ["validacion", "Install--Steps", "paso-1", "PASO-1", "x-y", "X-Y", "uber", "nada", "-"] {
      #expect(index.candidate(for: fragment) == AnchorFolding.candidate(for: fragment, in: anchors), "\(fragment)")
    }
  }

  /// Paths compare by bytes, as Linux and git do: a composed "é" does not name a file whose
  /// name holds "e" and a combining accent, and the finding says why.
  @Test func namesThatDifferOnlyInNormalisationAreReported() throws {
    let decomposed = "cafe\u{301}.md"
    let composed = "caf\u{E9}.md"
    #expect(decomposed == composed && !RepoPath.same(decomposed, composed))
    let repository = try TestRepository([
      "docs/" + decomposed: "# Café\n", "a.md": "[x](docs/\(composed)) `docs/\(composed)` [y](docs/\(decomposed))\n",
    ])
    defer { repository.remove() }
    let findings = repository.lint(["a.md"])
    #expect(findings.map(\.ruleId) == ["link/case-mismatch", "ref/case-mismatch"])
    #expect(findings.allSatisfy { $0.message.contains("differs only in Unicode normalisation") })
  }

  /// Settings that want text refuse numbers and booleans; rule packs come from inside the
  /// repository unless an absolute path is written.
  @Test(
    "configuration type errors and packs outside the root are config errors",
    arguments: [
      ("include: 5\n", ".docs-lint.yml:1: 'include' wants globs or folders as text, and '5' is a number"),
      ("exclude:\n  - docs/**\n  - true\n", ".docs-lint.yml:3: 'exclude' wants globs or folders as text, and 'true' is a boolean"),
      ("paths: 5\n", ".docs-lint.yml:1: 'paths' must be a mapping of settings"),
      ("packs: ../outside\n", ".docs-lint.yml:1: rule-pack folder '../outside' is outside the repository"),
      ("packs: escape\n", ".docs-lint.yml:1: rule-pack folder 'escape' is outside the repository"),
    ])
  func configurationErrors(config: String, expected: String) throws {
    let outside = try TestRepository(["pack.yml": "rules:\n  link/missing-file: off\n"])
    defer { outside.remove() }
    let repository = try TestRepository(["a.md": "# A\n", ".docs-lint.yml": config])
    defer { repository.remove() }
    try FileManager.default.createSymbolicLink(atPath: repository.root + "/escape", withDestinationPath: outside.root)
    let result = try CommandLineTests.run(["--no-cache", "--root", repository.root, repository.root])
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix(expected), "\(result.stderr)")
    // Quoted, a number is a name; an absolute path loads on purpose.
    try Data("include: ['5', '*.md']\npacks: \(outside.root)\n".utf8).write(to: URL(fileURLWithPath: repository.root + "/.docs-lint.yml"))
    #expect(try CommandLineTests.run(["--no-cache", "--root", repository.root, repository.root]).status == 0)
  }

  /// Whether a folder can be made unreadable to the run: as a user other than root, or as
  /// root by running docs-lint as `nobody` (root reads every folder).
  static let unreadableRunner: [String]? = {
    if geteuid() != 0 { return [] }
    let runner = ["/usr/sbin/runuser", "-u", "nobody", "--"]
    guard FileManager.default.isExecutableFile(atPath: runner[0]) else { return nil }
    // nobody must be able to reach the binary (a checkout under /root is not).
    let probe = try? CommandLineTests.run(["-c", (runner + [CommandLineTests.binary, "--version"]).map { "'\($0)'" }.joined(separator: " ")], shell: true)
    return probe?.status == 0 ? runner : nil
  }()

  @Test(
    "a folder that cannot be read is input/unreadable",
    .enabled(if: unreadableRunner != nil, "needs a user other than root, or runuser and a binary nobody can run"))
  func unreadableFolderIsReported() throws {
    let repository = try TestRepository(["a.md": "# A\n", "secret/s.md": "# S\n"])
    defer {
      chmod(repository.root + "/secret", 0o755)
      repository.remove()
    }
    chmod(repository.root, 0o755)
    chmod(repository.root + "/a.md", 0o644)
    chmod(repository.root + "/secret", 0o000)
    let command = Self.unreadableRunner! + [CommandLineTests.binary, "--no-cache", repository.root]
    let result = try CommandLineTests.run(["-c", command.map { "'\($0)'" }.joined(separator: " ")], shell: true)
    #expect(result.stdout.hasPrefix("secret/:1:1: warning: cannot read folder: Permission denied [input/unreadable]\n"), "\(result.stdout)\(result.stderr)")
  }

  /// A FIFO where the cache pack was is neither waited on nor trusted.
  @Test func aFIFOInPlaceOfTheCachePackDoesNotBlock() throws {
    let repository = try TestRepository(["a.md": "# A\n[x](b.md)\n"])
    defer { repository.remove() }
    let cache = repository.root + "/.cache"
    let arguments = ["--cache-dir", cache, "--root", repository.root, repository.root + "/a.md"]
    let cold = try CommandLineTests.run(arguments)
    let pack = try #require(try FileManager.default.contentsOfDirectory(atPath: cache).first { $0.hasSuffix(".pack") })
    try FileManager.default.removeItem(atPath: cache + "/" + pack)
    #expect(mkfifo(cache + "/" + pack, 0o600) == 0)
    let command = ["timeout", "30", CommandLineTests.binary] + arguments
    let warm = try CommandLineTests.run(["-c", command.map { "'\($0)'" }.joined(separator: " ")], shell: true)
    #expect(warm.status == cold.status, "\(warm.stderr)")
    #expect(warm.stdout == cold.stdout)
  }

  /// A devcontainer.json error is told where the JSON parser stopped, not at 1:1.
  @Test func jsonErrorsCarryTheParsersPosition() throws {
    let repository = try TestRepository([
      "a.md": "# A\n",
      ".devcontainer/devcontainer.json": "{\n  // comment\n  \"build\": {\n    \"dockerfile\": \"Dockerfile\",,\n  }\n}\n",
    ])
    defer { repository.remove() }
    let findings = repository.lint().filter { $0.ruleId == "input/unparsable" }
    #expect(findings.map { "\($0.span.line):\($0.span.column) \($0.message)" } == ["4:32 devcontainer does not parse: invalid JSON: Invalid value"])
  }

  /// A shallow clone without the merge base says so, and how to fetch more.
  @Test func aShallowCloneSaysHowToFetchMore() throws {
    let origin = try GitRepository(["a.md": "# A\n"])
    defer { origin.remove() }
    try origin.commit("one")
    try origin.git("checkout", "-q", "-b", "feature")
    for step in 1...3 {
      try origin.write("a.md", "# A\n\n\(step)\n")
      try origin.commit("feature \(step)")
    }
    try origin.git("checkout", "-q", "main")
    try origin.write("b.md", "# B\n")
    try origin.commit("two")
    let clone = try GitRepository([:])
    defer { clone.remove() }
    try clone.git("fetch", "-q", "--depth", "1", "file://" + origin.root, "main:refs/remotes/origin/main", "feature:feature")
    try clone.git("checkout", "-q", "feature")
    let result = try clone.lint(["--changed-since", "origin/main"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("no common ancestor in this shallow clone; fetch more history (git fetch --deepen"), "\(result.stderr)")
  }

  /// Found by fuzzing (iac): a path glob with many stars took exponential time. Greedy
  /// matching answers as trying every split did, in at most the product of the lengths.
  @Test(.timeLimit(.minutes(1))) func globsWithManyStarsAreFastAndAnswerAsBefore() {
    let hostile = Glob(String(repeating: "a*", count: 30) + "b/" + String(repeating: "**/", count: 20) + "x")
    #expect(!hostile.matches(String(repeating: "a", count: 200) + "/" + String(repeating: "c/", count: 40) + "y"))
    // Against a plain recursive matcher, on every small pattern and path of these letters.
    func reference(_ pattern: [Character], _ text: [Character]) -> Bool {
      guard let head = pattern.first else { return text.isEmpty }
      if head == "*" { return (0...text.count).contains { reference(Array(pattern.dropFirst()), Array(text.dropFirst($0))) } }
      guard let first = text.first, head == "?" || head == first else { return false }
      return reference(Array(pattern.dropFirst()), Array(text.dropFirst()))
    }
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<2_000 {
      let pattern = (0..<Int.random(in: 0...6, using: &generator)).map { _ in "ab*?".randomElement(using: &generator)! }
      // A path is never empty, nor a pattern.
      let text = (0..<Int.random(in: 1...6, using: &generator)).map { _ in "ab".randomElement(using: &generator)! }
      #expect(
        Glob(String(pattern)).matches(String(text)) == reference(pattern, text) || pattern.isEmpty,
        "\(String(pattern)) ~ \(String(text))")
    }
  }

  /// Found by fuzzing (document): a reference definition whose destination is followed by
  /// blanks at the very end of the file (no line break) crashed the search for its title.
  @Test func aDefinitionEndingInBlanksAtTheEndOfTheFileIsRead() {
    for markdown in ["[a]: b.md ", "[a]: b.md\t", "[a]:\n  b.md  "] {
      let links = parse(markdown).links
      #expect(links.map(\.destination) == ["b.md"], "\(markdown.debugDescription)")
      #expect(links.first?.kind == .referenceDefinition)
    }
  }

  /// Across segments: `**` for any number of folders (none included; one at least when it
  /// closes the pattern, as in git), against a plain recursive matcher over segments, on
  /// every small pattern and path of these letters.
  @Test(.timeLimit(.minutes(1))) func globsAcrossSegmentsAnswerAsARecursiveMatcher() {
    func segment(_ pattern: [Character], _ text: [Character]) -> Bool {
      guard let head = pattern.first else { return text.isEmpty }
      if head == "*" { return (0...text.count).contains { segment(Array(pattern.dropFirst()), Array(text.dropFirst($0))) } }
      guard let first = text.first, head == "?" || head == first else { return false }
      return segment(Array(pattern.dropFirst()), Array(text.dropFirst()))
    }
    func reference(_ pattern: [String], _ path: [String]) -> Bool {
      guard let head = pattern.first else { return path.isEmpty }
      if head == "**" {
        let least = pattern.count == 1 ? 1 : 0
        return path.count >= least && (least...path.count).contains { reference(Array(pattern.dropFirst()), Array(path.dropFirst($0))) }
      }
      guard let first = path.first, segment(Array(head), Array(first)) else { return false }
      return reference(Array(pattern.dropFirst()), Array(path.dropFirst()))
    }
    var generator = SystemRandomNumberGenerator()
    func word(_ letters: String, _ lengths: ClosedRange<Int>) -> String {
      String((0..<Int.random(in: lengths, using: &generator)).map { _ in letters.randomElement(using: &generator)! })
    }
    for _ in 0..<3_000 {
      let pattern = (0..<Int.random(in: 1...4, using: &generator)).map { _ in
        Bool.random(using: &generator) && Bool.random(using: &generator) ? "**" : word("aé*?", 1...3)
      }
      // "é" is two bytes: `?` and `*` take whole scalars.
      let path = (0..<Int.random(in: 1...4, using: &generator)).map { _ in word("aé", 1...2) }
      let joined = pattern.joined(separator: "/")
      #expect(Glob(joined).matches(path.joined(separator: "/")) == reference(pattern, path), "\(joined) ~ \(path.joined(separator: "/"))")
    }
  }

  /// Found by fuzzing (yaml): a duplicate key after lone "\r" line breaks crashed the search
  /// for its repetition (libyaml counts "\r" as a line break).
  @Test func aDuplicateKeyAfterCarriageReturnsIsReported() {
    guard case .failure(let problem) = YAMLReader.parse("a: 1\ra: 2\r") else {
      Issue.record("a duplicate key was accepted")
      return
    }
    #expect(problem.message.hasPrefix("duplicate key 'a'"))
  }
}
