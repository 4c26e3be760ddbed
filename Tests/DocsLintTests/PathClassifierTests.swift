import Testing

@testable import DocsLintConfig
@testable import DocsLintEngine
@testable import DocsLintGraph
@testable import DocsLintMarkdown
@testable import DocsLintModel
@testable import DocsLintReport
@testable import DocsLintRules
@testable import DocsLintScan

struct PathClassifierTests {
  static let inventory = FileInventory(files: [
    "README.md", "Makefile", "docs/plans/plan.md", "scripts/deploy.sh", "src/app/builder/core.rs", "infra/main.tf",
  ])
  let classifier = PathClassifier(
    settings: Configuration.defaults().paths, inventory: inventory,
    reader: FileReader(root: "/nonexistent-docs-lint-root", maxBytes: 1 << 20))

  @Test(
    "prose code spans that are path references",
    arguments: [
      "docs/plans/plan.md", "scripts/missing.sh", "src/", "README.md", "Makefile", "docs/plans/*.md",
      "src/app/builder/core.rs:42", "scripts/deploy.sh:10:3", "../x/y.md", "\"docs/a.md\"",
    ])
  func isPath(_ word: String) {
    #expect(classifier.candidate(in: word, strict: true, bases: ["", "docs"]) != nil, "\(word)")
  }

  @Test(
    "prose code spans that are not path references",
    arguments: [
      "TCP/IP", "read/write", "application/json", "https://example.com/a.md", "--output=dir/x", "-f",
      "<name>/plan.md", "{{x}}/a.md", "${VAR}/a.md", "path/to/file.md", "docs/...", "docs/XXX.md",
      "/etc/hosts", "~/notes/a.md", "deploy.sh", "2025/10/01", "1/2", "github.com/org/repo",
      "owner/repo/.github/workflows/x.yml", "docs/the-road-to-", "origin/main", "and/or",
    ])
  func isNotPath(_ word: String) {
    #expect(classifier.candidate(in: word, strict: true, bases: ["", "docs"]) == nil, "\(word)")
  }

  @Test func suffixesAreStripped() {
    #expect(classifier.candidate(in: "src/app/builder/core.rs:42", strict: true, bases: [""])?.path == "src/app/builder/core.rs")
    #expect(classifier.candidate(in: "tests/x.py::test_a", strict: false, bases: [""])?.path == "tests/x.py")
  }

  @Test func resolution() {
    #expect(classifier.resolve("plans/plan.md", bases: ["", "docs"]) == .target("docs/plans/plan.md"))
    #expect(classifier.resolve("Scripts/deploy.sh", bases: [""]) == .caseMismatch(path: "Scripts/deploy.sh", actual: "scripts/deploy.sh"))
    #expect(classifier.resolve("builder/core.rs", bases: [""]) == .target("src/app/builder/core.rs"))
    #expect(classifier.resolve("docs/*.txt", bases: [""]) == .globMatchesNothing(pattern: "docs/*.txt"))
    #expect(classifier.resolve("docs/**/*.md", bases: [""]) == .glob(matches: ["docs/plans/plan.md"]))
    #expect(classifier.resolve("gone/x.sh", bases: ["", "docs"]) == .missing(path: "gone/x.sh"))
  }

  private func commandPaths(_ lines: [String], everyLine: Bool = true) -> [String] {
    let scanner = CommandScanner(classifier: classifier, settings: classifier.settings, defaultBases: [""])
    let codeLines = lines.enumerated().map { CodeLine(text: Substring($1), line: $0 + 1, column: 1) }
    return scanner.scan(codeLines, everyLine: everyLine).filter { !$0.creates }.map { "\($0.path)@\($0.line):\($0.column)" }
  }

  private func createdPaths(_ lines: [String]) -> [String] {
    let scanner = CommandScanner(classifier: classifier, settings: classifier.settings, defaultBases: [""])
    let codeLines = lines.enumerated().map { CodeLine(text: Substring($1), line: $0 + 1, column: 1) }
    return scanner.scan(codeLines, everyLine: true).filter(\.creates).map { "\($0.path)@\($0.line):\($0.column)" }
  }

