"""Training pages in the built site: short links, old URLs, anchors, materials; then in Chromium:
redirects followed, the QR code decoded from the rendered SVG, and what a printout shows."""

from __future__ import annotations

import io

import pytest
import zxingcpp
from PIL import Image

from noidung import site
from noidung.content.layout import REPO_ROOT, ContentLayout
from noidung.training import model as training_model
from noidung.training import redirects as training_redirects
from tests.support.site import resolve_href, soup

LAYOUT = ContentLayout(REPO_ROOT)
MODULES = training_model.load_modules(LAYOUT, "vi", "vi")
REDIRECTS = training_redirects.load_redirects(LAYOUT)
ROOTS = {"vi": "", "en": "en/"}
#: (language root, old path, new path) for every short link and every old URL, both languages.
LINKS = [
    (root, source, target)
    for root in ROOTS.values()
    for source, target in [(m.short_url, m.url) for m in MODULES]
    + [(r.source, r.target) for r in REDIRECTS]
]


def _file(site, url):
    return site / url / "index.html"


@pytest.mark.parametrize(("root", "source", "target"), LINKS)
def test_redirect_pages_lead_to_the_page_in_the_same_language(built_site, root, source, target):
    page = _file(built_site, root + source)
    html = soup(page)
    refresh = html.select_one('meta[http-equiv="refresh"]')["content"]
    href = refresh.split("url=", 1)[1]
    assert resolve_href(built_site, page, href) == _file(built_site, root + target)
    link = html.select_one("a[data-redirect-target]")
    assert link["href"] == href and link.get_text(strip=True)
    canonical = html.select_one('link[rel="canonical"]')["href"]
    assert canonical == site.load().site_url + root + target
    assert html.select_one('meta[name="robots"]')["content"] == "noindex"
    assert html.html["lang"] == ("en" if root else "vi")


@pytest.mark.parametrize("root", ROOTS.values())
def test_module_pages_have_stable_anchors_and_downloadable_materials(built_site, root):
    for module in MODULES:
        page = _file(built_site, root + module.url)
        html = soup(page)
        ids = {tag["id"] for tag in html.select("[id]")}
        expected = {"muc-tieu", "tai-lieu", "ke-hoach", "yeu-cau-truoc"}
        expected |= {s["id"] for s in module.meta["sessions"]}
        assert expected <= ids, (page, expected - ids)
        card = html.select_one(".training-card")
        assert card["data-module-code"] == module.code
        short = site.load().site_url + root + module.short_url
        assert html.select_one("a[data-short-link]")["href"] == short
        assert html.select_one(".training-notes .admonition-title")
        downloads = html.select("#tai-lieu + ul a[download]")
        assert len(downloads) == len(module.meta["materials"])
        for link in downloads:
            target = resolve_href(built_site, page, link["href"])
            assert target is not None and target.is_file(), link["href"]
        for prerequisite in module.meta["prerequisites"]:
            assert html.select_one(f'#yeu-cau-truoc + ul a[href="../{prerequisite}/"]')


@pytest.mark.parametrize("root", ROOTS.values())
def test_overview_lists_every_module(built_site, root):
    page = _file(built_site, root + "tap-huan/")
    rows = soup(page).select("article table tbody tr")
    assert [r.select("td")[0].get_text() for r in rows] == [m.code for m in MODULES]
    for row, module in zip(rows, MODULES, strict=True):
        target = resolve_href(built_site, page, row.select_one("a")["href"])
        assert target == _file(built_site, root + module.url)


# -- in the browser ----------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize(("root", "source", "target"), LINKS)
def test_browser_follows_short_links_and_old_urls(page, site_url, root, source, target):
    page.goto(site_url + root + source)
    page.wait_for_url(site_url + root + target)
    assert page.locator("html").get_attribute("lang") == ("en" if root else "vi")


@pytest.mark.browser
@pytest.mark.parametrize("root", ROOTS.values())
def test_qr_code_rendered_by_the_browser_decodes_to_the_short_link(page, site_url, root):
    for module in (MODULES[0], MODULES[2]):
        page.goto(site_url + root + module.url)
        qr = page.locator(".training-qr svg")
        png = qr.screenshot()
        decoded = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
        assert [d.text for d in decoded] == [site.load().site_url + root + module.short_url]


def _box(page, selector):
    locator = page.locator(selector)
    return [locator.nth(i).bounding_box() for i in range(locator.count())]


@pytest.mark.browser
@pytest.mark.parametrize("path", [
    MODULES[2].url,
    "en/" + MODULES[2].url,
    "tin-bai/2024/12/phoi-hop-cong-tac-gia-dinh-tre-em/",
    "en/tin-bai/2024/12/phoi-hop-cong-tac-gia-dinh-tre-em/",
])
def test_printout_has_content_but_no_navigation_or_search(page, site_url, path):
    page.goto(site_url + path)
    button = page.locator("[data-print-button]")
    assert button.is_visible(), "the print button shows when JavaScript runs"
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary",
                   ".md-search", ".md-footer", ".md-nav", "[data-print-button]",
                   "[data-i18n-switch]"):
        assert all(box is None for box in _box(page, hidden)), hidden
    assert page.locator("article h1").is_visible()
    assert page.locator("article p").first.is_visible()
    if "tap-huan" in path:
        short = page.locator("a[data-short-link]")
        assert short.is_visible()
        assert short.inner_text() == site.load().site_url + path.split("tap-huan")[0] + "m/m03/"
        assert page.locator(".training-card__code").inner_text() == "M03"
        qr = page.locator(".training-qr svg")
        assert qr.is_visible()
        # Printed at 30 mm: scaled whole (a QR without a viewBox was cut off), still readable.
        assert 100 <= qr.bounding_box()["width"] <= 125
        decoded = zxingcpp.read_barcodes(Image.open(io.BytesIO(qr.screenshot(scale="device"))))
        assert [d.text for d in decoded] == [short.inner_text()]
        assert not page.locator("button[data-copy]").is_visible()
        # Chromium can make the printout itself.
        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


@pytest.mark.browser
def test_without_javascript_the_link_shows_and_the_buttons_do_not(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + MODULES[2].url)
    assert page.locator("a[data-short-link]").is_visible()
    assert page.locator(".training-qr svg").is_visible()
    assert not page.locator("button[data-copy]").is_visible()
    assert not page.locator("[data-print-button]").is_visible()
    context.close()


@pytest.mark.browser
def test_copy_button_copies_the_short_link(browser, site_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url + "en/" + MODULES[2].url)
    button = page.locator("button[data-copy]")
    button.click()
    assert page.evaluate("navigator.clipboard.readText()") == (
        site.load().site_url + "en/m/m03/")
    assert button.inner_text() == "Copied"
    context.close()
