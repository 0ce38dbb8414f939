"""Vietnamese text helpers: Unicode normalisation, folding of diacritics, ASCII ids."""

from __future__ import annotations

import re
import unicodedata

#: Letters that Unicode does not decompose into a base letter and a mark.
_UNDECOMPOSABLE = str.maketrans({"đ": "d", "Đ": "D"})


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Remove tone marks and vowel marks, and đ → d: "Bạo lực gia đình" → "Bao luc gia dinh"."""
    decomposed = unicodedata.normalize("NFD", text.translate(_UNDECOMPOSABLE))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped)


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
