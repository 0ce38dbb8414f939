"""Our code passes ruff and mypy with the settings in pyproject.toml."""

import subprocess
import sys

from noidung.content.layout import REPO_ROOT


def test_ruff_reports_nothing():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "scripts", "tests", "make.py"],
        cwd=REPO_ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_reports_nothing_on_the_package():
    """Type hints are checked (settings: pyproject.toml [tool.mypy])."""
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "-p", "noidung"],
        cwd=REPO_ROOT / "scripts", capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
