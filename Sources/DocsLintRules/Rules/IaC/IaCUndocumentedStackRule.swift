import DocsLintGraph

/// `iac/undocumented-stack`: an IaC stack no plan, spec or runbook refers to.
struct IaCUndocumentedStackRule: IaCRule {
  static let descriptor = RuleDescriptor(
    id: "iac/undocumented-stack",
    defaultLevel: .warning,
    summary:
      "An IaC stack (Terraform root module, Kustomize overlay, Helm chart, Vagrantfile, Ansible playbook, compose file, workflow) that no ExecPlan, infrastructure spec or runbook refers to, by its path or a parent folder",
    rationale: """
      A stack someone can apply or run should have a plan, spec or runbook that says what \
      it is for. A document covers a stack when it links or names the stack's file, its \
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
    ])

  func check(_ file: IaCNode, in graph: ReferenceGraph) -> [Finding] {
    guard file.problem == nil else { return [] }  // input/unparsable already speaks for it
    let stack: String
    switch file.technology {
    case .terraform:
      guard file.path.hasByteSuffix(".tf") else { return [] }
      let folder = RepoPath.directory(of: file.path)
      let siblings = graph.iac.filter { $0.technology == .terraform && $0.path.hasByteSuffix(".tf") && RepoPath.directory(of: $0.path) == folder }
      guard siblings.first?.path == file.path else { return [] }  // once per folder
      guard !isUsed(folder, by: .terraform, in: graph) else { return [] }
      stack = folder
    case .compose, .workflow: stack = file.path
    case .kustomize:
      // A base other kustomizations build on is part of their stacks.
      let folder = RepoPath.directory(of: file.path)
      guard !isUsed(folder, by: .kustomize, in: graph) else { return [] }
      stack = folder
    case .helm:
      // The chart, not each values file; a chart another chart depends on is part of it.
      guard file.path.hasByteSuffix("Chart.yaml") else { return [] }
      let folder = RepoPath.directory(of: file.path)
      guard !isUsed(folder, by: .helm, in: graph) else { return [] }
      stack = folder
    case .vagrant: stack = file.path
    case .ansible:
      guard file.symbols.contains(where: { $0.kind == .play }) else { return [] }  // a playbook
      stack = file.path
    case .dockerfile, .devcontainer, .kubernetes, .systemd, .make: return []
    }
    // By index, so no document is copied.
    let documents = graph.documents
    let describing = documents.indices.filter { graph.has(.describesInfrastructure, documents[$0]) }
    guard !describing.isEmpty else { return [] }
    let covered = describing.contains { documents[$0].targets.reaches(stack) }
    guard !covered else { return [] }
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

  /// Whether another file of the technology uses the folder (a module `source`, a
  /// Kustomize base, a chart dependency): then it is part of that stack, not its own.
  private func isUsed(_ folder: String, by technology: IaCTechnology, in graph: ReferenceGraph) -> Bool {
    graph.iac.contains { file in
      file.technology == technology && file.references.contains { $0.resolution.targetPath == folder }
    }
  }
}
