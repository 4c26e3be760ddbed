import DocsLintEngine

/// Renders a `GraphExport` in one format (`docs-lint graph --format`), listed once in
/// `GraphWriters.all`.
package protocol GraphWriter: Sendable {
  /// The `--format` value that selects this writer.
  static var format: String { get }
  init()
  func render(_ graph: GraphExport) -> String
}

/// Every output format of `docs-lint graph`.
package enum GraphWriters {
  package static let all: [any GraphWriter.Type] = [GraphJSONWriter.self, GraphDOTWriter.self, GraphMermaidWriter.self]

  /// "json, dot or mermaid"
  package static var choices: String { Choices.listing(all.map { $0.format }) }

  package static func named(_ format: String) -> (any GraphWriter)? {
    all.first { $0.format == format }?.init()
  }
}

/// `{"nodes": [{"id", "kind"}], "edges": [{"from", "to", "kind", "line"}]}`, key-sorted.
package struct GraphJSONWriter: GraphWriter {
  package static let format = "json"
  package init() {}
  package func render(_ graph: GraphExport) -> String { StableJSON.encode(graph) }
}
