"""Session fixtures: the real site is built once per test session and shared.

Set SITE_DIR to test an already built site instead (e.g. after `make.py build`).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from noidung import site
from noidung.build.pipeline import build_site
from noidung.content.layout import REPO_ROOT
from tests.support.browser import CHROMIUM_ARGS, chromium_or_skip
from tests.support.server import serve_directory
from tests.support.tools import summary_line


def pytest_collection_modifyitems(items) -> None:
    """Tell the three kinds of test apart (`-m "not site and not browser"` runs the unit
    tests alone): browser tests are marked where they are written; a test that reads the
    session's built site is marked `site` here, from the fixture it asks for."""
    for item in items:
        if "built_site" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.site)


def pytest_terminal_summary(terminalreporter) -> None:
    """One line naming the programs whose tests were skipped, and how to install them."""
    line = summary_line()
    if line:
        terminalreporter.write_line(line, yellow=True)


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def languages():
    return list(site.load().languages)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The whole site, built by the real build command into a temporary folder."""
    if os.environ.get("SITE_DIR"):
        return Path(os.environ["SITE_DIR"])
    output = tmp_path_factory.mktemp("built") / "site"
    report = build_site(REPO_ROOT, output)
    print(f"\n[built_site] {report.summary()}")
    assert report.warnings == 0
    return output


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    """Base URL of the built site served on 127.0.0.1 (a free port)."""
    with serve_directory(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium; skipped when absent unless REQUIRE_TOOLS=1."""
    executable = chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()
