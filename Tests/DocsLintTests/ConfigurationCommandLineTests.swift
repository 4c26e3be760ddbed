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

/// Configuration per folder, overrides, extends and `docs-lint config`.
struct ConfigurationCascadeTests {
  static let tree = [
    "README.md": "[r](gone.md)\n",
    "docs/a.md": "[a](gone.md)\n",
    "docs/sub/b.md": "[b](gone.md)\n",
    "docs/legacy/old.md": "[o](../gone.md)\n",
  ]

  private func lint(_ extra: [String: String], _ arguments: [String] = [], folder: String = "") throws
    -> CommandLineTests.Result
  {
    let repository = try TestRepository(Self.tree.merging(extra) { $1 })
    defer { repository.remove() }
    return try CommandLineTests.run(
      ["--no-cache", "--root", repository.root] + (arguments.isEmpty ? [repository.root] : arguments),
      in: repository.root + "/" + folder)
  }

  private func paths(_ result: CommandLineTests.Result) -> [String] {
    result.stdout.split(separator: "\n").dropLast().map { line in
      let parts = line.split(separator: ":")
      return "\(parts[0]) \(line.contains(": error:") ? "error" : line.contains(": warning:") ? "warning" : "info")"
    }
  }

  @Test func aFolderConfigurationTurnsARuleOffInThatFolderOnly() throws {
    let result = try lint(["docs/.docs-lint.yml": "rules:\n  link/missing-file: off\n"])
    #expect(paths(result) == ["README.md error"], "\(result.stdout)\(result.stderr)")
  }

  @Test func overridesRootTrueAndExtendsApplyInOrder() throws {
    let result = try lint([
      ".docs-lint.yaml": "extends: [shared/base.yml]\n",
      "shared/base.yml": "rules: {link/missing-file: info}\n",
      "docs/.docs-lint.yml": "rules:\n  link/*: off\noverrides:\n  - files: [sub/**]\n    rules: {link/missing-file: warning}\n",
      "docs/legacy/.docs-lint.yml": "root: true\n",
    ])
    #expect(
      paths(result) == ["README.md info", "docs/legacy/old.md error", "docs/sub/b.md warning"],
      "\(result.stdout)\(result.stderr)")
  }

  @Test func anOverrideSetsLevelsForAKindOfItsFiles() throws {
    let plan = "# Plan\n\nThis ExecPlan is a living document.\n\n[x](gone.md)\n"
    let config = """
      overrides:
        - files: ["docs/plans/**"]
          kinds:
            execplan: {levels: {link/missing-file: warning, structure/*: off, execplan/*: off}}

      """
    let result = try lint(["docs/plans/EXECPLAN_a.md": plan, ".docs-lint.yml": config])
    #expect(result.stdout.contains("docs/plans/EXECPLAN_a.md:5:5: warning: link target 'gone.md'"), "\(result.stdout)")
    #expect(!result.stdout.contains("[structure/"))
  }

  @Test func mistakesAreFileLineMessages() throws {
    for (files, message) in [
      (["docs/.docs-lint.yml": "rules: {}\npaths:\n  root-files: [x]\n"],
       "docs/.docs-lint.yml:2: 'paths' applies to the whole run: set it in the root .docs-lint.yml"),
      ([".docs-lint.yml": "", ".docs-lint.yaml": ""], ".docs-lint.yaml:1: two configuration files at the root"),
      ([".docs-lint.yml": "extends: [a.yml]\n", "a.yml": "extends: [.docs-lint.yml]\n"], "extends itself"),
      ([".docs-lint.yml": "extends: [../outside.yml]\n"], "not found"),
      ([".docs-lint.yml": "overrides:\n  - rules: {link/*: off}\n"], ".docs-lint.yml:2: an override needs 'files'"),
      ([".docs-lint.yml": "overrides:\n  - files: [x]\n    kinds: {nope: {levels: {}}}\n"], "override names no kind 'nope'"),
    ] {
      let result = try lint(files)
      #expect(result.status == 2, "\(files)")
      #expect(result.stderr.contains(message), "\(files): \(result.stderr)")
    }
  }

  @Test func configurationFilesFoundButNotReadAreNamed() throws {
    let result = try lint([
      "docs/docs-lint.yml": "rules: {link/*: off}\n",
      ".docs-lint.yml": "exclude: [\"archive/**\"]\n",
      "archive/.docs-lint.yml": "rules: {link/*: off}\n",
    ])
    #expect(result.stderr.contains("docs-lint: warning: docs/docs-lint.yml looks like a configuration file but is not read"))
    #expect(result.stderr.contains("docs-lint: warning: archive/.docs-lint.yml is in an excluded folder: not read"))
    #expect(paths(result).count == 4, "\(result.stdout)")
  }

  @Test func configPrintsWhatHoldsForAFileAndWhereItComesFrom() throws {
    let repository = try TestRepository(
      Self.tree.merging([
        ".docs-lint.yml": "rules: {ref/missing-path: error}\n",
        "docs/.docs-lint.yml": "rules:\n  link/*: warning\n",
      ]) { $1 })
    defer { repository.remove() }
    let result = try CommandLineTests.run(["config", "--root", repository.root, repository.root + "/docs/a.md"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("file: docs/a.md\nkind: none\nexcluded: no\nread: .docs-lint.yml, docs/.docs-lint.yml\n"))
    #expect(result.stdout.contains("applies: defaults, .docs-lint.yml, docs/.docs-lint.yml\n"))
    #expect(result.stdout.range(of: #"link/missing-file +warning  docs/\.docs-lint\.yml\n"#, options: .regularExpression) != nil)
    #expect(result.stdout.range(of: #"ref/missing-path +error    \.docs-lint\.yml\n"#, options: .regularExpression) != nil)
    #expect(result.stdout.range(of: #"docs/orphan +off      default\n"#, options: .regularExpression) != nil)
  }
}

