"""Tag pages of the news section: one per topic, at tin-bai/the/<topic-id>/ in both languages.

Tags on articles are topic ids (docs/registries/topics.yml). Each topic used
by a published article gets a page in every language, listing that language's
articles through Material's tags plugin (which also links the tags shown on
each article to that page). The path is the topic id, the same in both
languages, so the language switcher keeps the reader on the same tag.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from noidung.content.layout import BLOG_DIR, SECTIONS
from noidung.generate.context import BuildContext, GeneratedPage
from noidung.i18n import strings
from noidung.news.articles import language_articles

TAGS_DIR = f"{BLOG_DIR}/{SECTIONS.tags}"

def used_topics(context: BuildContext) -> list[str]:
    """Topics of the published articles of any language, in registry order."""
    used: set[str] = set()
    for language in context.languages:
        for article in language_articles(context.layout, language.code, context.original_lang,
                                         context.today, context.include_drafts):
            used.update(article.meta.get("tags") or [])
    return [t for t in context.registries.ids("topics") if t in used]


def pages(context: BuildContext) -> list[GeneratedPage]:
    """The tag index and one page per used topic, in `context.lang`."""
    lang = context.lang
    text = strings.section(lang, "tags")
    topics = used_topics(context)
    if not topics:
        return []
    mine = language_articles(context.layout, lang, context.original_lang, context.today,
                             context.include_drafts)
    result = []
    links = []
    for topic_id in topics:
        name = context.registries.label("topics", topic_id, lang)
        count = sum(topic_id in (a.meta.get("tags") or []) for a in mine)
        links.append(f"- [{name}]({topic_id}/index.md) ({count})")
        body = [f"# {text['title'].format(name=name)}", "", text["intro"].format(name=name), ""]
        if count:
            # Material's tags plugin fills in the list (and links article tags here).
            body.append(f"<!-- material/tags {{ include: [\"{name}\"] }} -->")
        else:
            body.append(text["empty"])
        body += ["", f"[{text['all']}](../index.md)", ""]
        front = f"---\ntitle: \"{text['title'].format(name=name)}\"\ntopic: {topic_id}\n---\n\n"
        result.append(GeneratedPage(f"{TAGS_DIR}/{topic_id}/index.md",
                                    front + "\n".join(body), text["title"].format(name=name)))
    index = "\n".join([f"# {text['index_title']}", "", text["index_intro"], "", *links, ""])
    front = f"---\ntitle: {text['index_title']}\n---\n\n"
    result.insert(0, GeneratedPage(f"{TAGS_DIR}/index.md", front + index, text["index_title"]))
    return result


def listing_sort_key(mapping: Any) -> tuple[dt.date, str]:
    """Sort key for Material's tag listings: by article date (used with reverse order)."""
    meta = getattr(mapping.item, "meta", {}) or {}
    date = meta.get("date")
    if isinstance(date, dict):
        date = date.get("created")
    if isinstance(date, dt.datetime):
        date = date.date()
    if not isinstance(date, dt.date):
        date = dt.date.min
    return date, str(mapping.item.title)
