import DocsLintGraph

/// `iac/undocumented-stack`: an IaC stack no plan, spec or runbook refers to.
struct IaCUndocumentedStackRule: IaCRule {
  static let descriptor = RuleDescriptor(
    id: "iac/undocumented-stack",
    defaultLevel: .warning,
    summary:
      "An IaC stack (Terraform root module, Kustomize overlay, Helm chart, Vagrantfile, Ansible playbook, compose file, workflow) that no ExecPlan, infrastructure spec or runbook refers to, by its path or a parent folder",
    rationale: """
      A stack someone can apply or run should have a plan, spec or runbook (a repository's \
      own `SPEC.md` counts) that says what it is for. A document covers a stack when it links or names the stack's file, its \
      folder, a file inside it, or a parent folder (`infrastructure/terraform/`). A Terraform \
      folder used as another module's `source` is a module, and a Kustomize base other \
      overlays build on is a base, not a stack. Only checked in \
      repositories that have plans, specs or runbooks at all; reported once per stack, on \
      its first file.
      """,
    triggering: [
      Example(
        "↓variable \"region\" {}\n",
        path: "infra/envs/dev/main.tf",
        files: [
          "docs/runbooks/despliegue.md": "# Runbook: despliegue\n\nVer `infra/envs/prod/`.\n",
          "infra/envs/prod/main.tf": "module \"red\" {\n  source = \"../../modules/red\"\n}\n",
          "infra/modules/red/main.tf": "",
        ])
    ],
    nonTriggering: [
      Example(
        "module \"red\" {\n  source = \"../../modules/red\"\n}\n",
        path: "infra/envs/prod/main.tf",
        files: [
          "docs/runbooks/despliegue.md": "# Runbook: despliegue\n\nTodo en [infra](../../infra/) y `compose.yml`.\n",
          "infra/modules/red/main.tf": "", "compose.yml": "services:\n  web:\n    image: nginx\n",
        ]),
      Example("on: push\n", path: ".github/workflows/ci.yml", files: ["docs/notas.md": "Sin planes ni runbooks.\n"]),
      // A repository's own SPEC.md describes its workflows as a spec does.
      Example(
        "on: push\n", path: ".github/workflows/docker-smoke.yml",
        files: [
          "SPEC.md": "# Repository Specification\n\n- Docker validation: `.github/workflows/docker-smoke.yml`\n",
          "docs/runbooks/deploy.md": "# Deploy\n\nSee `.github/workflows/deploy.yml`.\n",
          ".github/workflows/deploy.yml": "on: push\n",
        ]),
    ])

  func check(_ file: IaCNode, in graph: ReferenceGraph) -> [Finding] {
    guard file.problem == nil else { return [] }  // input/unparsable already speaks for it
    let index = graph.shared(Self.descriptor.id) { StackIndex($0) }
    let stack: String
    switch file.technology {
    case .terraform:
      guard file.path.hasByteSuffix(".tf") else { return [] }
      let folder = RepoPath.directory(of: file.path)
      guard index.firstTerraformFile[folder] == file.path else { return [] }  // once per folder
      guard !index.isUsed(folder, by: .terraform) else { return [] }
      stack = folder
    case .compose, .workflow: stack = file.path
    case .kustomize:
      // A base other kustomizations build on is part of their stacks.
      let folder = RepoPath.directory(of: file.path)
      guard !index.isUsed(folder, by: .kustomize) else { return [] }
      stack = folder
    case .helm:
      // The chart, not each values file; a chart another chart depends on is part of it.
      guard file.path.hasByteSuffix("Chart.yaml") else { return [] }
      let folder = RepoPath.directory(of: file.path)
      guard !index.isUsed(folder, by: .helm) else { return [] }
      stack = folder
    case .vagrant: stack = file.path
    case .ansible:
      guard file.symbols.contains(where: { $0.kind == .play }) else { return [] }  // a playbook
      stack = file.path
    case .dockerfile, .devcontainer, .kubernetes, .systemd, .make: return []
    }
    guard index.hasDescribingDocuments, !index.isReached(stack) else { return [] }
    let what =
      switch file.technology {
      case .terraform: "Terraform root module '\(stack)'"
      default: "\(file.technology.noun) '\(stack)'"
      }
    return [
      Self.descriptor.finding(
        in: file.path, at: SourceSpan(line: 1, column: 1), "no ExecPlan, spec or runbook refers to the \(what)",
        snippet: stack
      ).depending(on: [.mention(stack)])
    ]
  }
}

/// What every stack's check asks of the whole graph, worked out once per run: each IaC
/// file asking it of every document and every other IaC file took their product in time.
private struct StackIndex: Sendable {
  /// The first `.tf` file of each folder, in graph order: a root module is reported on it.
  let firstTerraformFile: [String: String]
  /// Folders another file of the technology uses (a module `source`, a Kustomize base, a
  /// chart dependency): then they are part of that stack, not their own.
  let usedFolders: [IaCTechnology: Set<String>]
  let hasDescribingDocuments: Bool
  /// Every path a plan, spec or runbook reaches, byte-sorted, each once (paths compare as
  /// bytes, as the file system does: composed and decomposed names are two paths).
  private let reached: [String]

  init(_ graph: ReferenceGraph) {
    var first: [String: String] = [:]
    var used: [IaCTechnology: Set<String>] = [:]
    for file in graph.iac {
      if file.technology == .terraform, file.path.hasByteSuffix(".tf") {
        let folder = RepoPath.directory(of: file.path)
        if first[folder] == nil { first[folder] = file.path }
      }
      for reference in file.references {
        if let target = reference.resolution.targetPath { used[file.technology, default: []].insert(target) }
      }
    }
    firstTerraformFile = first
    usedFolders = used
    // By index, so no document is copied.
    var paths: [String] = []
    var describing = false
    for index in graph.documents.indices where graph.has(.describesInfrastructure, graph.documents[index]) {
      describing = true
      paths += graph.documents[index].targets.paths.lazy.filter { !$0.isEmpty }
    }
    hasDescribingDocuments = describing
    paths.sort(by: ByteOrder.less)
    var unique: [String] = []
    unique.reserveCapacity(paths.count)
    for path in paths where unique.last.map({ ByteOrder.less($0, path) }) ?? true { unique.append(path) }
    reached = unique
  }

  func isUsed(_ folder: String, by technology: IaCTechnology) -> Bool { usedFolders[technology]?.contains(folder) ?? false }

  /// Whether some document reaches the path itself, a folder holding it, or a path inside it.
  func isReached(_ stack: String) -> Bool {
    if contains(stack) { return true }
    var folder = stack
    while let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) {
      folder = String(folder[..<slash])
      if contains(folder) { return true }
    }
    let inside = stack + "/"
    let at = ByteOrder.lowerBound(of: inside, in: reached)
    return at < reached.count && reached[at].hasBytePrefix(inside)
  }

  /// Whether the path is reached, byte for byte: the first path not below it is not above it.
  private func contains(_ path: String) -> Bool {
    let at = ByteOrder.lowerBound(of: path, in: reached)
    return at < reached.count && !ByteOrder.less(path, reached[at])
  }
}
