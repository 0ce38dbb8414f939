"""What the gates share: the npm checkers, Java, and the kinds of page of the built site.

A missing checker (npm package not installed, no Java) skips its gate with a message
saying how to install it. REQUIRE_TOOLS=1, which CI sets (.ci/run), turns every such
skip into a failure: CI installs chromium, a JRE and the npm tools together, so one
variable says "everything the gates need must be here".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from noidung.content.layout import REPO_ROOT
from noidung.quality import Problem
from noidung.quality.accessibility import inject_axe, rule_count, run_axe
from noidung.quality.page_kinds import page_url, pages_by_kind
from tests.gates.browsing import Load, LoadLog, gate_context, open_search, settle
from tests.support.server import serve_directory
from tests.support.tools import required, tool_or_skip

NODE_MODULES = REPO_ROOT / "node_modules"
AXE_SCRIPT = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
FIXTURES = Path(__file__).parent / "fixtures"


def skip_or_fail(message: str) -> None:
    """Skip on a developer's machine; fail when REQUIRE_TOOLS=1 (CI)."""
    if required():
        pytest.fail(message + " (REQUIRE_TOOLS=1: required)")
    pytest.skip(message)


@pytest.fixture(scope="session")
def axe_script() -> Path:
    if not AXE_SCRIPT.exists():
        tool_or_skip("npm")
        skip_or_fail(f"axe-core not installed at {AXE_SCRIPT}: run `python3 make.py build`")
    return AXE_SCRIPT


@pytest.fixture(scope="session")
def vnu() -> tuple[str, Path]:
    """(java executable, vnu.jar path) for the Nu HTML Checker."""
    java = tool_or_skip("java")
    if not VNU_JAR.exists():
        tool_or_skip("npm")
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


@pytest.fixture(scope="session")
def browser(built_site, browser):
    """The shared browser, started only after the site is built.

    Playwright's sync API keeps an event loop running in this thread, and the build's
    search indexing calls asyncio.run(), which refuses to run inside one.
    """
    return browser


@dataclass
class Tour:
    """One load of each kind of page (and of each search with results open), in Chromium.

    The accessibility and requests gates both read it, so each page is loaded once.
    """

    loads: list[Load] = field(default_factory=list)
    axe: dict[str, list[Problem]] = field(default_factory=dict)  # load name -> violations
    axe_rules: int = 0
    expected_failures: dict[str, tuple[str, ...]] = field(default_factory=dict)
    searched: list[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def tour(site_url, page_kinds, axe_script, browser) -> Tour:
    """Load the first page of each kind and language, then each home page with search
    results open; record every request and run axe on each state."""
    result = Tour()
    with gate_context(browser, site_url) as context:
        page = context.new_page()
        log = LoadLog(page)

        def check(name: str) -> None:
            settle(page)
            log.stop()
            inject_axe(page, axe_script)
            result.axe_rules = result.axe_rules or rule_count(page)
            result.axe[name] = run_axe(page, name)

        for (lang, kind), rel in sorted(page_kinds.items()):
            url = site_url + page_url(rel)
            if kind == "404":
                # As a reader meets it: a missing address, deep inside the language.
                url = site_url + ("en/" if lang == "en" else "") + "khong-co/trang-nay/"
                result.expected_failures[rel] = (url,)
            log.start(rel)
            response = page.goto(url)
            assert response is not None, url
            assert response.status == (404 if kind == "404" else 200), f"{url}: {response.status}"
            check(rel)
        for lang, home in (("vi", ""), ("en", "en/")):
            name = f"{home}index.html (search results open)"
            log.start(name)
            page.goto(site_url + home)
            if open_search(page, lang):
                check(name)
                result.searched.append(lang)
            else:
                log.loads.pop()
        result.loads = log.loads
    return result
