"""Which items are translated, missing or outdated; what changed; marking a translation.

How "up to date" is decided, for a translation whose original exists:

1. A translation that records `source_hash` (written by `python3 make.py translations
   --mark`) is up to date when it equals the hash of the original's translatable text
   now (title, summary and the other text fields, and the body; white space and
   shared fields such as tags do not count). The recorded hash always wins: editing
   the translation does not clear "outdated", marking it does.
2. A translation with no `source_hash` is up to date when it was last changed at the
   same time as, or after, the original's last change. "Last changed" is the last
   git commit touching the file; for a file with uncommitted changes, or when the
   project is not a git repository, the file's modification time. An original
   changed later still counts as up to date when its translatable text is the same
   as in the version the translation was made from (only shared fields changed).
   In a shallow clone (CI), a file whose last commit is the clone's first commit may
   have changed earlier: such an original is dated no later than that commit; a
   translation with such a date is outdated, by at least the changes shown when the
   original changed after that commit, else with a note saying it cannot be dated
   (`git fetch --unshallow` gives the whole history).
3. A translation that still has the scaffold's "TO WRITE:" lines counts as missing.

What changed: an outdated translation shows a word diff (scripts/worddiff.py) of
the original since the version it was translated from: the version whose hash is
the recorded `source_hash`, or the original as it was in the translation's last
commit (the last commit of the original before the translation's modification time
when the translation is uncommitted). When that version cannot be found the report
says so.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from noidung.content import frontmatter
from noidung.content.layout import POSTS_DIR, SECTIONS, ContentLayout
from noidung.content.text import nfc
from noidung.staff import scaffold, worddiff
from noidung.staff.translation_history import Dated, History
from noidung.validation.schemas import load_schema

TRANSLATION_SCHEMAS = ("article-translation", "module-translation", "campaign-text")


#: The translation schema of each kind of item (plain pages have none).
KIND_SCHEMAS = {"article": "article-translation", "module": "module-translation",
                "campaign": "campaign-text"}


#: The scaffold's mark for text still to write (noidung/staff/scaffold.py: TO_WRITE_RE).
TO_WRITE_RE = scaffold.TO_WRITE_RE


COMMAND = "python3 make.py translations"


@cache
def text_fields() -> tuple[frozenset[str], frozenset[str]]:
    """Fields holding text to translate, and the text keys inside list items.

    Read from the translation schemas (the fields a translation may carry), so
    the content model stays the one definition; plain pages add `description`.
    """
    fields, item_keys = {"title", "description"}, set()
    for kind in TRANSLATION_SCHEMAS:
        for name, spec in load_schema(kind).properties.items():
            if name == "source_hash":
                continue
            fields.add(name)
            for key, sub in ((spec.get("items") or {}).get("properties") or {}).items():
                if sub.get("x-text") or sub.get("x-alt"):
                    item_keys.add(key)
    return frozenset(fields), frozenset(item_keys)


TRANSLATED, MISSING, OUTDATED, ORPHAN = "translated", "missing", "outdated", "orphan"


STATUS_LABELS = {
    TRANSLATED: "đã dịch / translated",
    MISSING: "chưa dịch / missing",
    OUTDATED: "cần cập nhật / outdated",
    ORPHAN: "không có bản gốc / no original",
}


#: Order of the report: what to do first, up-to-date items last.
STATUS_ORDER = (MISSING, OUTDATED, ORPHAN, TRANSLATED)


#: Counts in the summary line: (Vietnamese, English) after the number.
SUMMARY_WORDS = {
    MISSING: ("bản chưa dịch", "missing"),
    OUTDATED: ("bản cần cập nhật", "outdated"),
    ORPHAN: ("bản không có bản gốc", "without an original"),
    TRANSLATED: ("bản đã theo kịp", "up to date"),
}


KIND_ORDER = ("article", "module", "campaign", "page")


KIND_LABELS = {
    "article": "Bài viết / Articles",
    "module": "Học phần / Training modules",
    "campaign": "Chiến dịch / Campaigns",
    "page": "Trang / Pages",
}


@dataclass(frozen=True)
class Change:
    """What changed in the original since the translation, as word-diff hunks per field.

    `base` is the commit of the version compared with (7 hex digits) and `base_date`
    its date (YYYY-MM-DD); when `base` is None the version was not found and `note`
    says why.
    """

    base: str | None
    base_date: str | None = None
    fields: dict[str, list[worddiff.Hunk]] = field(default_factory=dict)
    note: str | None = None


@dataclass(frozen=True)
class TranslationItem:
    """One translatable item and the state of its translation into one language.

    `basis` says how the state was decided: "source_hash", "git", "mtime" (file
    modification times), "git+mtime", or "" (missing files). `command` is what staff
    run next; `note` explains an uncertain state.
    """

    kind: str
    id: str
    lang: str
    status: str
    original: str
    translation: str
    basis: str = ""
    note: str | None = None
    command: str | None = None
    change: Change | None = None


def _translatable(meta: dict) -> dict:
    fields, item_keys = text_fields()
    result = {}
    for key in sorted(fields):
        if key not in meta:
            continue
        value = meta[key]
        if isinstance(value, list):
            value = [
                {k: v for k, v in item.items() if k in item_keys}
                if isinstance(item, dict) else item
                for item in value
            ]
        result[key] = value
    return result


def source_hash(original_text: str) -> str:
    """Hash of an original's translatable text (12 hex digits); whitespace-insensitive."""
    doc = frontmatter.parse(nfc(original_text))
    payload = json.dumps(_translatable(doc.meta), ensure_ascii=False, sort_keys=True,
                         default=str)
    body = re.sub(r"\s+", " ", doc.body).strip()
    return hashlib.sha256((payload + "\n" + body).encode("utf-8")).hexdigest()[:12]


