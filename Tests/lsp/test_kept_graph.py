"""The server's kept graph judges an open document as a whole-tree lint (CI) does, with a
parse cache, several workspace folders, ignored files and buffers of IaC files.

Each test builds its own repository and starts the server with a cache folder of its own.
"""

import atexit
import pathlib
import shutil
import subprocess
import tempfile

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from test_server import BINARY, change, open_document, until

CACHE = pathlib.Path(tempfile.mkdtemp(prefix="docs-lint-kept-graph-"))
atexit.register(shutil.rmtree, CACHE, True)


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[BINARY, "lsp", "--cache-dir", str(CACHE)]))
async def client(lsp_client: LanguageClient):
    yield
    await lsp_client.shutdown_session()


def repository(root: pathlib.Path, files: dict[str, str]) -> pathlib.Path:
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text)
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    subprocess.run(["git", "-C", str(root), "add", "-A"], check=True)
    return root.resolve()


async def initialize(client: LanguageClient, *folders: pathlib.Path):
    await client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            workspace_folders=[types.WorkspaceFolder(uri=folder.as_uri(), name=folder.name) for folder in folders],
        )
    )


def codes(client: LanguageClient, uri: str) -> list[str]:
    return sorted(d.code for d in client.diagnostics.get(uri, []))


@pytest.mark.asyncio
async def test_a_new_buffer_is_seen_by_cached_summaries(client: LanguageClient, tmp_path: pathlib.Path):
    root = repository(tmp_path, {
        ".docs-lint.yml": "rules:\n  docs/orphan: info\n",
        "README.md": "# Home\n\nSee [guide](docs/guide.md) and [new](docs/new.md).\n",
        "docs/guide.md": "# Guide\n\nText.\n",
    })
    # A lint fills the cache: the README's summary says docs/new.md is missing.
    subprocess.run([BINARY, "--cache-dir", str(CACHE)], cwd=root, capture_output=True)
    await initialize(client, root)
    uri = open_document(client, root / "docs" / "new.md", "# New\n\nText.\n")
    await until(lambda: uri in client.diagnostics)
    # The README links it: no orphan, as a lint with the file on disk says.
    assert codes(client, uri) == []


@pytest.mark.asyncio
async def test_ignored_files_and_nested_folders(client: LanguageClient, tmp_path: pathlib.Path):
    outer = repository(tmp_path / "outer", {".gitignore": "gen/\n", "gen/out.md": "# Out\n\n[x](gone.md)\n", "README.md": "# O\n"})
    inner = repository(tmp_path / "outer" / "inner", {"README.md": "# Inner\n\n[a](a.md)\n", "a.md": "# A\n"})
    await initialize(client, outer, inner)
    # A file git ignores is not linted by CI: nothing shown.
    ignored = open_document(client, outer / "gen" / "out.md", "# Out\n\n[x](gone.md)\n")
    # A file of the inner repository is judged there (its a.md exists), not in the outer one.
    nested = open_document(client, inner / "README.md", "# Inner\n\n[a](a.md)\n")
    await until(lambda: ignored in client.diagnostics and nested in client.diagnostics)
    assert codes(client, ignored) == []
    assert codes(client, nested) == []


@pytest.mark.asyncio
async def test_an_iac_buffer_feeds_the_documents(client: LanguageClient, tmp_path: pathlib.Path):
    root = repository(tmp_path, {
        "infra/variables.tf": 'variable "region" {}\n',
        "docs/infra.md": "# Infra\n\nSet `var.zone` and `var.region`.\n",
    })
    await initialize(client, root)
    doc = open_document(client, root / "docs" / "infra.md", "# Infra\n\nSet `var.zone` and `var.region`.\n")
    await until(lambda: codes(client, doc) == ["iac/unknown-symbol"])
    tf = open_document(client, root / "infra" / "variables.tf", 'variable "region" {}\n')
    change(client, tf, 2, 1, 0, 0, 'variable "zone" {}\n')
    # The buffer declares the variable: the document is judged again and repaired.
    await until(lambda: codes(client, doc) == [])
