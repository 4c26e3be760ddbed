/// One word of a shell command, where it was written.
struct CommandWord {
  var token: ShellToken
  var line: Int
  var column: Int
}

/// What a shell command writes rather than reads: redirection targets and the paths
/// that `touch`, `mkdir`, `tee`, a virtualenv, a copy or a clone create. A document
/// that creates a path may name it afterwards although it is not in the repository.
enum ShellEffects {
  /// The arguments without redirections, and the files output is redirected to
  /// (`> out.log`, `>>log`, `2> err.txt`; not `2>&1`). Input redirections are dropped.
  static func splitRedirections(_ words: [CommandWord]) -> (arguments: [CommandWord], targets: [CommandWord]) {
    // Most commands redirect nothing: no copy then.
    guard words.contains(where: { !$0.token.wasQuoted && redirectionLength($0.token.text) != nil }) else { return (words, []) }
    var arguments: [CommandWord] = []
    var targets: [CommandWord] = []
    var index = 0
    while index < words.count {
      let word = words[index]
      index += 1
      let text = word.token.text
      guard !word.token.wasQuoted, let operatorLength = redirectionLength(text) else {
        arguments.append(word)
        continue
      }
      let isOutput = text.includesByte(UInt8(ascii: ">"))
      if operatorLength == text.utf8.count {
        // The target is the next word: `> file`, `<< EOF`.
        if index < words.count {
          if isOutput { targets.append(words[index]) }
          index += 1
        }
      } else if isOutput, !text.hasSuffix("&1"), !text.hasSuffix("&2") {
        var target = word
        target.token.text = String(text.utf8.dropFirst(operatorLength))!
        target.column += operatorLength
        targets.append(target)
      }
    }
    return (arguments, targets)
  }

  /// The byte length of a redirection operator at the start of `text`, if it has one:
  /// `>`, `>>`, `<`, `<<`, `<<-`, `2>`, `&>`, `1>>`.
  private static func redirectionLength(_ text: String) -> Int? {
    var bytes = text.utf8[...]
    var length = 0
    if let first = bytes.first, first == UInt8(ascii: "&") || (first >= 0x30 && first <= 0x39) {
      bytes = bytes.dropFirst()
      length += 1
    }
    guard let symbol = bytes.first, symbol == UInt8(ascii: ">") || symbol == UInt8(ascii: "<") else { return nil }
    let run = bytes.prefix { $0 == symbol || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "|") }.count
    return length + run
  }

  /// Commands that may create paths (besides redirections).
  static let creators: Set<String> = [
    "touch", "mkdir", "tee", "cp", "mv", "ln", "rsync", "install", "virtualenv", "git", "curl", "wget",
  ]

  /// Operands the command creates, by the command's name.
  static func created(by name: String, arguments: [CommandWord]) -> [CommandWord] {
    guard creators.contains(name) || name == "python" || name == "python3" || name == "uv" else { return [] }
    let operands = arguments.filter { $0.token.wasQuoted || !$0.token.text.hasPrefix("-") }
    switch name {
    case "touch", "mkdir", "tee":
      return operands
    case "cp", "mv", "ln", "rsync", "install":
      return operands.count > 1 ? [operands[operands.count - 1]] : []
    case "virtualenv":
      return Array(operands.prefix(1))
    case "python", "python3", "uv":
      // `python -m venv .venv`, `uv venv .venv`
      guard let venv = arguments.firstIndex(where: { $0.token.text == "venv" }) else { return [] }
      return Array(arguments[(venv + 1)...].filter { !$0.token.text.hasPrefix("-") }.prefix(1))
    case "git":
      // `git clone URL DIR`
      guard operands.first?.token.text == "clone", operands.count > 2 else { return [] }
      return [operands[2]]
    case "curl", "wget":
      guard let option = arguments.firstIndex(where: { ["-o", "--output", "-O", "--output-document"].contains($0.token.text) }),
        option + 1 < arguments.count, !(name == "curl" && arguments[option].token.text == "-O")
      else { return [] }
      return [arguments[option + 1]]
    default:
      return []
    }
  }
}
