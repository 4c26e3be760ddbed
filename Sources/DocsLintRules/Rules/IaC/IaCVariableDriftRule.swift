import DocsLintGraph

/// `iac/variable-drift`: a table of a Terraform module's inputs or outputs that does not
/// match what the module declares.
struct IaCVariableDriftRule: GraphRule {
  static let descriptor = RuleDescriptor(
    id: "iac/variable-drift",
    defaultLevel: .error,
    summary:
      "A table of a Terraform module's variables or outputs lists a name the module does not declare (error) or lacks one it declares (warning)",
    rationale: """
      Specs document a module's interface as a table whose first column is headed \
      Variable / Input / Name / Nombre (or Output / Salida). The table belongs to the module \
      the same section refers to (a link or path to its folder or one of its files), or, \
      failing that, the only module the document refers to when the table shares a name \
      with it. With several candidates, the table belongs to the one whose names it shares \
      most, when that is at least half of the table's names and no other shares as many. A listed name the module does not declare is an error at its row; a \
      declared name the table lacks is a warning at the table's header.
      """,
    triggering: [
      Example(
        "# Módulo VPC\n\nCódigo en `infra/modules/vpc/`.\n\n| ↓Variable | Descripción |\n|---|---|\n| `cidr` | Rango |\n| `↓zona` | Zona |\n",
        files: [
          "infra/modules/vpc/variables.tf": "variable \"cidr\" {}\nvariable \"azs\" {}\n",
          "infra/modules/vpc/outputs.tf": "output \"vpc_id\" {}\n",
        ]),
      // Two modules named: the table is the one it shares most names with.
      Example(
        "# Red\n\nMódulos `infra/modules/vpc/` y `infra/modules/dns/`.\n\n| ↓Variable | Uso |\n|---|---|\n| `cidr` | rango |\n| `azs` | zonas |\n| `↓zonas` | ? |\n",
        files: [
          "infra/modules/vpc/variables.tf": "variable \"cidr\" {}\nvariable \"azs\" {}\nvariable \"nat\" {}\n",
          "infra/modules/dns/variables.tf": "variable \"zone\" {}\n",
        ]),
    ],
    nonTriggering: [
      Example(
        "# Módulo VPC\n\nVer [el módulo](infra/modules/vpc/main.tf).\n\n| Nombre | Tipo |\n| :-- | :-- |\n| **cidr** | string |\n\n## Salidas\n\n| Output | Uso |\n|---|---|\n| vpc_id | red |\n\n## Otro\n\nSin módulo: `infra/`.\n\n| Name | Valor |\n|---|---|\n| lo_que_sea | 1 |\n",
        files: [
          "infra/modules/vpc/main.tf": "variable \"cidr\" {}\noutput \"vpc_id\" {}\n",
          "infra/modules/dns/main.tf": "variable \"zone\" {}\n",
        ])
    ])

  static let collects: [any FactCollector.Type] = [VariableTableCollector.self]

  func check(_ document: DocumentNode, in graph: ReferenceGraph) -> [Finding] {
    guard let fact = document.collected[VariableTableCollector.self] else { return [] }
    let modules = Set(graph.iac.filter { $0.technology == .terraform }.map { RepoPath.directory(of: $0.path) })
    var findings: [Finding] = []
    for (table, sectionTargets) in zip(fact.tables, fact.sectionTargets) {
      guard
        let (module, known) = module(
          of: table, sectionTargets: sectionTargets, documentTargets: fact.documentTargets, modules: modules,
          graph: graph)
      else { continue }
      let listed = Set(table.names.map(\.name))
      let noun = table.lists.rawValue
      for row in table.names where !known.contains(row.name) {
        let hint = EditDistance.closest(to: row.name, in: known.subtracting(listed).sorted()).map { "; did you mean '\($0)'?" } ?? ""
        findings.append(
          Self.descriptor.finding(
            in: document.path, at: row.span, "module '\(module)' declares no \(noun) '\(row.name)'\(hint)", snippet: row.name
          ).depending(on: [.symbol(kind: noun, name: "\(module)/\(row.name)")]))
      }
      for name in known.subtracting(listed).sorted() {
        var finding = Self.descriptor.finding(
          in: document.path, at: table.header, "\(noun) '\(name)' of module '\(module)' is missing from this table",
          snippet: name)
        finding.levelCap = .warning
        findings.append(finding.depending(on: [.addedSymbol(kind: noun, name: "\(module)/\(name)")]))
      }
    }
    return findings
  }

  /// The one module folder the table's section refers to, else the one the document refers
  /// to, with the names it declares.
  private func module(
    of table: VariableTable, sectionTargets: [String], documentTargets: [String], modules: Set<String>,
    graph: ReferenceGraph
  ) -> (name: String, declared: Set<String>)? {
    func modulesNamed(_ targets: [String]) -> Set<String> {
      var found = Set<String>()
      for target in targets {
        if modules.contains(target) {
          found.insert(target)
        } else if modules.contains(RepoPath.directory(of: target)) {
          found.insert(RepoPath.directory(of: target))
        }
      }
      return found
    }
    let inSection = modulesNamed(sectionTargets)
    if inSection.count == 1, let module = inSection.first { return (module, declared(table.lists, by: module, in: graph)) }
    let candidates = inSection.isEmpty ? modulesNamed(documentTargets) : inSection
    if candidates.count == 1, let module = candidates.first {
      // Tied only by the document, a table must share a name with the module: a table of
      // tags or settings elsewhere in the spec is not its interface.
      let known = declared(table.lists, by: module, in: graph)
      return table.names.contains { known.contains($0.name) } ? (module, known) : nil
    }
    // Several modules named: the one whose names the table shares most, at least half of
    // the table's, and no other as many.
    let scored = candidates.sorted(by: ByteOrder.less).map { module -> (String, Set<String>, Int) in
      let known = declared(table.lists, by: module, in: graph)
      return (module, known, table.names.count { known.contains($0.name) })
    }
    guard let best = scored.max(by: { $0.2 < $1.2 }), best.2 * 2 >= table.names.count, best.2 > 0,
      scored.count(where: { $0.2 == best.2 }) == 1
    else { return nil }
    return (best.0, best.1)
  }

  /// The variables (or outputs) the `.tf` files of a module folder declare.
  private func declared(_ lists: VariableTable.Lists, by module: String, in graph: ReferenceGraph) -> Set<String> {
    Set(
      graph.iac.filter { $0.technology == .terraform && RepoPath.directory(of: $0.path) == module }
        .flatMap { $0.symbols.filter { $0.kind == lists.symbolKind }.map(\.name) })
  }
}
