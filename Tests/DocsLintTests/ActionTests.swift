import Foundation
import Testing

/// The GitHub Action (`action.yml`), its steps run as a runner runs them against a
/// repository with a pull request, and every workflow the README shows checked by actionlint.
struct ActionTests {
  /// A repository whose last commit renames a page the README links to; `old.md` has a
  /// broken link from before (debt that impact mode leaves out and the whole tree has).
  static func pullRequest() throws -> (repository: GitRepository, base: String) {
    let repository = try GitRepository([
      "README.md": "# Project\n\nSee [the guide](docs/g.md).\n",
      "docs/g.md": "# Guide\n",
      "old.md": "# Old\n\n[gone](gone.md)\n",
    ])
    try repository.commit("base")
    let base = try repository.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
    try repository.git("mv", "docs/g.md", "docs/h.md")
    try repository.commit("rename the guide")
    return (repository, base)
  }

  static func runner(workspace: String, home: String, github: [String: String]) throws -> ActionRunner {
    let environment = [
      "GITHUB_ACTION_PATH": packageRoot, "GITHUB_WORKSPACE": workspace, "GITHUB_ACTIONS": "true",
      "RUNNER_TEMP": StaticBuild.runnerTemp, "RUNNER_OS": "Linux", "RUNNER_ARCH": "X64", "ImageOS": "test",
      "HOME": home, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
    ]
    return try ActionRunner(
      actionFile: packageRoot + "/action.yml", github: github, environment: environment, cacheFolder: home + "/actions-cache")
  }

  static let swiftAndMake: Bool = (try? CommandLineTests.run(["-c", "command -v swift && command -v make"], shell: true))?.status == 0

  @Test func aWrongFormatIsAClearError() throws {
    let (repository, _) = try Self.pullRequest()
    defer { repository.remove() }
    var environment = ProcessInfo.processInfo.environment
    environment["DOCS_LINT_FORMAT"] = "annotation"
    environment["GITHUB_WORKSPACE"] = repository.root
    let result = try ActionRunner.bash(packageRoot + "/scripts/action", ["lint"], environment: environment, in: repository.root)
    #expect(result.status == 2)
    #expect(result.output.contains("::error title=docs-lint::format must be annotations, sarif or both, not 'annotation'"))
  }

  static let actionlint: Bool = (try? CommandLineTests.run(["-c", "command -v actionlint"], shell: true))?.status == 0
  static let shellcheck: Bool = (try? CommandLineTests.run(["-c", "command -v shellcheck"], shell: true))?.status == 0

  /// Every workflow in the README, and one that passes every input of the action, pass
  /// actionlint (which also reads `action.yml` for `uses: ./`, the README's
  /// `docs-lint/docs-lint@v1` pointed at this checkout).
  @Test(.enabled(if: actionlint, "actionlint is not installed (scripts/bootstrap installs it from PyPI)"))
  func actionAndTheReadmeWorkflowsPassActionlint() throws {
    let readme = try String(contentsOfFile: packageRoot + "/README.md", encoding: .utf8)
    let workflows = readme.components(separatedBy: "```yaml\n").dropFirst()
      .map { $0.components(separatedBy: "\n```")[0] + "\n" }
      .filter { $0.contains("\njobs:") }
    #expect(workflows.contains { $0.contains("uses: docs-lint/docs-lint@v1") }, "the README's job uses the action")
    let everyInput = """
      name: every input
      on: [pull_request]
      jobs:
        docs:
          runs-on: ubuntu-latest
          steps:
            - uses: actions/checkout@v5
            - id: lint
              uses: ./
              with:
                paths: docs README.md
                args: --fail-on warning
                format: both
                changed-since: origin/main
                sarif-file: out/docs.sarif
                category: docs
                version: v0.1.0
            - run: echo "${{ steps.lint.outputs.sarif-file }} ${{ steps.lint.outputs.findings }}"

      """
    let repository = try TestRepository([:])
    defer { repository.remove() }
    try FileManager.default.createDirectory(atPath: repository.root + "/.github/workflows", withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: packageRoot + "/action.yml", toPath: repository.root + "/action.yml")
    for (index, workflow) in ([everyInput] + workflows).enumerated() {
      let local = workflow.replacingOccurrences(of: "docs-lint/docs-lint@v1", with: "./")
      try local.write(toFile: repository.root + "/.github/workflows/w\(index).yml", atomically: true, encoding: .utf8)
    }
    let result = try CommandLineTests.run(["-c", "git init -q . && actionlint 2>&1"], in: repository.root, shell: true)
    #expect(result.status == 0, "\(result.stdout)")
  }

  @Test(.enabled(if: shellcheck, "shellcheck is not installed (scripts/bootstrap installs it)"))
  func scriptsPassShellcheck() throws {
    let scripts = ["scripts/*", ".ci/run", "bench/*.sh"]
    let result = try CommandLineTests.run(["-c", "shellcheck \(scripts.joined(separator: " ")) 2>&1"], shell: true)
    #expect(result.status == 0, "\(result.stdout)")
  }

