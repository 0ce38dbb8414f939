"""Gate: every internal link and #anchor of the built site leads to a file and an element."""

from __future__ import annotations

from noidung.quality import report
from noidung.quality.links import check_links, resolve, site_root_url
from tests.gates.conftest import FIXTURES

BROKEN = FIXTURES / "broken"


def test_every_internal_link_and_anchor_exists(built_site):
    result = check_links(built_site)
    print(f"\n[links] {result.pages} pages, {result.links} internal links "
          f"({result.anchors} with an #anchor), root {site_root_url(built_site)}")
    assert result.pages > 0 and result.links > 0
    assert result.problems == [], "\n" + report(result.problems)


def test_dead_link_and_dead_anchor_fail_naming_the_page():
    problems = {(p.page, p.rule): p.message for p in check_links(BROKEN).problems}
    assert problems == {
        ("dead-link.html", "dead-link"):
            "link 'missing-page/' leads to no file (missing-page/index.html)",
        ("dead-anchor.html", "dead-anchor"):
            "link 'index.html#no-such-heading': no element with id 'no-such-heading' in index.html",
    }


def test_urls_resolve_like_a_browser(tmp_path):
    site = tmp_path
    (site / "en" / "tin-bai").mkdir(parents=True)
    page = site / "en" / "a" / "index.html"
    root = "https://example.org/"
    assert resolve(site, page, "../tin-bai/#x", root) == (site / "en/tin-bai/index.html", "x")
    assert resolve(site, page, "../tin-bai", root) == (site / "en/tin-bai/index.html", "")
    assert resolve(site, page, "/en/tin-bai/", root) == (site / "en/tin-bai/index.html", "")
    assert resolve(site, page, "https://example.org/en/x.css", root) == (site / "en/x.css", "")
    assert resolve(site, page, "%C4%91%20b.pdf#t%E1%BA%A1i", root) == (
        site / "en/a/đ b.pdf", "tại")
    assert resolve(site, page, "#top", root) == (page, "top")
    assert resolve(site, page, "https://other.org/", root) is None
    assert resolve(site, page, "mailto:a@example.org", root) is None
