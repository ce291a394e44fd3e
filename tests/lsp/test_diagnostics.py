"""Diagnostics in the editor are those of `rileva check --format json`: the same codes,
ranges, severities, messages and related information, for every example and every ui
fixture; an edit that introduces an error shows it, the edit that fixes it clears it."""

import pathlib
import subprocess

from lsprotocol import types

from conftest import CACHE, RILEVA, ROOT, change, check_json, open_document

SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning}
VERSION = subprocess.run([RILEVA, "--version"], capture_output=True, text=True).stdout.split()[-1]


def file_uri(name):
    """The URI the server gives a file `check` names: stdlib files are served from the
    cache folder, the others are paths relative to where `check` ran."""
    if name.startswith("stdlib/"):
        rest = name.removeprefix("stdlib/")
        return (pathlib.Path(CACHE) / "rileva" / "stdlib" / VERSION / rest).as_uri()
    return (ROOT / name).resolve().as_uri()


def range_of(item, prefix=""):
    return (
        (item[prefix + "line"] - 1, item[prefix + "column"] - 1),
        (item["end_line"] - 1, item["end_column"] - 1),
    )


def expected(diagnostic):
    primary = next(label for label in diagnostic["labels"] if label["primary"])
    message = diagnostic["message"]
    if primary["message"] and primary["message"] != message:
        message += "\n" + primary["message"]
    if diagnostic["help"]:
        message += "\nhelp: " + diagnostic["help"]
    related = sorted(
        (file_uri(label["file"]), range_of(label), label["message"])
        for label in diagnostic["labels"]
        if not label["primary"]
    )
    return (diagnostic["code"], SEVERITY[diagnostic["severity"]], range_of(diagnostic), message, related)


def shown(diagnostic):
    r = diagnostic.range
    related = sorted(
        (
            info.location.uri,
            (
                (info.location.range.start.line, info.location.range.start.character),
                (info.location.range.end.line, info.location.range.end.character),
            ),
            info.message,
        )
        for info in diagnostic.related_information or []
    )
    return (
        diagnostic.code,
        diagnostic.severity,
        ((r.start.line, r.start.character), (r.end.line, r.end.character)),
        diagnostic.message,
        related,
    )


def surveys():
    files = sorted((ROOT / "examples").glob("*.rileva"))
    files += sorted((ROOT / "tests" / "ui").rglob("*.rileva"))
    return [f.relative_to(ROOT) for f in files]


async def test_every_example_and_ui_fixture_shows_what_check_reports(client):
    compared = 0
    with_related = 0
    for rel in surveys():
        want = [expected(d) for d in check_json(rel, "tests/ui_lib") if d["file"] == str(rel)]
        _, got = await open_document(client, ROOT / rel)
        assert sorted(map(shown, got)) == sorted(want), rel
        for d in got:
            assert d.source == "rileva"
            assert d.code_description.href.endswith(f"/{d.code}.md")
            assert pathlib.Path(d.code_description.href.removeprefix("file://")).is_file()
        compared += len(want)
        with_related += sum(1 for w in want if w[4])
    # The fixtures cover every kind of diagnostic: many, some with related places.
    assert compared >= 40 and with_related >= 5, (compared, with_related)


async def test_an_edit_introduces_an_error_and_the_next_fixes_it(client):
    path = ROOT / "examples" / "inps_hub_prestazioni.rileva"
    text = path.read_text(encoding="utf-8")
    uri, first = await open_document(client, path)
    assert list(first) == []
    broken = text.replace("scale accordo5 {", "scale accordo55 {")
    after_typo = await change(client, uri, broken, 2)
    assert [d.code for d in after_typo] == ["R0101"]
    assert "did you mean `accordo5`?" in after_typo[0].message
    line = broken.splitlines()[after_typo[0].range.start.line]
    assert "accordo55" in line
    # A stray keystroke that breaks the syntax: reported, and the server goes on.
    garbled = text.replace("section domanda", "section domanda {{{ \"")
    after_garbage = await change(client, uri, garbled, 3)
    assert "R0001" in [d.code for d in after_garbage]
    assert list(await change(client, uri, text, 4)) == []


async def test_a_closed_document_has_its_diagnostics_cleared(client):
    uri, got = await open_document(client, ROOT / "tests" / "ui" / "R0101_unknown_scale.rileva")
    assert got
    client.diagnostics.pop(uri)
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    from conftest import diagnostics_of

    assert list(await diagnostics_of(client, uri)) == []
