import DocsLintGraph

/// `link/missing-anchor`: a `#fragment` that names no heading and no HTML anchor.
struct MissingAnchorRule: GraphRule {
  static let descriptor = RuleDescriptor(
    id: "link/missing-anchor",
    defaultLevel: .error,
    summary: "#fragment names no heading slug and no HTML anchor in the target Markdown file",
    rationale: """
      Renaming a heading silently breaks every link to it: the page opens, but at the top, \
      and the reader lands somewhere else. Slugs follow github.com exactly (lowercase, \
      punctuation dropped, each space a `-`, accents kept, `-1`, `-2` for repeats); the \
      fragment is percent-decoded and compared case-sensitively. The message suggests the \
      closest existing anchor. Fixable with `--fix` when exactly one anchor differs from \
      the fragment only by accents, letter case or runs of hyphens (`#validacion` → \
      `#validación`); the new fragment is written plainly, not percent-encoded.
      """,
    triggering: [
      Example("# Validación\n\nSee [below](↓#validacion)."),
      Example("See [setup](↓guide.md#install).", files: ["guide.md": "# Guide\n\n## Installation\n"]),
      Example("A folder's README: [docs](↓docs#usage), [old](↓old/#usage)", files: ["docs/README.md": "# Docs\n", "old/a.txt": ""]),
    ],
    nonTriggering: [
      Example("# Validación\n\n## Makefile - comandos\n\n[a](#validación) [b](#makefile---comandos) [c](#validaci%C3%B3n)"),
      Example("## Step\n\n## Step\n\n[second](#step-1) <a name=\"custom\"></a> [c](#custom)"),
      Example("[lines](src/main.swift#L10) [top](#top)", files: ["src/main.swift": ""]),
      Example("[setup](guide.md#installation)", files: ["guide.md": "# Guide\n\n## Installation\n"]),
      Example("[docs](docs#usage) and [again](docs/#usage)", files: ["docs/README.md": "## Usage\n"]),
    ],
    corrections: [
      Correction(
        Example("# Validación\n\nSee [below](#validacion) and [setup](guide.md#Install--Steps).\n", files: ["guide.md": "## Install steps\n"]),
        after: "# Validación\n\nSee [below](#validación) and [setup](guide.md#install-steps).\n")
    ],
    ignoresCode: true)

  func check(_ document: DocumentNode, in graph: ReferenceGraph) -> [Finding] {
    // A second miss into the same file indexes its anchors by folded form (`AnchorFolding.Index`).
    var misses: [String: Int] = [:]
    var indexes: [String: AnchorFolding.Index] = [:]
    return document.brokenReferences.compactMap { reference in
      guard case .missingAnchor(let path, let fragment, let suggestion) = reference.resolution else { return nil }
      misses[path, default: 0] += 1
      if misses[path] == 2 { indexes[path] = AnchorFolding.Index(graph.anchors[path] ?? []) }
      let place =
        path == document.path
        ? "this document" : graph.inventory.isDirectory(path) ? "'\(path)', a folder without a README" : "'\(path)'"
      let hint = suggestion.map { "; did you mean '#\($0)'?" } ?? ""
      return Self.descriptor.finding(
        in: document.path, at: reference.span,
        "no heading or anchor '#\(fragment)' in \(place)\(hint)",
        snippet: reference.text,
        fix: Self.fix(reference, fragment: fragment) {
          guard let index = indexes[path] else {
            return AnchorFolding.candidate(for: fragment, in: graph.anchors[path] ?? [])
          }
          return index.candidate(for: fragment)
        })
    }
  }

  /// The written destination with its fragment replaced by the one anchor it surely meant
  /// (`candidate`, asked only when the written fragment is the one checked).
  static func fix(_ reference: Reference, fragment: String, candidate: () -> String?) -> Fix? {
    guard let hash = reference.text.firstIndex(of: "#"),
      // The written fragment must be the one that was checked (no escapes in between).
      RepoPath.percentDecoded(String(reference.text[reference.text.index(after: hash)...])) == fragment,
      let anchor = candidate()
    else { return nil }
    return Fix.replacing(reference, with: reference.text[...hash] + anchor)
  }
}
