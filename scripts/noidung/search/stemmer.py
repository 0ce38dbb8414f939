"""English stemming for search: the Python twin of lunr.js's Porter stemmer.

The browser stems the reader's English words with lunr.js 2.3.9's stemmer
(scripts/noidung/theme/assets/javascripts/stemmer.js, vendored); the index must hold
the very same stems, so this is a line-by-line port of that file, with the same
regular expressions, quirks included ("try" gives "tri"). The PyPI port of lunr
differs from lunr.js on such words, so it cannot be the twin.
tests/search/test_search_browser.py runs both over a word list and compares.
"""

from __future__ import annotations

import re
from functools import lru_cache

STEP2 = {
    "ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize",
    "bli": "ble", "alli": "al", "entli": "ent", "eli": "e", "ousli": "ous", "ization": "ize",
    "ation": "ate", "ator": "ate", "alism": "al", "iveness": "ive", "fulness": "ful",
    "ousness": "ous", "aliti": "al", "iviti": "ive", "biliti": "ble", "logi": "log",
}
STEP3 = {"icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "",
         "ness": ""}

_c = "[^aeiou]"
_v = "[aeiouy]"
_C = _c + "[^aeiouy]*"
_V = _v + "[aeiou]*"
MGR0 = re.compile("^(" + _C + ")?" + _V + _C)
MEQ1 = re.compile("^(" + _C + ")?" + _V + _C + "(" + _V + ")?$")
MGR1 = re.compile("^(" + _C + ")?" + _V + _C + _V + _C)
S_V = re.compile("^(" + _C + ")?" + _v)

RE_1A = re.compile(r"^(.+?)(ss|i)es$")
RE2_1A = re.compile(r"^(.+?)([^s])s$")
RE_1B = re.compile(r"^(.+?)eed$")
RE2_1B = re.compile(r"^(.+?)(ed|ing)$")
RE2_1B_2 = re.compile(r"(at|bl|iz)$")
RE3_1B_2 = re.compile(r"([^aeiouylsz])\1$")
RE4_1B_2 = re.compile("^" + _C + _v + "[^aeiouwxy]$")
RE_1C = re.compile(r"^(.+?[^aeiou])y$")
RE_2 = re.compile(r"^(.+?)(" + "|".join(STEP2) + ")$")
RE_3 = re.compile(r"^(.+?)(" + "|".join(STEP3) + ")$")
RE_4 = re.compile(r"^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous"
                  r"|ive|ize)$")
RE2_4 = re.compile(r"^(.+?)(s|t)(ion)$")
RE_5 = re.compile(r"^(.+?)e$")
RE_5_1 = re.compile(r"ll$")
RE3_5 = re.compile("^" + _C + _v + "[^aeiouwxy]$")


@lru_cache(maxsize=65536)
def stem(w: str) -> str:
    """The Porter stem of a lower-case word, exactly as lunr.js 2.3.9 gives it."""
    if len(w) < 3:
        return w
    first = w[0]
    if first == "y":
        w = "Y" + w[1:]
    # Step 1a
    if m := RE_1A.search(w):
        w = m.group(1) + m.group(2)
    elif m := RE2_1A.search(w):
        w = m.group(1) + m.group(2)
    # Step 1b
    if m := RE_1B.search(w):
        if MGR0.search(m.group(1)):
            w = w[:-1]
    elif m := RE2_1B.search(w):
        base = m.group(1)
        if S_V.search(base):
            w = base
            if RE2_1B_2.search(w) or (not RE3_1B_2.search(w) and RE4_1B_2.search(w)):
                w = w + "e"
            elif RE3_1B_2.search(w):
                w = w[:-1]
    # Step 1c
    if m := RE_1C.search(w):
        w = m.group(1) + "i"
    # Steps 2 and 3
    for pattern, table in ((RE_2, STEP2), (RE_3, STEP3)):
        if (m := pattern.search(w)) and MGR0.search(m.group(1)):
            w = m.group(1) + table[m.group(2)]
    # Step 4
    if m := RE_4.search(w):
        if MGR1.search(m.group(1)):
            w = m.group(1)
    elif m := RE2_4.search(w):
        base = m.group(1) + m.group(2)
        if MGR1.search(base):
            w = base
    # Step 5
    if m := RE_5.search(w):
        base = m.group(1)
        if MGR1.search(base) or (MEQ1.search(base) and not RE3_5.search(base)):
            w = base
    if RE_5_1.search(w) and MGR1.search(w):
        w = w[:-1]
    if first == "y":
        w = "y" + w[1:]
    return w
