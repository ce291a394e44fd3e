"""The DDI target on every example (run by scripts/test.sh in the .venv).

Builds every file of examples/ and tests/contract/ with `rileva build --target ddi
--target ir` (one build per source file), then, for each survey:

- validates `ddi/ddi-3.3.xml` against the official DDI-Lifecycle 3.3 XML Schemas that the
  PyPI package `ddi-l` ships (ddi_l/schemas/ddi/v3_3/instance_3_3.xsd), with `xmlschema`;
- checks that every reference (an element with `r:TypeOfObject`) points at an object in
  the same file with that agency, id, version and element name;
- reads the file back with lxml and compares its meaning with the IR that the same build
  wrote (`ir/survey.json`): variables and their representations, codes, labels and
  question texts in every language, help texts, and every routing and check condition
  (the `r:CommandContent` parsed back into the IR's `Expr` JSON).

Set RILEVA_BIN to the rileva binary (default: target/debug/rileva).
"""

import importlib.resources
import json
import os
import subprocess
import tempfile
import unittest
from pathlib import Path

import xmlschema
from lxml import etree

from rileva_expr import parse_condition, normalise

ROOT = Path(__file__).resolve().parents[2]
SOURCE_DIRS = ["examples", "tests/contract"]
NS = {
    "i": "ddi:instance:3_3",
    "r": "ddi:reusable:3_3",
    "d": "ddi:datacollection:3_3",
    "l": "ddi:logicalproduct:3_3",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SCHEMA_PATH = importlib.resources.files("ddi_l") / "schemas/ddi/v3_3/instance_3_3.xsd"


def rileva_bin():
    path = Path(os.environ.get("RILEVA_BIN", ROOT / "target/debug/rileva"))
    if not path.exists():
        raise RuntimeError(f"rileva binary not found at {path}: run `cargo build --bin rileva`")
    return path


def build_all(out):
    """Build every example; return [(survey id, ddi path, ir dict)]."""
    surveys = []
    for folder in SOURCE_DIRS:
        for source in sorted((ROOT / folder).glob("*.rileva")):
            dest = Path(out) / folder.replace("/", "_") / source.stem
            result = subprocess.run(
                [rileva_bin(), "build", "--target", "ddi", "--target", "ir", "--out", dest, source],
                capture_output=True,
                text=True,
            )
            if result.returncode != 0:
                raise RuntimeError(f"rileva build failed for {source}:\n{result.stdout}{result.stderr}")
            for survey_dir in sorted(p for p in dest.iterdir() if p.is_dir()):
                ir = json.loads((survey_dir / "ir/survey.json").read_text(encoding="utf-8"))
                surveys.append((ir["id"], survey_dir / "ddi/ddi-3.3.xml", ir))
    return surveys


def local(element):
    return etree.QName(element).localname


def identity(element):
    def text(name):
        found = element.find(f"r:{name}", NS)
        return None if found is None else found.text

    return text("Agency"), text("ID"), text("Version")


def objects(tree):
    """{(agency, id, version): element name} of every identified object."""
    out = {}
    for e in tree.iter():
        if not isinstance(e.tag, str) or e.find("r:TypeOfObject", NS) is not None:
            continue
        key = identity(e)
        if None not in key:
            out[key] = local(e)
    return out


def unresolved(tree):
    """Every reference whose object is not in the file, as readable strings."""
    known = objects(tree)
    bad = []
    for ref in tree.iter():
        if not isinstance(ref.tag, str):
            continue
        kind = ref.find("r:TypeOfObject", NS)
        if kind is None:
            continue
        if known.get(identity(ref)) != kind.text:
            bad.append(f"{local(ref)} -> {kind.text} {identity(ref)}")
    return bad


def texts(elements, path):
    """{lang: text} of the text nodes at `path` below `elements`."""
    out = {}
    for e in elements:
        for t in e.findall(path, NS):
            out[t.get(XML_LANG)] = t.text
    return out


def ir_texts(text, languages):
    return {lang: text[lang].strip() for lang in languages if text.get(lang, "").strip()}


class DdiTargetTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="rileva-ddi-")
        cls.surveys = build_all(cls.tmp.name)
        cls.schema = xmlschema.XMLSchema(str(SCHEMA_PATH))

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_every_example_has_a_ddi_file(self):
        self.assertGreaterEqual(len(self.surveys), 15)
        for survey_id, path, _ in self.surveys:
            self.assertTrue(path.is_file(), survey_id)

    def test_every_file_is_valid_against_the_ddi_3_3_schemas(self):
        for survey_id, path, _ in self.surveys:
            errors = [str(e).splitlines()[0] + " " + (e.reason or "") for e in self.schema.iter_errors(str(path))]
            self.assertEqual(errors, [], f"{survey_id}: {len(errors)} schema errors")

    def test_the_schema_rejects_a_broken_file(self):
        # The validation can fail: an element out of order is reported.
        survey_id, path, _ = self.surveys[0]
        broken = path.read_text(encoding="utf-8").replace("<r:Version>", "<r:Versione>", 1).replace("</r:Version>", "</r:Versione>", 1)
        self.assertFalse(self.schema.is_valid(broken), survey_id)

    def test_every_reference_resolves_to_an_object_in_the_file(self):
        total = 0
        for survey_id, path, _ in self.surveys:
            tree = etree.parse(str(path))
            self.assertEqual(unresolved(tree), [], survey_id)
            total += sum(1 for e in tree.iter() if isinstance(e.tag, str) and e.find("r:TypeOfObject", NS) is not None)
        self.assertGreater(total, 500, "references checked")

    def test_a_dangling_reference_is_found(self):
        survey_id, path, _ = self.surveys[0]
        tree = etree.parse(str(path))
        ref = tree.find(".//r:QuestionReference/r:ID", NS)
        ref.text = ref.text + "-gone"
        self.assertEqual(len(unresolved(tree)), 1, survey_id)

    def test_every_maintainable_has_the_survey_agency_id_and_version(self):
        for survey_id, path, ir in self.surveys:
            tree = etree.parse(str(path))
            agency = f"it.ipa.{ir['agency']['code'].replace('_', '-')}" if ir["agency"] else "it.rileva.unassigned"
            schemes = tree.findall("i:Fragment/*", NS)
            self.assertGreaterEqual(len(schemes), 4, survey_id)
            for scheme in schemes:
                a, i, v = identity(scheme)
                self.assertEqual((a, v), (agency, ir["version"]), f"{survey_id} {local(scheme)}")
                self.assertTrue(i.startswith(ir["id"].replace(".", "-") + "-"), i)

    def test_the_meaning_round_trips(self):
        for survey_id, path, ir in self.surveys:
            with self.subTest(survey=survey_id):
                RoundTrip(self, etree.parse(str(path)), ir).check()


