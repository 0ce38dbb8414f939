"""Our code passes ruff with the settings in pyproject.toml."""

import subprocess
import sys

from noidung.content.layout import REPO_ROOT


def test_ruff_reports_nothing():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "scripts", "tests", "make.py"],
        cwd=REPO_ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
