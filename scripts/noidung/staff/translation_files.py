"""Writing translation files for staff: a new translation to fill in (--new), and the mark
that says a translation is up to date with its original (--mark).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from noidung.content import frontmatter
from noidung.content.text import nfc
from noidung.staff.translations import KIND_SCHEMAS, source_hash
from noidung.validation.schemas import load_schema

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


def new_translation(kind: str, original: Path, translation: Path) -> None:
    """Write a translation to fill in: the original's text fields and body, each under a
    "TO WRITE:" mark, so the item counts as missing until every mark is gone."""
    doc = frontmatter.parse(nfc(original.read_text("utf-8-sig")))
    schema = KIND_SCHEMAS.get(kind)
    if schema:
        properties = {k: v for k, v in load_schema(schema).properties.items()
                      if k != "source_hash"}
    else:
        properties = {"title": {}, "description": {}}
    meta: dict[str, Any] = {}
    for key, spec in properties.items():
        if key not in doc.meta:
            continue
        value = doc.meta[key]
        if isinstance(value, list):
            subs = (spec.get("items") or {}).get("properties") or {}
            meta[key] = [
                {k: _to_write(v) if subs[k].get("x-text") else v
                 for k, v in entry.items() if k in subs}
                if isinstance(entry, dict) else _to_write(entry)
                for entry in value]
        elif isinstance(value, str):
            meta[key] = _to_write(value)
    body = ("TO WRITE: dịch đoạn dưới đây rồi xoá dòng này / translate the text below, "
            "then delete this line.\n\n" + doc.body.lstrip())
    header = yaml.dump(meta, Dumper=_StaffDumper, allow_unicode=True, sort_keys=False,
                       default_flow_style=False, width=10_000)
    translation.parent.mkdir(parents=True, exist_ok=True)
    translation.write_text(f"---\n{header}---\n\n{body}", "utf-8")


class _StaffDumper(yaml.SafeDumper):
    """YAML as staff would type it: text on one line, several lines as a `|` block."""


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _to_write(value: Any) -> Any:
    return f"TO WRITE: {value}" if isinstance(value, str) else value


_StaffDumper.add_representer(str, _represent_text)
