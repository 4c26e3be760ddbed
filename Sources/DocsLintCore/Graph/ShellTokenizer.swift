/// Splits one line of shell into words, keeping where each word starts, so a
/// path argument can be reported at its true column. Not a shell: no
/// expansion, just quotes, escapes, comments and the control operators.
struct ShellToken: Sendable, Hashable {
  var text: String
  /// Scalar offset of the word's first character in the line (after an opening quote).
  var offset: Int
  /// `&&`, `||`, `;`, `|`, `&`: ends a simple command.
  var isOperator = false
  /// Contained quotes, so it is never an operator, redirection or option.
  var wasQuoted = false
}

enum ShellTokenizer {
  static func tokenize(_ line: Substring) -> [ShellToken] {
    var tokens: [ShellToken] = []
    let scalars = Array(line.unicodeScalars)
    var index = 0
    var current = String.UnicodeScalarView()
    var start = 0
    var quoted = false
    var inWord = false

    func flush() {
      if inWord { tokens.append(ShellToken(text: String(current), offset: start, wasQuoted: quoted)) }
      current = String.UnicodeScalarView()
      quoted = false
      inWord = false
    }

    while index < scalars.count {
      let scalar = scalars[index]
      switch scalar {
      case " ", "\t":
        flush()
        index += 1
      case "#" where !inWord:
        return tokens  // a comment runs to the end of the line
      case "'", "\"":
        if !inWord {
          inWord = true
          start = index + 1
        }
        quoted = true
        index += 1
        while index < scalars.count, scalars[index] != scalar {
          if scalar == "\"", scalars[index] == "\\", index + 1 < scalars.count { index += 1 }
          current.append(scalars[index])
          index += 1
        }
        index += 1
      case "\\":
        if !inWord {
          inWord = true
          start = index
        }
        if index + 1 < scalars.count { current.append(scalars[index + 1]) }
        index += 2
      case "&", "|", ";":
        flush()
        var text = String(scalar)
        if index + 1 < scalars.count, scalars[index + 1] == scalar, scalar != ";" {
          text.unicodeScalars.append(scalar)
        }
        tokens.append(ShellToken(text: text, offset: index, isOperator: true))
        index += text.unicodeScalars.count
      default:
        if !inWord {
          inWord = true
          start = index
        }
        current.append(scalar)
        index += 1
      }
    }
    flush()
    return tokens
  }
}
