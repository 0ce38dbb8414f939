"""Communication campaigns: from `campaigns/<id>/` to what readers and partners see.

A campaign is a folder: `campaign.yml` holds everything that does not depend on
the language (dates, units, topics, audiences, areas, materials), `vi.md` and
`en.md` hold the text of each language. This module reads them, works out each
campaign's status on a given day, and writes the pages of one language:

- `chien-dich/<id>/`         one page per campaign, with its materials beside it;
- `chien-dich/`              the staff-written intro followed by the listing
                             (running, upcoming, then past campaigns by year);
- `chien-dich/chu-de/<id>/`  the same listing for one topic (the no-JS filter);
- `chien-dich/lich/`         the year at a glance, with the iCalendar feed
                             `chien-dich/lich.ics` (scripts/noidung/campaigns/calendar.py).

Everything here is a pure function of the sources and the build date, so the
tests call it directly with an injected date.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from noidung.content import frontmatter
from noidung.content.clock import as_date
from noidung.content.layout import POSTS_DIR, SECTIONS, ContentLayout
from noidung.content.registries import Registries
from noidung.generate.context import BuildContext
from noidung.i18n import strings
from noidung.i18n.languages import format_date, src_to_url, url_to_src
from noidung.news.articles import article_files, load_article
from noidung.validation.loading import refuse

SECTION = SECTIONS.campaigns
TOPIC_DIR = f"{SECTION}/chu-de"
CALENDAR_DIR = f"{SECTION}/lich"
ICS_FILE = f"{SECTION}/lich.ics"
TRAINING_DIR = SECTIONS.training
TEMPLATE = "campaign.html"

UPCOMING, RUNNING, ENDED = "upcoming", "running", "ended"
#: Order of the groups on the index: what matters today first.
STATUS_ORDER = (RUNNING, UPCOMING, ENDED)

#: Preview images are shipped at most this wide (CSS px, the width of the figure).
PREVIEW_WIDTH = 480
RASTER_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")
IMAGE_SUFFIXES = (".svg", *RASTER_SUFFIXES)

def text(lang: str, key: str, **values: Any) -> str:
    """A campaign-page string in `lang` (Vietnamese when the language has none)."""
    return strings.text(lang, "campaigns", key, **values)


# -- the model -----------------------------------------------------------------


@dataclass(frozen=True)
class Material:
    """A file in the campaign folder offered for download (and shown, if an image)."""

    file: str
    type: str
    licence: str
    path: Path
    title: str
    alt: str
    shows_children: bool = False
    consent_ref: str | None = None
    #: Units registry id of the copyright holder, shown in the page's language.
    holder: str = ""

    @property
    def size(self) -> int:
        return self.path.stat().st_size

    @property
    def is_image(self) -> bool:
        return self.path.suffix.lower() in IMAGE_SUFFIXES


@dataclass(frozen=True)
class Campaign:
    """A campaign in one language: the shared data plus that language's text."""

    id: str
    lang: str
    start: dt.date
    end: dt.date
    data: dict[str, Any]
    title: str
    summary: str
    key_messages: list[str]
    body: str
    materials: list[Material] = field(default_factory=list)
    #: `draft: true` in campaign.yml: shown only in the preview, never published.
    draft: bool = False

    @property
    def url(self) -> str:
        return f"{SECTION}/{self.id}/"

    @property
    def src_uri(self) -> str:
        return f"{SECTION}/{self.id}/index.md"

    def ids(self, key: str) -> list[str]:
        value = self.data.get(key) or []
        return [str(v) for v in (value if isinstance(value, list) else [value])]

    def status(self, today: dt.date) -> str:
        return campaign_status(self.start, self.end, today)


def campaign_status(start: dt.date, end: dt.date, today: dt.date) -> str:
    """upcoming before the start day, running from the start day to the end day, then ended."""
    if today < start:
        return UPCOMING
    if today <= end:
        return RUNNING
    return ENDED


def campaign_ids(layout: ContentLayout) -> list[str]:
    """Ids of every campaign folder (a folder with a campaign.yml), sorted."""
    folder = layout.campaigns
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if (p / "campaign.yml").is_file())


