"""End-to-end tests of `docs-lint lsp`, driven by pytest-lsp (a real LSP client).

The Swift test `LanguageServerTests` runs them with DOCS_LINT_BINARY set to the tested
binary; each test gets a fresh fixture repository.
"""

import asyncio
import json
import os
import pathlib
import subprocess
import time

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

BINARY = os.environ.get("DOCS_LINT_BINARY", "docs-lint")


@pytest.fixture(scope="module")
def repository(tmp_path_factory) -> pathlib.Path:
    root = tmp_path_factory.mktemp("repo")
    (root / "docs").mkdir()
    (root / "README.md").write_text("# Read me\n\n## Setup\n\nSee [the guide](docs/guide.md).\n")
    (root / "docs" / "guide.md").write_text("# Guide\n\nBack to [setup](../README.md#setup).\n")
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    return root


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[BINARY, "lsp", "--no-cache"]),
)
async def client(lsp_client: LanguageClient, repository: pathlib.Path):
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            workspace_folders=[types.WorkspaceFolder(uri=repository.as_uri(), name="repo")],
        )
    )
    yield
    await lsp_client.shutdown_session()


async def until(condition, timeout: float = 30.0):
    """Waits until `condition()` holds: notifications that come close together may arrive
    before a `wait_for_notification` is made, so the tests wait on what they show instead."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.02)


def open_document(client: LanguageClient, path: pathlib.Path, text: str, version: int = 1) -> str:
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=version, text=text)
        )
    )
    return uri


def change(client: LanguageClient, uri: str, version: int, line: int, start: int, end: int, text: str):
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(start=types.Position(line=line, character=start), end=types.Position(line=line, character=end)),
                    text=text,
                )
            ],
        )
    )


@pytest.mark.asyncio
async def test_open_publishes_diagnostics_with_exact_ranges(client: LanguageClient, repository: pathlib.Path):
    text = "# Notes\n\nA [broken](gone.md) link and [ok](README.md#setup), é [anchor](#nope).\n"
    uri = open_document(client, repository / "notes.md", text)
    await client.wait_for_notification("textDocument/publishDiagnostics")
    diagnostics = sorted(client.diagnostics[uri], key=lambda d: d.range.start.character)
    assert [d.code for d in diagnostics] == ["link/missing-file", "link/missing-anchor"]
    missing = diagnostics[0]
    assert missing.range.start == types.Position(line=2, character=11)
    assert missing.range.end == types.Position(line=2, character=18)
    assert missing.severity == types.DiagnosticSeverity.Error
    assert missing.source == "docs-lint"
    assert missing.code_description.href.endswith("docs/rules/link/missing-file.md")
    # The accent before it counts as one UTF-16 unit.
    assert diagnostics[1].range.start.character == text.splitlines()[2].index("#nope")


@pytest.mark.asyncio
async def test_incremental_changes_are_the_truth_for_the_file(client: LanguageClient, repository: pathlib.Path):
    uri = open_document(client, repository / "draft.md", "# Draft\n\n[x](gone.md)\n")
    await client.wait_for_notification("textDocument/publishDiagnostics")
    assert [d.code for d in client.diagnostics[uri]] == ["link/missing-file"]
    # Replace "gone.md" with "README.md": the link now resolves.
    change(client, uri, 2, 2, 4, 11, "README.md")
    await client.wait_for_notification("textDocument/publishDiagnostics")
    assert list(client.diagnostics[uri]) == []
    # The file on disk was never written.
    assert not (repository / "draft.md").exists()


@pytest.mark.asyncio
async def test_pull_diagnostics_and_close(client: LanguageClient, repository: pathlib.Path):
    uri = open_document(client, repository / "pull.md", "# Pull\n\n[x](#missing)\n")
    await client.wait_for_notification("textDocument/publishDiagnostics")
    report = await client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert report.kind == "full"
    assert [d.code for d in report.items] == ["link/missing-anchor"]
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    await client.wait_for_notification("textDocument/publishDiagnostics")
    assert list(client.diagnostics[uri]) == []


@pytest.mark.asyncio
async def test_unknown_requests_get_method_not_found(client: LanguageClient):
    with pytest.raises(Exception) as raised:
        await client.protocol.send_request_async("docsLint/noSuchMethod", {})
    assert "-32601" in str(raised.value) or "no method" in str(raised.value)


@pytest.mark.asyncio
async def test_an_edit_that_breaks_another_open_document_republishes_it(client: LanguageClient, repository: pathlib.Path):
    readme = (repository / "README.md").read_text()
    readme_uri = open_document(client, repository / "README.md", readme)
    await client.wait_for_notification("textDocument/publishDiagnostics")
    guide_uri = open_document(client, repository / "docs" / "guide.md", (repository / "docs" / "guide.md").read_text())
    await client.wait_for_notification("textDocument/publishDiagnostics")
    assert list(client.diagnostics[guide_uri]) == []
    # Rename the heading "Setup" in the README's buffer: the guide's link to #setup breaks.
    change(client, readme_uri, 2, 2, 3, 8, "Install")
    await until(lambda: [d.code for d in client.diagnostics.get(guide_uri, [])] == ["link/missing-anchor"])
    # And closing the README makes the disk's text the truth again: repaired.
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=readme_uri)))
    await until(lambda: list(client.diagnostics.get(guide_uri, [])) == [])


@pytest.mark.asyncio
async def test_definition_hover_and_outline(client: LanguageClient, repository: pathlib.Path):
    text = "# Top\n\n## Part one\n\nSee [setup](README.md#setup), [gone](missing.md) and [here](#part-one).\n\n### Deep\n"
    uri = open_document(client, repository / "nav.md", text)
    await client.wait_for_notification("textDocument/publishDiagnostics")
    line = text.splitlines()[4]

    definition = await client.text_document_definition_async(
        types.DefinitionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=4, character=line.index("README.md") + 2),
        )
    )
    assert definition.uri == (repository / "README.md").as_uri()
    assert definition.range.start.line == 2  # "## Setup"
    own = await client.text_document_definition_async(
        types.DefinitionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=4, character=line.index("#part-one") + 1),
        )
    )
    assert own.uri == uri and own.range.start.line == 2

    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=4, character=line.index("missing.md") + 1),
        )
    )
    assert "does not exist" in hover.contents.value

    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert [s.name for s in symbols] == ["Top"]
    assert [s.name for s in symbols[0].children] == ["Part one"]
    assert [s.name for s in symbols[0].children[0].children] == ["Deep"]


async def complete(client: LanguageClient, uri: str, line: int, character: int) -> list[str]:
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=line, character=character))
    )
    items = result.items if hasattr(result, "items") else result
    return sorted(item.label for item in items)


@pytest.mark.asyncio
async def test_completion_of_paths_and_anchors(client: LanguageClient, repository: pathlib.Path):
    lines = ["# Complete", "", "[a](", "[b](docs/", "[c](../README.md#s", "[d](#com", "Run `docs/gu", "", "    python docs/gu", "    $ cat docs/", "Then docs/gu"]
    uri = open_document(client, repository / "docs" / "complete.md", "\n".join(lines) + "\n")
    await client.wait_for_notification("textDocument/publishDiagnostics")
    # From the document's folder (docs/): its files.
    assert "guide.md" in await complete(client, uri, 2, len(lines[2]))
    assert await complete(client, uri, 3, len(lines[3])) == []  # docs/docs/ holds nothing
    assert await complete(client, uri, 4, len(lines[4])) == ["setup"]
    assert await complete(client, uri, 5, len(lines[5])) == ["complete"]
    # In a code span, from the root, once a "/" is typed.
    assert await complete(client, uri, 6, len(lines[6])) == ["guide.md"]
    # A command's operand in an indented block, from the root; not in prose.
    assert await complete(client, uri, 8, len(lines[8])) == ["guide.md"]
    assert "guide.md" in await complete(client, uri, 9, len(lines[9]))
    assert await complete(client, uri, 10, len(lines[10])) == []


@pytest.mark.asyncio
async def test_rename_a_heading_and_a_file(client: LanguageClient, repository: pathlib.Path):
    text = "# Rename me\n\n## Old Title\n\n[own](#old-title)\n"
    (repository / "ren.md").write_text(text)
    (repository / "links.md").write_text("# Links\n\n[to](ren.md#old-title) and [file](ren.md)\n")
    uri = open_document(client, repository / "ren.md", text)
    await client.wait_for_notification("textDocument/publishDiagnostics")

    prepared = await client.text_document_prepare_rename_async(
        types.PrepareRenameParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=2, character=5))
    )
    assert prepared.placeholder == "Old Title"
    assert prepared.range.start == types.Position(line=2, character=3)
    assert prepared.range.end == types.Position(line=2, character=12)

    edit = await client.text_document_rename_async(
        types.RenameParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=2, character=5), new_name="New Title"
        )
    )
    links_uri = (repository / "links.md").as_uri()
    assert sorted(e.new_text for e in edit.changes[uri]) == ["## New Title", "#new-title"]
    assert [e.new_text for e in edit.changes[links_uri]] == ["ren.md#new-title"]

    moved = await client.workspace_will_rename_files_async(
        types.RenameFilesParams(files=[types.FileRename(old_uri=uri, new_uri=(repository / "docs" / "ren.md").as_uri())])
    )
    assert sorted(e.new_text for e in moved.changes[links_uri]) == ["docs/ren.md", "docs/ren.md#old-title"]


@pytest.mark.asyncio
async def test_quick_fixes_references_and_files_changed_outside(client: LanguageClient, repository: pathlib.Path):
    text = "# Fixes\n\n[case](Readme.md) and [anchor](README.md#setp) and [later](later.md)\n"
    uri = open_document(client, repository / "fixes.md", text)
    await client.wait_for_notification("textDocument/publishDiagnostics")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=types.Range(start=types.Position(line=2, character=0), end=types.Position(line=2, character=60)),
            context=types.CodeActionContext(diagnostics=[]),
        )
    )
    edits = sorted(a.edit.changes[uri][0].new_text for a in actions)
    assert edits == ["README.md", "README.md#setup"]
    # The fix travels with its diagnostic as data.
    fixed = [d for d in client.diagnostics[uri] if d.code == "link/case-mismatch"]
    assert [edit["newText"] for edit in fixed[0].data["fix"]] == ["README.md"]

    # Everything that points at README.md, and at its "Setup" heading.
    readme = (repository / "README.md").as_uri()
    refs = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=types.TextDocumentIdentifier(uri=readme), position=types.Position(line=1, character=0),
            context=types.ReferenceContext(include_declaration=False),
        )
    )
    assert (repository / "docs" / "guide.md").as_uri() in {r.uri for r in refs}
    to_heading = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=types.TextDocumentIdentifier(uri=readme), position=types.Position(line=2, character=4),
            context=types.ReferenceContext(include_declaration=False),
        )
    )
    assert {r.uri for r in to_heading} == {(repository / "docs" / "guide.md").as_uri()}

    # A file created outside the editor repairs the link once the client says so.
    (repository / "later.md").write_text("# Later\n")
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(changes=[types.FileEvent(uri=(repository / "later.md").as_uri(), type=types.FileChangeType.Created)])
    )
    await client.wait_for_notification("textDocument/publishDiagnostics")
    assert "later.md" not in " ".join(d.message for d in client.diagnostics[uri])


@pytest.mark.asyncio
async def test_completion_of_a_kinds_section_titles(client: LanguageClient, repository: pathlib.Path):
    (repository / "docs" / "plans").mkdir(parents=True, exist_ok=True)
    text = "# EXECPLAN demo\n\nThis ExecPlan is a living document.\n\n## Progress\n\n- [ ] Step\n\n## Dec"
    uri = open_document(client, repository / "docs" / "plans" / "EXECPLAN_demo.md", text)
    await client.wait_for_notification("textDocument/publishDiagnostics")
    labels = await complete(client, uri, 8, len("## Dec"))
    assert "Decision Log" in labels
    assert "Progress" not in await complete(client, uri, 8, len("## "))


@pytest.mark.asyncio
async def test_definition_and_hover_of_a_front_matter_id(client: LanguageClient, repository: pathlib.Path):
    (repository / "adr-7.md").write_text("---\nid: ADR-7\n---\n# Decision seven\n")
    text = "---\nrelated: [ADR-7, NOPE-1]\n---\n# Uses\n"
    uri = open_document(client, repository / "uses.md", text)
    await client.wait_for_notification("textDocument/publishDiagnostics")
    definition = await client.text_document_definition_async(
        types.DefinitionParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=1, character=11))
    )
    locations = definition if isinstance(definition, list) else [definition]
    assert [(loc.uri, loc.range.start.line) for loc in locations] == [((repository / "adr-7.md").as_uri(), 1)]
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=1, character=17))
    )
    assert "no document declares" in hover.contents.value


@pytest.mark.asyncio
async def test_completion_of_ids_in_front_matter_reference_keys(client: LanguageClient, repository: pathlib.Path):
    (repository / "adr-8.md").write_text("---\nid: ADR-8\n---\n# Decision eight\n")
    lines = ["---", "related: [ADR-", "depends_on:", "  - AD", "title: AD", "---", "# Ids"]
    uri = open_document(client, repository / "ids.md", "\n".join(lines) + "\n")
    await client.wait_for_notification("textDocument/publishDiagnostics")
    assert "ADR-8" in await complete(client, uri, 1, len(lines[1]))
    assert "ADR-8" in await complete(client, uri, 3, len(lines[3]))
    assert await complete(client, uri, 4, len(lines[4])) == []  # title is no reference key


@pytest.mark.asyncio
async def test_definition_and_hover_of_agent_names(client: LanguageClient, repository: pathlib.Path):
    (repository / ".agent" / "agents").mkdir(parents=True, exist_ok=True)
    (repository / ".agent" / "agents" / "deploy.md").write_text("---\nname: deploy\n---\n\n# DeployAgent\n\n## Purpose\n")
    (repository / "src").mkdir(exist_ok=True)
    (repository / "src" / "audit.py").write_text("import base\n\n\nclass AuditAgent(base.BaseAgent):\n    pass\n")
    text = "# Team\n\nAsk DeployAgent, then AuditAgent, never GhostAgent. Set the UserAgent.\n"
    uri = open_document(client, repository / "team.md", text)
    await client.wait_for_notification("textDocument/publishDiagnostics")
    line = text.splitlines()[2]

    async def definition(word):
        found = await client.text_document_definition_async(
            types.DefinitionParams(
                text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=2, character=line.index(word) + 2)
            )
        )
        found = found if isinstance(found, list) else [found] if found else []
        return [(pathlib.Path(loc.uri[len("file://"):]).relative_to(repository).as_posix(), loc.range.start.line) for loc in found]

    # To the agent doc's heading that names it; to the class that declares it in code.
    assert await definition("DeployAgent") == [(".agent/agents/deploy.md", 4)]
    assert await definition("AuditAgent") == [("src/audit.py", 3)]
    assert await definition("GhostAgent") == []
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=2, character=line.index("GhostAgent")))
    )
    assert "no agent doc or code declares" in hover.contents.value
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=2, character=line.index("AuditAgent")))
    )
    assert "`class AuditAgent` in `src/audit.py:4`" in hover.contents.value
    # A word that names no agent (an HTTP header) is left alone.
    assert await definition("UserAgent") == []
    # The cursor just after a name still finds it.
    after = await client.text_document_definition_async(
        types.DefinitionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=2, character=line.index("DeployAgent") + 11)
        )
    )
    assert after is not None


@pytest.mark.asyncio
async def test_references_to_an_id_and_its_rename(client: LanguageClient, repository: pathlib.Path):
    (repository / "adr-9.md").write_text("---\nid: ADR-9\n---\n# Decision nine\n")
    (repository / "cites-9.md").write_text("---\ndepends_on:\n  - ADR-9\n---\n# Cites\n")
    text = "---\nrelated: [ADR-90, ADR-9]\n---\n# Uses nine\n"
    uri = open_document(client, repository / "uses-9.md", text)
    await client.wait_for_notification("textDocument/publishDiagnostics")
    declaring = (repository / "adr-9.md").as_uri()

    refs = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=types.TextDocumentIdentifier(uri=declaring), position=types.Position(line=1, character=5),
            context=types.ReferenceContext(include_declaration=True),
        )
    )
    found = sorted((r.uri.rsplit("/", 1)[1], r.range.start.line, r.range.start.character, r.range.end.character) for r in refs)
    # ADR-9 itself, not the start of ADR-90.
    assert found == [("adr-9.md", 1, 4, 9), ("cites-9.md", 2, 4, 9), ("uses-9.md", 1, 18, 23)]

    prepared = await client.text_document_prepare_rename_async(
        types.PrepareRenameParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=1, character=20))
    )
    assert prepared.placeholder == "ADR-9"
    assert (prepared.range.start.character, prepared.range.end.character) == (18, 23)
    edit = await client.text_document_rename_async(
        types.RenameParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=1, character=20), new_name="ADR-0009")
    )
    changed = sorted((u.rsplit("/", 1)[1], e.range.start.line, e.new_text) for u, es in edit.changes.items() for e in es)
    assert changed == [("adr-9.md", 1, "ADR-0009"), ("cites-9.md", 2, "ADR-0009"), ("uses-9.md", 1, "ADR-0009")]
    with pytest.raises(Exception):
        await client.text_document_rename_async(
            types.RenameParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=1, character=19), new_name="A: B")
        )


@pytest.mark.asyncio
async def test_kind_sections_in_the_outline_and_their_quick_fixes(client: LanguageClient, repository: pathlib.Path):
    agents = repository / ".github" / "agents"
    agents.mkdir(parents=True, exist_ok=True)
    catalog = "# Agents\n\n1. [Audit](audit.md) audits.\n2. [Build](build.md)\n\nMore text.\n"
    (agents / "README.md").write_text(catalog)
    card = "# DeployAgent\n\nA card.\n\n## Purpose\n\nShips.\n\n## Validation\n\nChecks.\n"
    (agents / "deploy.md").write_text(card)
    catalog_uri = open_document(client, agents / "README.md", catalog)
    await client.wait_for_notification("textDocument/publishDiagnostics")
    uri = open_document(client, agents / "deploy.md", card)
    await until(lambda: "agent/not-in-catalog" in [d.code for d in client.diagnostics.get(uri, [])])

    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert [(s.name, s.detail) for s in symbols[0].children] == [
        ("Purpose", "Agent doc section, required"),
        ("Validation", "Agent doc section, required"),
    ]

    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=5)),
            context=types.CodeActionContext(diagnostics=[]),
        )
    )
    found = sorted(
        (a.title, u.rsplit("/", 1)[1], e.range.start.line, e.new_text) for a in actions for u, es in a.edit.changes.items() for e in es
    )
    assert found == [
        ("Add DeployAgent to .github/agents/README.md", "README.md", 4, "3. [DeployAgent](deploy.md)\n"),
        ("Insert section '## Key Integrations'", "deploy.md", 8, "## Key Integrations\n\n"),
        ("Insert section '## Recommended Procedure'", "deploy.md", 8, "## Recommended Procedure\n\n"),
    ]
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=catalog_uri)))


@pytest.mark.asyncio
async def test_edits_judged_against_the_kept_graph_agree_with_a_lint(client: LanguageClient, repository: pathlib.Path):
    folder = repository / "agree"
    folder.mkdir(exist_ok=True)
    a = "# A\n\n## One\n\nSee [b](b.md#two).\n\n"
    b = "# B\n\n## Two\n\n[back](a.md#one) and [ok](a.md)\n"
    (folder / "a.md").write_text(a)
    (folder / "b.md").write_text(b)
    a_uri = open_document(client, folder / "a.md", a)
    b_uri = open_document(client, folder / "b.md", b)
    await until(lambda: a_uri in client.diagnostics and b_uri in client.diagnostics)
    # A heading renamed (b's link breaks), a broken link, a missing backtick path, an id and
    # an agent name typed, a heading added that b then links to.
    change(client, a_uri, 2, 2, 3, 6, "Uno")
    change(client, a_uri, 3, 6, 0, 0, "[x](missing.md) and `agree/nothing.sh` for DeployAgent.\n\n## Three\n")
    change(client, b_uri, 2, 4, 0, 0, "[three](a.md#three) ")
    change(client, a_uri, 4, 0, 0, 0, "---\nid: AGREE-1\nrelated: [AGREE-2]\n---\n")
    # The same texts on disk, linted by the command line as CI does, the whole tree (the
    # server reads the buffers).
    a_text = "---\nid: AGREE-1\nrelated: [AGREE-2]\n---\n# A\n\n## Uno\n\nSee [b](b.md#two).\n\n[x](missing.md) and `agree/nothing.sh` for DeployAgent.\n\n## Three\n"
    b_text = "# B\n\n## Two\n\n[three](a.md#three) [back](a.md#one) and [ok](a.md)\n"
    (folder / "a.md").write_text(a_text)
    (folder / "b.md").write_text(b_text)
    result = subprocess.run(
        [BINARY, "--no-cache", "--format", "json"], cwd=repository, capture_output=True, text=True
    )
    lint = json.loads(result.stdout)["findings"]
    linted = {name: sorted((f["line"], f["column"], f["rule"]) for f in lint if f["path"] == name) for name in ["agree/a.md", "agree/b.md"]}
    assert "link/missing-anchor" in [rule for _, _, rule in linted["agree/b.md"]]
    assert "link/missing-file" in [rule for _, _, rule in linted["agree/a.md"]]

    def served(uri):
        return sorted((d.range.start.line + 1, d.range.start.character + 1, d.code) for d in client.diagnostics.get(uri, []))

    await until(lambda: served(a_uri) == linted["agree/a.md"] and served(b_uri) == linted["agree/b.md"])

    # A file the configuration does not lint shows nothing, and costs no rebuild.
    text_uri = open_document(client, repository / "notes.txt", "[x](gone.md)\n")
    await until(lambda: text_uri in client.diagnostics)
    change(client, text_uri, 2, 0, 0, 0, "more ")
    await asyncio.sleep(0.2)
    assert list(client.diagnostics[text_uri]) == []


@pytest.mark.asyncio
async def test_save_and_a_changed_configuration(client: LanguageClient, repository: pathlib.Path):
    linking = open_document(client, repository / "linking.md", "# Linking\n\n[made](made.md)\n")
    await until(lambda: [d.code for d in client.diagnostics.get(linking, [])] == ["link/missing-file"])
    # A new buffer stands in for its file at once; saved, it is the disk's; closed, still there.
    made = open_document(client, repository / "made.md", "# Made\n")
    await until(lambda: list(client.diagnostics.get(linking, ["pending"])) == [])
    (repository / "made.md").write_text("# Made\n")
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=made)))
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=made)))
    change(client, linking, 2, 2, 0, 0, "[gone](gone.md) ")
    await until(lambda: [d.code for d in client.diagnostics.get(linking, [])] == ["link/missing-file"])
    assert "gone.md" in client.diagnostics[linking][0].message

    # A configuration written and announced applies at once; removed, the default again.
    (repository / ".docs-lint.yml").write_text("rules:\n  link/missing-file: off\n")
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    await until(lambda: list(client.diagnostics.get(linking, ["pending"])) == [])
    (repository / ".docs-lint.yml").unlink()
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    await until(lambda: [d.code for d in client.diagnostics.get(linking, [])] == ["link/missing-file"])
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=linking)))


@pytest.mark.asyncio
async def test_a_missing_section_goes_inside_a_wrapping_fence(client: LanguageClient, repository: pathlib.Path):
    (repository / "docs" / "plans").mkdir(parents=True, exist_ok=True)
    text = (
        "```md\n# EXECPLAN wrapped\n\nThis ExecPlan is a living document.\n\n## Progress\n\n- [ ] Step\n\n"
        "## Surprises & Discoveries\n\nNone.\n\n## Decision Log\n\n- Decision: x. Rationale: y. Date/Author: z.\n```\n"
    )
    uri = open_document(client, repository / "docs" / "plans" / "EXECPLAN_wrapped.md", text)
    await until(lambda: "structure/missing-section" in [d.code for d in client.diagnostics.get(uri, [])])
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=types.Range(start=types.Position(line=1, character=0), end=types.Position(line=1, character=3)),
            context=types.CodeActionContext(diagnostics=[]),
        )
    )
    inserts = [(e.range.start.line, e.new_text) for a in actions if a.title.startswith("Insert") for e in a.edit.changes[uri]]
    closing = text.splitlines().index("```", 1)
    assert inserts == [(closing, "\n## Outcomes & Retrospective\n")]
