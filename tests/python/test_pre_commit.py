"""The pre-commit hooks of `.pre-commit-hooks.yaml`, run by scripts/test.sh in the .venv.

Runs `pre-commit try-repo <this repository>` (the real pre-commit, from PyPI) inside a
fresh git repository holding surveys, with the rileva binary on PATH as the hooks expect:
`rileva-check` passes a clean example and fails a survey with an error, naming its code;
`rileva-fmt` passes a formatted file and fails one that `rileva fmt` would change.

Set RILEVA_BIN to the rileva binary (default: target/debug/rileva).
"""

import os
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "roma_anagrafe_sportello.rileva"
BAD = ROOT / "tests" / "ui" / "R0101_unknown_scale.rileva"


def rileva_bin():
    path = Path(os.environ.get("RILEVA_BIN", ROOT / "target/debug/rileva"))
    if not path.exists():
        raise RuntimeError(f"rileva binary not found at {path}: run `cargo build --bin rileva`")
    return path


class Hooks(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        work = Path(cls.tmp.name)
        cls.repo = work / "surveys"
        cls.repo.mkdir()
        cls.env = dict(
            os.environ,
            PATH=f"{rileva_bin().parent}{os.pathsep}{os.environ.get('PATH', '')}",
            PRE_COMMIT_HOME=str(work / "cache"),
            GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
            GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org",
            NO_COLOR="1",
        )
        shutil.copy(EXAMPLE, cls.repo / "good.rileva")
        shutil.copy(BAD, cls.repo / "bad.rileva")
        text = EXAMPLE.read_text(encoding="utf-8")
        messy = text.replace("\n  version 1.0.0", "\n        version 1.0.0", 1)
        assert messy != text
        (cls.repo / "messy.rileva").write_text(messy, encoding="utf-8")
        cls.git("init", "-q")
        cls.git("add", ".")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    @classmethod
    def git(cls, *args):
        subprocess.run(["git", *args], cwd=cls.repo, env=cls.env, check=True)

    def try_repo(self, hook, *files):
        result = subprocess.run(
            [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), hook, "--files", *files],
            cwd=self.repo, env=self.env, capture_output=True, text=True, timeout=300,
        )
        return result.returncode, result.stdout + result.stderr

    def test_check_hook_passes_a_clean_survey(self):
        status, out = self.try_repo("rileva-check", "good.rileva")
        self.assertEqual(status, 0, out)
        self.assertRegex(out, r"rileva check\.+Passed")

    def test_check_hook_fails_on_an_error_and_names_it(self):
        status, out = self.try_repo("rileva-check", "good.rileva", "bad.rileva")
        self.assertEqual(status, 1, out)
        self.assertRegex(out, r"rileva check\.+Failed")
        self.assertIn("R0101", out)

    def test_fmt_hook_passes_a_formatted_file_and_fails_a_messy_one(self):
        status, out = self.try_repo("rileva-fmt", "good.rileva")
        self.assertEqual(status, 0, out)
        self.assertRegex(out, r"rileva fmt --check\.+Passed")
        status, out = self.try_repo("rileva-fmt", "good.rileva", "messy.rileva")
        self.assertEqual(status, 1, out)
        self.assertIn("messy.rileva", out)
        self.assertEqual(
            (self.repo / "messy.rileva").read_text(encoding="utf-8").count("        version"), 1,
            "the check hook never rewrites a file",
        )


if __name__ == "__main__":
    unittest.main()
