import DocsLintConfig

/// Infrastructure-as-code technologies docs-lint reads.
package enum IaCTechnology: String, Sendable, Hashable, CaseIterable {
  case terraform
  case workflow = "github-workflow"
  case compose = "docker-compose"
  case dockerfile
  case devcontainer
  case kubernetes
  case kustomize
  case helm
  case vagrant
  case ansible
  case systemd
  case make

  private static let suffixes = [".tf", ".tfvars", ".json", ".ini", ".service", ".timer", ".socket", ".mk"]
  private static let names: Set<String> = ["Vagrantfile", "Makefile", "makefile", "GNUmakefile", "Kustomization"]

  /// The technology of a root-relative path, if any.
  package static func of(_ path: String) -> IaCTechnology? {
    // Every file of the repository passes here, on one core: reject most on their name alone,
    // Markdown first (no IaC file is prose; `Dockerfile.md` documents one).
    if path.hasByteSuffix(".md") || path.hasByteSuffix(".markdown") { return nil }
    let name = String(RepoPath.name(of: path))
    let yaml = name.hasByteSuffix(".yml") || name.hasByteSuffix(".yaml")
    guard yaml || Self.suffixes.contains(where: { name.hasByteSuffix($0) }) || Self.names.contains(name)
      || name.hasBytePrefix("Dockerfile") || name.hasByteSuffix(".Dockerfile")
    else { return nil }
    if name.hasByteSuffix(".tf") || name.hasByteSuffix(".tfvars") { return .terraform }
    if path.hasBytePrefix(".github/workflows/"), yaml { return .workflow }
    // `docker_compose.yml` too: devcontainers often name theirs so.
    if yaml, name.hasBytePrefix("docker-compose") || name.hasBytePrefix("docker_compose") || name.hasBytePrefix("compose.") {
      return .compose
    }
    // `Dockerfile.md` documents a Dockerfile; it is not one.
    let prose = name.hasByteSuffix(".md") || name.hasByteSuffix(".markdown") || name.hasByteSuffix(".txt")
    if !prose, name == "Dockerfile" || name.hasBytePrefix("Dockerfile.") || name.hasByteSuffix(".Dockerfile") {
      return .dockerfile
    }
    if name == "devcontainer.json" || name == ".devcontainer.json" { return .devcontainer }
    if name == "Chart.yaml" { return .helm }
    // values.yaml, values-prod.yaml of a chart: beside a Chart.yaml, under charts/ or helm/.
    let folders = path.split(separator: "/").dropLast()
    let chartFolders = folders.contains(where: { $0 == "charts" || $0 == "helm" })
    if yaml, chartFolders, name.hasBytePrefix("values") || path.includes("/templates/") { return .helm }
    if name == "Vagrantfile" { return .vagrant }
    if name == "Makefile" || name == "makefile" || name == "GNUmakefile" || name.hasByteSuffix(".mk") { return .make }
    if name.hasByteSuffix(".service") || name.hasByteSuffix(".timer") || name.hasByteSuffix(".socket") { return .systemd }
    // Ansible: YAML under ansible/ or playbooks/, playbook*.yml, site.yml; INI inventories.
    let underAnsible = folders.contains { $0 == "ansible" || $0 == "playbooks" }
    if yaml, underAnsible || name.hasBytePrefix("playbook") || name == "site.yml" || name == "site.yaml" { return .ansible }
    if name == "hosts.ini" || name == "inventory.ini" || (folders.last == "inventory" && name.hasByteSuffix(".ini")) {
      return .ansible
    }
    if name == "kustomization.yaml" || name == "kustomization.yml" || name == "Kustomization" { return .kustomize }
    // Manifests by folder: k8s/, kubernetes/, manifests/ (a chart's templates are Go templates).
    if yaml {
      if !folders.contains("templates"), folders.contains(where: { $0 == "k8s" || $0 == "kubernetes" || $0 == "manifests" }) {
        return .kubernetes
      }
    }
    return nil
  }
}

extension IaCTechnology {
  /// How findings name a file of this technology.
  package var noun: String {
    switch self {
    case .terraform: "Terraform file"
    case .workflow: "workflow"
    case .compose: "compose file"
    case .dockerfile: "Dockerfile"
    case .devcontainer: "devcontainer"
    case .kubernetes: "Kubernetes manifest"
    case .kustomize: "Kustomize overlay"
    case .helm: "Helm chart"
    case .vagrant: "Vagrantfile"
    case .ansible: "Ansible playbook"
    case .systemd: "systemd unit"
    case .make: "Makefile"
    }
  }

  /// How messages name the technology itself (`Terraform`, `GitHub workflow`).
  package var displayName: String {
    switch self {
    case .terraform: "Terraform"
    case .workflow: "GitHub workflow"
    case .compose: "compose"
    case .dockerfile: "Dockerfile"
    case .devcontainer: "devcontainer"
    case .kubernetes: "Kubernetes"
    case .kustomize: "Kustomize"
    case .helm: "Helm"
    case .vagrant: "Vagrant"
    case .ansible: "Ansible"
    case .systemd: "systemd"
    case .make: "make"
    }
  }
}

/// What an IaC symbol is. The raw value names it in dependencies, cache and graph ids.
package enum SymbolKind: String, Sendable, Hashable, CaseIterable {
  // Terraform
  case variable, output, module, provider, resource, data, backend, tfvar
  // GitHub workflows
  case workflow, job, environment
  // Devcontainers, Dockerfiles, compose
  case feature, devcontainerService = "devcontainer-service", stage, script, service, port, volume
  // Kubernetes (`Kind/name`), Helm
  case kubernetesObject = "k8s", namespace, template, value, chart
  // Vagrant, Ansible, systemd
  case machine, box, role, play, group, unit
  // Make: a target, and a sign the Makefile builds targets it does not spell out
  case target, makeDynamic = "make-dynamic"
}

/// Something an IaC file declares: a Terraform variable or module, a workflow job, ...
package struct IaCSymbol: Sendable, Hashable {
  package var kind: SymbolKind
  /// `region`; `aws_s3_bucket.logs` for resources; `data.aws_ami.ubuntu` for data sources.
  package var name: String
  package var span: SourceSpan
}

/// One IaC file in the graph: what it declares, the paths it names, or why it could not be read.
package struct IaCNode: Sendable {
  package var path: String
  package var technology: IaCTechnology
  package var symbols: [IaCSymbol] = []
  /// Paths the file names (module sources, scripts a workflow runs, local actions), resolved.
  package var references: [Reference] = []
  /// Why the file could not be parsed (a read problem or the parser's), at its position.
  package var problem: YAMLProblem?

  package init(path: String, technology: IaCTechnology, symbols: [IaCSymbol] = [], references: [Reference] = [], problem: YAMLProblem? = nil) {
    self.path = path
    self.technology = technology
    self.symbols = symbols
    self.references = references
    self.problem = problem
  }
}

extension IaCNode {
  /// The file as one YAML document (an empty one reads as an empty mapping); nil, with
  /// `problem` set at the parser's position, when it does not parse.
  mutating func readYAML(_ source: SourceText) -> YAMLValue? {
    switch YAMLReader.parse(String(decoding: source.bytes, as: UTF8.self)) {
    case .success(let parsed): return parsed ?? .mapping([], line: 1)
    case .failure(let problem):
      self.problem = problem
      return nil
    }
  }
}
