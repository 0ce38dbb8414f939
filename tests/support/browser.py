"""Headless Debian Chromium through Playwright, and request recording."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]


def chromium_or_skip() -> str:
    """The Chromium binary, or skip; with REQUIRE_BROWSER=1 (set by CI) a missing one fails."""
    path = CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium")
    if path:
        return path
    message = f"Chromium not found at {CHROMIUM}: install Debian's chromium (see .ci/run)"
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(message)
    pytest.skip(message)


@dataclass
class RequestLog:
    """Every request a page made, and every response that failed."""

    origin: str
    urls: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def attach(self, page) -> None:
        page.on("request", lambda r: self.urls.append(r.url))
        # ERR_ABORTED is the browser dropping a request because the page navigated
        # away (a click on the switcher); a missing file shows up as a status >= 400.
        page.on("requestfailed", lambda r: "ERR_ABORTED" not in str(r.failure)
                and self.failures.append(f"{r.url} ({r.failure})"))
        page.on("response", lambda r: r.status >= 400 and self.failures.append(
            f"{r.url} -> {r.status}"))

    def foreign(self) -> list[str]:
        """Requests to any host other than the site's own origin."""
        own = urlsplit(self.origin).netloc
        return [u for u in self.urls
                if urlsplit(u).scheme in ("http", "https", "ws", "wss")
                and urlsplit(u).netloc != own]
