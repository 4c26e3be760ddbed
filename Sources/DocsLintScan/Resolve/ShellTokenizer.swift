import DocsLintConfig

/// Splits one line of shell into words, keeping where each word starts, so a
/// path argument can be reported at its true column. Not a shell: no
/// expansion, just quotes, escapes, comments and the control operators.
/// Works on UTF-8 bytes (every special character is ASCII) and counts scalars for offsets.
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
    line.withBytes { bytes in
      var state = State(bytes: bytes)
      state.run()
      return state.tokens
    }
  }

  /// The scan over one line: a cursor, the word being built and the words so far.
  private struct State {
    let bytes: UnsafeBufferPointer<UInt8>
    var tokens: [ShellToken] = []
    var index = 0
    var scalar = 0  // scalar offset of bytes[index]
    var current: [UInt8] = []
    var start = 0
    var quoted = false
    var inWord = false

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func flush() {
      if inWord {
        tokens.append(ShellToken(text: String(decoding: current, as: UTF8.self), offset: start, wasQuoted: quoted))
      }
      current.removeAll(keepingCapacity: true)
      quoted = false
      inWord = false
    }

    /// Moves past one byte, counting scalars by their lead bytes.
    mutating func advance() {
      index += 1
      if index < bytes.count, bytes[index] & 0xC0 != 0x80 { scalar += 1 }
    }

    mutating func beginWord(at offset: Int) {
      if !inWord {
        inWord = true
        start = offset
      }
    }

    mutating func run() {
      while index < bytes.count {
        let byte = bytes[index]
        switch byte {
        case 0x20, 0x09:
          flush()
          advance()
        case UInt8(ascii: "#") where !inWord:
          return  // a comment runs to the end of the line
        case UInt8(ascii: "'"), UInt8(ascii: "\""):
          beginWord(at: scalar + 1)
          quoted = true
          advance()
          while index < bytes.count, bytes[index] != byte {
            if byte == UInt8(ascii: "\""), bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count { advance() }
            current.append(bytes[index])
            advance()
          }
          advance()
        case UInt8(ascii: "\\"):
          beginWord(at: scalar)
          advance()
          if index < bytes.count {
            current.append(bytes[index])
            advance()
          }
        case UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: ";"):
          flush()
          let doubled = byte != UInt8(ascii: ";") && index + 1 < bytes.count && bytes[index + 1] == byte
          let text = String(decoding: doubled ? [byte, byte] : [byte], as: UTF8.self)
          tokens.append(ShellToken(text: text, offset: scalar, isOperator: true))
          advance()
          if doubled { advance() }
        default:
          beginWord(at: scalar)
          current.append(byte)
          advance()
        }
      }
      flush()
    }
  }
}