def load_campaign(layout: ContentLayout, campaign_id: str, lang: str) -> Campaign | None:
    """The campaign in `lang`, or None when it has no text in that language yet."""
    folder = layout.campaigns / campaign_id
    where = f"campaigns/{campaign_id}"
    text_file = folder / f"{lang}.md"
    if not text_file.is_file():
        return None
    # The validator holds every rule (id and folder, date order, materials, consent); here
    # only what cannot be read at all is refused, in the validator's words.
    try:
        data = yaml.safe_load((folder / "campaign.yml").read_text("utf-8")) or {}
        start, end = as_date(data["start_date"]), as_date(data["end_date"])
        doc = frontmatter.parse(text_file.read_text("utf-8"))
        meta = doc.meta
        title = str(meta["title"])
        texts = {str(m.get("file")): m for m in meta.get("materials") or []
                 if isinstance(m, dict)}
        materials = [_material(folder, raw, texts) for raw in data.get("materials") or []]
    except (yaml.YAMLError, KeyError, TypeError, ValueError, AttributeError):
        raise refuse(layout.root, [f"{where}/campaign.yml", f"{where}/{lang}.md"]) from None
    return Campaign(
        id=campaign_id, lang=lang, start=start, end=end, data=data,
        title=title, summary=str(meta.get("summary") or ""),
        key_messages=[str(m) for m in meta.get("key_messages") or []],
        body=doc.body.strip(), materials=materials, draft=data.get("draft") is True,
    )


def _material(folder: Path, raw: dict, texts: dict[str, dict]) -> Material:
    """One material of campaign.yml, with this language's title and alt text."""
    name = str(raw["file"])
    local = texts.get(name, {})
    return Material(
        file=name, type=str(raw.get("type", "document")), licence=str(raw.get("licence", "")),
        path=folder / name, title=str(local.get("title") or name), alt=str(local.get("alt") or ""),
        shows_children=bool(raw.get("shows_children", False)),
        consent_ref=raw.get("consent_ref"), holder=str(raw.get("holder") or ""),
    )


def load_campaigns(layout: ContentLayout, lang: str,
                   include_drafts: bool = False) -> list[Campaign]:
    """Every campaign that has text in `lang`, oldest first.

    Drafts (`draft: true`) are left out unless `include_drafts` (the preview's
    BuildContext.include_drafts): every published list (pages, index, topics,
    calendar, iCalendar feed, home page) comes from this one function.
    """
    found = [load_campaign(layout, cid, lang) for cid in campaign_ids(layout)]
    return sorted((c for c in found if c and (include_drafts or not c.draft)),
                  key=lambda c: (c.start, c.end, c.id))


def is_draft_campaign(layout: ContentLayout, campaign_id: str) -> bool:
    """True when campaigns/<id>/campaign.yml says `draft: true` (unreadable: not a draft)."""
    try:
        data = yaml.safe_load((layout.campaigns / campaign_id / "campaign.yml").read_text("utf-8"))
    except (OSError, yaml.YAMLError):
        return False
    return isinstance(data, dict) and data.get("draft") is True


# -- formatting ----------------------------------------------------------------


def format_range(start: dt.date, end: dt.date, lang: str) -> str:
    """A campaign's dates: one day, or 'from … to …'."""
    if start == end:
        return format_date(start, lang)
    if lang == "vi":
        return f"Từ {format_date(start, lang)} đến {format_date(end, lang)}"
    return f"{format_date(start, lang)} to {format_date(end, lang)}"


def format_size(size: int, lang: str) -> str:
    """A file size for a download link: '3 KB', '1,2 MB' (Vietnamese decimal comma)."""
    if size < 1024:
        value, unit = str(size), "B"
    elif size < 1024 * 1024:
        value, unit = str(max(1, round(size / 1024))), "KB"
    else:
        value, unit = f"{size / (1024 * 1024):.1f}", "MB"
        if lang == "vi":
            value = value.replace(".", ",")
    return f"{value} {unit}"


def registry_labels(registries: Registries, registry: str, ids: list[str], lang: str) -> list[str]:
    return registries.labels(registry, ids, lang)


def relative_link(from_src: str, to_src: str) -> str:
    """A Markdown link from one source file to another (MkDocs checks and rewrites it)."""
    return os.path.relpath(to_src, os.path.dirname(from_src) or ".").replace(os.sep, "/")


def escape_md(value: str) -> str:
    return value.replace("[", r"\[").replace("]", r"\]")


