/// The binary form of edges, findings, front matter and facts, for the parse cache.
extension Reference: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(raw: kind)
    writer.write(text)
    writer.write(span)
    writer.write(resolution)
    writer.write(fragment)
  }

  init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(
      kind: try reader.raw(), text: try reader.string(), span: try reader.read(), resolution: try reader.read(),
      fragment: try reader.optionalString())
  }
}

extension Resolution: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    switch self {
    case .unresolved: writer.write(0)
    case .external: writer.write(1)
    case .target(let path): writer.write(2); writer.write(path)
    case .glob(let matches): writer.write(3); writer.write(matches)
    case .missing(let path): writer.write(4); writer.write(path)
    case .caseMismatch(let path, let actual): writer.write(5); writer.write(path); writer.write(actual)
    case .outsideRoot: writer.write(6)
    case .missingAnchor(let path, let fragment, let suggestion):
      writer.write(7); writer.write(path); writer.write(fragment); writer.write(suggestion)
    case .globMatchesNothing(let pattern): writer.write(8); writer.write(pattern)
    case .generated(let path): writer.write(9); writer.write(path)
    }
  }

  init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    switch try reader.int() {
    case 0: self = .unresolved
    case 1: self = .external
    case 2: self = .target(try reader.string())
    case 3: self = .glob(matches: try reader.strings())
    case 4: self = .missing(path: try reader.string())
    case 5: self = .caseMismatch(path: try reader.string(), actual: try reader.string())
    case 6: self = .outsideRoot
    case 7:
      self = .missingAnchor(path: try reader.string(), fragment: try reader.string(), suggestion: try reader.optionalString())
    case 8: self = .globMatchesNothing(pattern: try reader.string())
    case 9: self = .generated(path: try reader.string())
    default: throw BinaryReader.Malformed()
    }
  }
}

extension Finding: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
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

  init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
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
  func encode(to writer: inout BinaryWriter) { writer.write(replacements) }

  init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) { self.init(try reader.array()) }
}

extension Replacement: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(span)
    writer.write(original)
    writer.write(text)
  }

  init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(span: try reader.read(), original: try reader.string(), text: try reader.string())
  }
}

extension Dependency: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
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

  init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
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

extension SuppressionDirective: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(raw: kind)
    writer.write(span)
    writer.write(endLine)
    writer.write(rules)
    writer.write(inFrontMatter)
  }

  init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(
      kind: try reader.raw(), span: try reader.read(), endLine: try reader.int(), rules: try reader.array(),
      inFrontMatter: try reader.bool())
  }
}

extension SuppressionDirective.RuleName: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(id)
    writer.write(span)
  }

  init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(id: try reader.string(), span: try reader.read())
  }
}

extension FrontMatter: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(startLine)
    writer.write(endLine)
    writer.write(value)
    writer.write(problem)
  }

  init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(startLine: try reader.int(), endLine: try reader.int(), value: try reader.optional(), problem: try reader.optional())
  }
}

extension YAMLValue: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    switch self {
    case .scalar(let text, let line): writer.write(0); writer.write(text); writer.write(line)
    case .sequence(let items, let line): writer.write(1); writer.write(items); writer.write(line)
    case .mapping(let entries, let line): writer.write(2); writer.write(entries); writer.write(line)
    }
  }

  init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    switch try reader.int() {
    case 0: self = .scalar(try reader.string(), line: try reader.int())
    case 1: self = .sequence(try reader.array(), line: try reader.int())
    case 2: self = .mapping(try reader.array(), line: try reader.int())
    default: throw BinaryReader.Malformed()
    }
  }
}

extension YAMLEntry: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(key)
    writer.write(line)
    writer.write(value)
  }

  init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(key: try reader.string(), line: try reader.int(), value: try reader.read())
  }
}

extension YAMLProblem: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(message)
    writer.write(line)
    writer.write(column)
  }

  init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(message: try reader.string(), line: try reader.int(), column: try reader.int())
  }
}
