import DocsLintConfig

/// Reads one IaC file into an `IaCNode`: its symbols and its own path references.
package struct IaCReader {
  let classifier: PathClassifier
  let settings: PathSettings

  package func read(path: String, technology: IaCTechnology, source: SourceText) -> IaCNode {
    var node = IaCNode(path: path, technology: technology)
    switch technology {
    case .terraform: readTerraform(source, into: &node)
    case .workflow: readWorkflow(source, into: &node)
    case .compose: ComposeReader(classifier: classifier).read(source, into: &node)
    case .dockerfile: DockerfileReader(classifier: classifier).read(source, into: &node)
    case .devcontainer:
      DevcontainerReader(classifier: classifier, commands: CommandScanner(classifier: classifier, settings: settings, defaultBases: [""]))
        .read(source, into: &node)
    case .kubernetes: KubernetesReader(classifier: classifier).readManifests(source, into: &node)
    case .kustomize: KubernetesReader(classifier: classifier).readKustomization(source, into: &node)
    case .helm: HelmReader(classifier: classifier).read(source, into: &node)
    case .vagrant: VagrantReader(classifier: classifier).read(source, into: &node)
    case .ansible: AnsibleReader(classifier: classifier).read(source, into: &node)
    case .systemd: SystemdReader(classifier: classifier).read(source, into: &node)
    case .make: MakefileReader().read(source, into: &node)
    }
    return node
  }

  /// A path reference at a value's position on its line.
  static func reference(
    _ text: String, onLine line: Int, in source: SourceText, bases: [String], classifier: PathClassifier
  ) -> Reference {
    let column = source.column(of: text, onLine: line)
    return Reference(
      kind: .iacPath, text: text, span: SourceSpan(line: line, column: column, endColumn: column + text.unicodeScalars.count),
      resolution: classifier.resolve(text, bases: bases))
  }

  // MARK: - Terraform

  private func readTerraform(_ source: SourceText, into node: inout IaCNode) {
    let file: TerraformFile
    switch TerraformScanner.scan(source) {
    case .success(let scanned): file = scanned
    case .failure(let problem):
      node.problem = problem
      return
    }
    let folder = RepoPath.directory(of: node.path)
    for attribute in file.attributes {
      node.symbols.append(
        IaCSymbol(kind: .tfvar, name: attribute.name, span: SourceSpan(line: attribute.line, column: 1)))
    }
    for block in file.blocks {
      let span = SourceSpan(line: block.line, column: block.column)
      switch (block.type, block.labels.count) {
      case ("resource", 2): node.symbols.append(IaCSymbol(kind: .resource, name: block.labels.joined(separator: "."), span: span))
      case ("data", 2): node.symbols.append(IaCSymbol(kind: .data, name: "data." + block.labels.joined(separator: "."), span: span))
      case ("variable", 1): node.symbols.append(IaCSymbol(kind: .variable, name: block.labels[0], span: span))
      case ("output", 1): node.symbols.append(IaCSymbol(kind: .output, name: block.labels[0], span: span))
      case ("module", 1): node.symbols.append(IaCSymbol(kind: .module, name: block.labels[0], span: span))
      case ("provider", 1): node.symbols.append(IaCSymbol(kind: .provider, name: block.labels[0], span: span))
      case ("terraform", _):
        for backend in block.blocks where backend.type == "backend" {
          node.symbols.append(
            IaCSymbol(kind: .backend, name: backend.labels.first ?? "", span: SourceSpan(line: backend.line, column: backend.column)))
        }
      default: break
      }
      // A local module source ("./modules/vpc", "../shared") must exist beside the file.
      if block.type == "module", let source = block.attribute("source"), let value = source.stringValue,
        value.hasPrefix("./") || value.hasPrefix("../")
      {
        let column = source.column + 1  // inside the quotes
        node.references.append(
          Reference(
            kind: .iacPath, text: value,
            span: SourceSpan(line: source.line, column: column, endColumn: column + value.unicodeScalars.count),
            resolution: classifier.resolve(value, bases: [folder])))
      }
    }
  }

  // MARK: - GitHub Actions workflows

  private func readWorkflow(_ source: SourceText, into node: inout IaCNode) {
    guard let value = node.readYAML(source) else { return }
    if case .scalar(let name, let line)? = value["name"] {
      node.symbols.append(IaCSymbol(kind: .workflow, name: name, span: SourceSpan(line: line, column: 1)))
    }
    guard case .mapping(let jobs, _)? = value["jobs"] else { return }
    let commands = CommandScanner(classifier: classifier, settings: settings, defaultBases: [""])
    let workflowFolder = Self.workingDirectory(value)
    for job in jobs {
      let jobFolder = Self.workingDirectory(job.value) ?? workflowFolder
      // Files earlier steps of the job write (`> report.txt`, `tee out.log`) need not exist.
      var created: [(path: String, line: Int)] = []
      let firstReference = node.references.count
      node.symbols.append(IaCSymbol(kind: .job, name: job.key, span: SourceSpan(line: job.line, column: 1)))
      // `environment: prod` or `environment: {name: prod, url: ...}`; `${{ }}` names are not known here.
      let environment = job.value["environment"]
      if case .scalar(let name, let line)? = environment?["name"] ?? environment, !name.contains("$") {
        node.symbols.append(IaCSymbol(kind: .environment, name: name, span: SourceSpan(line: line, column: 1)))
      }
      guard case .sequence(let steps, _)? = job.value["steps"] else { continue }
      for step in steps {
        // A local action: `uses: ./.github/actions/setup` (relative to the repository root).
        if case .scalar(let uses, let line)? = step["uses"], uses.hasPrefix("./") {
          let column = source.column(of: uses, onLine: line)
          node.references.append(
            Reference(
              kind: .iacPath, text: uses,
              span: SourceSpan(line: line, column: column, endColumn: column + uses.unicodeScalars.count),
              resolution: classifier.resolve(uses, bases: [""])))
        }
        // Scripts a `run:` step calls, found as in a shell code block.
        if case .scalar(let run, let line)? = step["run"] {
          // `working-directory:` of the step, else of the job's or the workflow's `defaults.run`.
          let folder = step["working-directory"].flatMap(\.string) ?? jobFolder ?? ""
          guard !folder.includes("${{"), let base = RepoPath.normalize(folder) else { continue }
          var bases: [String]? = [base]
          for hit in commands.scan(runLines(run, startingNear: line, in: source), everyLine: true, bases: &bases) {
            if hit.creates {
              created += hit.createdPaths
              continue
            }
            node.references.append(
              Reference(
                kind: .iacPath, text: hit.path,
                span: SourceSpan(line: hit.line, column: hit.column, endColumn: hit.column + hit.path.unicodeScalars.count),
                resolution: classifier.resolve(hit.path, bases: hit.bases)))
          }
        }
      }
      node.references[firstReference...].markCreated(created)
    }
  }

  /// A workflow's or job's `defaults.run.working-directory`.
  private static func workingDirectory(_ value: YAMLValue) -> String? {
    value["defaults"]?["run"]?["working-directory"]?.string
  }

  /// The lines of a `run:` value with their true positions: a plain scalar sits on the key's
  /// line, a block scalar (`run: |`) starts on the next one.
  private func runLines(_ run: String, startingNear line: Int, in source: SourceText) -> [CodeLine] {
    let texts = run.split(separator: "\n", omittingEmptySubsequences: false)
    guard let first = texts.first else { return [] }
    let firstLine = source.lineText(line).includes(String(first)) && !first.isEmpty ? line : line + 1
    return texts.enumerated().compactMap { offset, text in
      let number = firstLine + offset
      guard number <= source.lineCount, !text.isEmpty else { return nil }
      return CodeLine(text: text, line: number, column: source.contentColumn(of: text, onLine: number))
    }
  }

  package init(classifier: PathClassifier, settings: PathSettings) {
    self.classifier = classifier
    self.settings = settings
  }
}
