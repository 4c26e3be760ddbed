import ArgumentParser
import DocsLintServer
import Foundation

struct Graph: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the cross-reference graph (documents, files, IaC symbols), or one file's neighbourhood.")

  @Argument(help: "Repository or folder (default: the current one).")
  var path: String?

  @Option(help: "Repository root (default: git top-level, or the folder given).")
  var root: String?

  @Option(help: ArgumentHelp("Output format: \(GraphWriters.choices)."))
  var format: String = "json"

  @Option(help: "Only this file's neighbourhood (a path from the root or the current folder).")
  var focus: String?

  @Option(help: "With --focus: how many edges away to go.")
  var depth: Int = 1

  @Option(help: "Write the graph to this file instead of standard output.")
  var output: String?

  @Option(help: "Configuration file (default: .docs-lint.yml at the root).")
  var config: String?

  func run() throws {
    guard let writer = GraphWriters.named(format) else {
      throw UsageError("unknown --format '\(format)' (expected \(GraphWriters.choices))")
    }
    guard depth >= 0 else { throw UsageError("--depth must be 0 or more") }
    let (graph, root) = try LintRun.graph(paths: path.map { [$0] } ?? [], root: root, configFile: config)
    var export = GraphExport(graph)
    if let focus {
      let id = GraphExport.nodeID(forPath: focus, root: root)
      guard export.nodes.contains(where: { $0.id == id }) else {
        throw UsageError("'\(focus)' is not in the graph (no document, IaC file or reference names it)")
      }
      export = export.neighbourhood(of: id, depth: depth)
    }
    try emit(Array(writer.render(export).utf8), to: output)
  }
}

/// Writes a report to `--output`, or to standard output.
func emit(_ bytes: [UInt8], to output: String?) throws {
  guard let output else { return try StandardStream.out(bytes) }
  try OutputFile.write(bytes, to: output)
}
