"""Hover, go to definition (into the embedded standard library too), completion in each
context of docs/editor.md, formatting, document symbols and quick fixes, asked of a real
`rileva lsp` on real surveys; and a crash in one request leaves the server running."""

import pathlib
import shutil
import subprocess

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcInternalError

from conftest import CACHE, RILEVA, ROOT, change, open_document, position_of

HUB = ROOT / "examples" / "inps_hub_prestazioni.rileva"


def doc(uri):
    return types.TextDocumentIdentifier(uri=uri)


async def hover(client, uri, position):
    result = await client.text_document_hover_async(
        types.HoverParams(text_document=doc(uri), position=position)
    )
    return result.contents.value if result else None


async def test_hover_on_a_question_in_show_if_gives_wording_codes_and_lock(client):
    text = HUB.read_text(encoding="utf-8")
    uri, _ = await open_document(client, HUB)
    shown = await hover(client, uri, position_of(text, "show if soddisfazione", delta=9))
    assert "**question** `soddisfazione`: scale `istat.scales.soddisfazione5`" in shown
    assert "Complessivamente, quanto è soddisfatto del servizio?" in shown
    assert "Overall, how satisfied are you with the service?" in shown
    assert "from module `istat.cx.core`" in shown
    assert "locked by standard `istat.cx 2024.1`" in shown
    assert "- `1` Per niente soddisfatto / Not at all satisfied" in shown
    # A question of the survey itself, at its definition: routing in words.
    shown = await hover(client, uri, position_of(text, "question documenti", delta=10))
    assert "**Shown if** `soddisfazione <= 2`" in shown


async def test_hover_on_a_list_a_module_a_profile_and_a_keyword(client):
    text = HUB.read_text(encoding="utf-8")
    uri, _ = await open_document(client, HUB)
    scale = await hover(client, uri, position_of(text, "scale accordo5", delta=7))
    assert scale.startswith("**scale** `istat.scales.accordo5`") and "- `1` " in scale
    module = await hover(client, uri, position_of(text, "use istat.cx.core", delta=14))
    assert module.startswith("**module** `istat.cx.core`") and "Nucleo comune" in module
    profile = await hover(client, uri, position_of(text, "2024.1 profile istanza_online", delta=16))
    assert profile.startswith("**profile** `istanza_online` of standard `istat.cx`")
    assert "requires `core` `servizio_online`" in profile
    keyword = await hover(client, uri, position_of(text, "  anonymous", delta=3))
    assert keyword.startswith("**anonymous**: ")
    kind = await hover(client, uri, position_of(text, "kind ente_previdenziale", delta=6))
    assert kind.startswith("**kind** `ente_previdenziale` (pa kind)")
    # Inside a string there is nothing to say.
    assert await hover(client, uri, position_of(text, "Valuti il servizio", delta=3)) is None


async def definition(client, uri, position):
    result = await client.text_document_definition_async(
        types.DefinitionParams(text_document=doc(uri), position=position)
    )
    return result


def text_at(location):
    lines = pathlib.Path(location.uri.removeprefix("file://")).read_text(encoding="utf-8").splitlines()
    r = location.range
    assert r.start.line == r.end.line
    return lines[r.start.line][r.start.character : r.end.character]


async def test_go_to_definition_into_the_standard_library_and_the_survey(client):
    text = HUB.read_text(encoding="utf-8")
    uri, _ = await open_document(client, HUB)
    module = await definition(client, uri, position_of(text, "use istat.cx.core", delta=15))
    assert module.uri.startswith(pathlib.Path(CACHE).as_uri() + "/rileva/stdlib/")
    assert module.uri.endswith("/istat/cx.rileva")
    assert text_at(module) == "core"
    # The stdlib file is the embedded one, read-only.
    path = pathlib.Path(module.uri.removeprefix("file://"))
    assert not path.stat().st_mode & 0o222
    question = await definition(client, uri, position_of(text, "show if soddisfazione", delta=10))
    assert question.uri == module.uri and text_at(question) == "soddisfazione"
    scale = await definition(client, uri, position_of(text, "scale accordo5", delta=8))
    assert scale.uri.endswith("/istat/scales.rileva") and text_at(scale) == "accordo5"
    local = await definition(client, uri, position_of(text, "motivi has 3", delta=1))
    assert text_at(local) == "motivi"
    standard = await definition(client, uri, position_of(text, "conforms istat.cx", delta=12))
    assert text_at(standard) == "istat.cx"
    # Opening the stdlib file shows no diagnostics of its own.
    _, shown = await open_document(client, path)
    assert list(shown) == []


