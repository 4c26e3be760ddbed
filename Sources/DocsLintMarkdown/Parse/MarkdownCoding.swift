import DocsLintModel

/// The binary form of the Markdown model, for the parse cache. Fields are written in
/// declaration order; a round-trip test over the fixtures catches a forgotten one.
extension SuppressionDirective: BinaryCodable {
  package func encode(to writer: inout BinaryWriter) {
    writer.write(raw: kind)
    writer.write(span)
    writer.write(endLine)
    writer.write(rules)
    writer.write(inFrontMatter)
  }

  package init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(
      kind: try reader.raw(), span: try reader.read(), endLine: try reader.int(), rules: try reader.array(),
      inFrontMatter: try reader.bool())
  }
}

extension SuppressionDirective.RuleName: BinaryCodable {
  package func encode(to writer: inout BinaryWriter) {
    writer.write(id)
    writer.write(span)
  }

  package init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(id: try reader.string(), span: try reader.read())
  }
}

extension FrontMatter: BinaryCodable {
  package func encode(to writer: inout BinaryWriter) {
    writer.write(startLine)
    writer.write(endLine)
    writer.write(value)
    writer.write(problem)
  }

  package init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(startLine: try reader.int(), endLine: try reader.int(), value: try reader.optional(), problem: try reader.optional())
  }
}

extension YAMLValue: BinaryCodable {
  package func encode(to writer: inout BinaryWriter) {
    switch self {
    case .scalar(let text, let line): writer.write(0); writer.write(text); writer.write(line)
    case .sequence(let items, let line): writer.write(1); writer.write(items); writer.write(line)
    case .mapping(let entries, let line): writer.write(2); writer.write(entries); writer.write(line)
    }
  }

  package init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    switch try reader.int() {
    case 0: self = .scalar(try reader.string(), line: try reader.int())
    case 1: self = .sequence(try reader.array(), line: try reader.int())
    case 2: self = .mapping(try reader.array(), line: try reader.int())
    default: throw BinaryReader.Malformed()
    }
  }
}

extension YAMLEntry: BinaryCodable {
  package func encode(to writer: inout BinaryWriter) {
    writer.write(key)
    writer.write(line)
    writer.write(value)
  }

  package init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(key: try reader.string(), line: try reader.int(), value: try reader.read())
  }
}

extension YAMLProblem: BinaryCodable {
  package func encode(to writer: inout BinaryWriter) {
    writer.write(message)
    writer.write(line)
    writer.write(column)
  }

  package init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(message: try reader.string(), line: try reader.int(), column: try reader.int())
  }
}

extension Heading: BinaryCodable {
  package func encode(to writer: inout BinaryWriter) {
    writer.write(level)
    writer.write(text)
    writer.write(slug)
    writer.write(span)
    writer.write(endLine)
  }

  package init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(
      level: try reader.int(), text: try reader.string(), slug: try reader.string(), span: try reader.read(),
      endLine: try reader.int())
  }
}
