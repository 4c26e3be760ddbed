import DocsLintGraph

/// `ref/missing-path`: a backtick or command path (or glob) that matches nothing.
struct MissingPathRule: GraphRule {
  static let descriptor = RuleDescriptor(
    id: "ref/missing-path",
    defaultLevel: .warning,
    summary: "Backtick or command path (or glob) that matches nothing in the repository",
    rationale: """
      Plans, specs and runbooks name files in code spans and commands far more often than in \
      links: `scripts/deploy.sh`, `pytest tests/test_api.py`. When those files move, the \
      document quietly lies. A code span counts as a path when it contains `/` (or is a known \
      root file such as `Makefile`) and its first folder exists or it ends in a known file \
      extension; URLs, options and placeholders (`<name>`, `${VAR}`, `path/to/...`, `XXX`) \
      never count.
      """,
    triggering: [
      Example("Run `↓scripts/deploy.sh` first.", files: ["scripts/other.sh": ""]),
      Example("```bash\nbash ↓scripts/missing.sh --dry-run\n```", files: ["scripts/other.sh": ""]),
      Example("    pytest ↓tests/test_gone.py::test_a", files: ["tests/test_x.py": ""]),
      Example("All specs: `↓docs/SPEC_INFRA_*.md`", files: ["docs/readme.md": ""]),
      Example("The app lives in `↓src/app.rs`.", files: ["src/app/mod.rs": ""]),
    ],
    nonTriggering: [
      Example("Run `scripts/deploy.sh` and `docs/SPEC_*.md`.", files: ["scripts/deploy.sh": "", "docs/SPEC_A.md": ""]),
      Example("Not paths: `TCP/IP`, `read/write`, `application/json`, `https://x.org/a.md`, `--out=dir/x`, `<name>/x.md`, `path/to/file.md`, `docs/XXX.md`, `/etc/hosts`, `deploy.sh`"),
      Example("```bash\ncd infra\nterraform -chdir=envs/dev plan\npython -m tool.cli\necho hi > out/new.txt\n```", files: ["infra/envs/dev/main.tf": ""]),
      Example("```python\nopen('missing/file.py')\n```"),
      Example("Create `scripts/new.sh`; `src/a.rs` or `src/b.rs`; `docs/tests-only`.", files: ["scripts/x.sh": "", "src/a.rs": "", "docs/x.md": ""]),
      Example("In the crate, `src/helpers/` holds helpers.", files: ["crates/tool/src/helpers/a.rs": ""]),
    ])

  /// "src/app/builder.rs" after the module became "src/app/builder/": say so.
  static func hint(for path: String, in inventory: FileInventory) -> String {
    guard let dot = path.lastIndex(of: "."), path[..<dot].last != "/" else { return "" }
    let folder = String(path[..<dot])
    return inventory.isDirectory(folder) && !folder.isEmpty ? " (a folder '\(folder)/' exists)" : ""
  }

  func check(_ document: DocumentNode, in graph: ReferenceGraph) -> [Finding] {
    document.brokenReferences.compactMap { reference in
      guard !reference.kind.isLink else { return nil }
      switch reference.resolution {
      case .missing(let path):
        return Self.descriptor.finding(
          in: document.path, at: reference.span,
          "\(reference.kind.noun) '\(reference.text)' does not exist"
            + resolvedHint(reference.text, path) + Self.hint(for: path, in: graph.inventory),
          snippet: reference.text)
      case .globMatchesNothing(let pattern):
        return Self.descriptor.finding(
          in: document.path, at: reference.span,
          "glob '\(pattern)' matches no file", snippet: reference.text)
      default:
        return nil
      }
    }
  }
}