class RoundTrip:
    """What one DDI file says, compared with the IR it came from."""

    def __init__(self, test, tree, ir):
        self.t, self.tree, self.ir = test, tree, ir
        self.langs = ir["languages"]
        self.by_id = {identity(e)[1]: e for e in tree.iter() if isinstance(e.tag, str) and e.find("r:TypeOfObject", NS) is None and identity(e)[1]}

    def deref(self, ref):
        return self.by_id[ref.find("r:ID", NS).text]

    def check(self):
        self.questions()
        self.variables()
        self.routing()
        self.checks()
        self.instrument()

    def questions(self):
        items = self.tree.findall(".//d:QuestionItem", NS)
        self.t.assertEqual([i.find("d:QuestionItemName/r:String", NS).text for i in items], [q["id"] for q in self.ir["questions"]])
        for item, q in zip(items, self.ir["questions"]):
            self.t.assertEqual(texts(item.findall("d:QuestionText", NS), "d:LiteralText/d:Text"), ir_texts(q["wording"], self.langs), q["id"])
            ref = item.find("d:InterviewerInstructionReference", NS)
            help_ir = ir_texts(q["help"] or {}, self.langs)
            help_ddi = {} if ref is None else texts(self.deref(ref).findall("d:InstructionText", NS), "d:LiteralText/d:Text")
            self.t.assertEqual(help_ddi, help_ir, q["id"])
            domain = item.find("d:CodeDomain", NS)
            if q["kind"] == "multi":
                card = domain.find("r:ResponseCardinality", NS)
                most = q["max_picks"] if q["max_picks"] is not None else len(q["codes"])
                self.t.assertEqual((int(card.get("minimumResponses")), int(card.get("maximumResponses"))), (q["min_picks"] or 1, most), q["id"])

    def codes(self, representation):
        """[{value, label, missing}] of a code representation, through its code list."""
        code_list = self.deref(representation.find("r:CodeListReference", NS))
        missing = set((representation.get("missingValue") or "").split())
        out = []
        for code in code_list.findall("l:Code", NS):
            category = self.deref(code.find("r:CategoryReference", NS))
            value = code.find("r:Value", NS).text
            self.t.assertEqual(category.get("isMissing") == "true", value in missing, value)
            out.append({"value": int(value), "label": texts([category], "r:Label/r:Content"), "missing": value in missing})
        return out

    def variables(self):
        variables = {v.find("l:VariableName/r:String", NS).text: v for v in self.tree.findall(".//l:Variable", NS)}
        expected = []
        for q in self.ir["questions"]:
            expected.append(q["id"])
            expected += [f"{q['id']}_{c['value']}_text" for c in q["codes"] if c["specify"]]
        self.t.assertEqual(sorted(variables), sorted(expected))
        for q in self.ir["questions"]:
            v = variables[q["id"]]
            self.t.assertEqual(texts([v], "r:Label/r:Content"), ir_texts(q["wording"], self.langs), q["id"])
            question = self.deref(v.find("r:QuestionReference", NS))
            self.t.assertEqual(question.find("d:QuestionItemName/r:String", NS).text, q["id"])
            rep = v.find("l:VariableRepresentation", NS)[0]
            kind = local(rep)
            if q["kind"] == "number":
                self.t.assertEqual(kind, "NumericRepresentation")
                if q["range"]:
                    low, high = rep.find("r:NumberRange/r:Low", NS).text, rep.find("r:NumberRange/r:High", NS).text
                    self.t.assertEqual((int(low), int(high)), (q["range"]["min"], q["range"]["max"]))
            elif q["kind"] == "text":
                self.t.assertEqual(kind, "TextRepresentation")
                if q["max_length"] is not None:
                    self.t.assertEqual(int(rep.get("maxLength")), q["max_length"])
            else:
                self.t.assertEqual(kind, "CodeRepresentation", q["id"])
                want = [{"value": c["value"], "label": ir_texts(c["label"], self.langs), "missing": c["missing"]} for c in q["codes"]]
                self.t.assertEqual(self.codes(rep), want, q["id"])

    def conditions(self, kind):
        out = []
        for ite in self.tree.findall(".//d:IfThenElse", NS):
            if ite.find("d:TypeOfIfThenElse", NS).text != kind:
                continue
            command = ite.find("d:IfCondition/r:Command", NS)
            self.t.assertEqual(command.find("r:ProgramLanguage", NS).text, "rileva")
            then = self.deref(ite.find("d:ThenConstructReference", NS))
            out.append((parse_condition(command.find("r:CommandContent", NS).text), then))
        return out

    def routing(self):
        found = {}
        for expr, construct in self.conditions("routing"):
            question = self.deref(construct.find("r:QuestionReference", NS))
            found[question.find("d:QuestionItemName/r:String", NS).text] = expr
        expected = {q["id"]: normalise(q["show_if"]) for q in self.ir["questions"] if q["show_if"]}
        self.t.assertEqual(found, expected)

    def checks(self):
        found = []
        for expr, statement in self.conditions("check"):
            found.append((expr, texts(statement.findall("d:DisplayText", NS), "d:LiteralText/d:Text")))
        expected = [(normalise({"op": "not", "operand": c["condition"]}), ir_texts(c["message"], self.langs)) for c in self.ir["checks"]]
        self.t.assertEqual(found, expected)

    def instrument(self):
        instrument = self.tree.find(".//d:Instrument", NS)
        names = {s.get(XML_LANG): s.text for s in instrument.findall("d:InstrumentName/r:String", NS)}
        self.t.assertEqual(names, ir_texts(self.ir["title"], self.langs))
        self.t.assertEqual([f.text for f in instrument.findall("d:FieldedLanguages", NS)], self.langs)
        # The main sequence asks the sections and questions in the IR's order.
        main = self.deref(instrument.find("d:ControlConstructReference", NS))
        asked = []
        for ref in main.findall("d:ControlConstructReference", NS):
            asked += self.questions_below(self.deref(ref))
        self.t.assertEqual(asked, [q["id"] for q in self.ir["questions"]])

    def questions_below(self, construct):
        kind = local(construct)
        if kind == "QuestionConstruct":
            return [self.deref(construct.find("r:QuestionReference", NS)).find("d:QuestionItemName/r:String", NS).text]
        if kind == "Sequence":
            return [q for ref in construct.findall("d:ControlConstructReference", NS) for q in self.questions_below(self.deref(ref))]
        if kind == "IfThenElse":
            return self.questions_below(self.deref(construct.find("d:ThenConstructReference", NS)))
        return []


if __name__ == "__main__":
    unittest.main()
