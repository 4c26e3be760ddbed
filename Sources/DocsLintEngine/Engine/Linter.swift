import DocsLintRules
import Foundation
/// Rules → findings: runs every enabled rule over every linted document,
/// applies configured levels and returns findings in report order.
package struct Linter: Sendable {
  package let configuration: Configuration
  /// Worked out once per configuration, not per call: an editor asks about one document
  /// at every keystroke.
  private let graphRules: [any GraphRule]
  private let graphRuleIDs: [String]
  private let catalog: RuleCatalog
  /// Every rule's level per document kind.
  private let levels: LevelTable
  /// What a finished, archived or template document skips, by status.
  private let skipped: [String: Set<String>]

  package init(configuration: Configuration) {
    self.configuration = configuration
    graphRules = RuleRegistry.graphRules.map { $0.init() }
    graphRuleIDs = graphRules.map { type(of: $0).descriptor.id }
    let catalog = RuleCatalog(RuleRegistry.descriptors)
    self.catalog = catalog
    levels = LevelTable(configuration: configuration)
    skipped = Dictionary(
      configuration.vocabulary.statuses.all.map { status in (status.id, Set(status.skips.flatMap { catalog.resolve($0) ?? [] })) }
    ) { first, _ in first }
  }

  /// `scope`, when given, limits the documents judged (impact mode judges only the
  /// documents a change can affect); `positions` does the same by place in the graph's list
  /// (an editor asking about one document). IaC files are judged unless `judgingIaC` is false.
  package func findings(
    in graph: ReferenceGraph, scope: Set<String>? = nil, positions: [Int]? = nil, judgingIaC: Bool = true
  ) -> [Finding] {
    let (graphRules, graphRuleIDs, catalog, levels, skipped) = (graphRules, graphRuleIDs, catalog, levels, skipped)
    let configuration = configuration
    // By index: filtering the documents themselves copied each of them.
    let documents =
      positions.map { $0.map { graph.documents[$0] } }
      ?? scope.map { scope in graph.documents.indices.filter { scope.contains(graph.documents[$0].path) }.map { graph.documents[$0] } }
      ?? graph.documents
    // A project folder's STATUS.md speaks for the pages beside it that say nothing themselves
    // (gathered once per graph: an editor asks about one document at a time).
    let statusPages = configuration.vocabulary.statuses.folderPages
    let inherited = graph.shared("folder-statuses") { graph in
      var folderStatuses: [String: String] = [:]
      for document in graph.documents where statusPages.contains(RepoPath.name(of: document.path).lowercased()) {
        if let status = document.status { folderStatuses[RepoPath.directory(of: document.path)] = status }
      }
      return folderStatuses
    }
    let perDocument = Parallel.map(documents) { document -> [Finding] in
      var enabled = levels.levels(in: document.kind, path: document.path)
      let status = document.status ?? (inherited.isEmpty ? nil : inherited[RepoPath.directory(of: document.path)])
      if let status, let skips = skipped[status] { enabled = enabled.filter { !skips.contains($0.key) } }
      var found = document.findings
      // A rule turned off for this document's kind costs nothing.
      for index in graphRules.indices where enabled[graphRuleIDs[index]] != nil {
        found += graphRules[index].check(document, in: graph)
      }
      // Levels are set in place: copying each finding costs a retain per field.
      found.removeAll { enabled[$0.ruleId] == nil }
      if !found.isEmpty {
        let broken = ReferencesBySpan(document.brokenReferences)
        for index in found.indices {
          found[index].inferDependencies(from: broken)
          found[index].settle(at: enabled[found[index].ruleId]!)
        }
      }
      // Inline suppressions see every finding of the document, at its final level.
      return Suppressions.apply(
        found, directives: document.suppressions, path: document.path, catalog: catalog, levels: enabled
      ).sorted(by: Finding.reportOrder)
    }
    // A rule off at the root may be on in a folder: with a cascade, every rule runs.
    let iacRules = RuleRegistry.iacRules
      .filter { !configuration.cascade.isEmpty || configuration.level(of: $0.descriptor) != nil }.map { $0.init() }
    let perIaCFile = Parallel.map(judgingIaC ? graph.iac : []) { file -> [Finding] in
      let found = iacRules.flatMap { rule in rule.check(file, in: graph) }
      // Built only for a file with findings, as for documents.
      guard !found.isEmpty else { return [] }
      let references = ReferencesBySpan(file.references)
      return found.compactMap { finding in
        guard let level = levels.levels(in: nil, path: file.path)[finding.ruleId] else { return nil }
        var finding = finding
        finding.inferDependencies(from: references)
        finding.settle(at: level)
        return finding
      }.sorted(by: Finding.reportOrder)
    }
    return Finding.joined(perDocument + perIaCFile)
  }
}

