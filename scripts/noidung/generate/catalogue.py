"""The catalogue of pages each language has, worked out from the sources alone.

Both language builds run at the same time in separate processes, so each one
needs to know, without the other's output, which pages the other language has:
that is what decides where the stand-in "not yet translated" pages go.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from noidung.content import frontmatter
from noidung.content.layout import POSTS_DIR
from noidung.generate.context import BuildContext, GeneratedPage, generated_pages
from noidung.i18n.languages import src_to_url
from noidung.news.articles import article_files, load_article


@dataclass(frozen=True)
class SourcePage:
    """A page that a language publishes: its URL under the language root and its title."""

    url: str
    title: str
    lang: str


def _title_of(path: Path) -> str:
    try:
        doc = frontmatter.read(path)
    except Exception:  # a broken file is the validator's business, not the catalogue's
        return path.stem
    if doc.meta.get("title"):
        return str(doc.meta["title"])
    for line in doc.body.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return path.stem


def source_pages(context: BuildContext,
                 generated: list[GeneratedPage] | None = None) -> dict[str, SourcePage]:
    """Every page `context.lang` publishes from its own sources, by URL.

    `generated`: that language's generated pages, when the caller already made them
    (generators read every source file; running them twice per build is costly).
    """
    layout, lang, original_lang = context.layout, context.lang, context.original_lang
    today, include_drafts = context.today, context.include_drafts
    pages: dict[str, SourcePage] = {}
    docs = layout.language_docs(lang)
    if docs.is_dir():
        for path in sorted(docs.rglob("*.md")):
            src = path.relative_to(docs).as_posix()
            if src.startswith(POSTS_DIR + "/"):
                continue
            url = src_to_url(src)
            pages[url] = SourcePage(url, _title_of(path), lang)
    originals = article_files(layout, original_lang)
    for article_id in article_files(layout, lang):
        if article_id not in originals:
            continue  # a translation without an original is a validation error
        article = load_article(layout, article_id, lang, original_lang)
        if include_drafts or article.is_published(today):
            pages[article.url] = SourcePage(article.url, str(article.meta.get("title")), lang)
    for page in generated if generated is not None else generated_pages(context):
        url = src_to_url(page.src_uri)
        pages[url] = SourcePage(url, page.title, lang)
    return pages
