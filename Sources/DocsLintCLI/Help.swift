import ArgumentParser
import DocsLintServer
import Foundation

/// `docs-lint --help` shows what people run most, the lint command's options, and then the
/// other subcommands (by itself, the parser would list only the subcommands).
enum RootHelp {
  static func isRequested(_ arguments: [String]) -> Bool {
    arguments == ["--help"] || arguments == ["-h"] || arguments == ["help"]
  }

  static var text: String {
    let root = DocsLint.helpMessage()
    let lint = Lint.helpMessage()
    let overview = root.components(separatedBy: "\n\nUSAGE:").first ?? ""
    let body = lint.components(separatedBy: "\n\nARGUMENTS:").dropFirst().joined(separator: "\n\nARGUMENTS:")
    let subcommands = root.components(separatedBy: "\nSUBCOMMANDS:").dropFirst().joined(separator: "\nSUBCOMMANDS:")
    return overview + "\n\nUSAGE: docs-lint [<options>] [<paths> ...]\n       docs-lint <subcommand>\n\nARGUMENTS:"
      + "\n" + body.trimmingCharacters(in: .newlines) + "\n\nSUBCOMMANDS:" + subcommands
  }
}

/// "Did you mean" for a word that names nothing.
enum Suggestion {
  /// Subcommands other than the default one.
  static let subcommands = DocsLint.configuration.subcommands.map { $0._commandName }.filter { $0 != "lint" } + ["help"]

  /// A lint path that does not exist but is one typo away from a subcommand (`expain`).
  static func subcommand(forMissingPath path: String) -> String? {
    // "-" is standard input; a word of two letters is one typo away from everything.
    guard path.count > 2, !path.contains("/"), !FileManager.default.fileExists(atPath: path) else { return nil }
    return EditDistance.closest(to: path, in: subcommands, maxDistance: 2)
  }

  static func rule(near id: String) -> String? {
    EditDistance.closest(to: id, in: RuleRegistry.descriptors.map(\.id), maxDistance: 4)
  }
}

/// Shell completion values (`--generate-completion-script`).
enum Completions {
  static let formats = CompletionKind.list(Reporters.all.map { $0.format })
  static let levels = CompletionKind.list(Level.allCases.map(\.rawValue))
  static let failLevels = CompletionKind.list([Level.warning, .error].map(\.rawValue))
  static let ruleIDs = CompletionKind.list(RuleRegistry.descriptors.map(\.id))
  static let configFiles = CompletionKind.file(extensions: ["yml", "yaml"])
}
