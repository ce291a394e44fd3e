"""The GitHub composite action of `action.yml`, run by scripts/test.sh in the .venv.

Reads action.yml with PyYAML and runs its `run` steps as the GitHub runner would: in
order, with `bash --noprofile --norc -eo pipefail`, each step's `env` evaluated from the
inputs, earlier steps' outputs (`$GITHUB_OUTPUT`) and `github.base_ref`, stopping at the
first failing step. The `uses` step (the upload to code scanning) cannot run here: its
`sarif_file` is checked to name the SARIF log the action wrote, and the log passes the
SARIF Multitool's `validate`. Two pull requests on a fresh git repository: a compatible
change that checks clean and is built, and a breaking change with an error beside it,
which the action annotates and fails.

Set RILEVA_BIN to the rileva binary (default: target/debug/rileva).
"""

import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "roma_anagrafe_sportello.rileva"
BAD = ROOT / "tests" / "ui" / "R0101_unknown_scale.rileva"
MULTITOOL = ROOT / "tests" / "tools" / "node_modules" / ".bin" / "sarif-multitool"
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def rileva_bin():
    path = Path(os.environ.get("RILEVA_BIN", ROOT / "target/debug/rileva"))
    if not path.exists():
        raise RuntimeError(f"rileva binary not found at {path}: run `cargo build --bin rileva`")
    return path


def load_action():
    return yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


def evaluate(value, context):
    """`${{ inputs.x }}`, `${{ steps.id.outputs.y }}`, `${{ github.base_ref }}` in a string."""

    def one(match):
        path = match.group(1).split(".")
        if path[0] == "inputs" and len(path) == 2:
            return context["inputs"][path[1]]
        if path[0] == "steps" and len(path) == 4 and path[2] == "outputs":
            return context["steps"].get(path[1], {}).get(path[3], "")
        if path[0] == "github" and len(path) == 2:
            return context["github"][path[1]]
        raise AssertionError(f"an expression this runner does not know: {match.group(0)}")

    return EXPRESSION.sub(one, str(value))


def run_action(repo, inputs, base_ref=""):
    """Run the action's steps in `repo`; returns (context, [(step name, status, output)])."""
    action = load_action()
    given = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    given.update(inputs)
    context = {"inputs": given, "steps": {}, "github": {"base_ref": base_ref}}
    temp = Path(tempfile.mkdtemp(prefix="runner-", dir=repo.parent))
    ran = []
    for step in action["runs"]["steps"]:
        if "uses" in step:
            ran.append((step["name"], None, {k: evaluate(v, context) for k, v in step["with"].items()}))
            continue
        output_file = temp / f"output-{len(ran)}"
        output_file.write_text("")
        env = dict(os.environ, GITHUB_OUTPUT=str(output_file), GITHUB_ACTION_PATH=str(ROOT),
                   RUNNER_TEMP=str(temp), GITHUB_WORKSPACE=str(repo), NO_COLOR="1")
        env.update({k: evaluate(v, context) for k, v in step.get("env", {}).items()})
        script = temp / f"step-{len(ran)}.sh"
        script.write_text(step["run"])
        result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
                                cwd=repo, env=env, capture_output=True, text=True, timeout=300)
        outputs = dict(line.split("=", 1) for line in output_file.read_text().splitlines() if "=" in line)
        if "id" in step:
            context["steps"][step["id"]] = outputs
        ran.append((step["name"], result.returncode, result.stdout + result.stderr))
        if result.returncode != 0:
            break
    return context, ran


def validate_sarif(test, path):
    test.assertTrue(MULTITOOL.exists(), f"{MULTITOOL} is missing: run `npm ci` in tests/tools")
    report = Path(path).with_suffix(".validation.sarif")
    result = subprocess.run([str(MULTITOOL), "validate", str(path), "--output", str(report)],
                            capture_output=True, text=True, timeout=300)
    log = json.loads(report.read_text(encoding="utf-8"))
    errors = [r for run in log["runs"] for r in run.get("results", []) if r.get("level", "warning") == "error"]
    test.assertEqual(errors, [], result.stdout + result.stderr)


