import DocsLintGraph

/// `iac/unknown-symbol`: a document names, in code, a Terraform address the IaC does not declare.
struct IaCUnknownSymbolRule: GraphRule {
  static let descriptor = RuleDescriptor(
    id: "iac/unknown-symbol",
    defaultLevel: .warning,
    summary:
      "A document names in code a Terraform variable, module, resource or data source that no .tf file declares, a compose service, a kubectl kind/name or a make target that does not exist",
    rationale: """
      Specs and runbooks name infrastructure by address: `var.region`, `module.vpc`, \
      `terraform state rm aws_s3_bucket.logs`. After a rename the document sends the reader \
      (or the operator's command) to nothing. Terraform addresses are checked in repositories \
      with Terraform (a code span that is one address, the arguments of `terraform` \
      commands); compose services in `docker compose` commands, in repositories with compose \
      files; `kind/name` objects in `kubectl` commands, of kinds the manifests declare, in \
      repositories with manifests and no Helm charts (charts name objects by template); \
      `make` targets against the Makefile of the folder (`-C`) unless it includes others or \
      builds targets from variables. A resource or \
      data source is checked only when its type is declared somewhere (so `os_path.join` is never taken \
      for a resource); HCL snippets are examples, not references, and are left alone.
      """,
    triggering: [
      Example(
        "```bash\ncd svc\nmake ↓tset\n```\n", path: "docs/guide.md",
        files: ["Makefile": "tset:\n\techo\n", "svc/Makefile": "test:\n\techo\n"]),
      Example(
        "Región en `↓var.regoin`; red en `↓module.network.vpc_id`.\n",
        files: ["infra/variables.tf": "variable \"region\" {}\n", "infra/main.tf": "module \"vpc\" {\n  source = \"./vpc\"\n}\n", "infra/vpc/main.tf": ""]),
      Example(
        "    terraform state show ↓aws_s3_bucket.log\n    terraform plan -target=↓data.aws_ami.debian\n    docker compose -f compose.yml up -d ↓apii worker\n",
        files: [
          "infra/main.tf":
            "resource \"aws_s3_bucket\" \"logs\" {}\ndata \"aws_ami\" \"ubuntu\" {}\n",
          "compose.yml": "services:\n  api:\n    image: x\n  worker:\n    image: y\n",
        ]),
      Example(
        "    make ↓planear ENV=dev\n    make -C infra ↓aplicar -j 2\n    make -C infra apply lint\n",
        files: ["Makefile": "plan:\n\tterraform plan\n", "infra/Makefile": "apply lint: deps\n\t@echo\nVAR := x\n"]),
      Example(
        "Reiniciar con `kubectl rollout restart ↓deploy/apii -n red` y revisar `kubectl get svc/api pod/api-7f9c`.\n",
        files: ["k8s/app.yaml": "kind: Deployment\nmetadata:\n  name: api\n---\nkind: Service\nmetadata:\n  name: api\n"]),
    ],
    nonTriggering: [
      Example(
        "`var.region`, `module.vpc.vpc_id`, `aws_s3_bucket.logs.arn`, `aws_instance.tf` y `os_path.join`.\n\n```hcl\nregion = var.caller_region\n```\n\n```bash\nterraform plan -var-file=envs/prod.tfvars -out=tfplan\n```\n",
        files: [
          "infra/main.tf":
            "variable \"region\" {}\nmodule \"vpc\" {\n  source = \"./vpc\"\n}\nresource \"aws_s3_bucket\" \"logs\" {}\n",
          "infra/vpc/main.tf": "", "envs/prod.tfvars": "",
        ]),
      Example("Sin Terraform en el repositorio, `var.region` no se comprueba.\n"),
      Example(
        "```bash\nmake release\ncd web && make build\nmake -f otro.mk x\nmake -C sin-makefile y\nmake -C vacio z\n```\n",
        files: ["Makefile": "include common.mk\nplan:\n\techo\n", "web/Makefile": "all:\n", "vacio/Makefile": ""]),
      Example(
        "```bash\ndocker compose exec api bash -lc 'migrar'\ndocker compose -f compose.yml logs -f --tail 50 worker\ndocker compose cp api:/tmp/x .\ndocker compose down\n```\n",
        files: ["compose.yml": "services:\n  api:\n    image: x\n  worker:\n    image: y\n"]),
      // The Makefile where the command runs: after `cd svc`, and the nearest one up from a
      // sub-project's document.
      Example(
        "```bash\ncd svc\nmake test\ncd /tmp\nmake anything\n```\n", path: "docs/guia.md",
        files: ["Makefile": "lint:\n\techo\n", "svc/Makefile": "test:\n\techo\n"]),
      Example(
        "Run `make serve`.\n", path: "services/web/docs/guide.md",
        files: ["Makefile": "lint:\n\techo\n", "services/web/Makefile": "serve:\n\techo\n"]),
      // Services of every compose file, a devcontainer's `docker_compose.yml` included.
      Example(
        "```bash\ndocker compose up -d db\n```\n",
        files: ["compose.yml": "services:\n  api:\n    image: x\n", ".devcontainer/docker_compose.yml": "services:\n  db:\n    image: postgres\n"]),
      // A quoted make variable is one value; a compose command inside a sentence is prose.
      Example(
        "```\nmake api ARGS=\"--host 0.0.0.0 --port 9000\"\nDiagnosis: docker-compose up shows port conflict\n```\n",
        files: ["Makefile": "api:\n\techo\n", "compose.yml": "services:\n  api:\n    image: x\n"]),
    ])