BOLZANO = ROOT / "examples" / "bolzano_anagrafe_bilingue.rileva"
CIVA = ROOT / "examples" / "inail_civa.rileva"


async def test_hover_on_a_question_in_a_check_and_a_translations_key(client):
    text = BOLZANO.read_text(encoding="utf-8")
    uri, _ = await open_document(client, BOLZANO)
    checked = await hover(client, uri, position_of(text, "check not (conosciuto", delta=12))
    assert checked.startswith("**question** `conosciuto`")
    key = await hover(client, uri, position_of(text, "    facilita \"Wie", delta=6))
    assert key.startswith("**question** `facilita`") and "from module `istat.cx.core`" in key


async def test_hover_on_an_options_list_and_a_standard(client):
    text = CIVA.read_text(encoding="utf-8")
    uri, _ = await open_document(client, CIVA)
    options = await hover(client, uri, position_of(text, "choice pratica_civa", delta=9))
    assert options.startswith("**options** `pratica_civa`") and "- `1` " in options
    standard = await hover(client, uri, position_of(text, "conforms istat.cx", delta=12))
    assert standard.startswith("**standard** `istat.cx` 2024.1")
    assert "The national CX standard for public services" in standard


async def test_go_to_definition_of_a_profile_and_an_options_list(client):
    text = CIVA.read_text(encoding="utf-8")
    uri, _ = await open_document(client, CIVA)
    profile = await definition(client, uri, position_of(text, "2024.1 profile istanza_online", delta=17))
    assert profile.uri.endswith("/istat/cx.rileva") and text_at(profile) == "istanza_online"
    options = await definition(client, uri, position_of(text, "choice pratica_civa", delta=9))
    assert options.uri == uri and text_at(options) == "pratica_civa"


async def completions(client, uri, text, needle, delta=None):
    delta = len(needle) if delta is None else delta
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=doc(uri), position=position_of(text, needle, delta=delta))
    )
    items = result.items if isinstance(result, types.CompletionList) else result
    return [item.label for item in items or []]


SKELETON = """import istat.cx
import istat.scales

survey prova.completamento {
  version 1.0.0
  title "Prova"
  agency "c_h501" kind KIND_PA
  service "prova" kind KIND_SERVICE
  conforms CONFORMS
  use USE

  question primo: yesno {
    "Primo?"
  }
  question multipla: multi {
    "Quali?"
    1 "Uno"
    2 "Due"
    3 "Tre"
  }
  question secondo: scale accordo5 {
    "Secondo?"
    show if SHOW
  }
  question terzo: TYPE {
    "Terzo?"
  }
  STATEMENT
}
"""