def _hash_or_none(text: str | None) -> str | None:
    if text is None:
        return None
    try:
        return source_hash(text)
    except (frontmatter.FrontMatterError, yaml.YAMLError):
        return None


# --- The state of each item ---------------------------------------------------------

def kind_of(rel: str) -> str:
    """"article", "module" or "page", from a path under docs/<lang>/."""
    if rel.startswith(f"{POSTS_DIR}/"):
        return "article"
    if rel.startswith(f"{SECTIONS.training}/") and rel != f"{SECTIONS.training}/index.md":
        return "module"
    return "page"


def item_pairs(layout: ContentLayout, lang: str, original_lang: str = "vi"
               ) -> Iterator[tuple[str, str, Path, Path]]:
    """(kind, id, original path, translation path) for every item of the site."""
    originals = layout.language_docs(original_lang)
    translations = layout.language_docs(lang)
    rels = set()
    for folder in (originals, translations):
        if folder.is_dir():
            rels |= {p.relative_to(folder).as_posix() for p in folder.rglob("*.md")}
    for rel in sorted(rels):
        yield kind_of(rel), rel.removesuffix(".md"), originals / rel, translations / rel
    if layout.campaigns.is_dir():
        for folder in sorted(p for p in layout.campaigns.iterdir() if p.is_dir()):
            yield ("campaign", folder.name, folder / f"{original_lang}.md",
                   folder / f"{lang}.md")


@dataclass(frozen=True)
class Report:
    """Every item's state, in the report's order, and a note on the history used."""

    items: list[TranslationItem]
    note: str | None = None

    def of(self, status: str) -> list[TranslationItem]:
        return [i for i in self.items if i.status == status]


def report(layout: ContentLayout, lang: str = "en", original_lang: str = "vi",
           history: History | None = None) -> list[TranslationItem]:
    """The state of every item's translation into `lang`, actionable items first."""
    return full_report(layout, lang, original_lang, history).items


def full_report(layout: ContentLayout, lang: str = "en", original_lang: str = "vi",
                history: History | None = None) -> Report:
    """`report` with the note on the history it used (no git, shallow clone)."""
    history = history or History(layout.root)
    items = [_item(history, layout.root, kind, ident, lang, original, translation)
             for kind, ident, original, translation in item_pairs(layout, lang, original_lang)]
    items.sort(key=lambda i: (STATUS_ORDER.index(i.status), KIND_ORDER.index(i.kind),
                              i.translation))
    return Report(items, history.note)


def _item(history: History, root: Path, kind: str, ident: str, lang: str,
          original: Path, translation: Path) -> TranslationItem:
    rel_o, rel_t = _rel(original, root), _rel(translation, root)

    def item(status: str, basis: str = "", note: str | None = None,
             change: Change | None = None) -> TranslationItem:
        command = None if status == MISSING and translation.exists() else _command(
            status, rel_t)
        return TranslationItem(kind, ident, lang, status, rel_o, rel_t, basis, note,
                               command, change)

    if not original.exists():
        return item(ORPHAN)
    if not translation.exists():
        return item(MISSING)
    text = translation.read_text("utf-8-sig")
    if TO_WRITE_RE.search(text):
        return item(MISSING, note="bản dịch còn dòng TO WRITE chưa viết / the translation "
                                  "still has TO WRITE lines")
    current_text = original.read_text("utf-8-sig")
    current = source_hash(current_text)
    recorded = _recorded_hash(translation)
    if recorded is not None:
        if recorded == current:
            return item(TRANSLATED, "source_hash")
        base = _version_with_hash(history, original, recorded)
        return item(OUTDATED, "source_hash",
                    change=_change(base, current_text, history))
    o, t = history.dated(original), history.dated(translation)
    basis = "+".join(sorted({"mtime" if d.source == "mtime" else "git" for d in (o, t)}))
    if t.source == "shallow":
        # The translation changed at the clone's first commit or before it.
        base = _version_at(history, original, t) if o.source != "shallow" else None
        if base is None or _hash_or_none(base[1]) == current:
            return item(OUTDATED, basis, note=_UNDATED, change=Change(None, note=_NO_BASE_SHALLOW))
        # The original changed after that commit: outdated, by at least these changes.
        change = _change(base, current_text, history)
        return item(OUTDATED, basis, note=_AT_LEAST, change=change)
    if o.time <= t.time:
        return item(TRANSLATED, basis)
    base = _version_at(history, original, t)
    if base is not None and _hash_or_none(base[1]) == current:
        return item(TRANSLATED, basis)  # only shared fields (tags, dates) changed
    return item(OUTDATED, basis, change=_change(base, current_text, history))


