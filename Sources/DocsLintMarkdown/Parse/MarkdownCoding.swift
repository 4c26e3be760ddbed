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

extension MarkdownDocument: BinaryCodable {
  package func encode(to writer: inout BinaryWriter) {
    writer.write(headings)
    writer.write(links)
    writer.write(codeSpans)
    writer.write(codeBlocks)
    writer.write(htmlAnchors)
    writer.write(listItems)
    writer.write(frontMatter)
    writer.write(suppressions)
  }

  package init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init()
    headings = try reader.array()
    links = try reader.array()
    codeSpans = try reader.array()
    codeBlocks = try reader.array()
    htmlAnchors = try reader.array()
    listItems = try reader.array()
    frontMatter = try reader.optional()
    suppressions = try reader.array()
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

extension ListItem: BinaryCodable {
  package func encode(to writer: inout BinaryWriter) {
    for number in [line, endLine, contentLine, contentColumn, depth] { writer.write(number) }
    writer.write(isOrdered)
  }

  package init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(
      line: try reader.int(), endLine: try reader.int(), contentLine: try reader.int(),
      contentColumn: try reader.int(), depth: try reader.int(), isOrdered: try reader.bool())
  }
}

extension LinkItem: BinaryCodable {
  package func encode(to writer: inout BinaryWriter) {
    writer.write(raw: kind)
    writer.write(destination)
    writer.write(title)
    writer.write(span)
  }

  package init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(kind: try reader.raw(), destination: try reader.string(), title: try reader.optionalString(), span: try reader.read())
  }
}

extension CodeSpanItem: BinaryCodable {
  package func encode(to writer: inout BinaryWriter) {
    writer.write(text)
    writer.write(span)
    for bound in [bytes.lowerBound, bytes.upperBound, block.lowerBound, block.upperBound] { writer.write(bound) }
  }

  package init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(text: try reader.string(), span: try reader.read())
    bytes = try Self.range(&reader)
    block = try Self.range(&reader)
  }

  private static func range(_ reader: inout BinaryReader) throws(BinaryReader.Malformed) -> Range<Int> {
    let lower = try reader.int()
    let upper = try reader.int()
    guard lower <= upper else { throw BinaryReader.Malformed() }
    return lower..<upper
  }
}

extension CodeBlockItem: BinaryCodable {
  package func encode(to writer: inout BinaryWriter) {
    writer.write(info)
    writer.write(isFenced)
    writer.write(literal)
    writer.write(firstLine)
  }

  package init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(
      info: try reader.optionalString(), isFenced: try reader.bool(), literal: try reader.string(),
      firstLine: try reader.int())
  }
}

extension HTMLAnchor: BinaryCodable {
  package func encode(to writer: inout BinaryWriter) {
    writer.write(name)
    writer.write(span)
  }

  package init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(name: try reader.string(), span: try reader.read())
  }
}