/// One full run, as the command line does it.
public struct LintRun: Sendable {
  public var findings: [Finding]
  public var filesLinted: Int
  package var graph: ReferenceGraph
  package var configuration: Configuration
  /// The repository root (canonical) and whether git lists its files.
  public var root: String
  package var usesGit: Bool
  /// Root-relative paths of the files linted (Markdown and IaC).
  package var lintedPaths: Set<String>
  /// With `changedSince`: what attributes findings to the change.
  package var impact: ImpactFilter?
  /// Whether the run covered the whole repository (no narrower paths given).
  package var coversRoot = false

  /// `cacheFolder` keeps parse results between runs (nil parses every file).
  /// `changedSince` judges only the documents the change since that revision can affect.
  /// `standardInput`: one document's path and text (an editor's buffer), linted alone in
  /// place of the file at that path; `otherBuffers` stand in for their files without being
  /// linted.
  public static func execute(
    paths: [String], root: String?, configFile: String?, cacheFolder: String? = nil, changedSince: String? = nil,
    progress: ProgressMeter? = nil, standardInput: (path: String, bytes: [UInt8])? = nil, keepsAllEdges: Bool = false,
    otherBuffers: [(path: String, bytes: [UInt8])] = []
  ) throws -> LintRun {
    var timer = PhaseTimer()
    var root = root
    if let standardInput {
      // The document's folder must exist; the root is found from there (git), else it is
      // the current folder, as for a file named on the command line.
      let folder = (standardInput.path as NSString).deletingLastPathComponent
      guard let base = Workspace.canonical(folder.isEmpty ? "." : folder) else {
        throw UsageError("--stdin-filename \(standardInput.path): no such folder")
      }
      root = root ?? Git.topLevel(of: base) ?? FileManager.default.currentDirectoryPath
    }
    var (workspace, changes) = try ChangeSet.open(paths: paths, explicitRoot: root, changedSince: changedSince)
    var only: String?
    if let standardInput { only = try workspace.read(standardInput.path, from: standardInput.bytes) }
    // An editor's other open documents: their text, not the disk's, is what the others see.
    for buffer in otherBuffers { _ = try? workspace.read(buffer.path, from: buffer.bytes) }
    timer.lap("git")
    let configuration = try Configuration.loadAll(file: configFile, workspace: workspace)
    timer.lap("config")
    let impact = changes.map { ImpactFilter(changes: $0, configuration: configuration, inventory: workspace.inventory) }
    timer.lap("merge-base")
    var needsBody: (@Sendable (DocumentNode) -> Bool)?
    if let impact { needsBody = { impact.affects($0) } }
    let (graph, count) = try buildGraph(
      workspace, paths: paths, configuration: configuration, cacheFolder: cacheFolder, progress: progress,
      needsBody: needsBody, keepsAllEdges: keepsAllEdges, only: only, timer: &timer)
    var scope: Set<String>?
    if let impact {
      scope = Set(graph.documents.filter { $0.hasBody && impact.affects($0) }.map { $0.path })
    }
    let findings = Linter(configuration: configuration).findings(in: graph, scope: scope)
    timer.lap("rules")
    timer.report()
    var run = LintRun(
      findings: findings, filesLinted: count, graph: graph, configuration: configuration, root: workspace.root,
      usesGit: workspace.usesGit,
      lintedPaths: scope.map { $0.union(graph.iac.map(\.path)) } ?? Set(graph.documents.map(\.path) + graph.iac.map(\.path)),
      impact: impact)
    run.coversRoot = only == nil && (paths.isEmpty || paths.contains { Workspace.canonical($0) == workspace.root })
    return run
  }