def html_attr(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def front_matter_block(meta: dict[str, Any]) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n"


# -- related content -------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    """A related page: its title and the source file MkDocs resolves the link to."""

    title: str
    src_uri: str
    #: The language of the title when the page is not translated (the link leads to the
    #: stand-in page), else "".
    untranslated_from: str = ""


def related_modules(context: BuildContext, campaign: Campaign) -> list[Link]:
    """Training modules listed by the campaign that exist (in this language or the original)."""
    links = []
    for module_id in campaign.ids("modules"):
        own = context.layout.language_docs(context.lang) / TRAINING_DIR / f"{module_id}.md"
        original = context.layout.language_docs(context.original_lang) / TRAINING_DIR / (
            f"{module_id}.md")
        if own.is_file():
            src = f"{TRAINING_DIR}/{module_id}.md"
            path = own
        elif original.is_file():
            # The other language shows a "not yet translated" stand-in at the same URL.
            src = url_to_src(src_to_url(f"{TRAINING_DIR}/{module_id}.md"))
            path = original
        else:
            continue
        from_lang = "" if path == own else context.original_lang
        links.append(Link(_title_of(path, module_id), src, from_lang))
    return links


def _title_of(path: Path, fallback: str) -> str:
    try:  # frontmatter.read parses each version of a file once, however many campaigns ask
        return str(frontmatter.read(path).meta.get("title") or "") or fallback
    except Exception:  # a broken module is the validator's business
        return fallback


def related_articles(context: BuildContext, campaign: Campaign) -> list[Link]:
    """Published articles naming the campaign (found automatically) or listed by it, newest
    first."""
    return related_articles_index(context, [campaign]).get(campaign.id, [])


def related_articles_index(context: BuildContext,
                           campaigns: list[Campaign]) -> dict[str, list[Link]]:
    """Related articles of every campaign, reading each article once (the cost stays linear
    in the number of articles, however many campaigns there are)."""
    original = context.original_lang
    listed: dict[str, set[str]] = {}
    for campaign in campaigns:
        for article_id in campaign.ids("articles"):
            listed.setdefault(article_id, set()).add(campaign.id)
    known = {c.id for c in campaigns}
    found: dict[str, list[tuple[dt.date, Link]]] = {}
    for article_id, path in article_files(context.layout, original).items():
        try:
            named = frontmatter.read(path).meta.get("campaign")
        except Exception:  # a broken article is the validator's business
            continue
        targets = set(listed.get(article_id, ()))
        if named in known:
            targets.add(str(named))
        if not targets:
            continue
        article = load_article(context.layout, article_id, context.lang, original)
        if not (context.include_drafts or article.is_published(context.today)):
            continue
        own = context.layout.language_docs(context.lang) / POSTS_DIR / f"{article_id}.md"
        src = f"{POSTS_DIR}/{article_id}.md" if own.is_file() else url_to_src(article.url)
        link = Link(str(article.meta.get("title") or article_id), src,
                    "" if own.is_file() else original)
        for campaign_id in targets:
            found.setdefault(campaign_id, []).append((article.date, link))
    return {cid: [link for _, link in sorted(items, key=lambda x: (x[0], x[1].src_uri),
                                             reverse=True)]
            for cid, items in found.items()}


# -- images --------------------------------------------------------------------


def preview_image(material: Material, cache: Path) -> Path:
    """The file to show on the page: SVGs as they are, rasters resized to PREVIEW_WIDTH."""
    if material.path.suffix.lower() not in RASTER_SUFFIXES:
        return material.path
    from PIL import Image

    with Image.open(material.path) as image:
        if image.width <= PREVIEW_WIDTH:
            return material.path
        target = cache / f"{material.path.parent.name}-{material.path.stem}-{PREVIEW_WIDTH}" \
            f"{material.path.suffix.lower()}"
        if target.exists() and target.stat().st_mtime >= material.path.stat().st_mtime:
            return target
        height = round(image.height * PREVIEW_WIDTH / image.width)
        resized = image.resize((PREVIEW_WIDTH, height), Image.Resampling.LANCZOS)
        target.parent.mkdir(parents=True, exist_ok=True)
        _write_atomic(target, lambda p: resized.save(p, format=image.format))
    return target


def preview_name(material: Material) -> str:
    stem, suffix = os.path.splitext(material.file)
    return f"{stem}.preview{suffix.lower()}"


def _write_atomic(target: Path, write) -> None:
    """Write through a temporary file: both language builds may write the same file at once."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=target.suffix)
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_text_atomic(target: Path, content: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    _write_atomic(target, lambda p: Path(p).write_text(content, encoding="utf-8", newline=""))
