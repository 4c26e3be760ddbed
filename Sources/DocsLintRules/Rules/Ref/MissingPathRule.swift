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
      extension; URLs, options and placeholders (`<name>`, `${VAR}`, `path/to/...`, `XXX`, \
      `my-project`) never count. A path is read where the document says it applies: the \
      repository root, the document's folder, the sub-project it lives in (a folder with a \
      `package.json`, `pyproject.toml`, ...), the folder a `cd` of the same section moved to, \
      a folder named just before the block ("From the `api/` folder:"), a workflow step's \
      `working-directory`. A bare root file (`CHANGELOG.md`) is found in the nearest folder \
      up, or anywhere in the tree. Not reported: paths the document creates first \
      (redirections, `touch`, `mkdir`, a venv), outputs (under `mutants.out/`, `coverage/`, \
      timestamped names), HTTP routes, Python dotted names of existing modules, another \
      repository's paths ("that repository's `x.md`"), paths a sentence, table row or list \
      item calls new, planned or removed (or that another page without a status says is not there \
      yet: "currently empty"), an unchecked task's deliverables, a name made by an \
      arrow from one in no folder of the repository (`src/a.py` → `tests/test_a.py`), and a \
      code span that is a link's text (the link is the finding). Archived, finished and template \
      documents skip this rule (see `statuses` in rules/vocabulary.yml).
      """,
    triggering: [
      Example("Run `↓scripts/deploy.sh` first.", files: ["scripts/other.sh": ""]),
      Example("```bash\nbash ↓scripts/missing.sh --dry-run\n```", files: ["scripts/other.sh": ""]),
      Example("    pytest ↓tests/test_gone.py::test_a", files: ["tests/test_x.py": ""]),
      Example("All specs: `↓docs/SPEC_INFRA_*.md`", files: ["docs/readme.md": ""]),
      Example("The app lives in `↓src/app.rs`.", files: ["src/app/mod.rs": ""]),
      // "Create" reaches its own sentence, row or item only; "add to", "legacy" and a checked item claim the file.
      Example("Create `scripts/new.sh`. Then run `↓scripts/gone.sh`.", files: ["scripts/x.sh": ""]),
      Example("| Create | `scripts/a.sh` |\n| Run | `↓scripts/b.sh` |", files: ["scripts/x.sh": ""]),
      Example("Add to `↓docs/log.md` a line per run; the legacy `↓scripts/old.sh` runs nightly.", files: ["docs/x.md": "", "scripts/x.sh": ""]),
      Example("- [x] Created `↓scripts/made.sh`.", files: ["scripts/x.sh": ""]),
      // An example label excuses a stand-in, not a real-looking document.
      Example("Ejemplo:\n`↓docs/guia.md`", files: ["docs/x.md": ""]),
      Example("```bash\npip install -r ↓requirements/dev.txt\ncd tools\nbash ↓sub/gone.sh\n```", files: ["requirements/base.txt": "", "tools/run.sh": ""]),
      Example("- **↓docs/runbook.md**: the runbook\n\n**Archivo:** ↓docs/otro.md", files: ["docs/x.md": ""]),
      Example("No `↓pyproject.toml` anywhere, and `↓src/core.gone.thing` names no module.", files: ["src/core/config.py": ""]),
      // A rename's new name must exist: its old one is in a folder of the repository.
      Example("`docs/old.md` → `↓docs/new.md`", files: ["docs/x.md": ""]),
    ],
    nonTriggering: [
      Example("Run `scripts/deploy.sh` and `docs/SPEC_*.md`.", files: ["scripts/deploy.sh": "", "docs/SPEC_A.md": ""]),
      Example("Not paths: `TCP/IP`, `read/write`, `application/json`, `https://x.org/a.md`, `--out=dir/x`, `<name>/x.md`, `path/to/file.md`, `docs/XXX.md`, `/etc/hosts`, `deploy.sh`"),
      Example("```bash\ncd infra\nterraform -chdir=envs/dev plan\npython -m tool.cli\necho hi > out/new.txt\n```", files: ["infra/envs/dev/main.tf": ""]),
      Example("```python\nopen('missing/file.py')\n```"),
      Example("Create `scripts/new.sh`; `src/a.rs` or `src/b.rs`; `docs/tests-only`.", files: ["scripts/x.sh": "", "src/a.rs": "", "docs/x.md": ""]),
      Example("In the crate, `src/helpers/` holds helpers.", files: ["crates/tool/src/helpers/a.rs": ""]),
      // Where a command runs: a folder named before the block, a `cd` of an earlier block, a sub-project.
      Example(
        "From the `web/` folder:\n\n```bash\nbash scripts/build.sh\ncd ../tools\n```\n\n```bash\nbash run.sh\n```\n\nThe scripts are in `package.json`.",
        files: ["web/scripts/build.sh": "", "web/package.json": "", "tools/run.sh": ""]),
      Example("```bash\ncd ~/runner\n./config.sh\n```\n\nThen `sudo ./svc.sh install`.", files: ["x.sh": ""]),
      // What the document creates, and what a run writes.
      Example(
        "```bash\npython3 -m venv .venv\nsource .venv/bin/activate\ncat > docs/out.json <<EOF\n{}\nEOF\n```\n\nThe run writes `docs/out.json`, `docs/issue_20251107_143022.md` and `docs/mutants.out/`.",
        files: ["docs/x.md": ""]),
      // Not repository paths: routes, Python names, output, another repository, stand-ins, plans.
      Example("`/api/v1/tickets/`, `api/v2/users` and `src/core.config.load`", files: ["api/x.py": "", "src/core/config.py": ""]),
      Example("Output:\n\n```\n./scripts/lint.sh: line 3: not found\n```", files: ["scripts/x.sh": ""]),
      Example("See that repository's `docs/guide.md`; put yours in `specs/my-project/spec.md`.", files: ["docs/x.md": "", "specs/x.md": ""]),
      Example("- [ ] Write the guide\n  - Done when: `docs/guide.md` explains setup", files: ["docs/x.md": ""]),
      Example("See [`docs/gone.md`](docs/gone.md): the link is the finding.", files: ["docs/x.md": ""]),
      Example("---\ntipo: plantilla\n---\n# Plan\n\nRun `scripts/nuevo.sh`.", files: ["scripts/x.sh": ""]),
      Example("# Audit\n\n**Report Date**: 2026-01-15\n\nCreated `scripts/made.sh`.", files: ["scripts/x.sh": ""]),
      // Another page says the folder is not there yet.
      Example("Stack skills live in `skills/stacks/`.", files: ["skills/README.md": "# Skills\n\n`skills/stacks/` is currently empty.\n"]),
      // A naming convention: the name is made from one in no folder of this repository.
      Example("Mirror the source: `src/auth.py` → `tests/unit/test_auth.py`", files: ["tests/x.py": ""]),
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
        // Another page says it is not there yet ("Currently empty").
        if graph.plannedPaths.contains(path) { return nil }
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
