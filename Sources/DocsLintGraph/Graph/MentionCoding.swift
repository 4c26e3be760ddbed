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
    writer.write(variableTables)
    writer.write(validation)
    writer.write(environments)
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
    variableTables = try reader.array()
    validation = try reader.read()
    environments = try reader.array()
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
    writer.write(kind)
    writer.write(name)
    writer.write(span)
  }

  package init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(kind: try reader.string(), name: try reader.string(), span: try reader.read())
  }
}

extension VariableTable: BinaryCodable {
  package func encode(to writer: inout BinaryWriter) {
    writer.write(raw: lists)
    writer.write(header)
    writer.write(names)
  }

  package init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(lists: try reader.raw(), header: try reader.read(), names: try reader.array())
  }
}

extension VariableTable.Row: BinaryCodable {
  package func encode(to writer: inout BinaryWriter) {
    writer.write(name)
    writer.write(span)
  }

  package init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(name: try reader.string(), span: try reader.read())
  }
}

extension ValidationFacts: BinaryCodable {
  package func encode(to writer: inout BinaryWriter) {
    writer.write(heading)
    writer.write(checks)
    writer.write(checkedAnywhere.sorted())
  }

  package init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(heading: try reader.optional(), checks: try reader.array(), checkedAnywhere: Set(try reader.strings()))
  }
}

extension ValidationCheck: BinaryCodable {
  package func encode(to writer: inout BinaryWriter) {
    writer.write(command)
    writer.write(technology)
    writer.write(span)
  }

  package init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(command: try reader.string(), technology: try reader.string(), span: try reader.read())
  }
}

extension EnvironmentMention: BinaryCodable {
  package func encode(to writer: inout BinaryWriter) {
    writer.write(name)
    writer.write(word)
    writer.write(span)
  }

  package init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    self.init(name: try reader.string(), word: try reader.string(), span: try reader.read())
  }
}
