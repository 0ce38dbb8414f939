"""RSS feeds: made from metadata (never git), one item per published article, none for drafts."""

from __future__ import annotations

import datetime as dt
from email.utils import parsedate_to_datetime
from xml.etree import ElementTree

import pytest

from noidung import site
from noidung.content import clock
from noidung.content.layout import ContentLayout
from noidung.content.registries import load_registries
from noidung.news.articles import Article, language_articles
from noidung.news.feeds import feed_xml, language_feeds
from tests.support.site import html_pages, resolve_href, soup, url_to_file

REGISTRIES = load_registries(ContentLayout().registries)


def article(ident: str, date: str, categories=("cong-tac-gia-dinh",), **meta) -> Article:
    data = {"id": ident, "title": f"Bài {ident}", "summary": f"Tóm tắt {ident}",
            "date": dt.date.fromisoformat(date), "categories": list(categories), **meta}
    return Article(ident, "vi", data, "Nội dung.", True)


ARTICLES = [
    article("moi", "2025-06-16", updated=dt.date(2025, 6, 20)),
    article("cu", "2021-06-25", categories=("binh-dang-gioi",)),
]


def make(articles=ARTICLES) -> bytes:
    return feed_xml(articles, title="Tin bài", description="Mô tả", lang="vi",
                    site_url="https://example.org/", page_url="tin-bai/",
                    feed_path="tin-bai/feed.xml", registries=REGISTRIES)


def test_feed_items_come_from_metadata_newest_first():
    channel = ElementTree.fromstring(make()).find("channel")
    items = channel.findall("item")
    assert [i.findtext("link") for i in items] == [
        "https://example.org/tin-bai/2025/06/moi/", "https://example.org/tin-bai/2021/06/cu/"]
    assert parsedate_to_datetime(items[0].findtext("pubDate")) == dt.datetime(
        2025, 6, 16, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    assert items[1].findtext("category") == "Bình đẳng giới"
    assert channel.findtext("link") == "https://example.org/tin-bai/"
    assert channel.findtext("language") == "vi"
    # The feed's date is its newest change, not the build's.
    assert parsedate_to_datetime(channel.findtext("lastBuildDate")).date() == dt.date(2025, 6, 20)


def test_the_same_articles_always_give_the_same_bytes():
    assert make() == make()
    assert make(list(reversed(ARTICLES))) == make()


def test_one_feed_per_language_and_per_category_with_articles():
    feeds = language_feeds(ARTICLES, site_name="Tin", description="", lang="vi",
                           site_url="https://example.org/", blog_dir="tin-bai",
                           categories_url="chuyen-muc", registries=REGISTRIES)
    assert [(f.path, f.entries) for f in feeds] == [
        ("tin-bai/feed.xml", 2),
        ("tin-bai/chuyen-muc/cong-tac-gia-dinh/feed.xml", 1),
        ("tin-bai/chuyen-muc/binh-dang-gioi/feed.xml", 1),
    ]


# -- the built site ----------------------------------------------------------------

LANG_DIRS = {"vi": "", "en": "en/"}


def expected_ids(lang: str) -> set[str]:
    return {a.id for a in language_articles(ContentLayout(), lang, "vi", clock.today())}


def unpublished_ids() -> set[str]:
    everything = language_articles(ContentLayout(), "vi", "vi", clock.today(), include_drafts=True)
    return {a.id for a in everything} - expected_ids("vi")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_built_feed_has_one_item_per_published_article(built_site, lang):
    path = built_site / LANG_DIRS[lang] / "tin-bai" / "feed.xml"
    channel = ElementTree.parse(path).getroot().find("channel")
    links = [i.findtext("link") for i in channel.findall("item")]
    ids = [link.rstrip("/").rsplit("/", 1)[-1] for link in links]
    assert sorted(ids) == sorted(expected_ids(lang))
    assert len(ids) == len(set(ids))
    assert not set(ids) & unpublished_ids()
    for link in links:
        target = url_to_file(built_site, site.load().site_url, link)
        assert target is not None and target.exists(), link
    print(f"[feed] {lang}: {len(ids)} items, drafts/future left out: {sorted(unpublished_ids())}")


def test_there_are_drafts_and_future_articles_to_leave_out():
    assert len(unpublished_ids()) >= 2
    assert "huong-ung-ngay-gia-dinh-viet-nam-2025" in expected_ids("vi") - expected_ids("en")


def test_built_category_feeds_are_valid_and_hold_only_their_category(built_site):
    count = 0
    for path in built_site.glob("**/tin-bai/chuyen-muc/*/feed.xml"):
        channel = ElementTree.parse(path).getroot().find("channel")
        items = channel.findall("item")
        assert items, path
        count += 1
    assert count >= 8  # five categories in Vietnamese, most of them in English


def content_pages(site):
    """Every HTML page except redirect stubs (a meta refresh to a moved page)."""
    return [p for p in html_pages(site) if 'http-equiv="refresh"' not in p.read_text("utf-8")]


def test_every_page_links_its_language_feed(built_site):
    pages = content_pages(built_site)
    for page in pages:
        links = soup(page).find_all("link", type="application/rss+xml")
        assert links, page
        for link in links:
            target = resolve_href(built_site, page, link["href"])
            assert target is not None and target.exists(), (page, link["href"])
            in_english = page.relative_to(built_site).as_posix().startswith("en/")
            assert target.relative_to(built_site).as_posix().startswith("en/") == in_english
