import DocsLintEngine

/// Renders a `GraphExport` in one format (`docs-lint graph --format`).
public protocol GraphWriter: Sendable {
  func render(_ graph: GraphExport) -> String
}

public enum GraphWriters {
  public static let formats = ["json", "dot", "mermaid"]

  public static func named(_ format: String) -> (any GraphWriter)? {
    switch format {
    case "json": GraphJSONWriter()
    case "dot": GraphDOTWriter()
    case "mermaid": GraphMermaidWriter()
    default: nil
    }
  }
}

/// `{"nodes": [{"id", "kind"}], "edges": [{"from", "to", "kind", "line"}]}`, key-sorted.
public struct GraphJSONWriter: GraphWriter {
  public init() {}
  public func render(_ graph: GraphExport) -> String { StableJSON.encode(graph) }
}
