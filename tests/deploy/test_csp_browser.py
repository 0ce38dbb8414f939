"""Every page type in headless Chromium through nginx, with the site's CSP in force."""

from __future__ import annotations

import pytest

from tests.deploy.pages import page_types, redirects_of

pytestmark = pytest.mark.browser

#: Records CSP violations in the page, including those reported before our checks run.
LISTEN_FOR_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"}`
    + ` at ${e.sourceFile}:${e.lineNumber} sample=${e.sample}`);
});
"""


def _visit(page, url: str, problems: list[str], search: bool) -> None:
    response = page.goto(url, wait_until="load")
    assert response is not None, url
    assert "Content-Security-Policy" in {k.title(): v for k, v in response.headers.items()} \
        or "content-security-policy" in response.headers, url
    box = page.locator("input.md-search__input, input[type=search]").first
    if search and box.count() and box.is_visible():
        # The search box starts a worker and fetches the index: both are CSP-governed.
        box.click()
        box.fill("gia đình")
        # Leaving while the index loads would abort its requests: errors of our making.
        page.wait_for_load_state("networkidle", timeout=15_000)
    page.wait_for_timeout(100)
    for violation in page.evaluate("window.__cspViolations"):
        problems.append(f"{url}: CSP {violation}")


def test_pages_load_under_the_csp_without_errors(built_site, nginx_url, browser):
    # built_site first: the build must not run inside Playwright's event loop.
    redirects = redirects_of(built_site)
    paths = page_types(built_site)
    missing = ["/khong-co-trang-nay/", "/en/no-such-page/"]  # each language's 404 page
    paths += missing
    paths += sorted(redirects)[:2]  # a redirect page, followed
    context = browser.new_context()
    context.add_init_script(LISTEN_FOR_VIOLATIONS)
    page = context.new_page()
    problems: list[str] = []

    def on_console(message) -> None:
        expected_404 = (message.text.startswith("Failed to load resource")
                        and message.location.get("url", "").endswith(tuple(missing)))
        if message.type == "error" and not expected_404:
            problems.append(f"{page.url}: console error: {message.text}")

    page.on("console", on_console)
    page.on("pageerror", lambda e: problems.append(f"{page.url}: page error: {e}"))
    page.on("response", lambda r: r.status >= 400 and not r.url.endswith(tuple(missing))
            and problems.append(f"{r.url} -> {r.status}"))
    try:
        for path in paths:
            _visit(page, nginx_url.rstrip("/") + path, problems, search=path in ("/", "/en/"))
    finally:
        context.close()
    print(f"\n[csp] {len(paths)} pages through nginx: {', '.join(paths)}")
    assert not problems, "\n".join(problems)
