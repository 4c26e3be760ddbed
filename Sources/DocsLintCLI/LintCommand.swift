import ArgumentParser
import DocsLintServer
import Foundation

struct Lint: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint", abstract: "Lint Markdown files (the default command).")

  @Argument(help: "Files and folders to lint (default: the repository root).", completion: .file())
  var paths: [String] = []

  @Option(
    help: ArgumentHelp(
      "Repository root that links resolve against (default: git top-level, or the single folder given).",
      valueName: "DIR"),
    completion: .directory)
  var root: String?

  @Option(
    help: ArgumentHelp(
      "Output format: \(Reporters.choices); repeat it for several reports from one run.", valueName: "FORMAT"),
    completion: Completions.formats)
  var format: [String] = []

  @Option(
    help: ArgumentHelp(
      "Write the report to this file, or one format's report with FORMAT=FILE (e.g. sarif=docs-lint.sarif).",
      valueName: "FILE"))
  var output: [String] = []

  @Option(
    name: .customLong("stdin-filename"),
    help: ArgumentHelp(
      "With the path -: read one document from standard input, as the file at this path (which need not exist).",
      valueName: "PATH"),
    completion: .file())
  var stdinFilename: String?

  @Flag(help: "Print findings only, without the summary line.")
  var quiet = false

  @Flag(name: .customLong("summary-only"), help: "Print the summary line only.")
  var summaryOnly = false

  @Flag(help: "Print the number of findings per rule instead of the findings.")
  var statistics = false

  @Flag(
    name: .customLong("root-relative"),
    help: "Text report: paths from the repository root, even when run from a subfolder.")
  var rootRelative = false

  @Option(
    help: ArgumentHelp("Configuration file (default: .docs-lint.yml at the root).", valueName: "FILE"),
    completion: Completions.configFiles)
  var config: String?

  @Option(
    name: .customLong("changed-since"), help: ArgumentHelp(
      "Report only what the change since the merge base with REF is responsible for.", valueName: "REF"))
  var changedSince: String?

  @Option(help: ArgumentHelp("Report only findings this baseline file does not record.", valueName: "FILE"))
  var baseline: String?

  @Option(
    name: .customLong("write-baseline"),
    help: ArgumentHelp("Record this run's findings into a baseline file (the run then passes).", valueName: "FILE"))
  var writeBaseline: String?

  @Option(
    name: .customLong("min-level"), help: ArgumentHelp("Lowest level shown: info, warning or error.", valueName: "LEVEL"),
    completion: Completions.levels)
  var minLevel: String = "info"

  @Option(
    name: .customLong("fail-on"),
    help: ArgumentHelp("Lowest level that fails the run (exit 1): error or warning.", valueName: "LEVEL"),
    completion: Completions.failLevels)
  var failOn: String = "error"

  @Option(name: .customLong("max-warnings"), help: ArgumentHelp("Fail when there are more warnings than this.", valueName: "N"))
  var maxWarnings: Int?

  @Option(
    name: .customLong("cache-dir"),
    help: ArgumentHelp("Keep parse results here between runs (default: ~/.cache/docs-lint).", valueName: "DIR"))
  var cacheDir: String?

  @Flag(name: .customLong("no-cache"), help: "Parse every file; read and write no cache.")
  var noCache = false

  @Flag(help: "Rewrite what has one right answer (path letter case, accent- or case-only anchors), then report what remains.")
  var fix = false

  @Flag(help: "With --fix: print the changes as a unified diff and write nothing.")
  var dryRun = false

  @Option(help: ArgumentHelp("Worker threads (default: one per core); the report is the same for any number.", valueName: "N"))
  var jobs: Int?

  @Option(
    name: .customLong("sarif-category"),
    help: ArgumentHelp("SARIF only: the analysis category, as automationDetails.id 'docs-lint/NAME/'.", valueName: "NAME"))
  var sarifCategory: String?

  func run() throws {
    if let jobs {
      guard jobs >= 1 else { throw UsageError("--jobs must be 1 or more, not \(jobs)") }
      Parallel.workerLimit = jobs
    }
    if let first = paths.first, let subcommand = Suggestion.subcommand(forMissingPath: first) {
      throw UsageError("no file or folder '\(first)'; did you mean the subcommand '\(subcommand)'?")
    }
    let targets = try ReportTarget.resolve(formats: format, outputs: output)
    let formats = targets.map { type(of: $0.reporter).format }
    guard !(quiet && summaryOnly) else { throw UsageError("--quiet and --summary-only leave nothing to print together") }
    if quiet || summaryOnly || statistics || rootRelative, !formats.contains(TextReporter.format) {
      throw UsageError("--quiet, --summary-only, --statistics and --root-relative shape the text report: add --format text")
    }
    var options = LintOptions()
    options.baseline = baseline
    options.writeBaseline = writeBaseline
    options.minLevel = try level(minLevel, option: "--min-level", allowed: Level.allCases)
    options.policy.failOn = try level(failOn, option: "--fail-on", allowed: [.warning, .error])
    if let maxWarnings, maxWarnings < 0 { throw UsageError("--max-warnings must be 0 or more") }
    options.policy.maxWarnings = maxWarnings
    guard fix || !dryRun else { throw UsageError("--dry-run only goes with --fix") }
    if let sarifCategory {
      guard formats.contains(SARIFReporter.format) else {
        throw UsageError("--sarif-category only goes with --format sarif")
      }
      guard !sarifCategory.isEmpty, sarifCategory.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }) else {
        throw UsageError("--sarif-category must be a name without spaces or control characters, not '\(sarifCategory)'")
      }
    }
    guard !fix || changedSince == nil else { throw UsageError("--fix does not go with --changed-since") }
    // Impact mode judges only part of the tree; a baseline of that would be partial.
    guard writeBaseline == nil || changedSince == nil else {
      throw UsageError("--write-baseline does not go with --changed-since (record a baseline of the whole tree)")
    }
    // Read last, once every option is known good: a mistake is said without waiting for input.
    let standardInput = try readStandardInput()
    let cache = noCache ? nil : cacheFolder()
    let run: LintRun
    if fix {
      let fixed = try LintRun.fix(paths: paths, root: root, configFile: config, dryRun: dryRun, cacheFolder: cache)
      StandardStream.err(fixed.outcome.summary(dryRun: dryRun) + "\n")
      if dryRun {
        // The diff alone on standard output, so it can be piped to `git apply`.
        try StandardStream.out(fixed.outcome.diff)
        Foundation.exit(0)
      }
      run = fixed.run
    } else {
      let progress = ProgressMeter.forStandardError()
      defer { progress?.finish() }
      run = try LintRun.execute(
        paths: standardInput == nil ? paths : [], root: root, configFile: config, cacheFolder: cache,
        changedSince: changedSince, progress: progress, standardInput: standardInput)
    }
    let session = try LintSession.evaluate(run, options: options)
    var report = session.report
    report.category = sarifCategory
    // What --fix would repair is worked out (git, file reads) only for a report that shows it.
    if targets.contains(where: { $0.reporter is TextReporter }) { report.fixable = run.fixable(report.findings) }
    report.display.findings = !summaryOnly
    report.display.summary = !quiet
    report.display.statistics = statistics
    if !rootRelative { report.display.currentFolder = Self.currentFolder(in: run.root) ?? "" }
    for target in targets {
      var shown = report
      shown.display.colour = target.file == nil && target.reporter is TextReporter && TerminalColour.wanted()
      var rendered: [UInt8] = []
      target.reporter.write(shown, into: &rendered)
      try emit(rendered, to: target.file)
    }
    for note in session.notes { StandardStream.err("docs-lint: \(note)\n") }
    // Say why the run fails when the report alone does not show it.
    if let failure = session.failure, options.policy.failOn != .error || maxWarnings != nil || session.report.hidden > 0 {
      StandardStream.err("docs-lint: failed: \(failure)\n")
    }
    // Exit here: tearing down a graph of a whole repository, string by string, only costs time.
    Foundation.exit(session.failure == nil ? 0 : 1)
  }

  /// `docs-lint - --stdin-filename PATH`: the document on standard input and where it stands.
  private func readStandardInput() throws -> (path: String, bytes: [UInt8])? {
    guard paths.contains("-") else {
      if stdinFilename != nil { throw UsageError("--stdin-filename goes with the path - (standard input)") }
      return nil
    }
    guard paths == ["-"] else { throw UsageError("- (standard input) is the only path of its run") }
    guard let stdinFilename, !stdinFilename.isEmpty else {
      throw UsageError("reading standard input (-) needs --stdin-filename PATH: where the document stands")
    }
    guard !fix else { throw UsageError("--fix does not go with standard input") }
    guard changedSince == nil, writeBaseline == nil else {
      throw UsageError("--changed-since and --write-baseline do not go with standard input")
    }
    return (stdinFilename, [UInt8](FileHandle.standardInput.readDataToEndOfFile()))
  }

  /// The current folder relative to `root` when it lies inside it ("" at the root itself).
  static func currentFolder(in root: String) -> String? {
    let current = FileManager.default.currentDirectoryPath
    guard let resolved = realpath(current, nil) else { return nil }
    defer { free(resolved) }
    let path = String(cString: resolved)
    let base = root.hasSuffix("/") ? String(root.dropLast()) : root
    guard path == base || path.hasPrefix(base + "/") else { return nil }
    return String(path.dropFirst(base.count)).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
  }

  /// The cache folder; a folder that cannot be created only costs speed, with a note.
  private func cacheFolder() -> String? {
    let folder = cacheDir ?? ParseCache.defaultFolder
    guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else {
      StandardStream.err("docs-lint: warning: cache disabled, cannot create '\(folder)'\n")
      return nil
    }
    return folder
  }

  private func level(_ name: String, option: String, allowed: [Level]) throws -> Level {
    guard let level = Level(rawValue: name), allowed.contains(level) else {
      throw UsageError("\(option) must be one of \(allowed.map(\.rawValue).joined(separator: ", ")), not '\(name)'")
    }
    return level
  }
}
