import ArgumentParser
import DocsLintServer
import Foundation

/// Argument parsing and wiring only; all behaviour lives in the library targets.
struct DocsLint: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "docs-lint",
    abstract: "Checks that documentation, plans and code agree: links, anchors, paths.",
    version: "\(ToolInfo.name) \(ToolInfo.version)",
    subcommands: [Lint.self, ListRules.self, Explain.self, Graph.self, ShowConfiguration.self, Initialize.self, Move.self, RenameHeadingCommand.self, Cache.self, LanguageServerCommand.self],
    defaultSubcommand: Lint.self)
}

/// Exit codes: 0 clean, 1 error-level findings, 2 usage, config or internal error.
// A reader that goes away (`docs-lint | head`) is an EPIPE the writers end quietly on, not a signal.
signal(SIGPIPE, SIG_IGN)
do {
  if RootHelp.isRequested(Array(CommandLine.arguments.dropFirst())) {
    try StandardStream.out(RootHelp.text + "\n")
    exit(0)
  }
  var command = try DocsLint.parseAsRoot()
  try command.run()
} catch let error as ConfigError {
  StandardStream.err("\(error)\n")
  exit(2)
} catch let error as UsageError {
  StandardStream.err("docs-lint: error: \(error)\n")
  exit(2)
} catch {
  let code = DocsLint.exitCode(for: error)
  if code == .success {
    // --help and --version, written like every other output so a failed write is exit 2.
    do {
      try StandardStream.out(DocsLint.fullMessage(for: error) + "\n")
    } catch {
      StandardStream.err("docs-lint: error: \(error)\n")
      exit(2)
    }
    exit(0)
  } else if code.rawValue == 1, error is ExitCode {
    exit(1)
  }
  StandardStream.err("docs-lint: error: \(DocsLint.message(for: error))\n")
  if DocsLint.fullMessage(for: error).contains("Usage:") {
    StandardStream.err("Run 'docs-lint --help' for usage.\n")
  }
  exit(2)
}
