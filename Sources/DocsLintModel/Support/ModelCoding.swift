/// The binary form of findings and their parts, for the parse cache.
extension Finding: BinaryCodable {
  public func encode(to writer: inout BinaryWriter) {
    writer.write(ruleId)
    writer.write(raw: level)
    writer.write(message)
    writer.write(path)
    writer.write(span)
    writer.write(snippet)
    writer.write(levelCap.map(\.rawValue))
    writer.write(dependencies)
    writer.write(cause)
    writer.write(fix)
  }

  public init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(
      ruleId: try reader.string(), level: try reader.raw(), message: try reader.string(), path: try reader.string(),
      span: try reader.read(), snippet: try reader.string())
    if let cap = try reader.optionalString() {
      guard let level = Level(rawValue: cap) else { throw BinaryReader.Malformed() }
      levelCap = level
    }
    dependencies = try reader.array()
    cause = try reader.optionalString()
    fix = try reader.optional()
  }
}

extension Fix: BinaryCodable {
  public func encode(to writer: inout BinaryWriter) { writer.write(replacements) }

  public init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) { self.init(try reader.array()) }
}

extension Replacement: BinaryCodable {
  public func encode(to writer: inout BinaryWriter) {
    writer.write(span)
    writer.write(original)
    writer.write(text)
  }

  public init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(span: try reader.read(), original: try reader.string(), text: try reader.string())
  }
}

extension Dependency: BinaryCodable {
  package func encode(to writer: inout BinaryWriter) {
    switch self {
    case .file(let path): writer.write(0); writer.write(path)
    case .anchor(let path, let fragment): writer.write(1); writer.write(path); writer.write(fragment)
    case .id(let id): writer.write(2); writer.write(id)
    case .agent(let name): writer.write(3); writer.write(name)
    case .symbol(let kind, let name): writer.write(4); writer.write(kind); writer.write(name)
    case .addedSymbol(let kind, let name): writer.write(5); writer.write(kind); writer.write(name)
    case .mention(let path): writer.write(6); writer.write(path)
    }
  }

  package init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    switch try reader.int() {
    case 0: self = .file(try reader.string())
    case 1: self = .anchor(path: try reader.string(), fragment: try reader.string())
    case 2: self = .id(try reader.string())
    case 3: self = .agent(try reader.string())
    case 4: self = .symbol(kind: try reader.string(), name: try reader.string())
    case 5: self = .addedSymbol(kind: try reader.string(), name: try reader.string())
    case 6: self = .mention(try reader.string())
    default: throw BinaryReader.Malformed()
    }
  }
}

extension SourceSpan: BinaryCodable {
  public func encode(to writer: inout BinaryWriter) {
    writer.write(line)
    writer.write(column)
    writer.write(endLine)
    writer.write(endColumn)
  }

  public init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(line: try reader.int(), column: try reader.int(), endLine: try reader.int(), endColumn: try reader.int())
  }
}
