"""Gate: loading each kind of page makes no request outside 127.0.0.1 and none that fails.

Browser test: skipped without Chromium, failed instead when REQUIRE_TOOLS=1 (CI).
"""

from __future__ import annotations

import pytest

from noidung.quality import report
from noidung.quality.page_kinds import split_language
from noidung.quality.requests import request_problems
from tests.gates.browsing import gate_page, settle

pytestmark = pytest.mark.browser


def test_pages_request_only_their_own_files(tour, site_url, page_kinds):
    problems, total = [], 0
    for load in tour.loads:
        problems += request_problems(load.name, site_url, load.urls, load.failures,
                                     tour.expected_failures.get(load.name, ()))
        total += len(load.urls)
    print(f"\n[requests] {len(tour.loads)} page loads ({len(page_kinds)} kinds of page by "
          f"language, search open in {tour.searched}), {total} requests, all checked to stay "
          f"on {site_url} and succeed")
    assert len(tour.loads) >= len(page_kinds) and total > len(tour.loads)
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
