"""The built bilingual site: languages, alternates, sitemaps, 404s, switcher targets."""

from __future__ import annotations

import re
from xml.etree import ElementTree

import pytest

from noidung import site
from tests.support.site import html_pages, page_language_root, resolve_href, soup, url_to_file

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9",
              "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture(scope="module")
def pages(built_site):
    found = html_pages(built_site)
    print(f"\n[site] {len(found)} HTML pages checked")
    assert len(found) >= 12
    return found


def test_both_home_pages_exist_with_their_language(built_site):
    assert soup(built_site / "index.html").html["lang"] == "vi"
    assert soup(built_site / "en" / "index.html").html["lang"] == "en"


def test_every_page_declares_the_language_of_its_root(built_site, pages):
    for page in pages:
        expected = "en" if page_language_root(built_site, page) == "/en/" else "vi"
        assert soup(page).html["lang"] == expected, page


def test_theme_strings_are_in_the_page_language(built_site):
    vi = soup(built_site / "index.html")
    en = soup(built_site / "en" / "index.html")
    # Vietnamese strings, not English ones (ours where Material's say too little).
    assert vi.find("a", class_="md-skip").get_text(strip=True) == "Đến nội dung chính"
    assert en.find("a", class_="md-skip").get_text(strip=True) == "Skip to content"
    contact_vi = soup(built_site / "lien-he" / "index.html")
    contact_en = soup(built_site / "en" / "lien-he" / "index.html")
    assert {a["title"] for a in contact_vi.select("a.headerlink")} == {"Liên kết đến mục này"}
    assert {a["title"] for a in contact_en.select("a.headerlink")} == {"Link to this section"}
    assert vi.find("label", attrs={"for": "nd-search-input"}).get_text(strip=True) == "Tìm kiếm"
    assert en.find("label", attrs={"for": "nd-search-input"}).get_text(strip=True) == "Search"


def test_post_dates_are_written_in_vietnamese(built_site):
    post = built_site / "tin-bai/2024/12/phoi-hop-cong-tac-gia-dinh-tre-em/index.html"
    text = soup(post).get_text(" ")
    assert "2/12/2024" in text  # the site's one date style (scripts/i18n.DATE_PATTERNS)
    english = soup(built_site / "en" / post.relative_to(built_site)).get_text(" ")
    assert "2 December 2024" in english and "December 2, 2024" not in english


def test_hreflang_links_point_to_existing_pages(built_site, pages):
    base = site.load().site_url
    checked = 0
    for page in pages:
        if page.name == "404.html":
            continue
        doc = soup(page)
        links = doc.find_all("link", rel="alternate", hreflang=True)
        langs = {link["hreflang"] for link in links}
        indexable = doc.find("meta", attrs={"name": "robots", "content": "noindex"}) is None
        if indexable:
            assert "x-default" in langs, page
        for link in links:
            target = url_to_file(built_site, base, link["href"])
            assert target is not None and target.exists(), (page, link["href"])
            # A "not yet translated" stand-in is no alternate: search engines would send
            # readers of that language to a page without the content.
            if indexable:
                assert 'content="noindex"' not in target.read_text("utf-8"), (page, link["href"])
            checked += 1
    print(f"[hreflang] {checked} alternate links resolved")
    assert checked > 0


def test_every_language_switcher_leads_to_an_existing_page(built_site, pages):
    for page in pages:
        switches = soup(page).select("a[data-i18n-switch]")
        assert len(switches) == 1, page
        href = switches[0]["href"]
        if page.name == "404.html":
            assert href.startswith("/"), "a 404 page is shown at any depth: absolute path"
            target = built_site / href.lstrip("/") / "index.html"
        else:
            target = resolve_href(built_site, page, href)
        assert target is not None and target.exists(), (page, href)


def test_switcher_keeps_the_same_path_when_the_translation_exists(built_site):
    page = built_site / "gioi-thieu" / "index.html"
    assert soup(page).select_one("a[data-i18n-switch]")["href"] == "../en/gioi-thieu/"
    page = built_site / "en" / "gioi-thieu" / "index.html"
    assert soup(page).select_one("a[data-i18n-switch]")["href"] == "../../gioi-thieu/"


def test_sitemaps_list_alternates_that_exist(built_site):
    base = site.load().site_url
    for folder in (built_site, built_site / "en"):
        tree = ElementTree.parse(folder / "sitemap.xml")
        urls = tree.findall("s:url", SITEMAP_NS)
        assert urls, folder
        for url in urls:
            loc = url.find("s:loc", SITEMAP_NS).text
            assert url_to_file(built_site, base, loc).exists(), loc
            alternates = url.findall("x:link", SITEMAP_NS)
            assert {a.get("hreflang") for a in alternates} >= {"x-default"}
            for alternate in alternates:
                assert url_to_file(built_site, base, alternate.get("href")).exists()


