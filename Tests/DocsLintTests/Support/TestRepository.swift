import Foundation

@testable import DocsLintConfig
@testable import DocsLintEngine
@testable import DocsLintGraph
@testable import DocsLintMarkdown
@testable import DocsLintModel
@testable import DocsLintReport
@testable import DocsLintRules
@testable import DocsLintScan

/// A throwaway repository on disk (no git), for running the real pipeline.
struct TestRepository {
  let root: String

  init(files: [String: [UInt8]]) throws {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("docs-lint-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
    root = Workspace.canonical(base.path)!
    for (path, bytes) in files {
      let url = URL(fileURLWithPath: root).appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(bytes).write(to: url)
    }
  }

  init(_ files: [String: String]) throws {
    try self.init(files: files.mapValues { Array($0.utf8) })
  }

  func remove() { try? FileManager.default.removeItem(atPath: root) }

  /// Lints `targets` (default: every Markdown file) with the default configuration.
  func lint(_ targets: [String]? = nil, configuration: Configuration = .defaults()) -> [Finding] {
    let workspace = Workspace(
      root: root, inventory: FileInventory(files: DirectoryWalker.listFiles(in: root)), usesGit: false)
    let paths = targets?.map { root + "/" + $0 } ?? []
    let files = (try? workspace.lintTargets(paths: paths, configuration: configuration)) ?? []
    let iac = (try? workspace.iacTargets(paths: paths, configuration: configuration)) ?? []
    let graph = GraphBuilder(workspace: workspace, configuration: configuration).build(targets: files, iacTargets: iac)
    return Linter(configuration: configuration).findings(in: graph)
  }

  /// The repository of a rule example: its document plus its extra files; findings in the document.
  /// `enabling` turns on an opt-in rule the example is about.
  static func run(_ example: Example, enabling rule: RuleDescriptor? = nil) throws -> (
    findings: [Finding], markers: [(line: Int, column: Int)]
  ) {
    let (bytes, markers) = example.unmarked
    var files = example.files
    files[example.path] = bytes
    let repository = try TestRepository(files: files)
    defer { repository.remove() }
    var configuration = Configuration.defaults()
    if let rule { configuration.levels[rule.id] = rule.defaultLevel }
    return (repository.lint(configuration: configuration).filter { $0.path == example.path }, markers)
  }
}

/// Parses Markdown text directly.
func parse(_ text: String) -> MarkdownDocument {
  MarkdownParser.parse(SourceText(bytes: Array(text.utf8)))
}

/// The package folder, for tests that read committed files (fixtures, rules).
let packageRoot: String = {
  var url = URL(fileURLWithPath: #filePath)
  for _ in 0..<4 { url.deleteLastPathComponent() }
  return url.path
}()
