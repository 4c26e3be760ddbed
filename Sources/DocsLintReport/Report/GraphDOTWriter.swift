import DocsLintEngine

/// Graphviz DOT: one node per file or symbol, shaped by kind; edges labelled with their
/// kind and line. Render with `dot -Tsvg`.
package struct GraphDOTWriter: GraphWriter {
  package static let format = "dot"
  package init() {}

  package func render(_ graph: GraphExport) -> String {
    var out = "digraph docs {\n  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=10];\n"
    out += "  edge [fontname=\"Helvetica\", fontsize=8];\n"
    for node in graph.nodes {
      out += "  \(quoted(node.id)) [\(Self.style[node.kind] ?? "shape=box")];\n"
    }
    for edge in graph.edges {
      let dashed = edge.kind == "declares" ? ", style=dashed" : ""
      out += "  \(quoted(edge.from)) -> \(quoted(edge.to)) [label=\(quoted("\(edge.kind):\(edge.line)"))\(dashed)];\n"
    }
    return out + "}\n"
  }

  private static let style: [String: String] = [
    "document": "shape=note, style=filled, fillcolor=\"#e8f0fe\"",
    "file": "shape=box",
    "folder": "shape=folder",
    "iac": "shape=component, style=filled, fillcolor=\"#e6f4ea\"",
    "symbol": "shape=ellipse, fontsize=9",
    "missing": "shape=box, style=\"dashed,filled\", fillcolor=\"#fce8e6\"",
  ]

  /// A DOT string: control characters as visible escapes (`VisibleText`), then quotes and
  /// backslashes escaped, so a file name never breaks a label or reaches DOT as a NUL.
  private func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in VisibleText.escaped(text).unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
