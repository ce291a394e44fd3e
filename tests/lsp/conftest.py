"""Fixtures of the language server's end-to-end tests: `rileva lsp` started by
pytest-lsp as an editor would start it, over stdin and stdout.

RILEVA_BIN names the binary (scripts/test.sh sets it). Each server gets a cache folder
of its own (XDG_CACHE_HOME), where it writes the standard library for go to definition.
"""

import asyncio
import atexit
import json
import os
import pathlib
import shutil
import subprocess
import tempfile

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

ROOT = pathlib.Path(__file__).resolve().parents[2]
RILEVA = os.environ.get("RILEVA_BIN", str(ROOT / "target" / "debug" / "rileva"))
CACHE = tempfile.mkdtemp(prefix="rileva-lsp-cache-")
atexit.register(shutil.rmtree, CACHE, ignore_errors=True)


def server_env():
    env = dict(os.environ)
    env["XDG_CACHE_HOME"] = CACHE
    env["RILEVA_LSP_DEBUG_PANIC"] = "1"
    return env


def config():
    if not os.path.isfile(RILEVA):
        raise FileNotFoundError(f"no rileva binary at {RILEVA}: run cargo build first")
    return ClientServerConfig(server_command=[RILEVA, "lsp"], server_env=server_env())


def initialize_params(root, lib=None):
    uri = root.as_uri()
    return types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"),
        root_uri=uri,
        workspace_folders=[types.WorkspaceFolder(uri=uri, name=root.name)],
        initialization_options={"lib": lib} if lib is not None else None,
    )


@pytest_lsp.fixture(config=config())
async def client(lsp_client: LanguageClient):
    """A server on the repository, with tests/ui_lib as the client's `lib` folder (as
    the ui snapshots run `rileva check --lib tests/ui_lib`)."""
    await lsp_client.initialize_session(initialize_params(ROOT, ["tests/ui_lib"]))
    yield
    await lsp_client.shutdown_session()


def check_json(path, *libs, cwd=ROOT):
    """`rileva check --format json` on one file: the diagnostics the editor must show."""
    args = [RILEVA, "check", "--format", "json"]
    for lib in libs:
        args += ["--lib", str(lib)]
    out = subprocess.run(args + [str(path)], cwd=cwd, capture_output=True, text=True)
    assert out.returncode in (0, 1), out.stderr
    return json.loads(out.stdout)["diagnostics"]


async def open_document(client, path, text=None, version=1):
    """Open a file (its text on disk unless given) and wait for its diagnostics."""
    path = pathlib.Path(path)
    uri = path.resolve().as_uri()
    client.diagnostics.pop(uri, None)
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri,
                language_id="rileva",
                version=version,
                text=path.read_text(encoding="utf-8") if text is None else text,
            )
        )
    )
    return uri, await diagnostics_of(client, uri)


async def diagnostics_of(client, uri, timeout=20.0):
    """Wait for the diagnostics of `uri` (the caller popped the last ones first)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while uri not in client.diagnostics:
        assert loop.time() < deadline, f"no diagnostics for {uri} within {timeout}s"
        await asyncio.sleep(0.005)
    return client.diagnostics[uri]


async def change(client, uri, text, version):
    client.diagnostics.pop(uri, None)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )
    return await diagnostics_of(client, uri)


def position_of(text, needle, nth=0, delta=0):
    """The LSP position of the `nth` occurrence of `needle` (plus `delta` characters),
    in UTF-16 units as the client speaks."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(needle, at + 1)
    at += delta
    line = text.count("\n", 0, at)
    start = text.rfind("\n", 0, at) + 1
    return types.Position(line=line, character=len(text[start:at].encode("utf-16-le")) // 2)