  /// The graph alone, for `docs-lint graph`, with the repository root it was built in.
  /// `buffers`: an editor's open documents, standing in for their files.
  package static func graph(
    paths: [String], root: String?, configFile: String?, buffers: [(path: String, bytes: [UInt8])] = []
  ) throws -> (ReferenceGraph, root: String) {
    var timer = PhaseTimer()
    var workspace = try Workspace.open(paths: paths, explicitRoot: root)
    for buffer in buffers { _ = try? workspace.read(buffer.path, from: buffer.bytes) }
    let configuration = try Configuration.loadAll(file: configFile, workspace: workspace)
    let (graph, _) = try buildGraph(
      workspace, paths: paths, configuration: configuration, cacheFolder: nil, progress: nil, needsBody: nil,
      keepsAllEdges: true, timer: &timer)
    return (graph, workspace.root)
  }

  private static func buildGraph(
    _ workspace: Workspace, paths: [String], configuration: Configuration, cacheFolder: String?,
    progress: ProgressMeter?, needsBody: (@Sendable (DocumentNode) -> Bool)?, keepsAllEdges: Bool = false,
    only: String? = nil, timer: inout PhaseTimer
  ) throws -> (ReferenceGraph, Int) {
    // One document from standard input: it alone, if it is Markdown the configuration lints.
    let targets = try only.map { configuration.lints($0) ? [$0] : [] } ?? workspace.lintTargets(paths: paths, configuration: configuration)
    let iacTargets = only == nil ? try workspace.iacTargets(paths: paths, configuration: configuration) : []
    timer.lap("targets")
    let graph = GraphBuilder(
      workspace: workspace, configuration: configuration, cacheFolder: cacheFolder, progress: progress,
      keepsAllEdges: keepsAllEdges
    ).build(targets: targets, iacTargets: iacTargets, needsBody: needsBody)
    timer.lap("graph")
    return (graph, targets.count + iacTargets.count)
  }
}

/// A repository's file list and configuration, read once: what a language server's kept
/// graph is built from (the caller decides when they are stale).
public struct PreparedWorkspace: Sendable {
  package var workspace: Workspace
  package var configuration: Configuration

  package static func open(root: String?) throws -> PreparedWorkspace {
    let workspace = try Workspace.open(paths: [], explicitRoot: root)
    return PreparedWorkspace(workspace: workspace, configuration: try Configuration.loadAll(file: nil, workspace: workspace))
  }
}

extension Configuration {
  /// Whether a file named alone (standard input, an editor's buffer) is a document to lint.
  func lints(_ path: String) -> Bool {
    MarkdownFiles.isMarkdown(path) && !exclude.contains { $0.matches(path) } && include.contains { $0.matches(path) }
  }

  /// The root configuration, the folders' own files found in the file list, and notes on
  /// files named like a configuration that are not read.
  static func loadAll(file: String?, workspace: Workspace) throws -> Configuration {
    let files = workspace.inventory.files
    var configuration = try load(file: file, root: workspace.root, nested: ConfigFiles.nested(in: files))
    for path in ConfigFiles.misnamed(in: files) {
      configuration.notes.append("\(path) looks like a configuration file but is not read (name it .docs-lint.yml)")
    }
    return configuration
  }
}

/// Wall time per phase, printed on stderr when DOCS_LINT_TIMING is set (for profiling).
struct PhaseTimer {
  private var last = Date()
  private var laps: [String] = []

  mutating func lap(_ name: String) {
    let now = Date()
    laps.append(String(format: "%@ %.3fs", name, now.timeIntervalSince(last)))
    last = now
  }

  func report() {
    guard ProcessInfo.processInfo.environment["DOCS_LINT_TIMING"] != nil else { return }
    StandardStream.err(laps.joined(separator: ", ") + "\n")
  }
}

/// The first reference at each span, so each finding finds its reference in one lookup
/// (a document of 150,000 broken links once took a scan per finding).
struct ReferencesBySpan {
  private var first: [SourceSpan: Int] = [:]
  private let references: [Reference]

  init(_ references: [Reference]) {
    self.references = references
    first.reserveCapacity(references.count)
    for index in references.indices where first[references[index].span] == nil {
      first[references[index].span] = index
    }
  }

  subscript(span: SourceSpan) -> Reference? { first[span].map { references[$0] } }
}

extension Finding {
  /// A finding that sits exactly on a broken reference depends on what the reference names;
  /// the engine sets this so link and path rules need not.
  mutating func inferDependencies(from references: ReferencesBySpan) {
    guard dependencies.isEmpty, let reference = references[span], let dependency = Dependency.of(reference.resolution)
    else { return }
    dependencies = [dependency]
  }
}
