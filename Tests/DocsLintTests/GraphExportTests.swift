import Foundation
import Testing

@testable import DocsLintConfig
@testable import DocsLintEngine
@testable import DocsLintGraph
@testable import DocsLintMarkdown
@testable import DocsLintModel
@testable import DocsLintReport
@testable import DocsLintRules
@testable import DocsLintScan

/// `docs-lint graph` on the IaC fixture: the JSON shape, focus and depth, and DOT that
/// Graphviz accepts (when it is installed).
struct GraphExportTests {
  static func export() throws -> GraphExport {
    let root = packageRoot + "/fixtures/iac"
    let (graph, _) = try LintRun.graph(paths: [root], root: root, configFile: nil)
    return GraphExport(graph)
  }

  @Test func jsonHasNodesAndEdgesWithKindsAndLines() throws {
    let json = GraphJSONWriter().render(try Self.export())
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    let nodes = try #require(object?["nodes"] as? [[String: Any]])
    let edges = try #require(object?["edges"] as? [[String: Any]])
    #expect(nodes.allSatisfy { Set($0.keys) == ["id", "kind"] })
    #expect(edges.allSatisfy { Set($0.keys) == ["from", "to", "kind", "line"] })
    let kinds = Set(nodes.compactMap { $0["kind"] as? String })
    #expect(kinds.isSuperset(of: ["document", "iac", "symbol", "folder"]))
    #expect(
      edges.contains {
        $0["from"] as? String == "docs/runbooks/red.md" && $0["to"] as? String == "symbol:variable:cidr"
          && $0["kind"] as? String == "terraform-address" && $0["line"] as? Int == 6
      })
    #expect(json == GraphJSONWriter().render(try Self.export()))
  }

  @Test func focusKeepsTheNeighbourhood() throws {
    let whole = try Self.export()
    let near = whole.neighbourhood(of: "compose.yml", depth: 1)
    #expect(near.nodes.contains { $0.id == "docs/runbooks/red.md" })
    #expect(near.nodes.contains { $0.id == "symbol:service:api" })
    #expect(!near.nodes.contains { $0.id == "symbol:variable:cidr" })
    let ids = Set(near.nodes.map(\.id))
    #expect(near.edges.allSatisfy { ids.contains($0.from) && ids.contains($0.to) })
    #expect(near.edges.contains { $0.from == "docs/runbooks/red.md" && $0.to == "compose.yml" })
    let farther = whole.neighbourhood(of: "compose.yml", depth: 2)
    #expect(farther.nodes.contains { $0.id == "symbol:variable:cidr" })
    #expect(whole.neighbourhood(of: "compose.yml", depth: 0).nodes.map(\.id) == ["compose.yml"])
  }

  @Test func mermaidNumbersNodes() throws {
    let text = GraphMermaidWriter().render(try Self.export().neighbourhood(of: "compose.yml", depth: 1))
    #expect(text.hasPrefix("flowchart LR\n"))
    #expect(text.contains("\"compose.yml\""))
    #expect(text.contains("-->|\"backtick-path:3\"|"))
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/dot"), "needs graphviz's dot (scripts/bootstrap installs it)"))
  func graphvizAcceptsTheDOT() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/dot")
    process.arguments = ["-Tsvg"]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = output
    try process.run()
    input.fileHandleForWriting.write(Data(GraphDOTWriter().render(try Self.export()).utf8))
    try input.fileHandleForWriting.close()
    let svg = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(svg.contains("<svg"))
  }
}
