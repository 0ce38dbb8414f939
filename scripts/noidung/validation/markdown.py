"""What the body rules need from Markdown: code masked out, links, images and HTML tags.

Code blocks and inline code are shown escaped on the site, so links and HTML
inside them are neither followed nor dangerous; masking keeps every offset.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})[^\n]*\n.*?(?:^\1?\2[ \t]*$|\Z)", re.M | re.S)
_INLINE_CODE = re.compile(r"(`+)(?!`)[^`]+?(?<!`)\1(?!`)")
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
# Starts with a literal "[" so that the regex engine skips ahead fast ("!" is looked at after).
_LINK = re.compile(
    r"\[([^\[\]\n]*)\]"  # [text] or ![alt]
    r"\(\s*(<[^>\n]*>|[^\s)]*)(?:\s+[\"'(][^\n)]*[\"')])?\s*\)"  # (target "title")
)
_REF_DEF = re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*(<[^>\n]*>|\S+)", re.M)
TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^<>]*?)?)\s*/?>", re.S)
ATTR = re.compile(r"([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?")


def mask_code(text: str) -> str:
    """The text with code blocks, inline code and HTML comments blanked (offsets kept)."""
    def blank(match: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", match.group(0))

    if "```" in text or "~~~" in text:
        text = _FENCE.sub(blank, text)
    if "<!--" in text:
        text = _HTML_COMMENT.sub(blank, text)
    return _INLINE_CODE.sub(blank, text) if "`" in text else text


@dataclass(frozen=True)
class Link:
    offset: int
    image: bool
    text: str
    target: str
    #: Offset of the target (for the column of a bad URL).
    target_offset: int


def links(masked: str) -> Iterator[Link]:
    """Inline links, images and reference definitions of a masked body."""
    if "](" in masked:
        for m in _LINK.finditer(masked):
            target = m.group(2)
            if target.startswith("<") and target.endswith(">"):
                target = target[1:-1]
            image = m.start() > 0 and masked[m.start() - 1] == "!"
            yield Link(m.start() - image, image, m.group(1), target.strip(), m.start(2))
    if "]:" not in masked:
        return
    for m in _REF_DEF.finditer(masked):
        target = m.group(1).strip("<>")
        yield Link(m.start(), False, "", target, m.start(1))


@dataclass(frozen=True)
class Tag:
    offset: int
    name: str
    attrs: dict[str, str | None]
    raw: str


def tags(masked: str) -> Iterator[Tag]:
    """Raw HTML start tags of a masked body."""
    if "<" not in masked:
        return
    for m in TAG.finditer(masked):
        attrs: dict[str, str | None] = {}
        for a in ATTR.finditer(m.group(2) or ""):
            value = a.group(2)
            if value is not None and value[:1] in "\"'":
                value = value[1:-1]
            attrs.setdefault(a.group(1).lower(), value)
        yield Tag(m.start(), m.group(1).lower(), attrs, m.group(0))


def is_external(target: str) -> bool:
    """A URL with a scheme (https:, mailto:, ...) or protocol-relative (//host)."""
    return bool(re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", target)) or target.startswith("//")