extension ConfigurationCascadeTests {
  /// `anchors: case-insensitive` for trees published where fragments are lowercased.
  @Test func anchorsCaseInsensitiveIsOptIn() throws {
    let files = ["a.md": "# Set Up\n\n<a id=\"Deep-Link\"></a>\n\n[x](#SET-UP) [y](b.md#DEEP-link) [z](#nope)\n",
                 "b.md": "<a id=\"Deep-Link\"></a>\n"]
    let exact = try lint(files, [])
    #expect(exact.stdout.contains("'#SET-UP'") && exact.stdout.contains("'#DEEP-link'"), "\(exact.stdout)")
    let relaxed = try lint(files.merging([".docs-lint.yml": "anchors: case-insensitive\n"]) { $1 })
    #expect(!relaxed.stdout.contains("'#SET-UP'") && !relaxed.stdout.contains("'#DEEP-link'"), "\(relaxed.stdout)")
    #expect(relaxed.stdout.contains("'#nope'"))
    let wrong = try lint([".docs-lint.yml": "anchors: loose\n"])
    #expect(wrong.status == 2 && wrong.stderr.contains("'anchors' is case-sensitive or case-insensitive"))
  }
}

extension ConfigurationCascadeTests {
  /// DocC catalogs follow DocC's rules (resources by name), not CommonMark's: left out
  /// unless asked for, and still link targets.
  @Test func doccCatalogsAreLeftOutUnlessAsked() throws {
    let files = [
      "Sources/Kit/Kit.docc/Kit.md": "# Kit\n\n![diagram](diagram)\n",
      "Sources/Kit/Kit.docc/Resources/diagram.png": "png",
      "README.md": "[docs](Sources/Kit/Kit.docc/Kit.md#kit)\n",
    ]
    func lintAlone(_ files: [String: String]) throws -> CommandLineTests.Result {
      let repository = try TestRepository(files)
      defer { repository.remove() }
      return try CommandLineTests.run(["--no-cache", "--root", repository.root, repository.root])
    }
    let skipped = try lintAlone(files)
    #expect(skipped.status == 0, "\(skipped.stdout)")
    #expect(skipped.stdout.hasSuffix("in 1 file\n"))
    let linted = try lintAlone(files.merging([".docs-lint.yml": "docc: lint\n"]) { $1 })
    #expect(linted.stdout.contains("Sources/Kit/Kit.docc/Kit.md:3:12: error: image target 'diagram'"), "\(linted.stdout)")
  }
}

