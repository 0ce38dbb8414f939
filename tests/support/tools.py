"""Programs beside Python that some tests need (make.py: SYSTEM_TOOLS, the one list).

A missing one skips the tests that need it, and the session ends with one line
naming every missing program and the command that installs it. With
REQUIRE_TOOLS=1 (or the older REQUIRE_BROWSER=1), which .ci/run sets, a missing
program fails its tests instead: CI has installed them all.
"""

from __future__ import annotations

import os
import shutil

import pytest

import make

#: Programs found missing in this session (for the summary line).
MISSING: set[str] = set()


def required() -> bool:
    return "1" in (os.environ.get("REQUIRE_TOOLS"), os.environ.get("REQUIRE_BROWSER"))


def tool_or_skip(name: str, path: str | None = None) -> str:
    """The program `name` (from SYSTEM_TOOLS), at `path` when given and present, or skip."""
    found = path if path and os.path.exists(path) else shutil.which(name, path=make.TOOL_PATH)
    if found:
        return found
    package, purpose = make.SYSTEM_TOOLS[name]
    MISSING.add(name)
    message = f"{name} not installed ({purpose}): sudo apt-get install {package}"
    if required():
        pytest.fail(message + " (REQUIRE_TOOLS=1: required)")
    pytest.skip(message)


def summary_line() -> str | None:
    """One line for the end of the session, or None when nothing was missing."""
    if not MISSING:
        return None
    names = sorted(MISSING, key=list(make.SYSTEM_TOOLS).index)
    packages = " ".join(make.SYSTEM_TOOLS[n][0] for n in names)
    return (f"Đã bỏ qua các kiểm thử cần {', '.join(names)} / skipped the tests that need "
            f"{', '.join(names)}; cài bằng / install with: sudo apt-get install {packages} "
            "(or run python3 make.py test as root)")
