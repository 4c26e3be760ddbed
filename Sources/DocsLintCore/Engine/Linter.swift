import Foundation
/// Rules → findings: runs every enabled rule over every linted document,
/// applies configured levels and returns findings in report order.
public struct Linter: Sendable {
  public let configuration: Configuration

  public init(configuration: Configuration) {
    self.configuration = configuration
  }

  public func findings(in graph: ReferenceGraph) -> [Finding] {
    let rules: [(any Rule, Level)] = RuleRegistry.rules.compactMap { type in
      configuration.level(of: type.descriptor).map { (type.init(), $0) }
    }
    let perDocument = Parallel.map(graph.documents) { document -> [Finding] in
      rules.flatMap { rule, level in
        rule.check(document, in: graph).map { finding in
          var finding = finding
          finding.level = level
          return finding
        }
      }
    }
    return perDocument.flatMap { $0 }.sorted(by: Finding.reportOrder)
  }
}

/// One full run, as the command line does it.
public struct LintRun: Sendable {
  public var findings: [Finding]
  public var filesLinted: Int
  public var graph: ReferenceGraph

  public static func execute(paths: [String], root: String?, configFile: String?) throws -> LintRun {
    let t0 = Date()
    let workspace = try Workspace.open(paths: paths, explicitRoot: root)
    let ta = Date()
    let configuration = try Configuration.load(file: configFile, root: workspace.root)
    let tb = Date()
    if ProcessInfo.processInfo.environment["DOCS_LINT_TIMING"] != nil {
      FileHandle.standardError.write(Data("workspace \(ta.timeIntervalSince(t0)) config \(tb.timeIntervalSince(ta))\n".utf8))
    }
    let targets = try workspace.lintTargets(paths: paths, configuration: configuration)
    let t1 = Date()
    let graph = GraphBuilder(workspace: workspace, configuration: configuration).build(targets: targets)
    let t2 = Date()
    let findings = Linter(configuration: configuration).findings(in: graph)
    let t3 = Date()
    if ProcessInfo.processInfo.environment["DOCS_LINT_TIMING"] != nil {
      FileHandle.standardError.write(Data("scan \(t1.timeIntervalSince(t0)) graph \(t2.timeIntervalSince(t1)) rules \(t3.timeIntervalSince(t2))\n".utf8))
    }
    return LintRun(findings: findings, filesLinted: targets.count, graph: graph)
  }
}
