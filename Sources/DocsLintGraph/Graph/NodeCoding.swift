import DocsLintScan

/// The binary form of a parsed document, for the parse cache. Fields are written in
/// declaration order; a round-trip test over the fixtures catches a forgotten one.
/// A summary first (path, kind, status, anchors, facts, targets), then the body (parse, edges,
/// findings, directives), so impact mode can read a document's summary alone.
extension DocumentNode {
  package func encode(to writer: inout BinaryWriter) {
    encodeSummary(to: &writer)
    encodeBody(to: &writer)
  }

  package func encodeSummary(to writer: inout BinaryWriter) {
    writer.write(path)
    writer.write(kind)
    writer.write(status)
    writer.writeSized(anchors.sorted)
    writer.write(facts)
    collected.encode(to: &writer)
    writer.writeSized(targets.paths)
    writer.write(missingTargets)
    writer.write(unlistedTargets)
    writer.write(plannedTargets)
  }

  /// The body holds the parse, findings, directives and the edges rules read (broken ones
  /// and those with a `#fragment`). The plain resolved edges, most of them, are not kept:
  /// what a rule needs of them it collects as a fact.
  package func encodeBody(to writer: inout BinaryWriter) {
    switch content {
    case .markdown(let outline):
      writer.write(true)
      writer.write(outline.headings)
      writer.write(outline.frontMatter)
    case .unreadable(let problem):
      writer.write(false)
      writer.write(problem)
    }
    writer.write(references.filter(Self.isEssential))
    writer.write(findings)
    writer.write(suppressions)
  }

  /// Edges the rules and the graph's later steps read: broken ones, those whose fragment
  /// is checked once all anchors are known, and paths a page says are planned (other
  /// pages' missing paths are excused by them).
  package static func isEssential(_ reference: Reference) -> Bool {
    if reference.fragment != nil || reference.resolution.isBroken { return true }
    if case .planned = reference.resolution { return true }
    return false
  }

  /// Drops the edges no rule reads once the targets are summarized, as a round trip
  /// through the cache does: a cold run then keeps what a warm one reads, and memory
  /// holds the few broken or anchored edges instead of every one.
  package mutating func keepEssentialReferences() {
    references = references.filter(Self.isEssential)  // a new array, at its size: removeAll keeps the capacity
  }

  /// `collectors` decode the collected facts.
  package init(from reader: inout BinaryReader, collectors: FactCollectors) throws(BinaryReader.Malformed) {
    try self.init(summary: &reader, collectors: collectors)
    try readBody(from: &reader)
  }

  /// A node with its summary only: no parse, edges or findings (`hasBody` false).
  /// Fields are set one by one: delegating to `init(path:...)` copies the node twice.
  package init(summary reader: inout BinaryReader, collectors: FactCollectors) throws(BinaryReader.Malformed) {
    path = try reader.string()
    kind = try reader.optionalString()
    status = try reader.optionalString()
    content = .markdown(DocumentOutline())
    references = []
    // Anchors and targets stay in the mapped pack: most are never asked for.
    guard let owner = reader.owner else { throw BinaryReader.Malformed() }
    anchors = AnchorSet(packed: try reader.packedStrings(owner: owner))
    facts = try DocumentFacts(from: &reader)
    collected = try CollectedFacts(from: &reader, collectors: collectors)
    targets = PathList(packed: try reader.packedStrings(owner: owner))
    missingTargets = try reader.strings()
    unlistedTargets = try reader.strings()
    plannedTargets = try reader.strings()
    hasBody = false
  }

  /// Reads the body: `references` then holds the edges rules read, in order.
  package mutating func readBody(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    if try reader.bool() {
      var outline = DocumentOutline()
      outline.headings = try reader.array()
      outline.frontMatter = try reader.optional()
      content = .markdown(outline)
    } else {
      content = .unreadable(try reader.read())
    }
    references = try reader.array()
    findings = try reader.array()
    suppressions = try reader.array()
    hasBody = true
  }
}

