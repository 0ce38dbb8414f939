"""`noidung new`: create a campaign, training module or article with every required field.

Field names, their order, descriptions and example values all come from the
schemas in scripts/noidung/content/schemas/ (via noidung.validation.schemas), so a new field in
a schema shows up here without touching this module. Required fields are filled
(from the command's arguments, or the schema's example), optional ones are
listed as comments with their description, for staff to uncomment.

What is left to fill in is marked, and the validator (validation/rules/placeholders.py)
reads the marks from here: text as "CẦN VIẾT: …" / "TO WRITE: …" (TO_WRITE_RE), an
example value with the comment EXAMPLE_COMMENT (example_value gives the value).
Articles and campaigns start as drafts (`draft: true`), so an unwritten item is never
published; modules have no draft state, so theirs are errors at once.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from noidung.content.layout import SECTIONS, ContentLayout
from noidung.content.text import nfc, slugify
from noidung.validation.schemas import load_schema

TO_WRITE = {"vi": "CẦN VIẾT", "en": "TO WRITE"}
#: Text still to write: "CẦN VIẾT: …" or "TO WRITE: …" (the validator and the
#: translations report look for exactly this).
TO_WRITE_RE = re.compile(r"\b(?:" + "|".join(map(re.escape, TO_WRITE.values())) + r"):")
#: The comment `new` puts after a required field it filled with the schema's example
#: (a unit, a category, topics): the validator refuses to publish the field while the
#: mark is there and the value is still the example.
EXAMPLE_MARK = "VÍ DỤ / EXAMPLE"
EXAMPLE_COMMENT = (f"  # {EXAMPLE_MARK}: thay bằng giá trị đúng rồi xoá chú thích này / "
                   "replace with the right value, then delete this comment")


@dataclass(frozen=True)
class Kind:
    """A kind of content staff can create, with its schemas and file locations."""

    name: str            # what staff type: bai-viet, hoc-phan, chien-dich
    label: str           # Vietnamese / English label in messages
    shared_schema: str   # schema of the language-neutral file (or the original)
    text_schema: str     # schema of a language's text file
    shared_path: str     # where the language-neutral fields go
    text_path: str       # where a language's text goes ({lang})
    body: bool = True


KINDS: dict[str, Kind] = {
    "bai-viet": Kind("bai-viet", "bài viết / article", "article", "article-translation",
                     "docs/vi/tin-bai/posts/{id}.md", "docs/{lang}/tin-bai/posts/{id}.md"),
    "hoc-phan": Kind("hoc-phan", "học phần / training module", "module", "module-translation",
                     "docs/vi/tap-huan/{id}.md", "docs/{lang}/tap-huan/{id}.md"),
    "chien-dich": Kind("chien-dich", "chiến dịch / campaign", "campaign", "campaign-text",
                       "campaigns/{id}/campaign.yml", "campaigns/{id}/{lang}.md"),
}


class ScaffoldError(ValueError):
    """Raised when nothing may be written (an id that exists, a title with no letters)."""


@dataclass(frozen=True)
class Request:
    kind: str
    title: str
    title_en: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None


def _is_text(spec: dict[str, Any]) -> bool:
    return bool(spec.get("x-text") or (spec.get("items") or {}).get("x-text"))


def _placeholder(spec: dict[str, Any], note: str, lang: str) -> Any:
    """A value that passes the schema: the example, or for text a visible "to write" mark."""
    if _is_text(spec):
        mark = f"{TO_WRITE[lang]}: {note}"
        return [mark] if spec.get("type") == "array" else mark
    return example_of(spec)


def example_of(spec: dict[str, Any]) -> Any:
    """The value `new` writes for a required field that is not text: the schema's example."""
    if spec.get("examples"):
        return spec["examples"][0]
    return [] if spec.get("type") == "array" else ""


def example_value(schema_kind: str, key: str) -> Any:
    """What `new` wrote in the field `key` of a `schema_kind` file when it left an
    EXAMPLE_MARK there (None when `new` never writes an example in that field)."""
    schema = load_schema(schema_kind)
    spec = schema.properties.get(key)
    if spec is None or key not in schema.data.get("required", []) or _is_text(spec):
        return None
    return example_of(spec)


def _yaml(key: str, value: Any) -> str:
    return yaml.safe_dump({key: value}, allow_unicode=True, sort_keys=False,
                          default_flow_style=False, width=10_000).rstrip("\n")


