/// The binary form of a parsed document, for the parse cache. Fields are written in
/// declaration order; a round-trip test over the fixtures catches a forgotten one.
/// A summary first (path, kind, anchors, facts, targets), then the body (parse, edges,
/// findings, directives), so impact mode can read a document's summary alone.
extension DocumentNode: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    encodeSummary(to: &writer)
    encodeBody(to: &writer)
  }

  func encodeSummary(to writer: inout BinaryWriter) {
    writer.write(path)
    writer.write(kind)
    writer.writeSized(anchors.sorted)
    writer.write(facts)
    writer.writeSized(targets.paths)
    writer.write(missingTargets)
    writer.write(unlistedTargets)
  }

  /// The body holds the parse, findings, directives and the edges rules read (broken ones
  /// and those with a `#fragment`). The plain resolved edges, most of them, are not kept:
  /// only `iac/variable-drift` reads them, and its documents are parsed again.
  func encodeBody(to writer: inout BinaryWriter) {
    switch content {
    case .markdown(let markdown):
      writer.write(true)
      writer.write(markdown)
    case .unreadable(let problem):
      writer.write(false)
      writer.write(problem)
    }
    writer.write(references.filter(Self.isEssential))
    writer.write(findings)
    writer.write(suppressions)
  }

  /// Edges the rules and the graph's later steps read: broken ones, and those whose
  /// fragment is checked once all anchors are known.
  static func isEssential(_ reference: Reference) -> Bool {
    reference.fragment != nil || reference.resolution.isBroken
  }

  init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    try self.init(summary: &reader)
    try readBody(from: &reader)
  }

  /// A node with its summary only: no parse, edges or findings (`hasBody` false).
  /// Fields are set one by one: delegating to `init(path:...)` copies the node twice.
  init(summary reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    path = try reader.string()
    kind = try reader.optionalString()
    content = .markdown(MarkdownDocument())
    references = []
    // Anchors and targets stay in the mapped pack: most are never asked for.
    guard let owner = reader.owner else { throw BinaryReader.Malformed() }
    anchors = AnchorSet(packed: try reader.packedStrings(owner: owner))
    facts = try DocumentFacts(from: &reader)
    targets = PathList(packed: try reader.packedStrings(owner: owner))
    missingTargets = try reader.strings()
    unlistedTargets = try reader.strings()
    hasBody = false
  }

  /// Reads the body: `references` then holds the edges rules read, in order.
  mutating func readBody(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    content = try reader.bool() ? .markdown(try reader.read()) : .unreadable(try reader.read())
    references = try reader.array()
    findings = try reader.array()
    suppressions = try reader.array()
    hasBody = true
  }
}

extension MarkdownDocument: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(headings)
    writer.write(links)
    writer.write(codeSpans)
    writer.write(codeBlocks)
    writer.write(htmlAnchors)
    writer.write(listItems)
    writer.write(frontMatter)
    writer.write(suppressions)
  }

  init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
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

extension SourceSpan: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(line)
    writer.write(column)
    writer.write(endLine)
    writer.write(endColumn)
  }

  init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(line: try reader.int(), column: try reader.int(), endLine: try reader.int(), endColumn: try reader.int())
  }
}

extension Heading: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(level)
    writer.write(text)
    writer.write(slug)
    writer.write(span)
    writer.write(endLine)
  }

  init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(
      level: try reader.int(), text: try reader.string(), slug: try reader.string(), span: try reader.read(),
      endLine: try reader.int())
  }
}

extension ListItem: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    for number in [line, endLine, contentLine, contentColumn, depth] { writer.write(number) }
    writer.write(isOrdered)
  }

  init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(
      line: try reader.int(), endLine: try reader.int(), contentLine: try reader.int(),
      contentColumn: try reader.int(), depth: try reader.int(), isOrdered: try reader.bool())
  }
}

extension LinkItem: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(raw: kind)
    writer.write(destination)
    writer.write(title)
    writer.write(span)
  }

  init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(kind: try reader.raw(), destination: try reader.string(), title: try reader.optionalString(), span: try reader.read())
  }
}

extension CodeSpanItem: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(text)
    writer.write(span)
    for bound in [bytes.lowerBound, bytes.upperBound, block.lowerBound, block.upperBound] { writer.write(bound) }
  }

  init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
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
  func encode(to writer: inout BinaryWriter) {
    writer.write(info)
    writer.write(isFenced)
    writer.write(literal)
    writer.write(firstLine)
  }

  init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(
      info: try reader.optionalString(), isFenced: try reader.bool(), literal: try reader.string(),
      firstLine: try reader.int())
  }
}

extension HTMLAnchor: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(name)
    writer.write(span)
  }

  init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(name: try reader.string(), span: try reader.read())
  }
}

extension ReadProblem: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(message)
    writer.write(line)
    writer.write(column)
  }

  init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(message: try reader.string(), line: try reader.int(), column: try reader.int())
  }
}