async def test_completion_in_each_context(client):
    path = ROOT / "examples" / "prova_completamento.rileva"  # never written: the editor's buffer
    uri, _ = await open_document(client, path, SKELETON)

    async def at(needle, delta=0):
        return await completions(client, uri, SKELETON, needle, delta)

    statements = await at("  STATEMENT", 2)
    assert {"question", "section", "use", "check", "translations", "title", "conforms"} <= set(statements)
    types_ = await at("terzo: ", 7)
    assert {"scale", "choice", "multi", "faces", "rating", "nps", "yesno", "number", "text"} == set(types_)
    assert ["primo", "multipla"] == await at("show if SHOW", 8)  # earlier questions, in order
    assert {"istat.cx.core", "istat.cx.servizio_online"} <= set(await at("use USE", 4))
    assert {"istat.cx", "designers_italia.valutazione"} <= set(await at("conforms CONFORMS", 9))
    assert {"comune", "ente_previdenziale"} <= set(await at("kind KIND_PA", 5))
    assert {"istanza_online"} <= set(await at("kind KIND_SERVICE", 5))
    # Further contexts need text typed in: the buffer changes as the user types.
    typed = SKELETON.replace("show if SHOW", "show if primo = ").replace("terzo: TYPE", "terzo: scale ")
    typed = typed.replace("conforms CONFORMS", "conforms istat.cx 2024.1 profile ")
    await change(client, uri, typed, 2)
    assert ["1", "2"] == await completions(client, uri, typed, "show if primo = ")
    scales = await completions(client, uri, typed, "terzo: scale ")
    assert {"accordo5", "soddisfazione5"} <= set(scales)
    profiles = await completions(client, uri, typed, "profile ", None)
    assert {"istanza_online"} <= set(profiles)
    versions_text = typed.replace("conforms istat.cx 2024.1 profile ", "conforms istat.cx ")
    await change(client, uri, versions_text, 3)
    assert ["2024.1"] == await completions(client, uri, versions_text, "conforms istat.cx ")
    in_list = typed.replace("show if primo = ", "show if primo in [1, ")
    await change(client, uri, in_list, 4)
    assert ["1", "2"] == await completions(client, uri, in_list, "primo in [1, ")
    has = typed.replace("show if primo = ", "show if not (multipla has ")
    await change(client, uri, has, 6)
    assert ["1", "2", "3"] == await completions(client, uri, has, "multipla has ")
    top = "imp"
    await change(client, uri, top, 7)
    assert {"import", "survey", "module", "scale"} <= set(await completions(client, uri, top, "imp"))


MULTILINE = """import istat.cx
import istat.scales

options canale_contatto {
  1 "Telefono"
  2 "Sportello"
}

survey prova.contesti {
  version 1.0.0
  title "Prova"
  agency "c_h501" kind comune
  service "prova" kind istanza_online
  question primo: yesno {
    "Primo?"
  }
  question canale: choice canale_contatto {
    "Come?"
  }
  question secondo: yesno {
    "Secondo?"
    show if primo = 1
      and canale in [1,
        NEXT_CODE
  }
  question terzo: yesno {
    "Terzo?"
    show if not (primo = 2
      or NEXT_QUESTION
  }
  question quarto: choice OPTIONS
  check canale != FIRST_CHECK
  check primo = 1 or
    SECOND_CHECK
  section s "Sezione" {
    question quinto: yesno {
      "Quinto?"
    }
    SECTION_STATEMENT
  }
}
"""


# What each placeholder of MULTILINE becomes once typed: each context is asked with the
# others typed in full, as a user types one statement at a time.
TYPED = {
    "NEXT_CODE": "2]",
    "NEXT_QUESTION": "canale = 1)",
    "OPTIONS": 'canale_contatto {\n    "Quarto?"\n  }',
    "FIRST_CHECK": '1 else "No"',
    "SECOND_CHECK": 'canale = 2 else "No"',
    "SECTION_STATEMENT": "",
}


async def test_completion_reads_the_statement_over_its_lines_and_the_blocks_from_the_tree(client):
    path = ROOT / "examples" / "prova_contesti.rileva"  # never written: the editor's buffer
    uri, _ = await open_document(client, path, MULTILINE)
    version = 1

    async def at(placeholder):
        nonlocal version
        text = MULTILINE
        for other, typed in TYPED.items():
            if other != placeholder:
                text = text.replace(other, typed)
        cursor = position_of(text, placeholder)
        text = text.replace(placeholder, "")
        version += 1
        await change(client, uri, text, version)
        result = await client.text_document_completion_async(
            types.CompletionParams(text_document=doc(uri), position=cursor)
        )
        return [item.label for item in result]

    # A condition over three lines: `canale in [1,` is on the line above.
    assert ["1", "2"] == await at("NEXT_CODE")
    # `or` on a new line, inside `not (`: the questions asked before `terzo`.
    assert ["primo", "canale", "secondo"] == await at("NEXT_QUESTION")
    # Options lists after `choice`, the survey's own among them; scales are not offered.
    options = await at("OPTIONS")
    assert "canale_contatto" in options and "accordo5" not in options
    # `check` at the survey's level: codes after `!=`, every question on a line that goes on.
    assert ["1", "2"] == await at("FIRST_CHECK")
    checked = await at("SECOND_CHECK")
    assert {"primo", "canale", "secondo", "terzo", "quarto", "quinto"} <= set(checked)
    # A statement in a section, after a question block: the section's keywords.
    statements = await at("SECTION_STATEMENT")
    assert {"question", "section", "use", "check"} <= set(statements) and "version" not in statements


