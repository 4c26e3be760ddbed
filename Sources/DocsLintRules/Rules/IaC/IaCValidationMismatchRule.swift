import DocsLintGraph

/// `iac/validation-mismatch`: a plan's validation runs checks for infrastructure it does
/// not touch, or never checks infrastructure it does.
struct IaCValidationMismatchRule: GraphRule {
  static let descriptor = RuleDescriptor(
    id: "iac/validation-mismatch",
    defaultLevel: .warning,
    summary:
      "A plan or spec whose validation section names an IaC check (terraform validate, hadolint, docker compose config, actionlint, ...) for a technology none of its referenced files uses; as info, a referenced technology whose check it never names",
    rationale: """
      A validation section copied from another plan says `terraform plan` where the work \
      is a compose file, and the check that matters never runs. The technologies are those \
      of the IaC files the document links or names, and of those right in a folder it names \
      (the stack's own folder; `infrastructure/` named in a list of areas does not take in \
      every stack below it); a document that refers to no IaC file is not judged. Checks are found in code or prose of the section headed \
      Validation, Validación, Validation and Acceptance, Plan de Testing, Pruebas, \
      Verificación, ...
      """,
    triggering: [
      Example(
        "# Plan\n\nCambia `compose.yml`.\n\n## Validación\n\n    ↓terraform validate\n    docker compose config\n",
        path: "docs/plans/EXECPLAN_web.md",
        files: ["compose.yml": "services:\n  web:\n    image: nginx\n"]),
      Example(
        "# Plan\n\nCambia `Dockerfile`.\n\n↓## Validación\n\nRevisar a mano que arranca.\n",
        path: "docs/plans/EXECPLAN_imagen.md", files: ["Dockerfile": "FROM debian:12\n"]),
    ],
    nonTriggering: [
      Example(
        "# Plan\n\nCambia `compose.yml` e `infra/`.\n\n## Validation and Acceptance\n\nEjecutar `terraform -chdir=infra fmt -check` y `docker compose -f compose.yml config`.\n",
        path: "docs/plans/EXECPLAN_web.md",
        files: ["compose.yml": "services:\n  web:\n    image: nginx\n", "infra/main.tf": "variable \"x\" {}\n"]),
      Example(
        "# Plan\n\nOverlay `k8s/prod/`.\n\n## Validación\n\n    kubectl kustomize k8s/prod | kubeconform -strict\n",
        path: "docs/plans/EXECPLAN_k8s.md", files: ["k8s/prod/kustomization.yaml": "resources: []\n"]),
      Example(
        "# Plan\n\nSolo documentación.\n\n## Validación\n\n    terraform validate\n",
        path: "docs/plans/EXECPLAN_docs.md", files: ["infra/main.tf": ""]),
      // A finished plan is a record: its validation ran as it was written.
      Example(
        "# Plan\n\nStatus: Complete\n\nCambia `compose.yml`.\n\n## Validación\n\n    terraform validate\n",
        path: "docs/plans/EXECPLAN_web.md", files: ["compose.yml": "services:\n  web:\n    image: nginx\n"]),
      // Areas named in passing are not the stacks below them.
      Example(
        "# Plan\n\nTouches `docs/` and `infrastructure/` wording only.\n\n## Validation\n\n    make docs\n",
        path: "docs/plans/EXECPLAN_words.md",
        files: ["infrastructure/terraform/main.tf": "", "infrastructure/docker/Dockerfile": "FROM debian:12\n"]),
    ])

  /// How messages name a technology, by its id.
  private static func name(_ technology: String) -> String {
    IaCTechnology(rawValue: technology)?.displayName ?? technology
  }

  static let collects: [any FactCollector.Type] = [ValidationSectionCollector.self]

  func check(_ document: DocumentNode, in graph: ReferenceGraph) -> [Finding] {
    guard let validation = document.collected[ValidationSectionCollector.self], let heading = validation.heading
    else { return [] }
    let referred = technologies(referredBy: document, in: graph)
    guard !referred.isEmpty else { return [] }
    var findings: [Finding] = []
    // Kustomize overlays and Helm charts render Kubernetes manifests: manifest checks fit them.
    var fitting = referred
    if !referred.isDisjoint(with: ["kustomize", "helm"]) { fitting.insert("kubernetes") }
    for check in validation.checks where !fitting.contains(check.technology) {
      let uses = referred.sorted().map(Self.name).joined(separator: ", ")
      findings.append(
        Self.descriptor.finding(
          in: document.path, at: check.span,
          "'\(check.command)' checks \(Self.name(check.technology)) files, but the files this document refers to are \(uses)",
          snippet: check.command))
    }
    let checked = validation.checkedAnywhere
    for technology in referred.subtracting(checked).sorted() {
      let commands = graph.vocabulary.validationChecks.first { $0.technology == technology }?.commands ?? []
      let examples = commands.map { "'\($0)'" }
      guard !examples.isEmpty else { continue }
      var finding = Self.descriptor.finding(
        in: document.path, at: heading,
        "the document refers to \(Self.name(technology)) files but never names a check for them (\(examples.prefix(2).joined(separator: " or ")))",
        snippet: technology)
      finding.levelCap = .info
      findings.append(finding)
    }
    return findings
  }

  /// Technologies of the IaC files the document names, and of those right in the folders it
  /// names (the stack's own folder: `infra/` for `infra/main.tf`). A folder named in passing
  /// (`infrastructure/`, `docs/`) does not take in every stack below it.
  private func technologies(referredBy document: DocumentNode, in graph: ReferenceGraph) -> Set<String> {
    var result = Set<String>()
    for target in document.targets where !target.isEmpty {
      if let technology = IaCTechnology.of(target) {
        result.insert(technology.rawValue)
      } else if graph.inventory.isDirectory(target) {
        for file in graph.iac where RepoPath.directory(of: file.path) == target { result.insert(file.technology.rawValue) }
      }
    }
    return result
  }
}
