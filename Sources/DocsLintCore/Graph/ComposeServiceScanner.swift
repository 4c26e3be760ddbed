/// Compose services named in `docker compose` / `docker-compose` commands, in shell
/// blocks, unlabelled blocks and code spans: `docker compose -f dev.yml up -d api worker`,
/// `docker compose exec api bash` (only the first word after `exec`/`run` is a service).
enum ComposeServiceScanner {
  static func scan(_ markdown: MarkdownDocument, source: SourceText) -> [IaCMention] {
    var mentions: [IaCMention] = []
    for span in markdown.codeSpans where span.span.line == span.span.endLine && span.text.includes("compose") {
      mentions += services(in: Substring(span.text), line: span.span.line, column: span.span.column)
    }
    for block in markdown.codeBlocks where TerraformMentionScanner.shellLanguages.contains(block.language ?? "") {
      guard block.literal.includes("compose") else { continue }
      var line = block.firstLine
      for bytes in block.literal.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
        defer { line += 1 }
        let text = Substring(bytes)
        guard text.includes("compose") else { continue }
        mentions += services(in: text, line: line, column: source.contentColumn(of: text, onLine: line))
      }
    }
    return mentions
  }

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
        IaCMention(kind: "service", name: String(word), span: SourceSpan(line: line, column: start, endColumn: start + word.unicodeScalars.count)))
      if current == "exec" || current == "run" { break }
    }
    return result
  }
}