  private static let nouns: [SymbolKind: String] = [
    .variable: "variable", .module: "module", .resource: "resource", .data: "data source", .service: "service",
    .kubernetesObject: "object",
  ]

  /// The type prefix of a typed name: `aws_s3_bucket.` of `aws_s3_bucket.logs`,
  /// `data.aws_ami.` of `data.aws_ami.ubuntu`, `Deployment/` of `Deployment/api`.
  private static func type(of mention: IaCMention) -> Substring? {
    switch mention.kind {
    case .resource, .data: mention.name.lastIndex(of: ".").map { mention.name[...$0] }
    case .kubernetesObject: mention.name.firstIndex(of: "/").map { mention.name[...$0] }
    default: nil
    }
  }

  func check(_ document: DocumentNode, in graph: ReferenceGraph) -> [Finding] {
    guard !document.facts.iacMentions.isEmpty else { return [] }
    var lookup = Lookup(graph: graph)
    return document.facts.iacMentions.compactMap { mention -> Finding? in
      if mention.kind == .target { return missingTarget(mention, in: document, lookup: &lookup) }
      let declared = graph.iacSymbols[mention.kind] ?? []
      guard !declared.contains(mention.name) else { return nil }
      let type = Self.type(of: mention)
      // Only names of a type the repository declares (`aws_s3_bucket.`, `Deployment/`):
      // objects of other types come from providers, operators or the cluster.
      let candidates = lookup.candidates(mention.kind, type: type, in: declared)
      guard type == nil || !candidates.isEmpty else { return nil }
      let hint = lookup.hint(for: mention.name, among: "\(mention.kind.rawValue) \(type ?? "")", candidates)
      let files =
        switch mention.kind {
        case .service: "compose file"
        case .kubernetesObject: "Kubernetes manifest"
        default: ".tf file"
        }
      return Self.descriptor.finding(
        in: document.path, at: mention.span,
        "no \(files) declares the \(Self.nouns[mention.kind] ?? mention.kind.rawValue) '\(mention.name)'\(hint)",
        snippet: mention.name
      ).depending(on: [.symbol(kind: mention.kind.rawValue, name: mention.name)])
    }
  }

