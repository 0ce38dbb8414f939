"""Vietnamese folding: "Bạo lực gia đình" -> "Bao luc gia dinh".

Unicode decomposes the tone marks and ă â ê ô ơ ư (NFD gives a base letter plus
combining marks), but đ/Đ (U+0111/U+0110) are letters of their own with no
decomposition, so they are mapped by hand. Folding keeps case and keeps the
length of the NFC text (one character in, one out), so a match found in the
folded text is at the same offsets in the original: the browser code relies on
this to highlight words in their original spelling. search.js has the same
function; tests/search/test_search_folding.py checks that both agree.

scripts/noidung/content/text.py builds ASCII ids and heading anchors on this same function.
"""

from __future__ import annotations

import unicodedata

#: Letters that have no canonical decomposition but must fold.
SPECIAL = {"đ": "d", "Đ": "D"}


def fold_char(ch: str) -> str:
    """One character folded, or unchanged when folding would not give exactly one."""
    if ch in SPECIAL:
        return SPECIAL[ch]
    # Marks are Unicode category M, as /\p{M}/u in search.js.
    base = "".join(c for c in unicodedata.normalize("NFD", ch)
                   if not unicodedata.category(c).startswith("M"))
    # Keep the length in UTF-16 units too (what the JavaScript twin counts).
    if len(base) != 1 or (ord(base) > 0xFFFF) != (ord(ch) > 0xFFFF):
        return ch
    return base


class _FoldTable(dict):
    """str.translate table that learns each character's folding on first sight.

    Folding character by character in Python cost about 1 s of a 2,000-page build
    (heading anchors and the search index fold every word); translate runs in C.
    """

    def __missing__(self, code: int) -> str:
        folded = self[code] = fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """NFC-normalise, then drop tone and vowel marks and map đ/Đ to d/D (case kept)."""
    text = unicodedata.normalize("NFC", text)
    return text if text.isascii() else text.translate(_FOLD_TABLE)


def has_diacritics(text: str) -> bool:
    """True when folding changes the text (the reader typed at least one mark or đ)."""
    return fold(text) != unicodedata.normalize("NFC", text)
