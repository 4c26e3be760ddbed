import DocsLintGraph

/// `link/case-mismatch`: the target exists only with other letter case.
struct LinkCaseMismatchRule: GraphRule {
  static let descriptor = RuleDescriptor(
    id: "link/case-mismatch",
    defaultLevel: .error,
    summary: "Link target exists only with other letter case",
    rationale: """
      macOS and Windows file systems ignore letter case, so the link works on the author's \
      machine, but Linux CI, GitHub and every case-sensitive deployment see a missing file. \
      The message names the real path. Fixable with `--fix`: the differing letters of \
      the written path are rewritten; `./`, `../`, the query and the fragment stay as written.
      """,
    triggering: [
      Example("Read [the guide](↓Docs/Guide.md).", files: ["docs/guide.md": ""])
    ],
    nonTriggering: [
      Example("Read [the guide](docs/guide.md).", files: ["docs/guide.md": ""])
    ],
    corrections: [
      Correction(
        Example("Read [the guide](./Docs/Guide.md?plain=1) and <a href=\"Docs/Guide.md\">it</a>.\n", files: ["docs/guide.md": ""]),
        after: "Read [the guide](./docs/guide.md?plain=1) and <a href=\"docs/guide.md\">it</a>.\n")
    ],
    ignoresCode: true)

  func check(_ document: DocumentNode, in graph: ReferenceGraph) -> [Finding] {
    document.brokenReferences.compactMap { reference in
      guard reference.kind.isLink, case .caseMismatch(let path, let actual) = reference.resolution else { return nil }
      let rewritten = PathCaseRewrite.rewrite(reference.text, resolved: path, actual: actual, isLink: true)
      return Self.descriptor.finding(
        in: document.path, at: reference.span,
        "\(reference.kind.noun) target '\(reference.text)' \(RepoPath.difference(path, actual)) from the real path '\(actual)'",
        snippet: reference.text, fix: rewritten.flatMap { Fix.replacing(reference, with: $0) })
    }
  }
}
