"""A throw-away copy of the project's content, to build broken variants of it."""

from __future__ import annotations

import shutil
from pathlib import Path

from scripts.layout import REPO_ROOT


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