async def test_completion_of_kinds_standards_and_profiles_from_the_catalog(client):
    text = SKELETON.replace("import istat.cx\nimport istat.scales\n", "")
    path = ROOT / "examples" / "prova_catalogo.rileva"
    uri, _ = await open_document(client, path, text)
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=doc(uri), position=position_of(text, "kind KIND_PA", delta=5))
    )
    pa = {item.label: item.detail for item in result}
    # Every PA kind of the standard library, with its label, even with nothing imported.
    assert pa["comune"] == "Comuni / Municipalities" and "ente_previdenziale" in pa
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=doc(uri), position=position_of(text, "kind KIND_SERVICE", delta=5))
    )
    service = {item.label for item in result}
    assert {"istanza_online", "prenotazione"} <= service and "comune" not in service
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=doc(uri), position=position_of(text, "conforms CONFORMS", delta=9))
    )
    standards = {item.label: item.detail for item in result}
    assert {"istat.cx", "funzione_pubblica.mettiamoci_la_faccia", "designers_italia.valutazione"} <= set(standards)
    typed = text.replace("conforms CONFORMS", "conforms istat.cx 2024.1 profile ")
    await change(client, uri, typed, 2)
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=doc(uri), position=position_of(typed, "profile ", delta=8))
    )
    profiles = {item.label: item.detail for item in result}
    assert "istanza_online" in profiles and profiles["istanza_online"]
    await change(client, uri, "import \n", 3)
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=doc(uri), position=types.Position(line=0, character=7))
    )
    assert {"istat.cx", "istat.scales", "comune.scale"} <= {item.label for item in result}


async def test_formatting_gives_what_rileva_fmt_writes(client, tmp_path):
    messy = HUB.read_text(encoding="utf-8").replace("\n  ", "\n      ").replace("\n", "   \n")
    copy = tmp_path / "messy.rileva"
    copy.write_text(messy, encoding="utf-8")
    uri, _ = await open_document(client, copy)
    edits = await client.text_document_formatting_async(
        types.DocumentFormattingParams(text_document=doc(uri), options=types.FormattingOptions(2, True))
    )
    assert len(edits) == 1
    subprocess.run([RILEVA, "fmt", str(copy)], check=True)
    assert edits[0].new_text == copy.read_text(encoding="utf-8") != messy
    # A file that does not parse is left alone.
    await change(client, uri, "survey {", 2)
    assert (
        await client.text_document_formatting_async(
            types.DocumentFormattingParams(text_document=doc(uri), options=types.FormattingOptions(2, True))
        )
        is None
    )


async def test_document_symbols_outline_sections_and_questions(client):
    uri, _ = await open_document(client, HUB)
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=doc(uri))
    )
    [survey] = symbols
    assert survey.name == "inps.prestazioni_non_pensionistiche"
    children = [s.name for s in survey.children]
    assert children == ["use istat.cx.core", "use istat.cx.servizio_online", "domanda"]
    section = survey.children[2]
    assert [q.name for q in section.children] == ["prestazione", "documenti", "accessi"]
    assert section.children[0].kind == types.SymbolKind.Field


