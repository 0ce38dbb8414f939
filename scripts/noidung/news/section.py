"""What one language build needs from the news section, gathered for the plugin.

The plugin (scripts/noidung/plugin.py) holds one `NewsSection` per build and
calls it from its events: it configures Material's tags plugin, gives every
page its Open Graph metadata and feed links, gives every article its related
articles and campaign link, and writes the feeds after the build. The choices
themselves are pure functions in articles.py, related.py, feeds.py, social.py
and tagpages.py.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from noidung.content import assets
from noidung.content.layout import BLOG_DIR, POSTS_DIR, SECTIONS, ContentLayout
from noidung.content.registries import Registries
from noidung.generate import social
from noidung.i18n import strings
from noidung.i18n.languages import Language
from noidung.news import feeds, related, tagpages
from noidung.news.articles import Article, author_problems, excerpt_markdown, language_articles

log = logging.getLogger("mkdocs.plugins.bilingual")

@dataclass
class NewsSection:
    """The news section of one language build."""

    layout: ContentLayout
    language: Language
    languages: list[Language]
    registries: Registries
    today: dt.date
    include_drafts: bool
    articles: list[Article] = field(default_factory=list)
    #: What related.py compares, made once per list of articles (per page was quadratic).
    _candidates: list[related.Candidate] = field(default_factory=list, init=False, repr=False)
    _candidates_of: list[Article] | None = field(default=None, init=False, repr=False)

    @property
    def lang(self) -> str:
        return self.language.code

    # -- on_config ---------------------------------------------------------------

    def configure_tags(self, config: MkDocsConfig) -> None:
        """Tag anchors use topic ids; tag pages list articles newest first."""
        tags = config.plugins.get("material/tags")
        if tags is None:
            return
        ids = {e.label(self.lang): e.id for e in self.registries.entries("topics")}
        tags.config.tags_slugify = lambda name, _separator="-": ids.get(name, name)
        tags.config.listings_sort_by = tagpages.listing_sort_key
        tags.config.listings_sort_reverse = True

    # -- on_files ----------------------------------------------------------------

    def load(self) -> list[str]:
        """Read this language's published articles; return problems found in their authors."""
        self.articles = language_articles(self.layout, self.lang, self.languages[0].code,
                                          self.today, self.include_drafts)
        return [p for a in self.articles for p in author_problems(a, self.registries)]

    # -- on_page_context -----------------------------------------------------------

    def page_context(self, page: Any, config: MkDocsConfig) -> dict[str, Any]:
        """Context for our partials: `social`, `feeds`, and `article` on article pages."""
        meta = page.meta or {}
        article = self._article(meta.get("article_id"))
        image, image_alt = cover_image(article)
        context: dict[str, Any] = {
            "social": social.page_meta(
                lang=self.lang, languages=[x.code for x in self.languages],
                site_name=config.site_name, site_url=config.site_url or "/",
                title=str(page.title or ""),
                description=str(meta.get("description") or config.site_description or ""),
                page_url=page.url, is_homepage=page.is_homepage,
                published=article.date if article else None, image=image, image_alt=image_alt,
            ),
            "feeds": self.feed_links(page.url),
        }
        if article:
            context["article"] = {
                "related": related.related_links(article, self.articles,
                                                 candidates=self._related_pool()),
                "campaign": related.campaign_link(self.layout, article.meta.get("campaign"),
                                                  self.lang, self.include_drafts),
                "t": strings.section(self.lang, "news"),
            }
        return context

    def not_found_context(self, config: MkDocsConfig) -> dict[str, Any]:
        """Context of the 404 page: a preview without og:url (it has no address of its own)."""
        return {
            "social": social.page_meta(
                lang=self.lang, languages=[x.code for x in self.languages],
                site_name=config.site_name, site_url=config.site_url or "/", title="",
                description=str(config.site_description or ""), page_url=None,
            ),
            "feeds": self.feed_links(None),
        }

    def feed_links(self, page_url: str | None) -> list[dict[str, str]]:
        """The language's news feed, plus the category's feed on a category page."""
        text = strings.section(self.lang, "news")
        links = [{"title": text["feed"], "url": f"{BLOG_DIR}/{feeds.FEED_NAME}"}]
        prefix = f"{BLOG_DIR}/{CATEGORIES_URL}/"
        if page_url and page_url.startswith(prefix):
            category_id = page_url[len(prefix):].split("/", 1)[0]
            category = self.registries.get("categories", category_id)
            if category and any(category_id in (a.meta.get("categories") or [])
                                for a in self.articles):
                links.append({
                    "title": text["category_feed"].format(name=category.label(self.lang)),
                    "url": f"{prefix}{category_id}/{feeds.FEED_NAME}",
                })
        return links

    # -- on_post_build -------------------------------------------------------------

    def write_feeds(self, config: MkDocsConfig) -> int:
        """Write the feeds into this language's site folder; return how many."""
        written = feeds.language_feeds(
            self.articles, site_name=config.site_name,
            description=str(config.site_description or ""), site_url=config.site_url or "/",
            blog_dir=BLOG_DIR, categories_url=CATEGORIES_URL, lang=self.lang,
            registries=self.registries,
        )
        for feed in written:
            path = Path(config.site_dir) / feed.path
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(feed.xml)
        return len(written)

    def _related_pool(self) -> list[related.Candidate]:
        if self._candidates_of is not self.articles:
            self._candidates = [related.candidate(a) for a in self.articles]
            self._candidates_of = self.articles
        return self._candidates

    def _article(self, article_id: str | None) -> Article | None:
        if not article_id:
            return None
        return next((a for a in self.articles if a.id == article_id), None)


def cover_image(article: Article | None) -> tuple[str | None, str | None]:
    """An article's cover as its preview image: site path and alt text in its language.

    The cover's `file` is relative to the post (tin-bai/posts/<id>.md), resolved as every
    other reference (content/assets.py: a translation's build holds the original's file at
    the same path); the blog plugin publishes files under tin-bai/posts/ at tin-bai/
    (without posts/), which is where the preview must point.
    """
    cover = (article.meta.get("cover") or {}) if article else {}
    if article is None or not isinstance(cover, dict) or not cover.get("file"):
        return None, None
    alt = article.meta.get("cover_alt") or cover.get("alt")
    uri = assets.target_uri(f"{POSTS_DIR}/{article.id}.md", str(cover["file"]))
    if uri is None:  # an address of its own (https://…): used as it is
        return str(cover["file"]), alt
    if uri.startswith(POSTS_DIR + "/"):
        uri = f"{BLOG_DIR}/{uri[len(POSTS_DIR) + 1:]}"
    return uri, alt


#: Where category pages live under the blog (mkdocs.yml: categories_url_format).
CATEGORIES_URL = SECTIONS.categories


def shorten_excerpts(config: MkDocsConfig) -> int:
    """Make the blog listings render only each post's excerpt; return how many.

    For MkDocs' on_env: every page has been rendered by then and no listing yet, so a
    post's own page keeps its whole text.
    """
    blog = config.plugins.get("material/blog")
    if blog is None or not hasattr(blog, "blog"):
        return 0
    separator = blog.config.post_excerpt_separator
    shortened = 0
    for post in blog.blog.posts:
        excerpt = excerpt_markdown(post.markdown, separator)
        if excerpt is not None:
            post.markdown = excerpt
            shortened += 1
    return shortened