class Action(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.repo = Path(self.tmp.name) / "repo"
        self.repo.mkdir()
        self.env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
                        GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
        shutil.copy(EXAMPLE, self.repo / "sportello.rileva")
        self.git("init", "-q")
        self.git("add", ".")
        self.git("commit", "-q", "-m", "base")
        self.base = self.git("rev-parse", "HEAD").strip()

    def tearDown(self):
        self.tmp.cleanup()

    def git(self, *args):
        return subprocess.run(["git", *args], cwd=self.repo, env=self.env, check=True,
                              capture_output=True, text=True).stdout

    def change(self, old, new, message):
        path = self.repo / "sportello.rileva"
        text = path.read_text(encoding="utf-8")
        self.assertIn(old, text)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        self.git("add", ".")
        self.git("commit", "-q", "-m", message)

    def test_the_action_is_a_composite_action_with_safe_scripts(self):
        action = load_action()
        self.assertEqual(action["runs"]["using"], "composite")
        for name, spec in action["inputs"].items():
            self.assertTrue(spec.get("description"), name)
        for step in action["runs"]["steps"]:
            if "run" in step:
                self.assertEqual(step["shell"], "bash", step["name"])
                self.assertNotIn("${{", step["run"], f"{step['name']}: inputs go through env")
                self.assertNotIn("if", step, f"{step['name']}: every run step runs")
        uploads = [s for s in action["runs"]["steps"] if "uses" in s]
        self.assertEqual(len(uploads), 1)
        self.assertTrue(uploads[0]["uses"].startswith("github/codeql-action/upload-sarif@"))

    def test_a_compatible_change_passes_and_is_built(self):
        self.change('      5 "Altro" en "Other"\n',
                    '      5 "Altro" en "Other"\n      6 "Passaporto" en "Passport"\n',
                    "a new option")
        self.change("version 1.0.0", "version 1.1.0", "minor version")
        context, ran = run_action(self.repo, {"rileva": str(rileva_bin()), "base": self.base,
                                              "build": "out"})
        log = "\n".join(f"## {n} ({s})\n{o}" for n, s, o in ran)
        self.assertEqual([s for _, s, _ in ran if s is not None and s != 0], [], log)
        self.assertEqual(ran[-1][0], "Verdict", log)
        self.assertEqual(context["steps"]["check"]["status"], "0", log)
        self.assertEqual(context["steps"]["diff"]["status"], "0", log)
        self.assertIn("compatible", log)
        sarif = context["steps"]["sarif"]["file"]
        self.assertEqual(json.loads(Path(sarif).read_text())["runs"][0]["results"], [])
        upload = next(o for n, s, o in ran if s is None)
        self.assertEqual(upload["sarif_file"], sarif)
        self.assertEqual(upload["category"], "rileva")
        validate_sarif(self, sarif)
        built = list((self.repo / "out" / "roma.anagrafe_sportello").rglob("*"))
        self.assertTrue(any(p.suffix == ".html" for p in built), log)

    def test_a_breaking_change_and_an_error_are_annotated_and_fail(self):
        shutil.copy(BAD, self.repo / "bad.rileva")
        self.change('    question prenotazione: yesno {\n      "Aveva prenotato un appuntamento?" en "Had you booked an appointment?"\n    }\n',
                    "", "a question removed")
        self.change("show if prenotazione = 2 or attesa <= 2", "show if attesa <= 2", "routing")
        context, ran = run_action(self.repo, {"rileva": str(rileva_bin()), "base": self.base,
                                              "build": "out"})
        log = "\n".join(f"## {n} ({s})\n{o}" for n, s, o in ran)
        self.assertEqual(ran[-1][0], "Verdict", log)
        self.assertEqual(ran[-1][1], 1, log)
        self.assertEqual(context["steps"]["check"]["status"], "1", log)
        self.assertRegex(log, r"::error file=bad\.rileva,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=R0101::")
        self.assertEqual(context["steps"]["diff"]["status"], "1", log)
        self.assertIn("::error file=sportello.rileva,title=rileva diff::", log)
        self.assertIn("breaking", log)
        self.assertIn("not built", log)
        self.assertFalse((self.repo / "out").exists())
        sarif = Path(context["steps"]["sarif"]["file"])
        results = json.loads(sarif.read_text())["runs"][0]["results"]
        self.assertTrue(any(r["ruleId"] == "R0101" for r in results))
        self.assertEqual({r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results},
                         {"bad.rileva"})
        validate_sarif(self, sarif)

    def test_outside_a_pull_request_nothing_is_compared(self):
        context, ran = run_action(self.repo, {"rileva": str(rileva_bin())})
        log = "\n".join(f"## {n} ({s})\n{o}" for n, s, o in ran)
        self.assertIn("no base to compare with", log)
        self.assertEqual(ran[-1][1], 0, log)


if __name__ == "__main__":
    unittest.main()
