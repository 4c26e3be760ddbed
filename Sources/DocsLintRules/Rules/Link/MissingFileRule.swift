import DocsLintGraph

/// `link/missing-file`: a relative link whose target does not exist.
struct MissingFileRule: GraphRule {
  static let descriptor = RuleDescriptor(
    id: "link/missing-file",
    defaultLevel: .error,
    summary: "Relative link, image, reference definition or HTML href/src whose target does not exist",
    rationale: """
      A link to a file that was moved, renamed or never committed is a dead end for every \
      reader, and on GitHub it renders as a 404. Links resolve against the linking document's \
      folder (or the repository root for links starting with `/`); query strings are ignored \
      and `%20` escapes are decoded.
      """,
    triggering: [
      Example("See [the plan](↓plans/missing.md)."),
      Example("![diagram](↓img/none.png)"),
      Example("[ref]: ↓gone.md\n\nUse [ref]."),
      Example("<a href=\"↓old/page.md\">old</a>"),
      Example("Escapes and entities are decoded: [a](↓gone\\_a.md), [b](↓gone&#95;b.md), [c](<↓gone c.md>)"),
      Example("[wrapped\nlabel]:\n  ↓gone.md\n  \"A title on its own line\"\n\nUse [wrapped label]."),
    ],
    nonTriggering: [
      Example("See [the plan](plans/plan.md) and [home](https://example.com).", files: ["plans/plan.md": "# Plan\n"]),
      Example("[spaced](<my file.md>) and [escaped](my%20file.md?raw=1)", files: ["my file.md": ""]),
      Example("A folder: [docs](docs/) and [mail](mailto:a@b.c)", files: ["docs/x.md": ""]),
      Example("```\n[not a link](missing.md)\n```"),
      Example("[r]: &ouml;.md\n\n[r] <a href=\"&ouml;.md\">ö</a> [s](a\\_b.md)", files: ["ö.md": "", "a_b.md": ""]),
      Example("![a link in alt text is text: [x](missing.md)](a.png)", files: ["a.png": ""]),
    ],
    ignoresCode: true)

  func check(_ document: DocumentNode, in graph: ReferenceGraph) -> [Finding] {
    document.brokenReferences.compactMap { reference in
      guard reference.kind.isLink, case .missing(let path) = reference.resolution else { return nil }
      return Self.descriptor.finding(
        in: document.path, at: reference.span,
        "\(reference.kind.noun) target '\(reference.text)' does not exist\(resolvedHint(reference.text, path))",
        snippet: reference.text)
    }
  }
}

/// " (resolved to 'docs/x.md')" when the written form differs from the repository path.
func resolvedHint(_ written: String, _ path: String) -> String {
  let plain = written.hasPrefix("./") ? String(written.dropFirst(2)) : written
  return plain == path || plain == path + "/" ? "" : " (resolved to '\(path)')"
}

extension ReferenceKind {
  /// How messages name the edge.
  var noun: String {
    switch self {
    case .link: "link"
    case .image: "image"
    case .referenceDefinition: "reference definition"
    case .htmlLink: "HTML link"
    case .anchorLink: "anchor link"
    case .backtickPath, .textPath: "path"
    case .commandPath: "command path"
    case .iacPath: "path"
    }
  }
}