_UNDATED = ("không biết bản dịch làm trước hay sau lần sửa bản gốc gần nhất (bản sao git "
            "nông); nếu bản dịch đã theo kịp, hãy đánh dấu / cannot tell whether the "
            "translation is older than the original's last change (shallow clone); if it is "
            "up to date, mark it")


_AT_LEAST = ("bản sao git nông: bản gốc có thể còn đổi cả trước những chỗ dưới đây / shallow "
             "clone: the original may also have changed before the changes below")


_NO_BASE = ("không tìm thấy bản gốc lúc dịch nên không chỉ ra được chỗ thay đổi; hãy so "
            "bản dịch với toàn bộ bản gốc / the original as it was when translated was not "
            "found, so what changed cannot be shown; compare the whole original")


_NO_BASE_SHALLOW = ("không tìm thấy bản gốc lúc dịch (bản sao git nông) nên không chỉ ra "
                    "được chỗ thay đổi / the original as it was when translated was not found "
                    "(shallow clone), so what changed cannot be shown")


_NO_BASE_NO_GIT = ("không có lịch sử git nên không chỉ ra được chỗ thay đổi; hãy so bản dịch "
                   "với toàn bộ bản gốc / no git history, so what changed cannot be shown; "
                   "compare the whole original")


def _version_with_hash(history: History, original: Path, digest: str
                       ) -> tuple[str, str] | None:
    """(commit, text) of the newest committed version of `original` with hash `digest`."""
    for commit in history.commits(original):
        text = history.show(commit, original)
        if text is not None and _hash_or_none(text) == digest:
            return commit, text
    return None


def _version_at(history: History, original: Path, translated: Dated
                ) -> tuple[str, str] | None:
    """(commit, text) of `original` as it was when the translation last changed."""
    if translated.commit is not None:
        text = history.show(translated.commit, original)
        return None if text is None else (translated.commit, text)
    for commit in history.commits(original, before=translated.time, limit=1):
        text = history.show(commit, original)
        if text is not None:
            return commit, text
    return None


def _change(base: tuple[str, str] | None, current_text: str, history: History) -> Change:
    """The change from `base` (commit, text) to the current original, or why there is none."""
    if base is None:
        if history.top is None:
            return Change(None, note=_NO_BASE_NO_GIT)
        return Change(None, note=_NO_BASE_SHALLOW if history.boundary else _NO_BASE)
    return Change(base[0][:7], history.commit_date(base[0]),
                  changed_fields(base[1], current_text))


def _flat(meta: dict) -> Iterator[tuple[str, str]]:
    """(label, text) of every translatable text in front matter: `title`, `objectives[2]`,
    `materials[1].alt`."""
    for key, value in _translatable(meta).items():
        if isinstance(value, list):
            for index, entry in enumerate(value, 1):
                if isinstance(entry, dict):
                    for sub, text in entry.items():
                        yield f"{key}[{index}].{sub}", str(text)
                else:
                    yield f"{key}[{index}]", str(entry)
        elif value is not None:
            yield key, str(value)


def changed_fields(old_text: str, new_text: str) -> dict[str, list[worddiff.Hunk]]:
    """Word diffs of the changed text fields and of the body ("body"), in file order."""
    try:
        old, new = frontmatter.parse(nfc(old_text)), frontmatter.parse(nfc(new_text))
    except (frontmatter.FrontMatterError, yaml.YAMLError):
        old, new = frontmatter.MarkdownDocument({}, old_text), frontmatter.parse(new_text)
    before, after = dict(_flat(old.meta)), dict(_flat(new.meta))
    result: dict[str, list[worddiff.Hunk]] = {}
    for label in [*after, *(k for k in before if k not in after)]:
        hunks = worddiff.diff(before.get(label, ""), after.get(label, ""))
        if hunks:
            result[label] = hunks
    body = worddiff.diff(old.body, new.body)
    if body:
        result["body"] = body
    return result


def _command(status: str, translation: str) -> str | None:
    if status == MISSING:
        return f"{COMMAND} --new {translation}"
    if status == OUTDATED:
        return f"{COMMAND} --mark {translation}"
    return None


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _recorded_hash(path: Path) -> str | None:
    try:
        meta = frontmatter.read(path).meta
    except Exception:  # broken files are reported by the validator
        return None
    value = meta.get("source_hash")
    return str(value) if value is not None else None


