/// `iac/missing-path`: a path inside an IaC file that does not exist.
struct IaCMissingPathRule: IaCRule {
  static let descriptor = RuleDescriptor(
    id: "iac/missing-path",
    defaultLevel: .error,
    summary: "A path inside an IaC file (module source, script a workflow runs, local action) that does not exist",
    rationale: """
      `source = "./modules/vpc"` after the module moved, or a workflow step running a script \
      that was renamed, fails only when that plan or job runs. Terraform module sources \
      resolve beside the `.tf` file; workflow paths resolve from the repository root.
      """,
    triggering: [
      Example("module \"vpc\" {\n  source = \"↓./modules/vpc\"\n}\n", path: "infra/main.tf"),
      Example(
        "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ↓./.github/actions/setup\n      - run: |\n          make lint\n          bash scripts/missing.sh\n",
        path: ".github/workflows/ci.yml"),
    ],
    nonTriggering: [
      Example(
        "module \"vpc\" {\n  source = \"./modules/vpc\"\n}\nmodule \"eks\" {\n  source = \"terraform-aws-modules/eks/aws\"\n}\n",
        path: "infra/main.tf", files: ["infra/modules/vpc/main.tf": ""]),
      Example(
        "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: bash scripts/test.sh\n",
        path: ".github/workflows/ci.yml", files: ["scripts/test.sh": ""]),
    ])

  func check(_ file: IaCNode, in graph: ReferenceGraph) -> [Finding] {
    file.references.compactMap { reference in
      switch reference.resolution {
      case .missing(let path), .caseMismatch(let path, _):
        let hint = if case .caseMismatch(_, let actual) = reference.resolution { " (the real path is '\(actual)')" } else { "" }
        return Self.descriptor.finding(
          in: file.path, at: reference.span,
          "'\(reference.text)' does not exist" + resolvedHint(reference.text, path) + hint, snippet: reference.text)
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
