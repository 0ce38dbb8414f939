"""Related articles: which other articles to offer under an article.

A pure function of the articles' metadata, so that it is tested on a fixture
set without building anything. The plugin only passes its result to the
template (scripts/noidung/theme/partials/related-articles.html).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from noidung.campaigns.model import is_draft_campaign
from noidung.content import frontmatter
from noidung.content.layout import SECTIONS, ContentLayout
from noidung.news.articles import Article

#: How much each shared property counts. A shared campaign says most about
#: what a reader wants next, then each shared topic, then a shared category.
CAMPAIGN_WEIGHT = 4
TAG_WEIGHT = 2
CATEGORY_WEIGHT = 1

#: At most this many related articles are shown.
LIMIT = 5


@dataclass(frozen=True)
class Candidate:
    """What the choice looks at: an article's id, date and language-neutral metadata."""

    id: str
    date: dt.date
    campaign: str | None = None
    tags: frozenset[str] = frozenset()
    categories: frozenset[str] = frozenset()


def score(article: Candidate, other: Candidate) -> int:
    """How closely `other` relates to `article` (0: nothing in common)."""
    points = len(article.tags & other.tags) * TAG_WEIGHT
    points += len(article.categories & other.categories) * CATEGORY_WEIGHT
    if article.campaign and article.campaign == other.campaign:
        points += CAMPAIGN_WEIGHT
    return points


def related(article: Candidate, others: Iterable[Candidate], limit: int = LIMIT) -> list[str]:
    """Ids of up to `limit` articles related to `article`, most recent first.

    Only articles sharing a campaign, a topic or a category qualify. When more
    qualify than fit, the closest win (ties go to the more recent); the chosen
    ones are then listed newest first, as readers expect of news.
    """
    scored = [
        (score(article, other), other)
        for other in others
        if other.id != article.id
    ]
    scored = [(points, other) for points, other in scored if points > 0]
    scored.sort(key=lambda item: (item[0], item[1].date, item[1].id), reverse=True)
    chosen = [other for _, other in scored[:limit]]
    chosen.sort(key=lambda other: (other.date, other.id), reverse=True)
    return [other.id for other in chosen]


# -- from articles to what the template shows ------------------------------------

def candidate(article: Article) -> Candidate:
    """The metadata of an article that the choice looks at."""
    meta = article.meta
    return Candidate(
        id=article.id,
        date=article.date,
        campaign=meta.get("campaign") or None,
        tags=frozenset(meta.get("tags") or []),
        categories=frozenset(meta.get("categories") or []),
    )


def related_links(article: Article, published: list[Article], limit: int = LIMIT,
                  candidates: list[Candidate] | None = None) -> list[dict]:
    """Title, site-relative URL and date of the articles to offer under `article`.

    `candidates` (candidate(a) for each of `published`) lets a build compute them once:
    made here for every page, they cost n² work (5 s of a 2,000-page build, benchmark).
    """
    by_id = {a.id: a for a in published}
    pool = candidates if candidates is not None else [candidate(a) for a in published]
    ids = related(candidate(article), pool, limit)
    return [
        {"title": str(by_id[i].meta.get("title", i)), "url": by_id[i].url, "date": by_id[i].date}
        for i in ids
    ]


def campaign_link(layout: ContentLayout, campaign_id: str | None, lang: str,
                  include_drafts: bool = False) -> dict | None:
    """Link to the campaign an article belongs to, when that campaign exists and is
    published (a draft campaign has no page, except in the preview: `include_drafts`)."""
    if not campaign_id:
        return None
    folder = layout.campaigns / campaign_id
    if not (folder / "campaign.yml").is_file():
        return None
    if not include_drafts and is_draft_campaign(layout, campaign_id):
        return None
    title = campaign_id
    for name in (f"{lang}.md", "vi.md"):
        if (folder / name).is_file():
            try:
                title = str(frontmatter.read(folder / name).meta["title"])
                break
            except Exception:  # a broken campaign file is the validator's business
                continue
    return {"id": campaign_id, "title": title, "url": f"{SECTIONS.campaigns}/{campaign_id}/"}
