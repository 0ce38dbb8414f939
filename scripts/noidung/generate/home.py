"""The home page: the staff's text, with what is happening now.

A reader who opens the home page sees the campaigns running or coming next and the latest
news without going through the menus. The text stays the staff's (docs/<lang>/index.md);
the two short lists are made at build time from the campaigns and articles, and go after
the opening text, before the page's first section heading (or at the end if it has none).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from noidung.campaigns.model import (
    RUNNING,
    TEMPLATE,
    UPCOMING,
    escape_md,
    front_matter_block,
    load_campaigns,
)
from noidung.campaigns.pages import card, grouped
from noidung.content import frontmatter
from noidung.content.layout import POSTS_DIR
from noidung.generate.context import BuildContext, GeneratedPage
from noidung.i18n import strings
from noidung.i18n.languages import format_date
from noidung.news.articles import language_articles

HOME_SRC = "index.md"
#: At most this many of each: the home page stays short on a phone.
CAMPAIGNS_SHOWN = 3
ARTICLES_SHOWN = 3

_FIRST_SECTION = re.compile(r"^## ", re.MULTILINE)


def pages(context: BuildContext) -> list[GeneratedPage]:
    """The home page of `context.lang`, when the staff wrote one."""
    source = context.layout.language_docs(context.lang) / HOME_SRC
    if not source.is_file():
        return []
    doc = frontmatter.read(source)
    make = functools.partial(home_markdown, context, dict(doc.meta), doc.body)
    return [GeneratedPage(HOME_SRC, make, str(doc.meta.get("title") or ""))]


def home_markdown(context: BuildContext, meta: dict[str, Any], body: str) -> str:
    """The staff's page with the two lists put in before its first section."""
    lists = now_and_news(context)
    found = _FIRST_SECTION.search(body)
    at = found.start() if found else len(body)
    text = body[:at].rstrip() + "\n\n" + lists + body[at:].lstrip()
    return front_matter_block({**meta, "template": TEMPLATE}) + text.strip() + "\n"


def now_and_news(context: BuildContext) -> str:
    """Running and upcoming campaigns (soonest first), then the latest articles."""
    lang, today = context.lang, context.today
    words = strings.section(lang, "home")
    out = []
    groups = grouped(load_campaigns(context.layout, lang, context.include_drafts), today)
    campaigns = (groups[RUNNING] + groups[UPCOMING])[:CAMPAIGNS_SHOWN]
    if campaigns:
        out.append(f"## {words['now']} {{ #now }}\n\n")
        out.extend(card(c, HOME_SRC, today) for c in campaigns)
        out.append(f"[{words['all_campaigns']}](chien-dich/index.md)\n\n")
    articles = language_articles(context.layout, lang, context.original_lang, today,
                                 context.include_drafts)[:ARTICLES_SHOWN]
    if articles:
        out.append(f"## {words['news']} {{ #news }}\n\n")
        for article in articles:
            title = escape_md(str(article.meta.get("title") or article.id))
            out.append(f"- [{title}]({POSTS_DIR}/{article.id}.md){{ data-home-news }} "
                       f'<time datetime="{article.date.isoformat()}">'
                       f"({format_date(article.date, lang)})</time>\n")
        out.append(f"\n[{words['all_news']}](tin-bai/index.md)\n\n")
    return "".join(out)
