"""A project whose `rileva.toml` names a `lib` folder: `rileva check` and `rileva lsp`
both read it; the editor checks a survey importing a package of it, hovers and jumps
into the package, and re-checks the survey while the package is edited."""

import shutil
import subprocess

import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from conftest import RILEVA, ROOT, change, check_json, config, diagnostics_of, initialize_params, open_document, position_of

SURVEY = """import comune.scale

/// A municipality's survey on its own agreement scale.
survey comune.prova {
  version 1.0.0
  title "Prova" en "Test"
  languages it en
  question accordo: scale accordo5 {
    "È d'accordo con il nuovo orario?" en "Do you agree with the new opening hours?"
  }
}
"""


def make_project(root):
    (root / "pacchetti" / "comune").mkdir(parents=True)
    shutil.copy(ROOT / "tests" / "ui_lib" / "comune" / "scale.rileva", root / "pacchetti" / "comune" / "scale.rileva")
    (root / "rileva.toml").write_text('lib = ["pacchetti"]\n', encoding="utf-8")
    (root / "sondaggio.rileva").write_text(SURVEY, encoding="utf-8")


@pytest_lsp.fixture(config=config())
async def project(lsp_client: LanguageClient, tmp_path):
    make_project(tmp_path)
    await lsp_client.initialize_session(initialize_params(tmp_path))
    yield
    await lsp_client.shutdown_session()


def test_every_command_reads_the_lib_folders_of_rileva_toml(tmp_path):
    make_project(tmp_path)
    run = lambda *args: subprocess.run([RILEVA, *args], cwd=tmp_path, capture_output=True, text=True)
    assert run("check", "sondaggio.rileva").returncode == 0
    # From a folder below, the same file is found (as cargo finds Cargo.toml).
    (tmp_path / "sotto").mkdir()
    below = subprocess.run([RILEVA, "check", "../sondaggio.rileva"], cwd=tmp_path / "sotto", capture_output=True, text=True)
    assert below.returncode == 0, below.stderr
    assert run("build", "--target", "json-schema", "--out", "out", "sondaggio.rileva").returncode == 0
    (tmp_path / "rileva.toml").unlink()
    missing = run("check", "--format", "json", "sondaggio.rileva")
    assert missing.returncode == 1 and '"R0104"' in missing.stdout
    (tmp_path / "rileva.toml").write_text('libs = ["pacchetti"]\n', encoding="utf-8")
    typo = run("check", "sondaggio.rileva")
    assert typo.returncode == 2 and "rileva.toml" in typo.stderr and "libs" in typo.stderr


def test_a_broken_rileva_toml_stops_every_command_that_reads_surveys(tmp_path):
    """Each command that compiles a survey reads the project's rileva.toml: with an unknown
    key each stops with exit status 2 naming the file, and writes nothing."""
    make_project(tmp_path)
    (tmp_path / "rileva.toml").write_text('libs = ["pacchetti"]\n', encoding="utf-8")
    (tmp_path / "risposte.jsonl").write_text("", encoding="utf-8")
    commands = [
        ["check", "sondaggio.rileva"],
        ["build", "--out", "out", "sondaggio.rileva"],
        ["validate", "sondaggio.rileva", "risposte.jsonl"],
        ["load", "sondaggio.rileva", "risposte.jsonl", "--db", "sqlite:load.db"],
        ["serve", "sondaggio.rileva", "--db", "sqlite:serve.db", "--listen", "127.0.0.1:0"],
        ["report", "sondaggio.rileva", "--db", "sqlite:serve.db", "--out", "report"],
        ["diff", "sondaggio.rileva", "sondaggio.rileva"],
    ]
    for args in commands:
        out = subprocess.run([RILEVA, *args], cwd=tmp_path, capture_output=True, text=True, timeout=60)
        assert out.returncode == 2, (args, out.returncode, out.stderr)
        assert "rileva.toml" in out.stderr and "libs" in out.stderr, (args, out.stderr)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pacchetti", "rileva.toml", "risposte.jsonl", "sondaggio.rileva"]


async def test_a_survey_importing_a_package_of_the_project(project, tmp_path):
    client = project
    survey = tmp_path / "sondaggio.rileva"
    uri, shown = await open_document(client, survey)
    assert list(shown) == [] and check_json(survey, cwd=tmp_path) == []
    at = position_of(SURVEY, "scale accordo5", delta=7)
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=at)
    )
    assert hover.contents.value.startswith("**scale** `comune.scale.accordo5`")
    assert "Agreement, 4 points without a neutral middle." in hover.contents.value
    target = await client.text_document_definition_async(
        types.DefinitionParams(text_document=types.TextDocumentIdentifier(uri=uri), position=at)
    )
    package = tmp_path / "pacchetti" / "comune" / "scale.rileva"
    assert target.uri == package.resolve().as_uri()

    # The package, open and edited but not saved: the survey is checked against the edit.
    text = package.read_text(encoding="utf-8")
    package_uri, _ = await open_document(client, package)
    client.diagnostics.pop(uri, None)
    await change(client, package_uri, text.replace("scale accordo5", "scale accordo4"), 2)
    broken = await diagnostics_of(client, uri)
    assert [d.code for d in broken] == ["R0101"] and "accordo4" in broken[0].message
    client.diagnostics.pop(uri, None)
    await change(client, package_uri, text, 3)
    assert list(await diagnostics_of(client, uri)) == []


@pytest_lsp.fixture(config=config())
async def broken_project(lsp_client: LanguageClient, tmp_path):
    make_project(tmp_path)
    (tmp_path / "rileva.toml").write_text('libs = ["pacchetti"]\n', encoding="utf-8")
    await lsp_client.initialize_session(initialize_params(tmp_path))
    yield
    await lsp_client.shutdown_session()


async def test_a_bad_rileva_toml_is_shown_and_the_survey_still_checked(broken_project, tmp_path):
    client = broken_project
    uri, shown = await open_document(client, tmp_path / "sondaggio.rileva")
    [message] = [m for m in client.messages if m.type == types.MessageType.Error]
    assert "rileva.toml" in message.message and "libs" in message.message
    # Without the packages the import is unknown, as `rileva check` says.
    assert "R0104" in [d.code for d in shown]
    # The file fixed on disk, and the editor's watcher says so: the project is read again.
    (tmp_path / "rileva.toml").write_text('lib = ["pacchetti"]\n', encoding="utf-8")
    client.diagnostics.pop(uri, None)
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=(tmp_path / "rileva.toml").as_uri(), type=types.FileChangeType.Changed)]
        )
    )
    assert list(await diagnostics_of(client, uri)) == []
