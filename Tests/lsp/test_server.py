"""End-to-end tests of `docs-lint lsp`, driven by pytest-lsp (a real LSP client).

The Swift test `LanguageServerTests` runs them with DOCS_LINT_BINARY set to the tested
binary; each test gets a fresh fixture repository.
"""

import os
import pathlib
import subprocess

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


def open_document(client: LanguageClient, path: pathlib.Path, text: str, version: int = 1) -> str:
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=version, text=text)
        )
    )
    return uri


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
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(start=types.Position(line=2, character=4), end=types.Position(line=2, character=11)),
                    text="README.md",
                )
            ],
        )
    )
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
