import DocsLintGraph

/// `iac/missing-path`: a path inside an IaC file that does not exist.
struct IaCMissingPathRule: IaCRule {
  static let descriptor = RuleDescriptor(
    id: "iac/missing-path",
    defaultLevel: .error,
    summary:
      "A path inside an IaC file (module source, workflow script or local action, compose build context or env_file, COPY source, devcontainer compose file or command script) that does not exist",
    rationale: """
      `source = "./modules/vpc"` after the module moved, or a workflow step running a script \
      that was renamed, fails only when that plan or job runs. Checked: local module \
      sources, scripts a workflow runs and local actions, compose build contexts, \
      Dockerfiles and env files, Dockerfile `COPY` sources, devcontainer Dockerfiles, \
      Kustomize resources and patches, local Helm dependencies, Vagrant provision scripts, \
      local Ansible roles and imported playbooks, and the relative program of a systemd \
      `Exec*=` line. Terraform module sources \
      resolve beside the `.tf` file, compose paths beside the compose file; workflow and \
      devcontainer commands from the repository root; `COPY` sources beside the Dockerfile \
      or from the root (the build context is not in the file). Missing paths git ignores \
      (`.env`) are build inputs made elsewhere, not findings.
      """,
    triggering: [
      Example("module \"vpc\" {\n  source = \"↓./modules/vpc\"\n}\n", path: "infra/main.tf"),
      Example(
        "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ↓./.github/actions/setup\n      - run: |\n          make lint\n          bash scripts/missing.sh\n",
        path: ".github/workflows/ci.yml"),
      Example("services:\n  api:\n    build: ↓./api\n    env_file: .env.example\n", path: "compose.yml", files: [".env.example": ""]),
      Example("FROM python:3.12 AS base\nCOPY requirements.txt ↓app/ /srv/\n", path: "Dockerfile", files: ["requirements.txt": ""]),
      Example(
        "{\n  // dev container\n  \"dockerComposeFile\": \"↓../compose.dev.yml\",\n  \"postCreateCommand\": \"bash scripts/setup.sh\"\n}\n",
        path: ".devcontainer/devcontainer.json", files: ["scripts/setup.sh": ""]),
      Example(
        "resources:\n  - ../../base\n  - ↓../../base-vieja\n  - github.com/org/infra//base?ref=v1\npatches:\n  - path: ↓replicas.yaml\n",
        path: "k8s/overlays/prod/kustomization.yaml", files: ["k8s/base/kustomization.yaml": "resources: []\n"]),
      Example(
        "- hosts: web\n  roles:\n    - comun\n    - ↓faltante\n    - geerlingguy.docker\n",
        path: "ansible/site.yml", files: ["ansible/roles/comun/tasks/main.yml": "[]\n"]),
      Example(
        "[Service]\nExecStartPre=-↓../scripts/migrar.sh\nExecStart=/opt/api/bin/api --port 8080\n",
        path: "deploy/systemd/api.service"),
    ],
    nonTriggering: [
      Example(
        "module \"vpc\" {\n  source = \"./modules/vpc\"\n}\nmodule \"eks\" {\n  source = \"terraform-aws-modules/eks/aws\"\n}\n",
        path: "infra/main.tf", files: ["infra/modules/vpc/main.tf": ""]),
      Example(
        "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: bash scripts/test.sh\n",
        path: ".github/workflows/ci.yml", files: ["scripts/test.sh": ""]),
      Example(
        "services:\n  api:\n    build:\n      context: ./api\n      dockerfile: docker/Dockerfile\n    volumes:\n      - ./data:/data\n",
        path: "compose.yml", files: ["api/docker/Dockerfile": ""]),
      Example(
        "FROM node:20 AS build\nCOPY --from=deps /app /app\nCOPY . .\nCOPY package*.json ./\nADD https://example.com/x.tgz /tmp/\nCOPY $SRC /src\n",
        path: "web/Dockerfile", files: ["web/package.json": ""]),
    ])

  func check(_ file: IaCNode, in graph: ReferenceGraph) -> [Finding] {
    file.references.compactMap { reference in
      switch reference.resolution {
      case .missing(let path), .caseMismatch(let path, _):
        let hint = if case .caseMismatch(_, let actual) = reference.resolution { " (the real path is '\(actual)')" } else { "" }
        return Self.descriptor.finding(
          in: file.path, at: reference.span,
          "'\(reference.text)' does not exist" + resolvedHint(reference.text, path) + hint, snippet: reference.text)
      case .globMatchesNothing(let pattern):
        return Self.descriptor.finding(
          in: file.path, at: reference.span, "'\(pattern)' matches no file", snippet: reference.text)
      case .outsideRoot:
        return Self.descriptor.finding(
          in: file.path, at: reference.span, "'\(reference.text)' resolves outside the repository root",
          snippet: reference.text)
      default:
        return nil
      }
    }
  }
}
