"""RSS feeds of the news section: one per language, one per category.

Dates come from the articles' metadata, never from git history, so a shallow
clone builds the same feed byte for byte. The build date does not appear
either: the feed's own date is that of its newest entry.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urljoin

from feedgen.feed import FeedGenerator

from noidung.content.registries import Registries
from noidung.news.articles import Article

#: The province's time zone: an article dated 28 June is published on 28 June there.
LOCAL_TZ = dt.timezone(dt.timedelta(hours=7))
FEED_NAME = "feed.xml"
#: Newest entries per feed; older articles stay reachable from the archive.
MAX_ENTRIES = 50


@dataclass(frozen=True)
class Feed:
    """A feed to write: its path under the language root and its XML bytes."""

    path: str
    xml: bytes
    entries: int


def _published(article: Article) -> dt.datetime:
    return dt.datetime.combine(article.date, dt.time(), LOCAL_TZ)


def _updated(article: Article) -> dt.datetime:
    value = article.meta.get("updated")
    if not value:
        return _published(article)
    day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    return dt.datetime.combine(day, dt.time(), LOCAL_TZ)


def feed_xml(
    articles: list[Article], *, title: str, description: str, site_url: str, page_url: str,
    feed_path: str, lang: str, registries: Registries,
) -> bytes:
    """RSS 2.0 for `articles` (already filtered to what is published), newest first.

    `site_url` is the language's root address; `page_url` the HTML page the
    feed belongs to and `feed_path` the feed itself, both under that root.
    """
    fg = FeedGenerator()
    fg.title(title)
    fg.description(description or title)
    # feedgen's RSS <link> is the last link given: the self link goes first.
    fg.link(href=urljoin(site_url, feed_path), rel="self")
    fg.link(href=urljoin(site_url, page_url), rel="alternate")
    fg.language(lang)
    fg.generator("feedgen")
    newest = sorted(articles, key=lambda a: (a.date, a.id), reverse=True)[:MAX_ENTRIES]
    if newest:
        fg.lastBuildDate(max(_updated(a) for a in newest))
    # feedgen prepends entries: add the oldest first so the newest comes out on top.
    for article in reversed(newest):
        url = urljoin(site_url, article.url)
        entry = fg.add_entry()
        entry.id(url)
        entry.guid(url, permalink=True)
        entry.title(str(article.meta.get("title", article.id)))
        entry.link(href=url)
        entry.description(str(article.meta.get("summary", "")) or None)
        entry.published(_published(article))
        entry.updated(_updated(article))
        for category_id in article.meta.get("categories") or []:
            category = registries.get("categories", category_id)
            if category:
                entry.category(term=category.label(lang))
    return fg.rss_str(pretty=True)


def language_feeds(
    articles: list[Article], *, site_name: str, description: str, site_url: str,
    blog_dir: str, categories_url: str, lang: str, registries: Registries,
) -> list[Feed]:
    """The news feed of one language and one feed per category that has articles.

    `categories_url` is where category pages live under the blog, e.g. "chuyen-muc".
    """
    feeds = []
    path = f"{blog_dir}/{FEED_NAME}"
    xml = feed_xml(articles, title=site_name, description=description, site_url=site_url,
                   page_url=f"{blog_dir}/", feed_path=path, lang=lang, registries=registries)
    feeds.append(Feed(path, xml, min(len(articles), MAX_ENTRIES)))
    for category in registries.entries("categories"):
        members = [a for a in articles if category.id in (a.meta.get("categories") or [])]
        if not members:
            continue
        page = f"{blog_dir}/{categories_url}/{category.id}/"
        path = page + FEED_NAME
        xml = feed_xml(members, title=f"{category.label(lang)} – {site_name}",
                       description=description, site_url=site_url, page_url=page,
                       feed_path=path, lang=lang, registries=registries)
        feeds.append(Feed(path, xml, min(len(members), MAX_ENTRIES)))
    return feeds
