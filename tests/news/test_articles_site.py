"""The news section as built: indexes, switchers, tags, related articles, Open Graph."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from noidung import site
from noidung.content import clock
from noidung.content.layout import ContentLayout
from noidung.content.registries import load_registries
from noidung.news.articles import language_articles
from noidung.news.related import related_links
from tests.support.browser import RequestLog
from tests.support.site import html_pages, resolve_href, soup, url_to_file

LANG_DIRS = {"vi": "", "en": "en/"}
OTHER = {"vi": "en", "en": "vi"}
POST_RE = re.compile(r"tin-bai/\d{4}/\d{2}/([a-z0-9-]+)/index\.html$")


def published(lang: str):
    return language_articles(ContentLayout(), lang, "vi", clock.today())


def unpublished_ids() -> set[str]:
    everything = language_articles(ContentLayout(), "vi", "vi", clock.today(), include_drafts=True)
    return {a.id for a in everything} - {a.id for a in published("vi")}


def rel(site: Path, path: Path) -> str:
    return path.relative_to(site).as_posix()


def lang_of(site: Path, path: Path) -> str:
    return "en" if rel(site, path).startswith("en/") else "vi"


def linked_posts(site: Path, page: Path) -> set[str]:
    """Ids of the posts a listing page shows (excerpts, resolved from their links)."""
    found = set()
    for link in soup(page).select("article.md-post a[href]"):
        target = resolve_href(site, page, link["href"])
        match = POST_RE.search(rel(site, target)) if target else None
        if match:
            assert target.exists(), (page, link["href"])
            found.add(match.group(1))
    return found


def news_pages(site: Path, lang: str) -> list[Path]:
    """Every page of the news section in one language: index, posts, archive, categories, tags."""
    return sorted((site / LANG_DIRS[lang] / "tin-bai").rglob("index.html"))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_blog_index_lists_exactly_that_languages_published_posts(built_site, lang):
    index = built_site / LANG_DIRS[lang] / "tin-bai" / "index.html"
    pages = [index, *sorted((index.parent / "trang").glob("*/index.html"))]
    shown = set().union(*(linked_posts(built_site, p) for p in pages))
    assert shown == {a.id for a in published(lang)}
    for page in pages:
        for link in soup(page).select("article.md-post a[href]"):
            target = resolve_href(built_site, page, link["href"])
            assert lang_of(built_site, target) == lang, link["href"]
    print(f"[blog] {lang}: {len(shown)} posts listed")


def test_english_index_leaves_out_untranslated_articles(built_site):
    vi_only = {a.id for a in published("vi")} - {a.id for a in published("en")}
    assert "huong-ung-ngay-gia-dinh-viet-nam-2025" in vi_only
    shown = linked_posts(built_site, built_site / "en" / "tin-bai" / "index.html")
    assert not shown & vi_only


def test_drafts_and_future_articles_are_nowhere_in_the_published_site(built_site):
    hidden = unpublished_ids()
    assert "ke-hoach-truyen-thong-nam-2026" in hidden  # draft: true
    if clock.today() < dt.date(2027, 6, 1):  # dated 2027-06-01: published from that day
        assert "chuan-bi-ngay-gia-dinh-viet-nam-2027" in hidden
    for path in built_site.rglob("*"):
        if path.suffix in (".html", ".xml", ".json"):
            text = path.read_text("utf-8", errors="replace")
            for ident in hidden:
                assert ident not in text, (path, ident)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_news_page_switches_to_the_same_path_in_the_other_language(built_site, lang):
    other_dir = built_site / LANG_DIRS[OTHER[lang]] if LANG_DIRS[OTHER[lang]] else built_site
    kinds = {"post": 0, "archive": 0, "category": 0, "tag": 0}
    for page in news_pages(built_site, lang):
        under = rel(built_site, page)[len(LANG_DIRS[lang]):]
        switch = soup(page).select_one("a[data-i18n-switch]")
        target = resolve_href(built_site, page, switch["href"])
        assert target is not None and target.exists(), (page, switch["href"])
        same = other_dir / under
        if same.exists():
            assert target == same, (page, switch["href"])
        for kind, marker in (("archive", "/luu-tru/"), ("category", "/chuyen-muc/"),
                             ("tag", "/the/")):
            kinds[kind] += marker in "/" + under
        kinds["post"] += bool(POST_RE.search(under))
    print(f"[switcher] {lang}: {kinds}")
    assert all(kinds.values()), kinds


def test_categories_and_archives_have_the_same_paths_in_both_languages(built_site):
    vi = {rel(built_site, p) for p in (built_site / "tin-bai" / "chuyen-muc").rglob("index.html")}
    en = {rel(built_site / "en", p)
          for p in (built_site / "en" / "tin-bai" / "chuyen-muc").rglob("index.html")}
    registries = load_registries(ContentLayout().registries)
    assert vi == {f"tin-bai/chuyen-muc/{c}/index.html" for c in registries.ids("categories")}
    assert en <= vi and en
    years = {a.date.year for a in published("en")}
    for year in years:
        assert (built_site / "en" / "tin-bai" / "luu-tru" / str(year) / "index.html").exists()
        assert (built_site / "tin-bai" / "luu-tru" / str(year) / "index.html").exists()


def test_post_shows_reading_time_and_the_unit_in_force_on_its_date(built_site):
    vi = soup(built_site / "tin-bai/2024/06/tong-dai-111/index.html")
    en = soup(built_site / "en/tin-bai/2024/06/tong-dai-111/index.html")
    assert "Sở Lao động - Thương binh và Xã hội tỉnh Ninh Bình" in vi.select_one(
        ".md-post__authors").get_text(" ")
    assert "Department of Labour, Invalids and Social Affairs" in en.select_one(
        ".md-post__authors").get_text(" ")
    assert re.search(r"\d+ phút đọc", vi.get_text(" "))
    assert re.search(r"\d+ min read", en.get_text(" "))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_tags_on_posts_lead_to_tag_pages_that_list_the_post(built_site, lang):
    checked = 0
    for article in published(lang):
        page = built_site / LANG_DIRS[lang] / article.url / "index.html"
        links = soup(page).select("nav.md-tags a.md-tag")
        assert len(links) == len(article.meta.get("tags") or []), page
        for link in links:
            target = resolve_href(built_site, page, link["href"])
            topic = rel(built_site, target).split("/the/")[1].split("/")[0]
            assert topic in article.meta["tags"]
            assert article.id in {m for m in _listed(built_site, target)}, (page, target)
            checked += 1
    print(f"[tags] {lang}: {checked} tag links checked")
    assert checked


def _listed(site: Path, tag_page: Path) -> set[str]:
    found = set()
    for link in soup(tag_page).select("article a[href]"):
        target = resolve_href(site, tag_page, link["href"])
        match = POST_RE.search(rel(site, target)) if target else None
        if match:
            found.add(match.group(1))
    return found


def test_related_articles_under_a_built_post(built_site):
    article = next(a for a in published("vi") if a.id == "phoi-hop-cong-tac-gia-dinh-tre-em")
    page = built_site / "tin-bai/2024/12/phoi-hop-cong-tac-gia-dinh-tre-em/index.html"
    doc = soup(page)
    aside = doc.select_one("aside.news-related")
    assert aside.h2.get_text(strip=True) == "Bài viết khác"
    links = aside.select("a")
    expected = related_links(article, published("vi"))
    assert 1 <= len(links) <= 5
    assert [a.get_text(strip=True) for a in links] == [e["title"] for e in expected]
    for link, item in zip(links, expected, strict=True):
        target = resolve_href(built_site, page, link["href"])
        assert target == built_site / item["url"] / "index.html"
    campaign = doc.select_one("aside.news-campaign a")
    target = resolve_href(built_site, page, campaign["href"])
    campaign_page = "chien-dich/chuong-trinh-phoi-hop-gia-dinh-tre-em-2024/index.html"
    assert rel(built_site, target) == campaign_page
    assert target.exists()
    en = soup(built_site / "en/tin-bai/2024/12/phoi-hop-cong-tac-gia-dinh-tre-em/index.html")
    assert en.select_one("aside.news-related h2").get_text(strip=True) == "Related articles"


def test_every_page_has_open_graph_and_twitter_card_metadata(built_site):
    base = site.load().site_url
    pages = [p for p in html_pages(built_site)
             if 'http-equiv="refresh"' not in p.read_text("utf-8")]
    for page in pages:
        doc = soup(page)
        og = {m["property"]: m["content"] for m in doc.find_all("meta", property=True)}
        tw = {m["name"]: m["content"] for m in doc.find_all("meta", attrs={"name": True})}
        lang = lang_of(built_site, page)
        assert og["og:locale"] == {"vi": "vi_VN", "en": "en_US"}[lang], page
        assert og["og:locale:alternate"] == {"vi": "en_US", "en": "vi_VN"}[lang], page
        assert og["og:title"] and og["og:description"], page
        image = url_to_file(built_site, base, og["og:image"])
        assert image is not None and image.exists(), (page, og["og:image"])
        assert tw["twitter:card"] == "summary_large_image"
        assert tw["twitter:image"] == og["og:image"]
        if page.name != "404.html":
            canonical = doc.find("link", rel="canonical")["href"]
            assert og["og:url"] == canonical, page
    print(f"[og] {len(pages)} pages checked")


def test_post_preview_is_an_article_with_its_summary(built_site):
    page = built_site / "en/tin-bai/2024/06/tong-dai-111/index.html"
    og = {m["property"]: m["content"] for m in soup(page).find_all("meta", property=True)}
    article = next(a for a in published("en") if a.id == "tong-dai-111")
    assert og["og:type"] == "article"
    assert og["og:description"] == article.meta["summary"]
    assert og["article:published_time"] == "2024-06-10"
    assert og["og:url"] == site.load().site_url + "en/tin-bai/2024/06/tong-dai-111/"


def test_default_preview_image_is_1200_by_630(built_site):
    from PIL import Image

    with Image.open(built_site / "assets/images/og-default.png") as image:
        assert image.size == (1200, 630)


@pytest.mark.browser
@pytest.mark.parametrize("path", ["en/tin-bai/2024/12/phoi-hop-cong-tac-gia-dinh-tre-em/",
                                  "tin-bai/the/gia-dinh/", "en/tin-bai/chuyen-muc/binh-dang-gioi/"])
def test_news_pages_with_feed_links_make_no_failing_request(page, site_url, path):
    log = RequestLog(site_url)
    log.attach(page)
    page.goto(site_url + path)
    page.wait_for_timeout(300)
    assert log.failures == []
    assert log.foreign() == []
    assert not [u for u in log.urls if u.endswith("sitemap.xml")]


def test_vietnamese_index_paginates_and_links_topics_and_feed(built_site):
    per_page = 10  # mkdocs.yml: pagination_per_page
    pages = sorted((built_site / "tin-bai" / "trang").glob("*/index.html"))
    assert len(published("vi")) > per_page and pages
    assert linked_posts(built_site, pages[0])
    index = built_site / "tin-bai" / "index.html"
    for href in ("the/", "feed.xml"):
        link = soup(index).select_one(f'.md-content a[href="{href}"]')
        assert link is not None and resolve_href(built_site, index, href).exists()