async def quick_fixes(client, uri, diagnostic):
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=doc(uri),
            range=diagnostic.range,
            context=types.CodeActionContext(diagnostics=[diagnostic]),
        )
    )
    return actions or []


def apply(text, edit):
    lines = text.split("\n")
    start, end = edit.range.start, edit.range.end
    assert start.line == end.line
    line = lines[start.line]
    lines[start.line] = line[: start.character] + edit.new_text + line[end.character :]
    return "\n".join(lines)


@pytest.mark.parametrize(
    ("broken", "code", "fixed"),
    [
        ("question TempoAttesa: number 0..120", "R0103", "tempo_attesa"),
        ("question attesa: scale accordo55", "R0101", "accordo5"),
    ],
)
async def test_a_quick_fix_writes_the_one_fix_the_help_names(client, broken, code, fixed):
    text = HUB.read_text(encoding="utf-8").replace("question accessi: number 1..20", broken)
    uri, shown = await open_document(client, ROOT / "examples" / "quickfix.rileva", text)
    [diagnostic] = [d for d in shown if d.code == code]
    [action] = await quick_fixes(client, uri, diagnostic)
    assert action.kind == types.CodeActionKind.QuickFix and action.title == f"Write `{fixed}`"
    [edit] = action.edit.changes[uri]
    repaired = apply(text, edit)
    after = await change(client, uri, repaired, 2)
    assert code not in [d.code for d in after], after


UI_R0103 = (ROOT / "tests" / "ui" / "R0103_invalid_identifier.rileva").read_text(encoding="utf-8")
RENAMED = UI_R0103.replace(
    '"How many minutes did the payment take?"',
    '"How many minutes did the payment take?"\n    show if Pagamento = 1 // Pagamento: yes',
).rstrip().removesuffix("}") + """
  check not (Pagamento = 2 and tempo-pagamento > 60) else "Pagamento: controllo" en "Check"
}
"""


def apply_all(text, edits):
    """Apply edits given against the same text, from the last to the first."""
    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = apply(text, edit)
    return text


async def test_the_r0103_quick_fix_renames_every_place_the_name_is_written(client):
    text = RENAMED
    uri, shown = await open_document(client, ROOT / "tests" / "ui" / "rename.rileva", text)
    [diagnostic] = [d for d in shown if d.code == "R0103" and "Pagamento" in d.message]
    [action] = await quick_fixes(client, uri, diagnostic)
    assert action.title == "Write `pagamento` (3 places)"
    edits = action.edit.changes[uri]
    repaired = apply_all(text, edits)
    # The definition, `show if` and `check` are renamed; strings and comments are not.
    assert repaired.count("Pagamento") == 2 and "// Pagamento: yes" in repaired
    assert "show if pagamento = 1" in repaired and "check not (pagamento = 2" in repaired
    after = await change(client, uri, repaired, 2)
    assert [d for d in after if "agamento`" in d.message and "tempo" not in d.message] == [], after


async def test_a_crash_in_one_request_is_an_error_and_the_server_goes_on(client):
    uri, _ = await open_document(client, HUB)
    with pytest.raises(JsonRpcInternalError, match="internal error in rileva/debugPanic"):
        await client.protocol.send_request_async("rileva/debugPanic", {})
    text = HUB.read_text(encoding="utf-8")
    assert "soddisfazione" in await hover(client, uri, position_of(text, "show if soddisfazione", delta=9))
    # A notification has no answer: its crash is logged, and the next change is checked.
    client.protocol.notify("rileva/debugPanic", {})
    broken = await change(client, uri, text.replace("scale accordo5 {", "scale accordo55 {"), 2)
    assert [d.code for d in broken] == ["R0101"]
    assert any("rileva/debugPanic crashed" in m.message for m in client.log_messages)
    # Requests on documents that are not open, or with nonsense positions, are answered.
    far = types.Position(line=9999, character=9999)
    assert await hover(client, uri, far) is None
    with pytest.raises(Exception):
        await hover(client, "file:///nowhere.rileva", far)
    assert await hover(client, uri, position_of(text, "show if soddisfazione", delta=9))
