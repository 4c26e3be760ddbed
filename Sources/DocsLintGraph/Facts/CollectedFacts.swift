import DocsLintScan

/// The facts the registered collectors gathered from one document, by collector.
package struct CollectedFacts: Sendable, Equatable {
  private var facts: [String: any CollectedFact] = [:]

  package init() {}

  /// The fact `collector` gathered, if the document offered one.
  package subscript<Collector: FactCollector>(_ collector: Collector.Type) -> Collector.Fact? {
    // Most documents hold no facts: no dynamic cast for them.
    guard let fact = facts[Collector.id] else { return nil }
    return fact as? Collector.Fact
  }

  /// Runs one collector and keeps what it finds.
  package mutating func collect<Collector: FactCollector>(_ collector: Collector.Type, from document: CollectionInput) {
    if let fact = Collector().collect(from: document) { facts[Collector.id] = fact }
  }

  /// Whether the change can alter what a rule finds from any of these facts.
  package func isAffected(by change: ImpactQuestion, collectors: FactCollectors) -> Bool {
    facts.contains { id, fact in collectors[id].map { Self.isAffected(fact, $0, change) } ?? false }
  }

  private static func isAffected<Collector: FactCollector>(
    _ fact: any CollectedFact, _ collector: Collector.Type, _ change: ImpactQuestion
  ) -> Bool {
    guard let fact = fact as? Collector.Fact else { return false }
    return Collector().isAffected(fact, by: change)
  }

  package static func == (lhs: CollectedFacts, rhs: CollectedFacts) -> Bool {
    lhs.facts.keys == rhs.facts.keys && lhs.facts.allSatisfy { id, fact in rhs.facts[id].map(fact.isEqual) ?? false }
  }
}

extension CollectedFact {
  fileprivate func isEqual(_ other: any CollectedFact) -> Bool { (other as? Self) == self }
}

/// The registered collectors by id: what runs on each document, and what decodes a fact
/// read back from the parse cache.
package struct FactCollectors: Sendable {
  package let all: [any FactCollector.Type]
  private let byID: [String: any FactCollector.Type]

  package init(_ collectors: [any FactCollector.Type]) {
    var byID: [String: any FactCollector.Type] = [:]
    for collector in collectors {
      // Rules may share a collector; two collectors may not share an id.
      precondition(byID[collector.id].map { $0 == collector } ?? true, "two fact collectors named '\(collector.id)'")
      byID[collector.id] = collector
    }
    self.byID = byID
    all = byID.keys.sorted().map { byID[$0]! }
  }

  subscript(id: String) -> (any FactCollector.Type)? { byID[id] }

  /// Every collector's fact of one document.
  package func collect(from document: CollectionInput) -> CollectedFacts {
    var facts = CollectedFacts()
    for collector in all { facts.collect(collector, from: document) }
    return facts
  }

  /// The ids, for the parse cache's key: another set of collectors reads other facts.
  package var signature: String { all.map { $0.id }.joined(separator: ",") }
}

extension CollectedFacts {
  /// By collector id, in id order, so equal facts encode to equal bytes.
  package func encode(to writer: inout BinaryWriter) {
    writer.write(facts.count)
    for id in facts.keys.sorted() {
      writer.write(id)
      facts[id]!.encode(to: &writer)
    }
  }

  /// Reads facts back; an id no registered collector has makes the entry malformed.
  package init(from reader: inout BinaryReader, collectors: FactCollectors) throws(BinaryReader.Malformed) {
    self.init()
    for _ in 0..<(try reader.count()) {
      let id = try reader.string()
      guard let collector = collectors[id] else { throw BinaryReader.Malformed() }
      facts[id] = try Self.decode(collector, from: &reader)
    }
  }

  private static func decode<Collector: FactCollector>(
    _: Collector.Type, from reader: inout BinaryReader
  ) throws(BinaryReader.Malformed) -> any CollectedFact {
    try Collector.Fact(from: &reader)
  }
}
