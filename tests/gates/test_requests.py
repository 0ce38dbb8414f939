"""Gate: loading each kind of page makes no request outside 127.0.0.1 and none that fails.

Browser test: skipped without Chromium, failed instead when REQUIRE_BROWSER=1 (CI).
"""

from __future__ import annotations

import pytest

from scripts.quality import report
from scripts.quality.page_kinds import page_url, split_language
from scripts.quality.requests import request_problems
from tests.gates.browsing import gate_context, gate_page, logged_page, open_search, settle

pytestmark = pytest.mark.browser


def test_pages_request_only_their_own_files(browser, site_url, page_kinds):
    problems, total, loads = [], 0, 0
    with gate_context(browser, site_url) as context:
        for (lang, kind), rel in sorted(page_kinds.items()):
            url, expected = site_url + page_url(rel), ()
            if kind == "404":
                # As a reader meets it: a missing address, deep inside the language.
                url = site_url + ("en/" if lang == "en" else "") + "khong-co/trang-nay/"
                expected = (url,)
            with logged_page(context, site_url) as (page, log):
                response = page.goto(url)
                assert response is not None and response.status == (404 if expected else 200)
                settle(page)
                problems += request_problems(rel, site_url, log.urls, log.failures, expected)
                total, loads = total + len(log.urls), loads + 1
        for lang, home in (("vi", ""), ("en", "en/")):
            with logged_page(context, site_url) as (page, log):
                page.goto(site_url + home)
                if open_search(page, lang):
                    settle(page)
                    problems += request_problems(f"{home}index.html (search open)", site_url,
                                                 log.urls, log.failures)
                    total, loads = total + len(log.urls), loads + 1
    print(f"\n[requests] {loads} page loads ({len(page_kinds)} kinds of page by language, "
          f"search open), {total} requests, all checked to stay on {site_url}")
    assert loads > 0 and total > loads
    assert problems == [], "\n" + report(problems)


def test_external_font_fails_naming_the_page(browser, fixture_url):
    with gate_page(browser, fixture_url) as (page, log):
        page.goto(fixture_url + "external-font.html")
        settle(page)
    problems = request_problems("external-font.html", fixture_url, log.urls, log.failures)
    assert [str(p) for p in problems] == [
        "external-font.html: [foreign-request] request to another host: "
        "https://fonts.googleapis.com/css?family=Roboto:300,400"]


def test_failed_request_is_reported_once_per_url():
    origin = "http://127.0.0.1:9/"
    problems = request_problems(
        "a.html", origin, [origin + "x.css", "https://cdn.example/y.js"],
        [origin + "x.css -> 404", origin + "x.css -> 404", "https://cdn.example/y.js (aborted)"])
    assert [p.rule for p in problems] == ["foreign-request", "failed-request"]
    assert problems[1].message == origin + "x.css -> 404"


def test_language_of_a_path():
    assert split_language("en/tin-bai/index.html") == ("en", "tin-bai/index.html")
    assert split_language("tin-bai/index.html") == ("vi", "tin-bai/index.html")
