"""News articles: from the staff's two Markdown files to what Material's blog reads.

Staff write language-neutral metadata (id, dates, authors, categories, tags,
campaign, cover image, draft) once, in the Vietnamese original. The English
file carries only its own text (title, summary, body, alt texts). Before the
blog plugin reads a post, `merged_post` joins the two and turns registry ids
into the names the reader sees in that language.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from noidung.content import frontmatter
from noidung.content.clock import as_date
from noidung.content.layout import BLOG_DIR, POSTS_DIR, ContentLayout
from noidung.content.registries import Registries

#: Fields a translation writes for itself; everything else comes from the original.
TRANSLATED_FIELDS = ("title", "summary", "cover_alt", "source_hash")


@dataclass(frozen=True)
class Article:
    """An article as both builds see it: shared metadata plus one language's text."""

    id: str
    lang: str
    meta: dict[str, Any]
    body: str
    translated: bool

    @property
    def date(self) -> dt.date:
        return as_date(self.meta["date"])

    @property
    def url(self) -> str:
        """Path under the language root: tin-bai/2024/12/<id>/ (fixed by date and id)."""
        return f"{BLOG_DIR}/{self.date:%Y}/{self.date:%m}/{self.id}/"

    def is_published(self, today: dt.date) -> bool:
        return not self.meta.get("draft", False) and self.date <= today



def article_files(layout: ContentLayout, lang: str) -> dict[str, Path]:
    """Article files of one language, by article id (the file name)."""
    folder = layout.language_docs(lang) / POSTS_DIR
    return {p.stem: p for p in sorted(folder.glob("*.md"))} if folder.is_dir() else {}


def load_article(layout: ContentLayout, article_id: str, lang: str, original_lang: str) -> Article:
    """Read an article in `lang`, taking shared metadata from the original."""
    posts = layout.language_docs(original_lang) / POSTS_DIR
    original = frontmatter.read(posts / f"{article_id}.md")
    meta = copy.deepcopy(original.meta)
    body = original.body
    path = layout.language_docs(lang) / POSTS_DIR / f"{article_id}.md"
    translated = lang == original_lang or path.exists()
    if lang != original_lang and path.exists():
        translation = frontmatter.read(path)
        for key in TRANSLATED_FIELDS:
            if key in translation.meta:
                meta[key] = translation.meta[key]
        body = translation.body
    meta.setdefault("id", article_id)
    return Article(article_id, lang, meta, body, translated)


def blog_front_matter(
    article: Article, registries: Registries, today: dt.date | None = None
) -> dict[str, Any]:
    """The front matter Material's blog plugin expects, in the article's language.

    With `today`, a future-dated article is marked as a draft: the blog plugin
    then leaves it out of the published build exactly as the page catalogue
    does (both follow `clock.today()`, which tests can fix), and `serve` shows it.
    """
    lang = article.lang
    meta = dict(article.meta)
    date: dict[str, Any] = {"created": article.date}
    if meta.get("updated"):
        date["updated"] = as_date(meta["updated"])
    category_names = registries.labels("categories", meta.get("categories", []), lang,
                                       known_only=True)
    tag_names = registries.labels("topics", meta.get("tags", []), lang)
    merged: dict[str, Any] = {
        "title": meta.get("title", article.id),
        "description": meta.get("summary", ""),
        "date": date,
        "slug": article.id,
        "categories": category_names,
        "authors": list(meta.get("authors", [])),
        "tags": tag_names,
        "draft": not article.is_published(today) if today else bool(meta.get("draft", False)),
        # Our own fields, for templates and related-article lists.
        "article_id": article.id,
        "campaign": meta.get("campaign"),
        "category_ids": list(meta.get("categories", [])),
        "topic_ids": list(meta.get("tags", [])),
    }
    return merged


def merged_post(article: Article, registries: Registries, today: dt.date | None = None) -> str:
    """The whole post file the blog plugin will read."""
    return frontmatter.render(blog_front_matter(article, registries, today), article.body)


#: Lines after the excerpt that change how the text before it renders: link references,
#: footnote definitions and abbreviations.
_DEFINITION_RE = re.compile(r"^ {0,3}(\[[^\]\n]+\]:|\*\[)", re.MULTILINE)
#: What stands for the rest of the post in a shortened excerpt: Material only checks that
#: something follows the separator, to show its "continue reading" link.
REST_OF_POST = "\u2026"


def excerpt_markdown(markdown: str, separator: str) -> str | None:
    """The part of a post a listing shows, or None when the whole post must be rendered.

    Material's blog plugin renders the whole post for every listing it appears in and
    then cuts the HTML at the separator: with ten posts per listing page and each post
    in three listings, that was 28 % of a build. Only the part before the separator is
    shown, so only that part needs rendering, unless the rest defines links, footnotes
    or abbreviations that the part before uses.
    """
    head, found, rest = markdown.partition(separator)
    if not found or _DEFINITION_RE.search(rest):
        return None
    return f"{head}{separator}\n\n{REST_OF_POST}\n"


def authors_file(registries: Registries, lang: str) -> dict[str, Any]:
    """Material's `.authors.yml` content, made from the units registry."""
    authors = {}
    for unit in registries.entries("units"):
        parent = registries.get("units", unit.data.get("parent", ""))
        authors[unit.id] = {
            "name": unit.label(lang),
            "description": parent.label(lang) if parent else "",
            "avatar": "assets/unit.svg",
        }
    return {"authors": authors}


def language_articles(
    layout: ContentLayout, lang: str, original_lang: str, today: dt.date,
    include_drafts: bool = False,
) -> list[Article]:
    """The articles `lang` publishes (only translated ones), newest first.

    Drafts and future-dated articles are left out unless `include_drafts`
    (preview with `serve`). Feeds, tag pages and related-article lists all
    start from this one list, so they agree with the blog plugin's index.
    """
    originals = article_files(layout, original_lang)
    files = article_files(layout, lang)
    # Tag pages, feeds and news ask for the same list several times per build (7 times,
    # 0.3 s at 2,000 pages); a file's change of size or time makes a new key (serve).
    key = (lang, original_lang, today, include_drafts,
           _file_states(originals.values()), _file_states(files.values()))
    if key not in _ARTICLE_LISTS:
        found = [
            load_article(layout, article_id, lang, original_lang)
            for article_id in files
            if article_id in originals
        ]
        found = [a for a in found if include_drafts or a.is_published(today)]
        if len(_ARTICLE_LISTS) >= 8:
            _ARTICLE_LISTS.clear()
        _ARTICLE_LISTS[key] = sorted(found, key=lambda a: (a.date, a.id), reverse=True)
    return list(_ARTICLE_LISTS[key])


#: language_articles' recent answers, by language, day and the state of every file read.
_ARTICLE_LISTS: dict[tuple, list[Article]] = {}


def _file_states(paths) -> tuple:
    states = []
    for path in paths:
        stat = path.stat()
        states.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(states)


def author_problems(article: Article, registries: Registries) -> list[str]:
    """Authors that are not units of the registry in force on the article's date."""
    problems = []
    for unit_id in article.meta.get("authors") or []:
        unit = registries.get("units", unit_id)
        if unit is None:
            problems.append(f"{article.id}: author '{unit_id}' is not in the units registry")
        elif not unit.valid_on(article.date):
            problems.append(
                f"{article.id}: author '{unit_id}' was not in force on {article.date.isoformat()}"
            )
    return problems
