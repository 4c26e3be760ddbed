import DocsLintRules

/// `docs-lint init`: what the default kinds miss in a repository, by folder and content,
/// and the vendored or archived trees to leave out, written as a commented `.docs-lint.yml`.
package struct RepositorySurvey: Sendable {
  /// A kind whose default `paths` miss documents that look like its own.
  package struct KindPaths: Sendable {
    package var kind: DocumentKind
    /// Globs of the folders found, with how many documents each holds.
    package var found: [(glob: String, documents: Int)]
  }

  package var kinds: [KindPaths] = []
  /// Folders of vendored or archived Markdown, with how many files each holds.
  package var excludes: [(glob: String, files: Int)] = []

  /// Surveys the repository at `root` (or the one around the current folder) with the
  /// built-in defaults alone.
  package static func survey(root: String?) throws -> RepositorySurvey {
    let workspace = try Workspace.open(paths: [], explicitRoot: root)
    let configuration = Configuration.defaults()
    let targets = try workspace.lintTargets(paths: [], configuration: configuration)
    let graph = GraphBuilder(workspace: workspace, configuration: configuration).build(targets: targets)
    let archived = Self.archiveFolderNames(configuration)
    var survey = RepositorySurvey()

    var excluded: [String: Int] = [:]
    for path in targets {
      let folders = path.split(separator: "/").dropLast()
      guard let index = folders.firstIndex(where: { archived.contains($0.lowercased()) }) else { continue }
      excluded[Glob.escaping(folders[...index].joined(separator: "/")) + "/**", default: 0] += 1
    }
    survey.excludes = excluded.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }

    var candidates: [(kind: String, glob: String, path: String)] = []
    var sameName: [String: Int] = [:]
    for document in graph.documents { sameName[String(RepoPath.name(of: document.path)), default: 0] += 1 }
    for document in graph.documents where document.kind == nil && document.isMarkdown {
      guard !excluded.keys.contains(where: { Glob($0).matches(document.path) }),
        let (kind, glob) = Self.guess(document, sameName: sameName)
      else { continue }
      candidates.append((kind, glob, document.path))
    }
    // Only documents that already have every section their kind requires are proposed: a
    // page in a plans folder without a plan's sections is some other page, and init must not
    // bring findings a maintainer would not fix. A glob stays when all its documents pass.
    let failing = Self.missingSections(candidates.map { ($0.kind, $0.path) }, workspace: workspace, targets: targets)
    for kind in configuration.kinds.kinds {
      let mine = candidates.filter { $0.kind == kind.id }
      var found: [String: Int] = [:]
      for (glob, group) in Dictionary(grouping: mine, by: \.glob) {
        let passing = group.filter { !failing.contains($0.path) }
        if passing.count == group.count {
          found[glob] = group.count
        } else {
          for candidate in passing { found[Glob.escaping(candidate.path)] = 1 }
        }
      }
      guard !found.isEmpty else { continue }
      survey.kinds.append(KindPaths(kind: kind, found: found.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))
    }
    return survey
  }

  /// The candidates that, given their kind, would lack a required section.
  static func missingSections(
    _ candidates: [(kind: String, path: String)], workspace: Workspace, targets: [String]
  ) -> Set<String> {
    guard !candidates.isEmpty else { return [] }
    var configuration = Configuration.defaults()
    for index in configuration.kinds.kinds.indices {
      let id = configuration.kinds.kinds[index].id
      configuration.kinds.kinds[index].paths += candidates.filter { $0.kind == id }.map { Glob($0.path) }
    }
    let paths = Set(candidates.map(\.path))
    let graph = GraphBuilder(workspace: workspace, configuration: configuration).build(
      targets: targets.filter { paths.contains($0) })
    let findings = Linter(configuration: configuration).findings(in: graph)
    return Set(findings.filter { $0.ruleId == "structure/missing-section" }.map(\.path))
  }

  /// Folder names the `archived` status gives (`**/vendor/**` → `vendor`).
  static func archiveFolderNames(_ configuration: Configuration) -> Set<String> {
    configuration.vocabulary.statuses.all.first { $0.id == "archived" }?.folderNames ?? []
  }

  /// The kind a document of no kind looks like, and the glob that says so as narrowly as
  /// the evidence: a folder named for the kind (`docs/decisions/**`), a name pattern
  /// (`docs/adr-*.md`, `**/runbook.md` when the name recurs), else the document's own path.
  static func guess(_ document: DocumentNode, sameName: [String: Int]) -> (kind: String, glob: String)? {
    let path = document.path
    let parts = path.split(separator: "/").map(String.init)
    let name = parts.last ?? ""
    let lowered = name.lowercased()
    guard !["readme.md", "index.md"].contains(lowered) else { return nil }
    /// The path through the first folder with one of `names`, as `prefix/**`.
    func folder(_ names: Set<String>) -> String? {
      parts.dropLast().firstIndex { names.contains($0.lowercased()) }.map {
        Glob.escaping(parts[...$0].joined(separator: "/")) + "/**"
      }
    }
    let headings = Set((document.outline?.headings ?? []).map { $0.text.lowercased() })
    let title = document.outline?.title?.text ?? ""
    if let glob = folder(["execplans", "exec-plans"]) { return ("execplan", glob) }
    if let glob = folder(["adr", "adrs", "decisions", "decision-records", "architecture-decisions"]) { return ("adr", glob) }
    if lowered.hasPrefix("adr-") || lowered.hasPrefix("adr_") {
      return ("adr", Glob.escaping(RepoPath.join(RepoPath.directory(of: path), String(name.prefix(4)))) + "*.md")
    }
    let exact = Glob.escaping(path)
    if headings.isSuperset(of: ["status", "context", "decision"]) { return ("adr", exact) }
    if let glob = folder(["runbooks"]) { return ("runbook", glob) }
    if lowered.contains("runbook") { return ("runbook", sameName[name, default: 0] > 1 ? "**/" + Glob.escaping(name) : exact) }
    // An agent card's title is one word ending in Agent (`# SDLCDesignAgent`); "Spec: Architect
    // Agent" is a page about an agent.
    if parts.dropLast().contains(where: { $0.lowercased() == "agents" }),
      title.wholeMatch(of: /[A-Z][A-Za-z0-9]*Agent/) != nil || lowered.hasSuffix("-agent.md")
    {
      return ("agent", exact)
    }
    if lowered.contains("spec"), lowered.contains("infra") { return ("spec-infra", exact) }
    return nil
  }

  /// The configuration file: commented, valid, and empty of settings when nothing was found.
  package var yaml: String {
    var text = """
      # docs-lint configuration, written by `docs-lint init` (README: Configuration).
      # With no setting docs-lint runs its defaults; what follows is what they miss here.

      """
    if !kinds.isEmpty {
      text += "\n# Documents that look like these kinds but lie outside their default paths.\n"
      text += "# A kind's paths replace its defaults, so the defaults come first.\nkinds:\n"
      for entry in kinds {
        text += "  \(entry.kind.id):  # \(entry.kind.name)\n    paths:\n"
        for glob in entry.kind.paths { text += "      - \(Self.quoted(glob.pattern))  # default\n" }
        for (glob, count) in entry.found {
          text += "      - \(Self.quoted(glob))  # \(count) document\(count == 1 ? "" : "s") found\n"
        }
      }
    }
    if !excludes.isEmpty {
      text += "\n# Vendored or archived trees: not linted (they still count as link targets).\nexclude:\n"
      for (glob, count) in excludes { text += "  - \(Self.quoted(glob))  # \(count) Markdown file\(count == 1 ? "" : "s")\n" }
    }
    if kinds.isEmpty, excludes.isEmpty {
      text += "\n# Nothing to add: the defaults fit this repository. Some settings to start from:\n"
      text += "# rules:\n#   docs/orphan: info\n# exclude: [\"generated/**\"]\n"
    }
    return text
  }

  private static func quoted(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }
}
