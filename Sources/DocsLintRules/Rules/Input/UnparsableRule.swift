import DocsLintGraph

/// `input/unparsable`: an IaC file that does not parse; the rest of the repository is still linted.
struct UnparsableRule: IaCRule {
  static let descriptor = RuleDescriptor(
    id: "input/unparsable",
    defaultLevel: .warning,
    summary: "IaC file (Terraform, workflow, compose or Kubernetes YAML, devcontainer JSON) that does not parse, at the parser's position",
    rationale: """
      A Terraform file with an unclosed block or a workflow with broken YAML fails in CI \
      anyway, and nothing in it can be checked against the documents that describe it. It is \
      reported where the parser stopped; every other file is still linted.
      """,
    triggering: [
      Example("resource \"aws_vpc\" \"main\" ↓{\n  cidr_block = \"10.0.0.0/16\"\n", path: "infra/main.tf"),
      Example("on: push\njobs:\n  test: [unclosed\n", path: ".github/workflows/ci.yml"),
    ],
    nonTriggering: [
      Example("resource \"aws_vpc\" \"main\" {\n  cidr_block = \"10.0.0.0/16\"\n}\n", path: "infra/main.tf"),
      Example("on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n", path: ".github/workflows/ci.yml"),
    ])

  func check(_ file: IaCNode, in graph: ReferenceGraph) -> [Finding] {
    guard let problem = file.problem else { return [] }
    return [
      Self.descriptor.finding(
        in: file.path, at: SourceSpan(line: problem.line, column: problem.column),
        "\(file.technology.noun) does not parse: \(problem.message)", snippet: problem.message)
    ]
  }
}
