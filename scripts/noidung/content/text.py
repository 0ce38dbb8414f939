"""Vietnamese text helpers: Unicode normalisation, ASCII ids and heading anchors.

Folding itself (tone and vowel marks, đ → d) is `noidung.search.folding.fold`,
the one rule shared with the search box's JavaScript twin.
"""

from __future__ import annotations

import re
import unicodedata

from noidung.search.folding import fold


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def slugify(title: str) -> str:
    """A lowercase ASCII id from a title.

    "Ngày Gia đình Việt Nam 2025" → "ngay-gia-dinh-viet-nam-2025".
    """
    ascii_text = fold(title).lower()
    ascii_text = ascii_text.encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def heading_id(value: str, separator: str = "-") -> str:
    """Heading anchors for Python-Markdown's toc: like slugify, so "Gia đình" → "gia-dinh"
    (the default drops đ, which has no Unicode decomposition: "gia-inh")."""
    return slugify(value).replace("-", separator)
