import DocsLintConfig
import Foundation

/// Finds command paths in shell: `bash scripts/deploy.sh`, `pytest tests/x.py`,
/// `kubectl apply -f k8s/app.yml`. Follows `cd` within one block, skips
/// heredoc bodies, comments, redirections and output-only commands.
package struct CommandScanner {
  let classifier: PathClassifier
  let settings: PathSettings
  /// Folders relative paths are tried against (root and the document's folder).
  let defaultBases: [String]

  /// A path argument: the cleaned path, the bases it resolves against, its line and scalar column.
  package struct Hit: Equatable {
    package var path: String
    package var bases: [String]
    package var line: Int
    package var column: Int
    /// The command writes this path (`> out.txt`, `touch x`, `python -m venv venv`): it need not exist.
    package var creates = false

    /// The repository paths a creating hit writes, one per base it may run in, with its line.
    package var createdPaths: [(path: String, line: Int)] {
      bases.compactMap { RepoPath.normalize(RepoPath.join($0, path)) }.map { ($0, line) }
    }
  }


  /// Scans the lines of one code block or one code span.
  /// `everyLine` is true for shell-fenced blocks; otherwise only lines that
  /// start with a known command are commands.
  /// With `promptOnly` (console transcripts) only prompt lines are commands.
  package func scan(_ lines: [CodeLine], everyLine: Bool, promptOnly: Bool = false) -> [Hit] {
    var bases: [String]? = defaultBases
    return scan(lines, everyLine: everyLine, promptOnly: promptOnly, bases: &bases)
  }

  /// Like `scan`, starting in (and leaving `bases` at) the folders a `cd` of an earlier
  /// block of the same section moved to; nil once a `cd` left for a folder not known here.
  package func scan(_ lines: [CodeLine], everyLine: Bool, promptOnly: Bool = false, bases: inout [String]?) -> [Hit] {
    var hits: [Hit] = []
    var heredocEnd: String?
    var pending: [CommandWord] = []
    for codeLine in lines {
      if let end = heredocEnd {
        if codeLine.text.trimmingBlanks() == end { heredocEnd = nil }
        continue
      }
      var text = codeLine.text
      var column = codeLine.column
      // Prompts: "$ cmd", "% cmd", "> cmd" (all ASCII, so bytes are columns here).
      let utf8 = text.utf8
      var first = utf8.startIndex
      var blanks = 0
      while first != utf8.endIndex, utf8[first] == 0x20 || utf8[first] == 0x09 {
        first = utf8.index(after: first)
        blanks += 1
      }
      let afterPrompt = first == utf8.endIndex ? first : utf8.index(after: first)
      if first != utf8.endIndex, [0x24, 0x25, 0x3E].contains(utf8[first]), afterPrompt != utf8.endIndex,
        utf8[afterPrompt] == 0x20
      {
        text = text[utf8.index(after: afterPrompt)...]
        column += blanks + 2
      } else if promptOnly && pending.isEmpty {
        continue
      }
      // Outside shell fences most lines are not commands: decide from the first word
      // before paying for tokenizing.
      if pending.isEmpty, !mayStartCommand(text), !everyLine || !hasShellSyntax(text) { continue }
      let continues = text.hasSuffix("\\")
      if continues { text = text.dropLast() }
      pending += ShellTokenizer.tokenize(text).map { CommandWord(token: $0, line: codeLine.line, column: column + $0.offset) }
      if continues { continue }
      let words = pending
      pending = []
      for command in split(words) {
        if let end = heredocDelimiter(in: command) { heredocEnd = end }
        guard everyLine || startsWithCommand(command) else { continue }
        scanCommand(command, bases: &bases, into: &hits)
      }
    }
    return hits
  }

  /// Operators, redirections and continuations: a line that may hold a second command or a heredoc.
  private func hasShellSyntax(_ text: Substring) -> Bool {
    text.utf8.contains { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "<") }
      || text.hasSuffix("\\")
  }

  private func mayStartCommand(_ text: Substring) -> Bool {
    // On the contiguous bytes: a substring's UTF-8 view subscript is a call per byte.
    let word: String? = text.withBytes { bytes in
      var start = 0
      while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
      var end = start
      var pathLike = false
      while end < bytes.count, bytes[end] != 0x20, bytes[end] != 0x09 {
        if bytes[end] == UInt8(ascii: "/") || bytes[end] == UInt8(ascii: "=") { pathLike = true }
        end += 1
      }
      if start == end { return nil }
      return pathLike ? "" : String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
    guard let name = word else { return false }
    return name.isEmpty || settings.commands[name] != nil || Self.otherStarts.contains(name)
  }

  private func split(_ words: [CommandWord]) -> [[CommandWord]] {
    // Each command copied once, at its size (appending word by word regrew every array).
    var commands: [[CommandWord]] = []
    var start = 0
    for (index, word) in words.enumerated() where word.token.isOperator {
      if index > start { commands.append(Array(words[start..<index])) }
      start = index + 1
    }
    if words.count > start { commands.append(start == 0 ? words : Array(words[start...])) }
    return commands
  }

  private func heredocDelimiter(in command: [CommandWord]) -> String? {
    for (index, word) in command.enumerated() where !word.token.wasQuoted && word.token.text.hasPrefix("<<") {
      var delimiter = String(word.token.text.dropFirst(2).drop { $0 == "-" || $0 == "~" })
      if delimiter.isEmpty, index + 1 < command.count { delimiter = command[index + 1].token.text }
      delimiter = delimiter.trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
      return delimiter.isEmpty || delimiter == "<" ? nil : delimiter
    }
    return nil
  }

  private static let prefixes: Set<String> = ["sudo", "time", "env", "exec", "nohup", "command", "uv", "poetry"]
  /// Words that open a command line besides the configured commands: one lookup per line.
  private static let otherStarts = prefixes.union(ShellEffects.creators).union(["cd", "pushd"])

  /// Index of the command word, after environment assignments and wrappers (`sudo`, `poetry run`).
  private func commandIndex(_ command: [CommandWord]) -> Int? {
    var index = 0
    while index < command.count {
      let text = command[index].token.text
      if text.includesByte(UInt8(ascii: "=")), let name = text.split(separator: "=").first,
        name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" })
      {
        index += 1
      } else if Self.prefixes.contains(text) {
        index += 1
        if index < command.count, command[index].token.text == "run" { index += 1 }
      } else {
        return index
      }
    }
    return nil
  }

  private func startsWithCommand(_ command: [CommandWord]) -> Bool {
    guard let index = commandIndex(command) else { return false }
    let name = command[index].token.text
    return name == "cd" || settings.commands[name] != nil || name.hasPrefix("./") || ShellEffects.creators.contains(name)
  }

  private func scanCommand(_ command: [CommandWord], bases: inout [String]?, into hits: inout [Hit]) {
    guard let index = commandIndex(command) else { return }
    let name = command[index].token.text
    let (arguments, redirected) = ShellEffects.splitRedirections(Array(command[(index + 1)...]))
    if name == "cd" || name == "pushd" {
      bases = changeDirectory(arguments.first?.token.text, from: bases)
      return
    }
    // Paths after an unfollowable `cd` cannot be checked.
    guard let currentBases = bases else { return }
    var paths: [(word: CommandWord, explicit: Bool)] = []
    let created = redirected + ShellEffects.created(by: name, arguments: arguments)
    if name.includesByte(UInt8(ascii: "/")) {
      paths.append((command[index], false))
    } else if name == "python" || name == "python3", arguments.first?.token.text == "-m", arguments.count > 1,
      settings.commands[arguments[1].token.text] != nil
    {
      // `python -m pip install -r requirements.txt` runs pip.
      paths += operands(Array(arguments.dropFirst(2)), command: arguments[1].token.text)
    } else if settings.commands[name] != nil {
      paths += operands(arguments, command: name)
    }
    for word in created {
      guard let candidate = classifier.candidate(in: word.token.text, strict: false, explicit: true, bases: currentBases)
      else { continue }
      hits.append(
        Hit(path: candidate.path, bases: currentBases, line: word.line, column: word.column + candidate.offset, creates: true))
    }
    for (word, explicit) in paths where !created.contains(where: { $0.line == word.line && $0.column == word.column }) {
      guard
        let candidate = classifier.candidate(
          in: word.token.text, strict: false, explicit: explicit, bases: currentBases)
      else { continue }
      hits.append(Hit(path: candidate.path, bases: currentBases, line: word.line, column: word.column + candidate.offset))
    }
  }

  /// The path arguments of one command, by how the command names paths.
  /// Values of path options are flagged `explicit`: even a bare name there is a path.
  private func operands(_ arguments: [CommandWord], command: String) -> [(CommandWord, Bool)] {
    guard let style = settings.commands[command] else { return [] }
    // Looked up at the first option only: most commands have none.
    var ownOptionsCache: Set<String>?
    var result: [(CommandWord, Bool)] = []
    var index = 0
    while index < arguments.count {
      let word = arguments[index]
      let text = word.token.text
      index += 1
      if text.hasPrefix("-"), !word.token.wasQuoted {
        let name = text.firstIndex(of: "=").map { String(text[..<$0]) } ?? text
        let ownOptions = ownOptionsCache ?? settings.commandPathOptions[command] ?? []
        ownOptionsCache = ownOptions
        let isDirectory = settings.directoryOptions.contains(name)
        if isDirectory || settings.pathOptions.contains(name) || ownOptions.contains(name) {
          if let equals = text.firstIndex(of: "=") {
            var valueWord = word
            valueWord.token.text = String(text[text.index(after: equals)...])
            valueWord.column += text.unicodeScalars.distance(
              from: text.unicodeScalars.startIndex, to: text.index(after: equals))
            result.append((valueWord, isDirectory || ownOptions.contains(name)))
          } else if index < arguments.count {
            result.append((arguments[index], isDirectory || ownOptions.contains(name)))
            index += 1
          }
        } else if settings.valueOptions.contains(name) {
          // The option's value is a word of its own, not an operand.
          if !text.contains("=") { index += 1 }
        } else if style == .script, text == "-m" || text == "-c" {
          return result  // `python -m module`, `bash -c "..."`: no script path
        }
        continue
      }
      switch style {
      case .script:
        result.append((word, false))
        return result
      case .operands:
        // A quoted operand is an expression more often than a path (`pytest -k "a/b"`).
        if !word.token.wasQuoted { result.append((word, false)) }
      case .options:
        continue
      }
    }
    return result
  }

  /// The bases after `cd DIR`: DIR when it exists under one of them, else unknown (nil).
  private func changeDirectory(_ target: String?, from bases: [String]?) -> [String]? {
    guard let target, let bases, !target.hasPrefix("/"), !target.hasPrefix("~"), !target.hasPrefix("$"),
      target != "-"
    else { return nil }
    for base in bases {
      if let folder = RepoPath.normalize(RepoPath.join(base, target)), classifier.inventory.isDirectory(folder) {
        return [folder]
      }
    }
    return nil
  }

  package init(classifier: PathClassifier, settings: PathSettings, defaultBases: [String]) {
    self.classifier = classifier
    self.settings = settings
    self.defaultBases = defaultBases
  }
}