def _render(schema_kind: str, values: dict[str, Any], lang: str) -> str:
    """YAML in the schema's order: each field under a comment with its description;
    required fields set, optional ones commented out for staff to fill in."""
    schema = load_schema(schema_kind)
    required = set(schema.data.get("required", []))
    blocks = []
    for key, spec in schema.properties.items():
        if key == "source_hash":
            continue  # written by `python3 make.py translations --mark`, never by hand
        description = str(spec.get("description", "")).split(" / ")
        note = description[0] if lang == "vi" else description[-1]
        if key in values:
            blocks.append(f"# {note}\n{_yaml(key, values[key])}")
        elif key in required:
            value = _yaml(key, _placeholder(spec, note, lang))
            if not _is_text(spec):  # an example value: marked, so it cannot go live unread
                first, _, rest = value.partition("\n")
                value = first + EXAMPLE_COMMENT + ("\n" + rest if rest else "")
            blocks.append(f"# {note} ({TO_WRITE[lang]})\n{value}")
        else:
            example = _yaml(key, spec["examples"][0] if spec.get("examples") else None)
            commented = "\n".join("# " + line for line in example.splitlines())
            blocks.append(f"# {note} (không bắt buộc / optional)\n{commented}")
    return "\n".join(blocks) + "\n"


def _next_module_code(layout: ContentLayout) -> str:
    codes = set()
    for path in layout.language_docs("vi").glob(f"{SECTIONS.training}/*.md"):
        match = re.search(r"^code:\s*['\"]?M(\d+)", path.read_text("utf-8"), re.M)
        if match:
            codes.add(int(match.group(1)))
    return f"M{(max(codes) + 1) if codes else 1:02d}"


def _existing_ids(layout: ContentLayout) -> set[str]:
    ids = {p.stem for p in layout.docs.rglob("*.md")}
    if layout.campaigns.is_dir():
        ids |= {p.name for p in layout.campaigns.iterdir() if p.is_dir()}
    return ids


def plan(layout: ContentLayout, request: Request, today: dt.date) -> dict[Path, str]:
    """The files to write, {path: text}; raises ScaffoldError and writes nothing on refusal."""
    kind = KINDS[request.kind]
    title = nfc(request.title.strip())
    ident = slugify(title)
    if not ident:
        raise ScaffoldError(
            f"Tiêu đề «{title}» không tạo được mã (cần có chữ hoặc số) / "
            "the title gives no id: it needs letters or digits")
    if ident in _existing_ids(layout):
        raise ScaffoldError(
            f"Mã «{ident}» đã có trên trang; hãy đặt tiêu đề khác, không có gì bị ghi đè / "
            f"the id '{ident}' exists already; choose another title, nothing was overwritten")
    start = request.start or today
    end = request.end or start
    if end < start:
        raise ScaffoldError(
            f"Ngày kết thúc {end} trước ngày bắt đầu {start}; nếu hai ngày bị đảo, viết "
            f"--start {end} --end {start} / the end date {end} is before the start {start}; if "
            f"they are swapped, write --start {end} --end {start}")
    files: dict[Path, str] = {}
    shared: dict[str, Any] = {"id": ident}
    if request.kind == "bai-viet":
        # A new article stays a draft (shown in preview only) until staff publish it.
        shared |= {"title": title, "date": start.isoformat(), "draft": True}
    elif request.kind == "hoc-phan":
        shared |= {"code": _next_module_code(layout), "title": title,
                   "last_reviewed": today.isoformat(), "version": "1.0"}
    else:
        # A new campaign too: no page, not on the home page, until staff publish it.
        shared |= {"start_date": start.isoformat(), "end_date": end.isoformat(), "draft": True}
    body_vi = f"{TO_WRITE['vi']}: nội dung chính, viết bằng Markdown.\n"
    body_en = f"{TO_WRITE['en']}: the main text, in Markdown.\n"
    if request.kind == "chien-dich":
        files[layout.root / kind.shared_path.format(id=ident)] = _render(
            kind.shared_schema, shared, "vi")
        files[layout.root / kind.text_path.format(id=ident, lang="vi")] = _markdown(
            _render(kind.text_schema, {"title": title}, "vi"), body_vi)
    else:
        files[layout.root / kind.shared_path.format(id=ident)] = _markdown(
            _render(kind.shared_schema, shared, "vi"), body_vi)
    if request.title_en:
        files[layout.root / kind.text_path.format(id=ident, lang="en")] = _markdown(
            _render(kind.text_schema, {"title": nfc(request.title_en.strip())}, "en"), body_en)
    clashes = [p for p in files if p.exists()]
    if clashes:
        raise ScaffoldError(f"Tệp đã tồn tại / file exists: {clashes[0]}")
    return files


def _markdown(header: str, body: str) -> str:
    return f"---\n{header}---\n\n{body}"


def create(layout: ContentLayout, request: Request, today: dt.date) -> list[Path]:
    """Write the planned files (all or nothing) and return their paths."""
    files = plan(layout, request, today)
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return list(files)
