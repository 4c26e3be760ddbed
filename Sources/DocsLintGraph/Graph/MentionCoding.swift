import DocsLintScan

/// The binary form of `DocumentFacts` and the mentions it gathers, for the parse cache.
extension DocumentFacts: BinaryCodable {
  package func encode(to writer: inout BinaryWriter) {
    writer.write(id)
    writer.write(idSpan)
    writer.write(title)
    writer.write(contentHash)
    writer.write(byteCount)
    writer.write(hasContent)
    writer.write(agentMentions)
    writer.write(iacMentions)
    writer.write(declaredAgents)
    writer.write(idReferences)
  }

  package init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init()
    id = try reader.optionalString()
    idSpan = try reader.optional()
    title = try reader.optionalString()
    contentHash = try reader.uint64()
    byteCount = try reader.int()
    hasContent = try reader.bool()
    agentMentions = try reader.array()
    iacMentions = try reader.array()
    declaredAgents = try reader.strings()
    idReferences = try reader.array()
  }
}

extension IdReference: BinaryCodable {
  package func encode(to writer: inout BinaryWriter) {
    writer.write(key)
    writer.write(id)
    writer.write(span)
  }

  package init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(key: try reader.string(), id: try reader.string(), span: try reader.read())
  }
}

extension AgentMention: BinaryCodable {
  package func encode(to writer: inout BinaryWriter) {
    writer.write(name)
    writer.write(span)
  }

  package init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(name: try reader.string(), span: try reader.read())
  }
}

extension IaCMention: BinaryCodable {
  package func encode(to writer: inout BinaryWriter) {
    writer.write(raw: kind)
    writer.write(name)
    writer.write(span)
  }

  package init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(kind: try reader.raw(), name: try reader.string(), span: try reader.read())
  }
}
