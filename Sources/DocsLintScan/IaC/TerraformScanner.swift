import DocsLintConfig

/// Reads HCL's block structure: comments (`#`, `//`, `/* */`), strings with
/// escapes and `${ }` interpolation, heredocs (`<<EOF`, `<<-EOF`), nested
/// braces, brackets and parentheses. Unbalanced input is a problem at a line.
package enum TerraformScanner {
  package static func scan(_ source: SourceText) -> Result<TerraformFile, YAMLProblem> {
    var reader = Reader(source: source)
    do {
      let (blocks, attributes) = try reader.body(closedBy: nil)
      var file = TerraformFile()
      file.blocks = blocks
      file.attributes = attributes
      return .success(file)
    } catch {
      return .failure(error)
    }
  }

  private struct Reader {
    let source: SourceText
    var index = 0

    init(source: SourceText) { self.source = source }

    var bytes: [UInt8] { source.bytes }
    var atEnd: Bool { index >= bytes.count }
    var current: UInt8 { bytes[index] }

    func problem(_ message: String, at offset: Int? = nil) -> YAMLProblem {
      let position = source.position(atByte: min(offset ?? index, bytes.count))
      return YAMLProblem(message: message, line: position.line, column: position.column)
    }

    static func isIdentifier(_ byte: UInt8) -> Bool {
      byte.isASCIIAlphanumeric || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    /// Skips blanks, comments and (when `newlines`) line breaks.
    mutating func skipTrivia(newlines: Bool) throws(YAMLProblem) {
      while !atEnd {
        let byte = current
        if byte == 0x20 || byte == 0x09 || byte == 0x0D || (newlines && byte == 0x0A) {
          index += 1
        } else if byte == UInt8(ascii: "#")
          || (byte == UInt8(ascii: "/") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/"))
        {
          while !atEnd, current != 0x0A { index += 1 }
        } else if byte == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "*") {
          let start = index
          index += 2
          while index + 1 < bytes.count, !(bytes[index] == UInt8(ascii: "*") && bytes[index + 1] == UInt8(ascii: "/")) {
            index += 1
          }
          guard index + 1 < bytes.count else { throw problem("unterminated /* comment", at: start) }
          index += 2
        } else {
          return
        }
      }
    }

    mutating func identifier() -> String? {
      let start = index
      while !atEnd, Self.isIdentifier(current) { index += 1 }
      return index > start ? String(decoding: bytes[start..<index], as: UTF8.self) : nil
    }

    /// A quoted string starting at `index` (on its opening quote); returns its content.
    mutating func string() throws(YAMLProblem) -> String {
      let start = index
      index += 1
      var depth = 0
      while !atEnd {
        let byte = current
        if byte == UInt8(ascii: "\\") {
          index += 2
          continue
        }
        if byte == UInt8(ascii: "$"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{") {
          depth += 1
          index += 2
          continue
        }
        if depth > 0 {
          if byte == UInt8(ascii: "{") { depth += 1 }
          if byte == UInt8(ascii: "}") { depth -= 1 }
          if byte == UInt8(ascii: "\"") {
            _ = try string()  // a string inside an interpolation
            continue
          }
        } else if byte == UInt8(ascii: "\"") {
          index += 1
          return String(decoding: bytes[(start + 1)..<(index - 1)], as: UTF8.self)
        } else if byte == 0x0A {
          break
        }
        index += 1
      }
      throw problem("unterminated string", at: start)
    }

    /// Skips a heredoc whose `<<` is at `index`, up to its closing marker line.
    mutating func heredoc() throws(YAMLProblem) {
      let start = index
      index += 2
      if !atEnd, current == UInt8(ascii: "-") { index += 1 }
      guard let marker = identifier() else { throw problem("heredoc without a marker", at: start) }
      while !atEnd, current != 0x0A { index += 1 }
      while !atEnd {
        index += 1
        let lineStart = index
        while !atEnd, current != 0x0A { index += 1 }
        let text = String(decoding: bytes[lineStart..<index], as: UTF8.self)
        if text.trimmingBlanks() == marker { return }
      }
      throw problem("heredoc '\(marker)' is never closed", at: start)
    }

    /// An expression up to the end of its line (brackets, braces and parentheses may span lines).
    mutating func expression() throws(YAMLProblem) -> (text: String, start: Int) {
      try skipTrivia(newlines: false)
      let start = index
      var closers: [UInt8] = []
      var end = index
      while !atEnd {
        let byte = current
        if closers.isEmpty && (byte == 0x0A || byte == UInt8(ascii: "}")) { break }
        switch byte {
        case UInt8(ascii: "\""):
          _ = try string()
          end = index
          continue
        case UInt8(ascii: "<") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "<"):
          try heredoc()
          end = index
          continue
        case UInt8(ascii: "#"):
          try skipTrivia(newlines: false)
          continue
        case UInt8(ascii: "/") where index + 1 < bytes.count && (bytes[index + 1] == UInt8(ascii: "/") || bytes[index + 1] == UInt8(ascii: "*")):
          try skipTrivia(newlines: false)
          continue
        case UInt8(ascii: "{"): closers.append(UInt8(ascii: "}"))
        case UInt8(ascii: "["): closers.append(UInt8(ascii: "]"))
        case UInt8(ascii: "("): closers.append(UInt8(ascii: ")"))
        case UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ")"):
          guard closers.last == byte else { throw problem("unbalanced '\(Character(Unicode.Scalar(byte)))'") }
          closers.removeLast()
        default: break
        }
        index += 1
        if byte != 0x20 && byte != 0x09 && byte != 0x0D && byte != 0x0A { end = index }
      }
      guard closers.isEmpty else { throw problem("expression is never closed", at: start) }
      return (String(decoding: bytes[start..<max(start, end)], as: UTF8.self).trimmingBlanks().description, start)
    }

    /// Items up to `closedBy` (a `}`) or the end of the file.
    mutating func body(closedBy opening: Int?) throws(YAMLProblem) -> ([TerraformBlock], [TerraformAttribute]) {
      var blocks: [TerraformBlock] = []
      var attributes: [TerraformAttribute] = []
      while true {
        try skipTrivia(newlines: true)
        if atEnd {
          if let opening { throw problem("block is never closed", at: opening) }
          return (blocks, attributes)
        }
        if current == UInt8(ascii: "}") {
          guard opening != nil else { throw problem("unexpected '}'") }
          index += 1
          return (blocks, attributes)
        }
        let start = index
        var name = identifier()
        if name == nil, current == UInt8(ascii: "\"") { name = try string() }  // "quoted" = value in .tfvars
        guard let name else { throw problem("unexpected '\(Character(Unicode.Scalar(current)))'") }
        try skipTrivia(newlines: false)
        if !atEnd, current == UInt8(ascii: "=") || current == UInt8(ascii: ":") {
          index += 1
          let (text, valueStart) = try expression()
          let position = source.position(atByte: valueStart)
          attributes.append(
            TerraformAttribute(name: name, expression: text, line: source.line(atByte: start), column: position.column))
          continue
        }
        var labels: [String] = []
        while !atEnd, current != UInt8(ascii: "{") {
          if current == UInt8(ascii: "\"") {
            labels.append(try string())
          } else if let label = identifier() {
            labels.append(label)
          } else {
            throw problem("expected '{' after '\(name)'")
          }
          try skipTrivia(newlines: false)
        }
        guard !atEnd else { throw problem("block '\(name)' has no body", at: start) }
        let opening = index
        index += 1
        let (children, childAttributes) = try body(closedBy: opening)
        let position = source.position(atByte: start)
        blocks.append(
          TerraformBlock(
            type: name, labels: labels, line: position.line, column: position.column, attributes: childAttributes,
            blocks: children))
      }
    }
  }
}
