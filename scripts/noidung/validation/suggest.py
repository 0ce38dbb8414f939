"""Unknown names: the closest existing ones, and where the full list lives.

Every rule that reports an unknown id, name or path (registry values, modules,
articles, campaigns, pages, materials, steps, files, links, originals of
translations, field names) asks `did_you_mean`, so a new registry or a new kind
of reference gets the same help for free:

    advice = did_you_mean("Bao-ve-tre-em", ids, "docs/registries/topics.yml")
    f"«{value}» không có trong danh mục{advice.vi}"   # "; có phải ý bạn là «bao-ve-tre-em»?"
    hint_vi = "…; " + advice.where_vi                  # "danh sách đầy đủ: docs/registries/…"

Names are compared as typed, with case folded and with Vietnamese diacritics
folded (đ → d), so "Bảo vệ trẻ em" finds bao-ve-tre-em. A name that differs
only in letter case is said to be so (the server tells "A" from "a").
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

#: How many close names a message lists at most.
MAX_SUGGESTIONS = 3


def fold(text: str) -> str:
    """Lower case, without diacritics (đ → d), spaces and underscores as hyphens."""
    decomposed = unicodedata.normalize("NFD", str(text).replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return re.sub(r"[\s_]+", "-", plain.strip())


def closest(value: str, candidates: Iterable[str], n: int = MAX_SUGGESTIONS) -> list[str]:
    """The candidates nearest to `value`, best first: same name once case and diacritics
    are folded, then difflib's close matches on folded and on raw text."""
    names = [c for c in dict.fromkeys(str(c) for c in candidates) if c != value]
    if not names:
        return []
    key = fold(value)
    by_key: dict[str, list[str]] = {}
    for name in names:
        by_key.setdefault(fold(name), []).append(name)
    same = by_key.get(key, [])
    if same:  # the same name once folded: nothing else is as close
        return same[:n]
    found: list[str] = []
    for near in difflib.get_close_matches(key, list(by_key), n=n, cutoff=0.6):
        found += by_key[near]
    found += difflib.get_close_matches(str(value), names, n=n, cutoff=0.6)
    found = list(dict.fromkeys(found))
    # After the best one, only names nearly as close (no far-fetched second guesses).
    best = _ratio(key, fold(found[0])) if found else 0.0
    return [c for i, c in enumerate(found) if i == 0 or _ratio(key, fold(c)) >= best - 0.1][:n]


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


@dataclass(frozen=True)
class Advice:
    """The parts a message about an unknown name adds, in both languages.

    `vi`/`en` follow the message ("; có phải ý bạn là «x»?"), empty when nothing is
    close; `where_vi`/`where_en` say where the full list is, for the hint;
    `case_only` is the existing name that differs only in letter case, if any."""

    vi: str
    en: str
    where_vi: str
    where_en: str
    suggestions: tuple[str, ...] = ()
    case_only: str = ""


def did_you_mean(value: object, candidates: Iterable[str], where: str | tuple[str, str], *,
                 show: Callable[[str], str] | None = None, paths: bool = False) -> Advice:
    """Advice for an unknown `value` among `candidates` (ids, names or paths);
    `where` is the registry file or folder holding the full list (or its Vietnamese
    and English descriptions, "thư mục X", "the folder X"); `show` turns a
    candidate into what the message prints (an id into its file path, say). With
    `paths` (file names), one that differs only in letter case is said to be so."""
    text = str(value)
    names = list(candidates)
    found = closest(text, names)
    display = show or (lambda name: name)
    place_vi, place_en = (where, where) if isinstance(where, str) else where
    where_vi, where_en = f"danh sách đầy đủ: {place_vi}", f"full list: {place_en}"
    case_only = next((c for c in found if c.casefold() == text.casefold()), "") if paths \
        else ""
    if case_only:
        shown = display(case_only)
        return Advice(
            f"; chỉ khác chữ hoa/thường với «{shown}» đã có (trên máy chủ chữ hoa và chữ "
            "thường là khác nhau)",
            f"; it differs from the existing '{shown}' only in letter case (the server tells "
            "upper from lower case)",
            where_vi, where_en, (case_only,), case_only)
    if not found:
        return Advice("", "", where_vi, where_en)
    listed_vi = ", ".join(f"«{display(c)}»" for c in found)
    listed_en = ", ".join(f"'{display(c)}'" for c in found)
    return Advice(f"; có phải ý bạn là {listed_vi}?", f"; did you mean {listed_en}?",
                  where_vi, where_en, tuple(found))
