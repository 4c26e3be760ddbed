import DocsLintEngine

/// A Mermaid flowchart (renders in GitHub Markdown). Mermaid ids must be simple, so
/// nodes are numbered in order and carry their path as the label.
package struct GraphMermaidWriter: GraphWriter {
  package static let format = "mermaid"
  package init() {}

  package func render(_ graph: GraphExport) -> String {
    var out = "flowchart LR\n"
    var numbers: [String: Int] = [:]
    for (number, node) in graph.nodes.enumerated() {
      numbers[node.id] = number
      let (open, close) = Self.shape[node.kind] ?? ("[", "]")
      out += "  n\(number)\(open)\"\(label(node.id))\"\(close)\n"
    }
    for edge in graph.edges {
      guard let from = numbers[edge.from], let to = numbers[edge.to] else { continue }
      let arrow = edge.kind == "declares" ? "-.->" : "-->"
      out += "  n\(from) \(arrow)|\"\(label("\(edge.kind):\(edge.line)"))\"| n\(to)\n"
    }
    return out
  }

  private static let shape: [String: (String, String)] = [
    "document": ("[", "]"), "file": ("[", "]"), "folder": ("[/", "/]"), "iac": ("[[", "]]"),
    "symbol": ("([", "])"), "missing": ("{{", "}}"),
  ]

  /// Mermaid labels cannot hold a bare `"` (written as the `#quot;` entity) nor control
  /// characters (visible escapes, `VisibleText`).
  private func label(_ text: String) -> String {
    VisibleText.escaped(text).replacingOccurrences(of: "\"", with: "#quot;")
  }
}
