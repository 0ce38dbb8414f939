"""What the gates share: the npm checkers, Java, and the kinds of page of the built site.

A missing checker (npm package not installed, no Java) skips its gate with a message
saying how to install it. REQUIRE_BROWSER=1, which CI sets (.ci/run), turns every such
skip into a failure: CI installs chromium, a JRE and the npm tools together, so one
variable says "everything the gates need must be here".
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from scripts.layout import REPO_ROOT
from scripts.quality.page_kinds import pages_by_kind
from tests.support.server import serve_directory

NODE_MODULES = REPO_ROOT / "node_modules"
AXE_SCRIPT = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
FIXTURES = Path(__file__).parent / "fixtures"


def skip_or_fail(message: str) -> None:
    """Skip on a developer's machine; fail when REQUIRE_BROWSER=1 (CI)."""
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(message + " (REQUIRE_BROWSER=1: required)")
    pytest.skip(message)


@pytest.fixture(scope="session")
def axe_script() -> Path:
    if not AXE_SCRIPT.exists():
        skip_or_fail(f"axe-core not installed at {AXE_SCRIPT}: run `python3 make.py build`")
    return AXE_SCRIPT


@pytest.fixture(scope="session")
def vnu() -> tuple[str, Path]:
    """(java executable, vnu.jar path) for the Nu HTML Checker."""
    java = shutil.which("java")
    if java is None:
        skip_or_fail("java not found: install a JRE (default-jre-headless, see .ci/run)")
    if not VNU_JAR.exists():
        skip_or_fail(f"vnu-jar not installed at {VNU_JAR}: run `python3 make.py build`")
    return java, VNU_JAR


@pytest.fixture(scope="session")
def page_kinds(built_site) -> dict[tuple[str, str], str]:
    """{(language, kind): first page of that kind}, discovered from the built files."""
    kinds = pages_by_kind(built_site)
    listing = ", ".join(f"{lang}:{kind}" for lang, kind in sorted(kinds))
    print(f"\n[page kinds] {len(kinds)} (language, kind) pairs: {listing}")
    return kinds


@pytest.fixture(scope="session")
def fixture_url() -> str:
    """The broken fixture pages served on 127.0.0.1 (a free port)."""
    with serve_directory(FIXTURES / "broken") as url:
        yield url
