import DocsLintScan

/// Compose services named in `docker compose` / `docker-compose` commands, in shell
/// blocks, unlabelled blocks and code spans: `docker compose -f dev.yml up -d api worker`,
/// `docker compose exec api bash` (only the first word after `exec`/`run` is a service).
package enum ComposeServiceScanner {
  package static func scan(_ markdown: MarkdownDocument, source: SourceText, shellLanguages: Set<String>) -> [IaCMention] {
    ShellCodeLines.containing("compose", in: markdown, source: source, shellLanguages: shellLanguages).flatMap { services(in: $0.text, line: $0.line, column: $0.column) }
  }

  /// Words a command may follow on its line.
  private static let openers: Set<Substring> = ["$", "#", ">", "sudo", "&&", "||", ";", "|", "(", "then", "do"]

  /// Subcommands whose plain arguments are all services.
  private static let allServices: Set<Substring> = [
    "up", "start", "stop", "restart", "logs", "build", "pull", "push", "rm", "kill", "pause", "unpause", "create", "ps",
    "top",
  ]
  /// Options followed by a value, before the subcommand (`-f` is a file there) and after
  /// it (`logs -f` follows; `run -p` publishes).
  private static let globalTakesValue: Set<Substring> = [
    "-f", "--file", "-p", "--project-name", "--profile", "--env-file", "--project-directory", "--ansi", "--parallel",
  ]
  private static let takesValue: Set<Substring> = [
    "-t", "--timeout", "--tail", "-n", "--scale", "--index", "-u", "--user", "-w", "--workdir", "-e", "--env",
    "--entrypoint", "--name", "-p", "--publish", "-l", "--label", "-v", "--volume", "--pull", "--wait-timeout",
    "--build-arg", "--progress", "--since", "--until",
  ]

  private static func services(in text: Substring, line: Int, column: Int) -> [IaCMention] {
    let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
    guard var at = words.firstIndex(where: { $0 == "docker-compose" || $0 == "compose" }) else { return [] }
    if words[at] == "compose" {
      guard at > words.startIndex, words[at - 1] == "docker" else { return [] }
    }
    // The command opens the line or follows a prompt, `sudo` or an operator: in "Diagnosis:
    // docker-compose up shows port conflict" the words after it are prose.
    let opening = words[at] == "compose" ? at - 1 : at
    guard opening == words.startIndex || Self.openers.contains(words[opening - 1]) else { return [] }
    var result: [IaCMention] = []
    var subcommand: Substring?
    at += 1
    while at < words.endIndex {
      let word = words[at]
      at += 1
      if ["|", "||", "&&", ";", ">", ">>", "2>&1", "#"].contains(word) || word.hasPrefix("#") { break }
      if word.hasPrefix("-") {
        if !word.contains("="), (subcommand == nil ? globalTakesValue : takesValue).contains(word) { at += 1 }
        continue
      }
      guard let current = subcommand else {
        subcommand = word
        continue
      }
      guard allServices.contains(current) || current == "exec" || current == "run" else { return [] }
      guard word.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }) else { break }
      let start = column + text.unicodeScalars.distance(from: text.startIndex, to: word.startIndex)
      result.append(
        IaCMention(kind: .service, name: String(word), span: SourceSpan(line: line, column: start, endColumn: start + word.unicodeScalars.count)))
      if current == "exec" || current == "run" { break }
    }
    return result
  }
}
