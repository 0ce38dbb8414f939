"""Bytes a reader downloads to search: each query typed into the site's own search box.

The built site is served on 127.0.0.1 and opened in headless Chromium (Debian's,
through Playwright). For each query, a fresh browser context (empty cache) opens
the home page of the query's language, the query is typed into the search box,
and every response fetched from then until the result count is shown is summed:
search.js and stemmer.js, the index's meta.json, the buckets of the words typed
and the texts of the results shown (scripts/noidung/search/index.py). `bytes` counts what
the deployed server sends to a current browser: the precompressed `.br` copy the
build writes beside a file when there is one, else the file itself; `raw_bytes`
counts the files as served here, uncompressed.
"""

from __future__ import annotations

import functools
import http.server
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

CHROMIUM = "/usr/bin/chromium"

_TYPE = """(q) => {
  const input = document.querySelector('[data-search] input[type=search]');
  if (!input) return false;
  input.focus();
  input.value = q;
  input.dispatchEvent(new Event('input', {bubbles: true}));
  return true;
}"""
_DONE = "() => (document.querySelector('[data-search-status]')?.textContent || '').trim() !== ''"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        pass


def heaviest_queries(site: Path, queries: tuple[tuple[str, str], ...], top: int = 5,
                     timeout_ms: int = 30000) -> list[dict]:
    """The `top` queries by bytes fetched, heaviest first: [{lang, query, bytes, requests}]."""
    from playwright.sync_api import sync_playwright  # a test dependency; imported when used

    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    results = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM)
            try:
                for lang, query in queries:
                    results.append(_one_query(browser, site, base, lang, query, timeout_ms))
            finally:
                browser.close()
    finally:
        server.shutdown()
        server.server_close()
    results.sort(key=lambda r: r["bytes"], reverse=True)
    return results[:top]


def _sent_bytes(site: Path, url: str, body_bytes: int) -> int:
    """Bytes nginx sends for `url`: its precompressed .br copy when the build wrote one."""
    path = unquote(urlsplit(url).path).lstrip("/")
    brotli = site / f"{path}.br"
    return brotli.stat().st_size if path and brotli.is_file() else body_bytes


def _one_query(browser, site: Path, base: str, lang: str, query: str, timeout_ms: int) -> dict:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.goto(base if lang == "vi" else f"{base}{lang}/", wait_until="networkidle")
        responses = []
        page.on("response", lambda response: responses.append(response))
        if not page.evaluate(_TYPE, query):
            raise RuntimeError("the page has no search box ([data-search] input)")
        page.wait_for_function(_DONE, timeout=timeout_ms)
        time.sleep(0.3)  # fragments of the shown results may still be arriving
        sent = raw = 0
        for response in responses:
            try:
                body = len(response.body())
            except Exception:  # a redirect or an aborted request has no body
                continue
            raw += body
            sent += _sent_bytes(site, response.url, body)
        return {"lang": lang, "query": query, "bytes": sent, "raw_bytes": raw,
                "requests": len(responses)}
    finally:
        context.close()
