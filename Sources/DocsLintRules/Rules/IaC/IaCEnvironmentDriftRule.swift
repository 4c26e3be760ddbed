import DocsLintGraph

/// `iac/environment-drift`: a plan rolls out to an environment the IaC does not define.
struct IaCEnvironmentDriftRule: GraphRule {
  static let descriptor = RuleDescriptor(
    id: "iac/environment-drift",
    defaultLevel: .warning,
    summary:
      "An environment a plan or spec names in its deployment section (dev, staging, qa, prod, ...) that no IaC defines (env folders, .tfvars, compose.<env>.yml, workflow environments)",
    rationale: """
      "Desplegar en staging y luego en producción" is a promise the infrastructure has to \
      keep: when there is no staging folder, tfvars file, compose override or workflow \
      environment, the plan describes a rollout nobody can run. Words are matched whole, \
      case and accents ignored, through the `environments` map of `rules/kinds.yml` \
      (`producción` is `prod`); sections through `deployment-sections`, a deployment word \
      anywhere in the title ("Estrategia de rollout"). A word right after it that makes it a \
      role or a step ("QA approval", "QA team"; before it with "de": "aprobación de QA": \
      `environment-role-words`) leaves it out. Only checked in \
      repositories whose IaC defines at least one environment; each environment is \
      reported once per document, where it is first named.
      """,
    triggering: [
      Example(
        "# Plan\n\n## Despliegue\n\nPrimero en desarrollo, luego en ↓staging y al final en producción.\n",
        path: "docs/plans/EXECPLAN_web.md",
        files: ["infra/envs/dev/main.tf": "", "infra/envs/prod/main.tf": ""]),
      // A deployment word anywhere in the title makes the section a deployment's.
      Example(
        "# Plan\n\n## Estrategia de rollout\n\nDe desarrollo a ↓staging.\n",
        path: "docs/plans/EXECPLAN_api.md",
        files: ["infra/envs/dev/main.tf": "", "infra/envs/prod/main.tf": ""]),
    ],
    nonTriggering: [
      Example(
        "# Plan\n\n## Rollout\n\nDev first (`terraform plan -var-file=prod.tfvars` later), then Producción; the stage of the product is unrelated.\n\n## Contexto\n\nQA no existe aún.\n",
        path: "docs/plans/EXECPLAN_web.md",
        files: ["infra/envs/dev/main.tf": "", "infra/prod.tfvars": ""]),
      Example(
        "# Plan\n\n## Despliegue\n\nEn producción.\n", path: "docs/plans/EXECPLAN_web.md", files: ["infra/main.tf": ""]),
      // A role or a step, not a target: "QA approval", "the QA team", "aprobación de QA".
      Example(
        "# Plan\n\n## Plan de despliegue\n\nTras la aprobación de QA, desplegar en producción.\n",
        path: "docs/plans/EXECPLAN_pagos.md", files: ["infra/envs/dev/main.tf": "", "infra/envs/prod/main.tf": ""]),
      Example(
        "# Plan\n\n## Deployment\n\nAfter QA approval and the QA team's sign-off, deploy to production.\n",
        path: "docs/plans/EXECPLAN_web.md", files: ["infra/envs/dev/main.tf": "", "infra/envs/prod/main.tf": ""]),
    ])

  static let collects: [any FactCollector.Type] = [DeploymentEnvironmentCollector.self]

  func check(_ document: DocumentNode, in graph: ReferenceGraph) -> [Finding] {
    guard let mentions = document.collected[DeploymentEnvironmentCollector.self]?.mentions, !graph.environments.isEmpty
    else { return [] }
    var reported = Set<String>()
    let defined = graph.environments.sorted().joined(separator: ", ")
    return mentions.compactMap { mention in
      guard !graph.environments.contains(mention.name), reported.insert(mention.name).inserted else { return nil }
      let alias = mention.word.lowercased() == mention.name ? "" : " (\(mention.name))"
      return Self.descriptor.finding(
        in: document.path, at: mention.span,
        "the rollout names '\(mention.word)'\(alias), but no IaC defines that environment (defined: \(defined))",
        snippet: mention.name)
    }
  }
}