  /// A `make` target the Makefile of its folder does not define: the folder `-C` or a `cd`
  /// named, else the nearest one up from the document (`~`). Makefiles whose targets depend
  /// on includes or variables, with no explicit target, and folders without one, are not judged.
  private func missingTarget(_ mention: IaCMention, in document: DocumentNode, lookup: inout Lookup) -> Finding? {
    let colon = mention.name.utf8.lastIndex(of: UInt8(ascii: ":"))!
    let written = String(mention.name[..<colon])
    let target = String(mention.name[mention.name.utf8.index(after: colon)...])
    var found: Makefile?
    if written == "~" {
      // The nearest Makefile up from the document: a sub-project's own, else the root's.
      var folder = RepoPath.directory(of: document.path)
      while found == nil {
        found = lookup.makefile(in: folder)
        if folder.isEmpty { break }
        folder = RepoPath.directory(of: folder)
      }
    } else {
      found = lookup.makefile(in: RepoPath.normalize(written) ?? "")
    }
    guard let makefile = found, let targets = makefile.targets, !targets.contains(target) else { return nil }
    let hint = lookup.hint(for: target, among: "make \(makefile.path)", targets)
    return Self.descriptor.finding(
      in: document.path, at: mention.span, "'\(makefile.path)' has no target '\(target)'\(hint)", snippet: target
    ).depending(on: [.symbol(kind: SymbolKind.target.rawValue, name: "\(makefile.path):\(target)")])
  }

  /// What one document's mentions look up, each worked out once: candidate names, their
  /// "did you mean" indexes (with a bounded amount of work); Makefiles are indexed per run.
  /// A document naming thousands of unknown symbols once took their product in time.
  private struct Lookup {
    let graph: ReferenceGraph
    private var candidateLists: [String: Set<String>] = [:]
    private var indexes: [String: SuggestionIndex] = [:]
    private var budget = SuggestionBudget()

    init(graph: ReferenceGraph) { self.graph = graph }

    mutating func candidates(_ kind: SymbolKind, type: Substring?, in declared: Set<String>) -> Set<String> {
      guard let type else { return declared }
      let key = "\(kind.rawValue) \(type)"
      if let known = candidateLists[key] { return known }
      let list = declared.filter { $0.hasPrefix(type) }
      candidateLists[key] = list
      return list
    }

    mutating func hint(for name: String, among key: String, _ candidates: Set<String>) -> String {
      let index = indexes[key] ?? SuggestionIndex(candidates)
      indexes[key] = index
      return index.closest(to: name, budget: &budget).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// The Makefile of a folder, if it has one (the first of GNUmakefile, makefile, Makefile
    /// in graph order), with its judgeable targets: indexed once per run for all documents.
    mutating func makefile(in folder: String) -> Makefile? {
      if makefiles == nil { makefiles = Self.makefiles(in: graph) }
      return makefiles?[folder]
    }

    private var makefiles: [String: Makefile]?

    private static func makefiles(in graph: ReferenceGraph) -> [String: Makefile] {
      graph.shared(IaCUnknownSymbolRule.descriptor.id + ":makefiles") { graph in
        var byFolder: [String: Makefile] = [:]
        for file in graph.iac where file.technology == .make {
          let name = RepoPath.name(of: file.path)
          guard name == "GNUmakefile" || name == "makefile" || name == "Makefile" else { continue }
          let folder = RepoPath.directory(of: file.path)
          if byFolder[folder] == nil { byFolder[folder] = Makefile(file) }
        }
        return byFolder
      }
    }
  }

  /// A Makefile's path and the explicit targets that can be judged: nil when it builds
  /// targets from variables or includes, or has none (empty, or all generated).
  struct Makefile: Sendable {
    let path: String
    let targets: Set<String>?

    init(_ file: IaCNode) {
      path = file.path
      let explicit = Set(file.symbols.filter { $0.kind == .target }.map(\.name))
      targets = file.symbols.contains(where: { $0.kind == .makeDynamic }) || explicit.isEmpty ? nil : explicit
    }
  }
}
