"""Which items are translated, missing or outdated, and marking a translation up to date.

A translation records `source_hash`: a short hash of the original's translatable
text (body and text fields) at the time it was translated. Stored in the file,
it survives a shallow clone, unlike dates from git history. When the original's
text changes, the hashes differ and the translation is reported as outdated.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

from noidung.content import frontmatter
from noidung.content.layout import POSTS_DIR, SECTIONS, ContentLayout
from noidung.content.text import nfc
from noidung.generate.context import BuildContext, GeneratedPage
from noidung.validation.schemas import load_schema

TRANSLATION_SCHEMAS = ("article-translation", "module-translation", "campaign-text")


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


@dataclass(frozen=True)
class TranslationItem:
    """One translatable item and the state of its translation into one language."""

    kind: str
    id: str
    lang: str
    status: str
    original: str
    translation: str


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


def _kind(rel: str) -> str:
    if rel.startswith(f"{POSTS_DIR}/"):
        return "article"
    if rel.startswith(f"{SECTIONS.training}/") and rel != f"{SECTIONS.training}/index.md":
        return "module"
    return "page"


def item_pairs(layout: ContentLayout, lang: str, original_lang: str = "vi"):
    """(kind, id, original path or None, translation path) for every item of the site."""
    originals = layout.language_docs(original_lang)
    translations = layout.language_docs(lang)
    rels = set()
    for folder in (originals, translations):
        if folder.is_dir():
            rels |= {p.relative_to(folder).as_posix() for p in folder.rglob("*.md")}
    for rel in sorted(rels):
        yield _kind(rel), rel.removesuffix(".md"), originals / rel, translations / rel
    if layout.campaigns.is_dir():
        for folder in sorted(p for p in layout.campaigns.iterdir() if p.is_dir()):
            yield ("campaign", folder.name, folder / f"{original_lang}.md",
                   folder / f"{lang}.md")


def report(layout: ContentLayout, lang: str = "en", original_lang: str = "vi"
           ) -> list[TranslationItem]:
    """The state of every item's translation into `lang`."""
    items = []
    root = layout.root
    for kind, ident, original, translation in item_pairs(layout, lang, original_lang):
        if not original.exists():
            status = ORPHAN
        elif not translation.exists():
            status = MISSING
        else:
            recorded = _recorded_hash(translation)
            current = source_hash(original.read_text("utf-8-sig"))
            status = TRANSLATED if recorded == current else OUTDATED
        items.append(TranslationItem(
            kind, ident, lang, status,
            _rel(original, root), _rel(translation, root),
        ))
    return items


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


HASH_LINE_RE = re.compile(r"^source_hash:.*$", re.M)


def mark_up_to_date(original: Path, translation: Path) -> str:
    """Record the original's current hash in the translation; returns the hash.

    Only the `source_hash` line is written, so the rest of the staff's file is
    left exactly as they typed it.
    """
    digest = source_hash(original.read_text("utf-8-sig"))
    text = translation.read_text("utf-8-sig")
    header, _, _ = frontmatter.split(text)
    line = f"source_hash: {digest}"
    if header is None:
        new = f"---\n{line}\n---\n\n{text}"
    elif HASH_LINE_RE.search(header):
        new = text.replace(header, HASH_LINE_RE.sub(line, header), 1)
    else:
        end = text.index("\n", 3) + 1  # after the opening '---' line
        new = text[:end] + line + "\n" + text[end:]
    translation.write_text(new, "utf-8")
    return digest


def as_text(items: list[TranslationItem]) -> str:
    lines = []
    for item in items:
        lines.append(f"{STATUS_LABELS[item.status]:<34} {item.kind:<9} {item.translation}")
    counts = {s: sum(1 for i in items if i.status == s) for s in STATUS_LABELS}
    lines.append(
        f"Tổng / total: {len(items)} — " + ", ".join(
            f"{STATUS_LABELS[s].split(' / ')[0]}: {n}" for s, n in counts.items())
    )
    return "\n".join(lines)


def as_json(items: list[TranslationItem]) -> str:
    return json.dumps([asdict(i) for i in items], ensure_ascii=False, indent=2)


def as_markdown(items: list[TranslationItem], lang_of_page: str) -> str:
    """The staff page: a table of every item that is not translated and up to date."""
    heading = ("Tình trạng bản dịch tiếng Anh" if lang_of_page == "vi"
               else "State of the English translation")
    rows = [i for i in items if i.status != TRANSLATED]
    counts = {s: sum(1 for i in items if i.status == s) for s in STATUS_LABELS}
    lines = [
        "---", "search:", "  exclude: true", "robots: noindex", "hide:", "  - navigation",
        "---", "", f"# {heading}", "",
        " · ".join(f"{STATUS_LABELS[s]}: **{n}**" for s, n in counts.items()), "",
    ]
    if rows:
        lines += ["| Tình trạng / State | Loại / Kind | Tệp / File |", "| --- | --- | --- |"]
        lines += [f"| {STATUS_LABELS[i.status]} | {i.kind} | `{i.translation}` |" for i in rows]
    else:
        lines.append("Mọi mục đã dịch và cập nhật. / Everything is translated and up to date.")
    return "\n".join(lines) + "\n"


STAFF_PAGE = "noi-bo/ban-dich.md"


def staff_page(context: BuildContext) -> list[GeneratedPage]:
    """Generator (scripts/noidung/generate/context.py): the staff's translation report, kept out of
    the public navigation, out of search, and marked noindex."""
    others = [x.code for x in context.languages if x.code != context.original_lang]

    def markdown() -> str:
        items = [i for lang in others
                 for i in report(context.layout, lang, context.original_lang)]
        return as_markdown(items, context.lang)

    return [GeneratedPage(STAFF_PAGE, markdown, title="Bản dịch / Translations")]