def test_each_language_has_its_own_404_page(built_site):
    assert soup(built_site / "404.html").html["lang"] == "vi"
    assert soup(built_site / "en" / "404.html").html["lang"] == "en"


def test_published_paths_are_lowercase_ascii(built_site, pages):
    for page in pages:
        rel = page.relative_to(built_site).as_posix()
        assert re.fullmatch(r"[a-z0-9/._-]+", rel), rel


def test_same_paths_in_both_languages(built_site, pages):
    vi = {p.relative_to(built_site).as_posix() for p in pages if not
          p.relative_to(built_site).as_posix().startswith("en/")}
    en = {p.relative_to(built_site / "en").as_posix() for p in pages if
          p.relative_to(built_site).as_posix().startswith("en/")}
    for path in ("index.html", "chien-dich/index.html", "tap-huan/index.html",
                 "tin-bai/index.html", "gioi-thieu/index.html", "lien-he/index.html"):
        assert path in vi and path in en


def test_no_third_party_host_is_referenced(built_site, pages):
    pattern = re.compile(r'(?:src|href)="(?:https?:)?//(?!127\.0\.0\.1)[^"]+"')
    for page in pages:
        html = page.read_text("utf-8")
        for match in pattern.finditer(html):
            tag_start = html.rfind("<", 0, match.start())
            tag = html[tag_start:match.start()]
            # Links a reader may follow are fine; nothing may be loaded from elsewhere.
            assert not tag.startswith(("<link", "<script", "<img", "<iframe")) or \
                'rel="alternate"' in tag or 'rel="canonical"' in tag, (page, match.group(0))
    assert "fonts.googleapis" not in (built_site / "index.html").read_text("utf-8")


def test_pages_do_not_embed_the_whole_navigation(built_site):
    # navigation.prune: a page carries its own branch only (ARCHITECTURE.md, stack notes §3).
    post = soup(built_site / "tin-bai/2024/12/phoi-hop-cong-tac-gia-dinh-tre-em/index.html")
    nav_links = post.select("nav.md-nav--primary a.md-nav__link")
    assert len(nav_links) < 30


def test_material_language_lookup_is_disabled_in_the_bundle(built_site):
    bundle = next((built_site / "assets/javascripts").glob("bundle.*.min.js"))
    assert "ui({document$:ct});" not in bundle.read_text("utf-8")


def test_404_pages_speak_their_language(built_site):
    vi = soup(built_site / "404.html")
    en = soup(built_site / "en" / "404.html")
    assert vi.h1.get_text() == "404 · Không tìm thấy trang"
    assert en.h1.get_text() == "404 · Page not found"
    assert vi.find("a", string="Về trang chủ")["href"] == "/"
    assert en.find("a", string="Go to the home page")["href"] == "/en/"


@pytest.mark.parametrize("root", ["", "en/"])
def test_hotline_numbers_are_tap_to_call(built_site, root):
    """A reader in a crisis on a phone calls with one tap, wherever the number is shown."""
    def tel_links(path):
        return sorted({a["href"] for a in soup(built_site / root / path).select('a[href^="tel:"]')})

    assert tel_links("lien-he/index.html") == ["tel:111", "tel:113", "tel:115"]
    assert tel_links("index.html") == ["tel:111"]
    assert tel_links("404.html") == ["tel:111"]
    assert "tel:111" in tel_links("tin-bai/2024/06/tong-dai-111/index.html")


@pytest.mark.parametrize(("path", "tab"), [
    ("chien-dich/lich/", "Chiến dịch"),
    ("chien-dich/ngay-gia-dinh-viet-nam-2025/", "Chiến dịch"),
    ("tap-huan/nhan-biet-va-bao-tin-xam-hai-tre-em/", "Tập huấn"),
    ("en/tap-huan/nhan-biet-va-bao-tin-xam-hai-tre-em/", "Training"),
    ("en/chien-dich/lich/", "Campaigns"),
    ("tin-bai/2024/06/tong-dai-111/", "Tin bài"),
    ("gioi-thieu/", "Giới thiệu"),
    ("tin-bai/the/gia-dinh/", "Tin bài"),
])
def test_the_current_section_tab_is_marked_on_every_kind_of_page(built_site, path, tab):
    """Generated pages are not in the menu; their section's tab is still the current one."""
    active = soup(built_site / path / "index.html").select("li.md-tabs__item--active a")
    assert [a.get_text(strip=True) for a in active] == [tab]
