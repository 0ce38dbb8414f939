"""A training module as one language's build sees it: the staff's two files merged.

A module is written once in Vietnamese (`docs/vi/tap-huan/<id>.md`, every
language-neutral field: code, duration, level, audiences, prerequisites, materials,
session ids and minutes, review dates) and translated into English
(`docs/en/tap-huan/<id>.md`, text only). `load_module` merges the two; review
dates say when a module is due for another look.
"""

from __future__ import annotations

import calendar
import copy
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from noidung.content import frontmatter
from noidung.content.clock import as_date
from noidung.content.layout import SECTIONS, ContentLayout
from noidung.i18n import strings
from noidung.validation.loading import refuse

TRAINING_DIR = SECTIONS.training


#: Downloadable materials, shared by both languages (the files live in the original's tree).
MATERIALS_DIR = f"{TRAINING_DIR}/tai-lieu"


SHORT_LINK_DIR = SECTIONS.short_links


INDEX_FILE = "index.md"


#: Fields a translation writes for itself; everything else comes from the original.
TRANSLATED_FIELDS = ("title", "summary", "objectives", "facilitator_notes", "source_hash")


#: Text keys inside list items; items are matched by `file` (materials) or `id` (sessions).
ITEM_TEXT_KEYS = {
    "materials": ("file", ("title", "alt")),
    "sessions": ("id", ("title", "activity")),
}


#: Fixed anchors of a module page, the same in every language.
ANCHORS = {
    "objectives": "muc-tieu",
    "prerequisites": "yeu-cau-truoc",
    "plan": "ke-hoach",
    "materials": "tai-lieu",
    "notes": "ghi-chu-huong-dan",
    "content": "noi-dung",
}





def label(lang: str, key: str, **values: Any) -> str:
    return strings.text(lang, "training", key, **values)


@dataclass(frozen=True)
class Module:
    """A module as one language's build sees it: shared metadata plus that language's text."""

    id: str
    lang: str
    meta: dict[str, Any]
    body: str

    @property
    def code(self) -> str:
        return str(self.meta["code"])

    @property
    def url(self) -> str:
        """Path under the language root: tap-huan/<id>/ (fixed by the id)."""
        return f"{TRAINING_DIR}/{self.id}/"

    @property
    def src_uri(self) -> str:
        return f"{TRAINING_DIR}/{self.id}.md"

    @property
    def short_url(self) -> str:
        """The short link under the language root: m/m03/."""
        return short_url(self.code)

    @property
    def title(self) -> str:
        return str(self.meta.get("title", self.id))

    @property
    def duration(self) -> int:
        return int(self.meta.get("duration_minutes") or 0)

    @property
    def last_reviewed(self) -> dt.date | None:
        value = self.meta.get("last_reviewed")
        return as_date(value) if value else None

    @property
    def review_every_months(self) -> int:
        return int(self.meta.get("review_every_months") or 12)

    def is_due_for_review(self, today: dt.date) -> bool:
        return review_due(self.last_reviewed, self.review_every_months, today)


def short_url(code: str) -> str:
    return f"{SHORT_LINK_DIR}/{code.lower()}/"


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved by whole months, clamped to the month's last day (31 Jan + 1 → 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def review_due(last_reviewed: dt.date | None, every_months: int, today: dt.date) -> bool:
    """Due when the review interval has passed: last_reviewed + every_months < today.

    A module never reviewed is due.
    """
    if last_reviewed is None:
        return True
    return add_months(last_reviewed, every_months) < today


# -- reading -----------------------------------------------------------------------


def module_files(layout: ContentLayout, lang: str) -> dict[str, Path]:
    """Module files of one language, by module id (the file name); index.md is the intro."""
    folder = layout.language_docs(lang) / TRAINING_DIR
    if not folder.is_dir():
        return {}
    return {p.stem: p for p in sorted(folder.glob("*.md")) if p.name != INDEX_FILE}


def _merge_items(original: list, translated: list, key: str, text_keys: tuple[str, ...]) -> list:
    """Original list items with the translation's text, matched by `key` (file or id)."""
    by_key = {str(item.get(key)): item for item in translated or [] if isinstance(item, dict)}
    merged = []
    for item in original or []:
        item = dict(item)
        own = by_key.get(str(item.get(key)), {})
        for text_key in text_keys:
            if text_key in own:
                item[text_key] = own[text_key]
        merged.append(item)
    return merged


def load_module(layout: ContentLayout, module_id: str, lang: str, original_lang: str) -> Module:
    """Read a module in `lang`, taking shared metadata from the original."""
    original_path = layout.language_docs(original_lang) / TRAINING_DIR / f"{module_id}.md"
    original = frontmatter.read(original_path)
    meta = copy.deepcopy(original.meta)
    body = original.body
    if lang != original_lang:
        path = layout.language_docs(lang) / TRAINING_DIR / f"{module_id}.md"
        translation = frontmatter.read(path)
        for field_name in TRANSLATED_FIELDS:
            if field_name in translation.meta:
                meta[field_name] = translation.meta[field_name]
        for field_name, (key, text_keys) in ITEM_TEXT_KEYS.items():
            meta[field_name] = _merge_items(
                meta.get(field_name, []), translation.meta.get(field_name, []), key, text_keys
            )
        body = translation.body
    meta.setdefault("id", module_id)
    if not isinstance(meta.get("code"), str) or not meta["code"]:
        # The schema's pattern (M01..M99) is the rule; the validator says so in its words.
        raise refuse(layout.root, [original_path.relative_to(layout.root).as_posix()])
    return Module(module_id, lang, meta, body)


def load_modules(layout: ContentLayout, lang: str, original_lang: str) -> list[Module]:
    """The modules `lang` publishes (those with an original and a text in `lang`), by code."""
    originals = module_files(layout, original_lang)
    modules = [
        load_module(layout, module_id, lang, original_lang)
        for module_id in module_files(layout, lang)
        if module_id in originals
    ]
    return sorted(modules, key=lambda m: m.code)


# -- rendering ---------------------------------------------------------------------


def format_duration(minutes: int, lang: str) -> str:
    hours, rest = divmod(minutes, 60)
    if minutes < 60:
        return label(lang, "minutes", n=minutes)
    if rest == 0:
        return label(lang, "hours", h=hours)
    return label(lang, "hours_minutes", h=hours, m=rest)