  @Test func commandsThatCreatePaths() {
    #expect(createdPaths(["cat > tests/new.py << 'EOF'", "bash not/a/command.sh", "EOF"]) == ["tests/new.py@1:7"])
    #expect(createdPaths(["echo x >out/a.txt 2>&1 | tee -a logs/b.log"]) == ["out/a.txt@1:9", "logs/b.log@1:33"])
    #expect(createdPaths(["python3 -m venv .venv", "mkdir -p build/out && touch build/out/x.txt"]) == [
      ".venv@1:17", "build/out@2:10", "build/out/x.txt@2:29",
    ])
    #expect(createdPaths(["cp docs/a.md backup/a.md", "git clone https://x.y/r.git vendor/r"]) == [
      "backup/a.md@1:14", "vendor/r@2:29",
    ])
    // `pip install -r` reads its requirements file; `python -m pip` is pip.
    #expect(commandPaths(["pip install -r requirements/dev.txt", "python -m pip install -c constraints.txt x"]) == [
      "requirements/dev.txt@1:16", "constraints.txt@2:26",
    ])
  }

  @Test func shellCommands() {
    #expect(commandPaths(["bash scripts/deploy.sh --env dev"]) == ["scripts/deploy.sh@1:6"])
    #expect(commandPaths(["$ pytest tests/a.py tests/b.py -k smoke"]) == ["tests/a.py@1:10", "tests/b.py@1:21"])
    #expect(commandPaths(["python -m tool.cli run/x.py", "python3 scripts/x.py"]) == ["scripts/x.py@2:9"])
    #expect(commandPaths(["terraform -chdir=infra plan -var-file=envs/dev.tfvars"]) == ["infra@1:18", "envs/dev.tfvars@1:39"])
    #expect(commandPaths(["kubectl apply -f k8s/app.yml", "make -C docs html"]) == ["k8s/app.yml@1:18", "docs@2:9"])
    #expect(commandPaths(["cat <<EOF > out.txt", "bash not/a/command.sh", "EOF", "cat docs/a.md | tee logs/out.txt"]) == ["docs/a.md@4:5"])
    #expect(commandPaths(["echo hi > out/new.txt", "mkdir -p build/dir", "# bash commented/out.sh"]).isEmpty)
    #expect(commandPaths(["cd /tmp", "bash scripts/x.sh"]).isEmpty)
    #expect(commandPaths(["cd infra", "bash ./run.sh"]) == ["./run.sh@2:6"])
    #expect(commandPaths(["sudo FOO=1 bash scripts/a.sh && bash scripts/b.sh"]) == ["scripts/a.sh@1:17", "scripts/b.sh@1:38"])
    #expect(commandPaths(["pytest \\", "  tests/a.py"]) == ["tests/a.py@2:3"])
  }

  @Test func tokenizerColumnsCountScalars() {
    let tokens = ShellTokenizer.tokenize("echo 'dír/á b' ñ/x.sh \"q\\\"t\" a&&b")
    #expect(tokens.map(\.text) == ["echo", "dír/á b", "ñ/x.sh", "q\"t", "a", "&&", "b"])
    #expect(tokens.map(\.offset) == [0, 6, 15, 23, 29, 30, 32])
  }

  @Test func indentedBlocksOnlyTreatCommandLinesAsCommands() {
    #expect(commandPaths(["Some output/text here", "bash scripts/a.sh"], everyLine: false) == ["scripts/a.sh@2:6"])
  }
}

struct RepoPathTests {
  @Test(
    "normalization",
    arguments: [
      ("a/b.md", "a/b.md"), ("a/./b.md", "a/b.md"), ("a/../b.md", "b.md"), ("a//b", "a/b"), ("./a", "a"),
      ("a/", "a"), ("", ""), ("a/..b/c", "a/..b/c"), ("...", "..."), (".hidden/x", ".hidden/x"),
    ])
  func normalize(_ input: String, _ expected: String) {
    #expect(RepoPath.normalize(input) == expected)
  }

  @Test func climbingAboveTheRootIsNil() {
    #expect(RepoPath.normalize("../x") == nil)
    #expect(RepoPath.normalize("a/../../x") == nil)
  }

  @Test func foldersAndNamesSplitAtTheLastSlash() {
    #expect(RepoPath.directory(of: "docs/guía/ñ.md") == "docs/guía")
    #expect(RepoPath.name(of: "docs/guía/ñ.md") == "ñ.md")
    #expect(RepoPath.directory(of: "README.md") == "")
    #expect(RepoPath.name(of: "README.md") == "README.md")
    #expect(RepoPath.name(of: "docs/") == "")
    #expect(RepoPath.isInside("infra/envs/prod/main.tf", folder: "infra/envs"))
    #expect(RepoPath.isInside("infra/envs", folder: "infra/envs/"))
    #expect(!RepoPath.isInside("infra/envs-eu/main.tf", folder: "infra/envs"))
    #expect(!RepoPath.isInside("infra", folder: "infra/envs"))
  }

  @Test func percentDecoding() {
    #expect(RepoPath.percentDecoded("my%20file.md") == "my file.md")
    #expect(RepoPath.percentDecoded("validaci%C3%B3n") == "validación")
    #expect(RepoPath.percentDecoded("bad%FF") == "bad%FF")
  }
}

extension RepoPathTests {
  @Test func resolveJoinsAndNormalizes() {
    #expect(RepoPath.resolve("../x.md", in: "docs/a") == "docs/x.md")
    #expect(RepoPath.resolve("./b/../c.md", in: "docs") == "docs/c.md")
    #expect(RepoPath.resolve("x.md", in: "") == "x.md")
    #expect(RepoPath.resolve("../../x.md", in: "a") == nil)
    #expect(RepoPath.resolve("ñ/é.md", in: "docs") == "docs/ñ/é.md")
  }
}
