import DocsLintGraph

/// `ref/case-mismatch`: a backtick or command path that exists only with other letter case.
struct PathCaseMismatchRule: GraphRule {
  static let descriptor = RuleDescriptor(
    id: "ref/case-mismatch",
    defaultLevel: .warning,
    summary: "Backtick or command path that exists only with other letter case",
    rationale: """
      `bash Scripts/Deploy.sh` works on a case-insensitive laptop and fails on Linux CI. \
      The message names the real path. Fixable with `--fix`: the differing letters of \
      the written path are rewritten.
      """,
    triggering: [
      Example("Run `↓Scripts/deploy.sh`.", files: ["scripts/deploy.sh": ""])
    ],
    nonTriggering: [
      Example("Run `scripts/deploy.sh`.", files: ["scripts/deploy.sh": ""])
    ],
    corrections: [
      Correction(
        Example("Run `Scripts/Deploy.sh`, then:\n\n    bash Scripts/deploy.sh --dry-run\n", files: ["scripts/deploy.sh": ""]),
        after: "Run `scripts/deploy.sh`, then:\n\n    bash scripts/deploy.sh --dry-run\n")
    ])

  func check(_ document: DocumentNode, in graph: ReferenceGraph) -> [Finding] {
    document.brokenReferences.compactMap { reference in
      guard !reference.kind.isLink, case .caseMismatch(let path, let actual) = reference.resolution else {
        return nil
      }
      let rewritten = PathCaseRewrite.rewrite(reference.text, resolved: path, actual: actual, isLink: false)
      return Self.descriptor.finding(
        in: document.path, at: reference.span,
        "\(reference.kind.noun) '\(reference.text)' \(RepoPath.difference(path, actual)) from the real path '\(actual)'",
        snippet: reference.text, fix: rewritten.flatMap { Fix.replacing(reference, with: $0) })
    }
  }
}
