"""A throw-away copy of the project's content, to build broken variants of it."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from noidung.content.layout import REPO_ROOT


def copy_project(dest: Path) -> Path:
    """Copy configs and content to `dest`; link the code (it is not changed by tests)."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "mkdocs.en.yml"):
        shutil.copy2(REPO_ROOT / name, dest / name)
    for name in ("docs", "campaigns"):
        if (REPO_ROOT / name).exists():
            shutil.copytree(REPO_ROOT / name, dest / name)
    (dest / "scripts").symlink_to(REPO_ROOT / "scripts")
    return dest


def add_previous_site(project: Path) -> Path:
    """A small earlier site/ in the project, to check that a failed build leaves it alone."""
    previous = project / "site"
    (previous / "en").mkdir(parents=True)
    (previous / "index.html").write_text("<p>previous site</p>", "utf-8")
    (previous / "en" / "index.html").write_text("<p>previous English site</p>", "utf-8")
    return previous


def folder_digest(folder: Path) -> str:
    """One hash over every file's path and bytes: equal digests, byte-for-byte equal trees."""
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(path.relative_to(folder).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()
