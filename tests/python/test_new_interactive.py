"""`rileva new` in a terminal (docs/new.md), run by scripts/test.sh in the .venv.

Starts the real binary in a pseudo-terminal (pexpect) without flags and answers its
prompts as a person would: it asks for each value in turn and lists the choices with their
labels; typing filters a list. The survey it writes then checks clean with `rileva check`.
A second session gives some values as flags (they are not asked again) and answers a kind
that no profile covers: nothing is written. A third is interrupted with Ctrl-C: nothing is
written either.

Set RILEVA_BIN to the rileva binary (default: target/debug/rileva).
"""

import io
import json
import os
import subprocess
import tempfile
import unittest
from pathlib import Path

import pexpect

ROOT = Path(__file__).resolve().parents[2]


def rileva_bin():
    path = Path(os.environ.get("RILEVA_BIN", ROOT / "target/debug/rileva"))
    if not path.exists():
        raise RuntimeError(f"rileva binary not found at {path}: run `cargo build --bin rileva`")
    return str(path)


def spawn(args, cwd):
    env = dict(os.environ, TERM="xterm-256color", NO_COLOR="1")
    child = pexpect.spawn(
        rileva_bin(), args, cwd=cwd, env=env, encoding="utf-8", timeout=20, dimensions=(40, 120)
    )
    return child


class NewInTerminal(unittest.TestCase):
    def test_asks_for_every_value_and_writes_a_clean_survey(self):
        with tempfile.TemporaryDirectory() as tmp:
            child = spawn(["new", "anagrafe.rileva"], tmp)
            # The standard: the choices are listed with their titles; istat.cx is the default.
            child.expect("Standard")
            child.expect("istat.cx 2024.1")
            child.expect("funzione_pubblica.mettiamoci_la_faccia")
            child.send("\r")
            # The PA kind: every kind with its label; typing filters the list.
            child.expect("Kind of administration")
            child.expect("Presidenza del Consiglio")
            child.send("comune")
            child.expect("Comuni")
            child.send("\r")
            child.expect("Kind of service")
            child.expect("Rilascio di un certificato")
            child.send("certificato")
            child.send("\r")
            child.expect("IPA code")
            child.send("c h501\r")  # not an IPA code: asked again
            child.expect("not an IPA code")
            child.send("\x7f" * 6 + "c_h501\r")
            child.expect("Code of the service")
            child.send("certificati-anagrafici\r")
            # Channels of the standard, the web ticked; Enter keeps it.
            child.expect("Channels")
            child.expect("kiosk")
            child.send("\r")
            child.expect("Languages")
            child.send("\r")  # the default: it en
            child.expect("wrote anagrafe.rileva: istat.cx 2024.1, profile istanza_online")
            child.expect(pexpect.EOF)
            child.close()
            self.assertEqual(child.exitstatus, 0)
            text = (Path(tmp) / "anagrafe.rileva").read_text(encoding="utf-8")
            self.assertIn("survey c_h501.certificati_anagrafici {", text)
            self.assertIn('agency "c_h501" kind comune', text)
            self.assertIn('service "certificati-anagrafici" kind certificato', text)
            self.assertIn("  channels web\n", text)
            self.assertIn("  languages it en\n", text)
            check = subprocess.run(
                [rileva_bin(), "check", "--format", "json", "--deny-warnings", "anagrafe.rileva"],
                cwd=tmp, capture_output=True, text=True,
            )
            self.assertEqual(check.returncode, 0, check.stdout + check.stderr)
            self.assertEqual(json.loads(check.stdout)["diagnostics"], [])

    def test_flags_are_not_asked_and_an_uncovered_kind_names_the_profiles(self):
        with tempfile.TemporaryDirectory() as tmp:
            child = spawn(
                ["new", "faccia.rileva", "--standard", "funzione_pubblica.mettiamoci_la_faccia",
                 "--agency", "inps", "--service", "sede-roma"],
                tmp,
            )
            seen = io.StringIO()
            child.logfile_read = seen
            child.expect("Kind of administration")
            child.send("ente_previdenziale\r")
            child.expect("Kind of service")
            child.send("informativo\r")
            # No profile covers an information page: asked nothing more, told the profiles.
            child.expect("no profile of funzione_pubblica.mettiamoci_la_faccia 2009 covers")
            child.expect("profile sportello")
            child.expect("nothing written")
            child.expect(pexpect.EOF)
            child.close()
            self.assertEqual(child.exitstatus, 1)
            for prompt in ["Standard", "IPA code", "Code of the service", "Channels"]:
                self.assertNotIn(prompt, seen.getvalue())
            self.assertFalse((Path(tmp) / "faccia.rileva").exists())

    def test_ctrl_c_writes_nothing(self):
        with tempfile.TemporaryDirectory() as tmp:
            child = spawn(["new", "x.rileva"], tmp)
            child.expect("Standard")
            child.sendintr()
            child.expect(pexpect.EOF)
            child.close()
            self.assertNotEqual(child.exitstatus, 0)
            self.assertFalse((Path(tmp) / "x.rileva").exists())


if __name__ == "__main__":
    unittest.main()
