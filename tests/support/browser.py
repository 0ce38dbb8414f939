"""Headless Debian Chromium through Playwright, and request recording."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from tests.support.tools import tool_or_skip

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]


def chromium_or_skip() -> str:
    """The Chromium binary, or skip (fail with REQUIRE_TOOLS=1, as in CI)."""
    return tool_or_skip("chromium", CHROMIUM)


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