  /// A container job's checkout belongs to another user: git refuses it until the action
  /// marks it safe, and then impact mode works.
  @Test func aCheckoutOfAnotherUserIsMarkedSafe() throws {
    let (repository, base) = try ActionTests.pullRequest()
    defer { repository.remove() }
    let home = NSTemporaryDirectory() + "docs-lint-action-home-\(UUID())"
    try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: home) }
    var environment = ProcessInfo.processInfo.environment
    let binaryFolder = URL(fileURLWithPath: CommandLineTests.binary).deletingLastPathComponent().path
    environment["PATH"] = binaryFolder + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
    environment["HOME"] = home
    environment["GIT_TEST_ASSUME_DIFFERENT_OWNER"] = "1"
    environment["GITHUB_WORKSPACE"] = repository.root
    environment["RUNNER_TEMP"] = home
    environment["DOCS_LINT_FORMAT"] = "annotations"
    environment["DOCS_LINT_CHANGED_SINCE"] = base
    let result = try ActionRunner.bash(packageRoot + "/scripts/action", ["lint"], environment: environment, in: repository.root)
    #expect(result.status == 1, "\(result.output)")
    #expect(result.output.contains("::error file=README.md,line=3,"), "\(result.output)")
    let config = try String(contentsOfFile: home + "/.gitconfig", encoding: .utf8)
    #expect(config.contains("safe"), "\(config)")
  }
}

/// The action's steps build the release binary as `make install` does: in the install
/// suite, so the two builds never hold two test threads at once.
extension InstallTests {
  @Test(.enabled(if: ActionTests.swiftAndMake, "needs swift and make on PATH to build the action's binary"), .timeLimit(.minutes(30)))
  func actionStepsAnnotateThePullRequestWriteSARIFAndASummary() throws {
    let (repository, base) = try ActionTests.pullRequest()
    defer { repository.remove() }
    let home = NSTemporaryDirectory() + "docs-lint-action-home-\(UUID())"
    try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: home) }
    // A runner's temporary folder starts empty for each job (the build folder aside).
    let binaries = StaticBuild.runnerTemp + "/docs-lint"
    try? FileManager.default.removeItem(atPath: binaries)

    // A pull request: the base commit is the default `changed-since`.
    let pullRequest = try ActionTests.runner(
      workspace: repository.root, home: home,
      github: ["event_name": "pull_request", "event.pull_request.base.sha": base])
    let first = try pullRequest.run(inputs: ["category": "docs"])
    let lint = try #require(first.step("lint"), "\(first.steps.map { "\($0.id): \($0.output)" })")
    #expect(first.step("build")?.status == 0, "\(first.step("build")?.output.suffix(3000) ?? "")")
    #expect(lint.status == 1, "\(lint.output)")
    // Annotations only for what the change broke, not for old.md's debt.
    #expect(lint.output.contains("::error file=README.md,line=3,endLine=3,col=17,endColumn=26,title=link/missing-file::"))
    #expect(!lint.output.contains("gone.md"))
    // The whole tree as SARIF, with the category asked for.
    let sarifFile = try #require(first.actionOutputs["sarif-file"])
    let sarif = try String(contentsOfFile: repository.root + "/" + sarifFile, encoding: .utf8)
    #expect(sarif.contains("gone.md") && sarif.contains("docs/g.md"))
    #expect(sarif.contains("\"id\" : \"docs-lint/docs/\"") || sarif.contains("\"id\":\"docs-lint/docs/\""), "\(sarif.prefix(600))")
    // The summary: what the change broke, counted per rule.
    #expect(first.summary.hasPrefix("## docs-lint: what the change since \(base.prefix(12)) broke\n\n**1 error,"), "\(first.summary)")
    #expect(first.summary.contains("| link/missing-file | error | 1 |"))
    #expect(first.actionOutputs["findings"] == "1")
    #expect(FileManager.default.fileExists(atPath: binaries + "/bin/docs-lint"))

    // The next job restores the binary instead of building it. A push has no change to
    // annotate: the whole tree goes to SARIF only, and its findings do not fail the step.
    try FileManager.default.removeItem(atPath: binaries)
    let push = try ActionTests.runner(workspace: repository.root, home: home, github: ["event_name": "push"])
    let second = try push.run(inputs: ["sarif-file": "out/tree.sarif"])
    #expect(second.failed == nil, "\(second.failed?.output ?? "")")
    #expect(second.step("build")?.output.contains("from the cache") == true, "\(second.step("build")?.output ?? "")")
    #expect(second.step("save") == nil)
    #expect(second.step("lint")?.output.contains("::error") == false)
    #expect(FileManager.default.fileExists(atPath: repository.root + "/out/tree.sarif"))
    #expect(second.summary.hasPrefix("## docs-lint: whole tree\n\n**2 errors,"), "\(second.summary)")
    #expect(second.actionOutputs["findings"] == "2")

    // Asked for annotations, a push annotates the whole tree and fails on its errors.
    let third = try push.run(inputs: ["format": "annotations"])
    let annotations = try #require(third.step("lint"))
    #expect(annotations.status == 1)
    #expect(annotations.output.contains("::error file=old.md,") && annotations.output.contains("::error file=README.md,"))
    #expect(third.actionOutputs["sarif-file"] == "")
  }
}
