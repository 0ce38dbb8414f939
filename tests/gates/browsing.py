"""Loading built pages in Chromium for the browser gates: no request leaves the machine."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from tests.support.browser import RequestLog

# Inputs that are a search box, whatever draws it (Material's search, Pagefind's UI, ours).
SEARCH_INPUT = ("input[type=search], input[role=searchbox], input[role=combobox], "
                "input[name=query], input[name=q]")
# Queries found in the pages of each language (the site's subject).
SEARCH_QUERIES = {"vi": "gia đình", "en": "family"}
ACTIVE_ELEMENT = """() => { const e = document.activeElement;
  if (!e) return 'none';
  const classes = typeof e.className === 'string' ? e.className.trim().split(/\\s+/) : [];
  return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
    + classes.filter(c => c).map(c => '.' + c).join('')
    + (e.getAttribute('href') ? ' href=' + e.getAttribute('href') : ''); }"""


@contextmanager
def gate_context(browser, site_url: str) -> Iterator[object]:
    """A browser context in which requests to other hosts are aborted (and still logged).

    Aborting keeps the tests fast and offline; the request event still fires, so the
    requests gate sees it. CSP is bypassed only so that axe can be injected.
    """
    context = browser.new_context(bypass_csp=True)
    own = urlsplit(site_url).netloc

    def route(request_route):
        if urlsplit(request_route.request.url).netloc == own:
            request_route.continue_()
        else:
            request_route.abort()

    context.route("**/*", route)
    try:
        yield context
    finally:
        context.close()


@contextmanager
def logged_page(context, site_url: str) -> Iterator[tuple[object, RequestLog]]:
    """A new page with its own request log.

    One page per load: requests a previous page left in flight would be aborted by the
    next navigation and blamed on the next page. Pages stay open until their context
    closes (closing each one costs more time than it saves).
    """
    page = context.new_page()
    log = RequestLog(site_url)
    log.attach(page)
    yield page, log


@contextmanager
def gate_page(browser, site_url: str) -> Iterator[tuple[object, RequestLog]]:
    """One logged page in its own context (for tests that load a single page)."""
    with gate_context(browser, site_url) as context, logged_page(context, site_url) as both:
        yield both


def settle(page, ms: int = 250) -> None:
    """Let late requests (icons, search worker) start, so that the log sees them."""
    page.wait_for_load_state("load")
    page.wait_for_timeout(ms)


def tab_to(page, selector: str, limit: int = 40) -> bool:
    """Press Tab until the focused element matches `selector`; False if never reached."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)",
                         selector):
            return True
    return False


def open_search(page, lang: str) -> bool:
    """Reach the search box by keyboard and type a query; False if the page has none.

    Links present before typing are marked, so that result links can be told apart.
    """
    if page.locator(SEARCH_INPUT).count() == 0:
        return False
    page.evaluate("document.querySelectorAll('a').forEach(a => a.dataset.gateBefore = '1')")
    if not tab_to(page, SEARCH_INPUT):
        raise AssertionError(f"the search box ({SEARCH_INPUT}) is not reachable with Tab")
    page.keyboard.type(SEARCH_QUERIES[lang], delay=30)
    page.wait_for_function(
        "() => [...document.querySelectorAll('a[href]')].some(a => !a.dataset.gateBefore"
        " && a.offsetParent !== null)", timeout=15000)
    return True


def focus_search_result(page) -> bool:
    """Move keyboard focus from the search box to a result link (arrows, then Tab)."""
    is_result = "() => { const e = document.activeElement;" \
        " return !!e && e.tagName === 'A' && !e.dataset.gateBefore; }"
    for key in ("ArrowDown", *["Tab"] * 10):
        page.keyboard.press(key)
        if page.evaluate(is_result):
            return True
    return False


@dataclass
class Load:
    """What one page load requested, and which requests failed."""

    name: str
    urls: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    open: bool = True


class LoadLog:
    """Requests of successive loads in ONE page, each charged to the load that made it.

    Reusing one page is faster than a page per load; a request is tied to its load by
    its object, and a load is closed before the next navigation, so that the requests
    the navigation aborts are never blamed on the next page.
    """

    def __init__(self, page) -> None:
        self.loads: list[Load] = []
        self._owner: dict[object, Load] = {}
        page.on("request", self._on_request)
        page.on("requestfailed", lambda r: self._fail(r, f"{r.url} ({r.failure})"))
        page.on("response", lambda r: r.status >= 400 and self._fail(
            r.request, f"{r.url} -> {r.status}"))

    def start(self, name: str) -> Load:
        if self.loads:
            self.loads[-1].open = False
        self.loads.append(Load(name))
        return self.loads[-1]

    def stop(self) -> None:
        if self.loads:
            self.loads[-1].open = False

    def _on_request(self, request) -> None:
        if self.loads and self.loads[-1].open:
            self._owner[request] = self.loads[-1]
            self.loads[-1].urls.append(request.url)

    def _fail(self, request, text: str) -> None:
        load = self._owner.get(request)
        if load is not None and load.open:
            load.failures.append(text)