/// Mends after review: what a demanding user hit.
struct ConfigurationEdgeTests {
  private func lint(_ files: [String: String], _ arguments: [String] = [], in folder: String = "") throws
    -> CommandLineTests.Result
  {
    let repository = try TestRepository(files)
    defer { repository.remove() }
    return try CommandLineTests.run(
      ["--no-cache", "--root", repository.root] + (arguments.isEmpty ? [repository.root] : arguments),
      in: repository.root + "/" + folder)
  }

  @Test func aFolderWhoseNameHasGlobCharactersGetsItsConfiguration() throws {
    let result = try lint([
      "app/[locale]/a.md": "[x](gone.md)\n", "app/[locale]/.docs-lint.yml": "rules: {link/missing-file: off}\nexclude: [skip.md]\n",
      "app/[locale]/skip.md": "[y](gone.md) [z](#nope)\n",
    ])
    #expect(result.status == 0, "\(result.stdout)")
    #expect(result.stdout.hasSuffix("in 1 file\n"), "\(result.stdout)")
  }

  @Test func aFolderFilesRulesComeBeforeItsOverridesWhateverTheOrder() throws {
    let config = "overrides:\n  - files: [sub/**]\n    rules: {link/missing-file: info}\nrules:\n  link/missing-file: warning\n"
    let result = try lint(["docs/.docs-lint.yml": config, "docs/sub/a.md": "[x](gone.md)\n", "docs/b.md": "[y](gone.md)\n"])
    #expect(result.stdout.contains("docs/b.md:1:5: warning:") && result.stdout.contains("docs/sub/a.md:1:5: info:"), "\(result.stdout)")
    let climbing = try lint(["docs/.docs-lint.yml": "overrides:\n  - files: [../README.md]\n    rules: {link/*: off}\n"])
    #expect(climbing.status == 2 && climbing.stderr.contains("climbs out of the configuration's folder"), "\(climbing.stderr)")
  }

  @Test func aRelativeConfigFromASubfolderExtendsBesideItself() throws {
    let result = try lint(
      ["cfg/main.yml": "extends: [base.yml]\n", "cfg/base.yml": "rules: {link/missing-file: info}\n", "docs/a.md": "[x](gone.md)\n"],
      ["--config", "../cfg/main.yml"], in: "docs")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("info: link target 'gone.md'"), "\(result.stdout)")
  }

  @Test func standardInputOnlyLintsMarkdownTheConfigurationIncludes() throws {
    let repository = try TestRepository(["README.md": "# R\n"])
    defer { repository.remove() }
    let command = "printf '[x](gone.md)\\n' | '\(CommandLineTests.binary)' --no-cache - --stdin-filename src.py"
    let result = try CommandLineTests.run(["-c", command], in: repository.root, shell: true)
    #expect(result.status == 0 && result.stdout == "0 errors, 0 warnings, 0 infos in 0 files\n", "\(result.stdout)")
  }

  @Test func twoReportsToOneFileAreRefused() throws {
    let result = try lint(["a.md": "# A\n"], ["--format", "json", "--format", "sarif", "--output", "json=r", "--output", "sarif=r"])
    #expect(result.status == 2 && result.stderr.contains("json and sarif would both go to r"), "\(result.stderr)")
  }
}
