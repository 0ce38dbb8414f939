"""A copied project folder acts on itself (cp -a, a colleague's copy, a moved folder).

Its .venv, copied with it, was made for the original: its editable install and its
scripts still point there, so `python3 make.py new` in the copy used to create files
in the original. make.py notices and makes the copy's .venv again; the staff command
takes its project folder from where it is run.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from noidung.content.layout import REPO_ROOT

TITLE = "Bản sao dự án tự làm việc trên chính nó"


def _files(root: Path) -> dict[str, int]:
    return {p.relative_to(root).as_posix(): p.stat().st_mtime_ns
            for sub in ("docs", "campaigns") for p in (root / sub).rglob("*") if p.is_file()}


def _make(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "make.py", *args], cwd=root, capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, timeout=900)


@pytest.mark.slow
def test_new_validate_and_build_in_a_copied_folder_touch_only_the_copy(tmp_path):
    if not (REPO_ROOT / ".venv" / "bin" / "python").exists():
        pytest.skip("no .venv to copy: run python3 make.py build first")
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=REPO_ROOT, capture_output=True,
                             check=True).stdout.decode().split("\0")
    original = tmp_path / "original"
    for name in filter(None, tracked):
        target = original / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO_ROOT / name, target)
    # The original's own environment, as a colleague's folder would have it.
    subprocess.run(["cp", "-a", str(REPO_ROOT / ".venv"), str(original / ".venv")], check=True)
    (original / ".venv" / ".project-folder").write_text(str(original), "utf-8")
    copy = tmp_path / "copy"
    subprocess.run(["cp", "-a", str(original), str(copy)], check=True)
    before = {"original": _files(original), "repo": _files(REPO_ROOT)}

    created = _make(copy, "new", "bai-viet", "--title", TITLE, "--date", "2026-11-20")
    assert created.returncode == 0, created.stdout + created.stderr
    assert ".venv was made for another folder" in created.stdout
    new = [p for p in _files(copy) if p not in before["original"]]
    assert new and all(p.startswith("docs/") for p in new), new
    assert (copy / ".venv" / ".project-folder").read_text("utf-8") == str(copy)

    validated = _make(copy, "validate", *new)
    assert "docs/" in validated.stdout + validated.stderr  # it read the copy's new files
    built = _make(copy, "build", "--output", str(copy / "site"))
    assert (copy / "site" / "index.html").is_file(), built.stdout + built.stderr

    assert _files(original) == before["original"]
    assert _files(REPO_ROOT) == before["repo"]
    assert not (original / "site").exists()
