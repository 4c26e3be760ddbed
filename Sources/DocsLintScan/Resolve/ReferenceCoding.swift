import DocsLintConfig

/// The binary form of edges and read problems, for the parse cache.
extension Reference: BinaryCodable {
  package func encode(to writer: inout BinaryWriter) {
    writer.write(raw: kind)
    writer.write(text)
    writer.write(span)
    writer.write(resolution)
    writer.write(fragment)
  }

  package init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(
      kind: try reader.raw(), text: try reader.string(), span: try reader.read(), resolution: try reader.read(),
      fragment: try reader.optionalString())
  }
}

extension Resolution: BinaryCodable {
  package func encode(to writer: inout BinaryWriter) {
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
    case .planned(let path): writer.write(10); writer.write(path)
    }
  }

  package init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
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
    case 10: self = .planned(path: try reader.string())
    default: throw BinaryReader.Malformed()
    }
  }
}

extension ReadProblem: BinaryCodable {
  package func encode(to writer: inout BinaryWriter) {
    writer.write(message)
    writer.write(line)
    writer.write(column)
  }

  package init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(message: try reader.string(), line: try reader.int(), column: try reader.int())
  }
}
