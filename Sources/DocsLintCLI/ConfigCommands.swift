import ArgumentParser
import DocsLintServer
import Foundation

/// `--root`, for the commands that act on one repository.
struct RepositoryRoot: ParsableArguments {
  @Option(help: ArgumentHelp("Repository root (default: git top-level, or the current folder).", valueName: "DIR"), completion: .directory)
  var root: String?
}

struct ShowConfiguration: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "config",
    abstract: "Print the configuration that holds for a file: the files read, and each rule's level and where it comes from.")

  @Argument(help: "A file of the repository (default: the root configuration alone).", completion: .file())
  var file: String?

  @OptionGroup var repository: RepositoryRoot

  @Option(help: ArgumentHelp("Configuration file (default: .docs-lint.yml at the root).", valueName: "FILE"), completion: Completions.configFiles)
  var config: String?

  func run() throws {
    let effective = try LintRun.effectiveConfiguration(file: file, root: repository.root, configFile: config)
    try StandardStream.out(effective.text)
  }
}

struct Initialize: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Write a commented .docs-lint.yml for this repository: the kinds' paths the defaults miss, and excludes.")

  @OptionGroup var repository: RepositoryRoot

  @Flag(help: "Replace an existing .docs-lint.yml.")
  var force = false

  @Flag(help: "Print the configuration instead of writing it.")
  var stdout = false

  func run() throws {
    let survey = try RepositorySurvey.survey(root: repository.root)
    if stdout { return try StandardStream.out(survey.yaml) }
    let top = try Workspace.locateRoot(paths: [], explicitRoot: repository.root)
    let existing = Configuration.fileNames.first { FileManager.default.fileExists(atPath: top + "/" + $0) }
    if let existing, !force { throw UsageError("\(existing) exists already (--force replaces it, --stdout prints the new one)") }
    let file = top + "/" + (existing ?? Configuration.fileName)
    try OutputFile.write(Array(survey.yaml.utf8), to: file)
    let paths = survey.kinds.reduce(0) { $0 + $1.found.count }
    StandardStream.err("docs-lint: wrote \(existing ?? Configuration.fileName): \(paths) kind path\(paths == 1 ? "" : "s"), \(survey.excludes.count) exclude\(survey.excludes.count == 1 ? "" : "s")\n")
  }
}

struct LanguageServerCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lsp", abstract: "Serve the Language Server Protocol on standard input and output, for editors.")

  @Option(
    name: .customLong("cache-dir"),
    help: ArgumentHelp("Keep parse results here between runs (default: ~/.cache/docs-lint).", valueName: "DIR"),
    completion: .directory)
  var cacheDir: String?

  @Flag(name: .customLong("no-cache"), help: "Parse every file; read and write no cache.")
  var noCache = false

  func run() throws {
    let server = LanguageServer(cacheFolder: noCache ? nil : cacheDir ?? ParseCache.defaultFolder)
    Foundation.exit(server.run())
  }
}

struct Move: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mv",
    abstract: "Move a file or folder and rewrite every link, image, backtick and command path to it.")

  @Argument(help: "The file or folder to move.", completion: .file())
  var old: String

  @Argument(help: "Where it goes (it must not exist).", completion: .file())
  var new: String

  @OptionGroup var repository: RepositoryRoot

  @Flag(help: "Print the changes as a unified diff; move and write nothing.")
  var dryRun = false

  func run() throws {
    let outcome = try LintRun.move(old, to: new, root: repository.root, dryRun: dryRun)
    try report(outcome.skipped, patches: outcome.patches, dryRun: dryRun)
    StandardStream.err("docs-lint: \(dryRun ? "would move " : "moved ")\(outcome.summary)\n")
  }
}

struct RenameHeadingCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rename-heading", abstract: "Rename a heading and rewrite every link to its anchor.")

  @Argument(help: "The Markdown file.", completion: .file())
  var file: String

  @Argument(help: "The heading's line (1-based).")
  var line: Int

  @Argument(help: "The new title.")
  var title: String

  @OptionGroup var repository: RepositoryRoot

  @Flag(help: "Print the changes as a unified diff; write nothing.")
  var dryRun = false

  func run() throws {
    let (rename, patches) = try LintRun.renameHeading(file: file, line: line, title: title, root: repository.root, dryRun: dryRun)
    try report(rename.skipped, patches: patches, dryRun: dryRun)
    let links = patches.reduce(0) { $0 + $1.fixed } - 1
    StandardStream.err(
      "docs-lint: \(dryRun ? "would rename" : "renamed") #\(rename.oldSlug) → #\(rename.newSlug) in \(rename.file), "
        + "\(links) link\(links == 1 ? "" : "s") in \(patches.count) file\(patches.count == 1 ? "" : "s")\n")
  }
}

/// What `mv` and `rename-heading` say before their summary: what they left as written on
/// standard error, and with `--dry-run` the diff on standard output.
private func report(_ skipped: [LeftAsWritten], patches: [FilePatch], dryRun: Bool) throws {
  for reference in skipped { StandardStream.err(reference.description + "\n") }
  if dryRun { try StandardStream.out(UnifiedDiff.render(patches)) }
}
