import DocsLintEngine

/// Renders a `GraphExport` in one format (`docs-lint graph --format`), listed once in
/// `GraphWriters.all`.
public protocol GraphWriter: Sendable {
  /// The `--format` value that selects this writer.
  static var format: String { get }
  init()
  func render(_ graph: GraphExport) -> String
}

/// Every output format of `docs-lint graph`.
public enum GraphWriters {
  public static let all: [any GraphWriter.Type] = [GraphJSONWriter.self, GraphDOTWriter.self, GraphMermaidWriter.self]

  /// "json, dot or mermaid"
  public static var choices: String { Choices.listing(all.map { $0.format }) }

  public static func named(_ format: String) -> (any GraphWriter)? {
    all.first { $0.format == format }?.init()
  }
}

/// `{"nodes": [{"id", "kind"}], "edges": [{"from", "to", "kind", "line"}]}`, key-sorted.
public struct GraphJSONWriter: GraphWriter {
  public static let format = "json"
  public init() {}
  public func render(_ graph: GraphExport) -> String { StableJSON.encode(graph) }
}
