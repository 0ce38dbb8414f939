"""Our own search index: small files, so that a query downloads only what it needs.

One index per language, in `<language root>/search/`:

- `meta.json`: the folder of this build's files, the number of pages and of
  buckets, which pages are lists of other pages (ranked last) and which are
  news posts (ranked after a reference page that matches as well).
- `<build>/b/<n>.json`, the buckets. Every term goes to bucket
  `crc32(term) mod buckets`. A term is a word folded and in lower case
  ("đình" -> "dinh"; English words stemmed too: "campaigns" -> "campaign"),
  or two adjacent words joined by a space ("gia dinh"), for phrases. A bucket
  maps each of its terms to `[postings, spellings]`:
  - postings: `[page, weight, page gap, weight, ...]`, pages ascending, each
    weight a BM25 term-frequency factor (title and headings count more, long
    pages less) times `WEIGHT_SCALE`, rounded, so the box needs no page lengths,
    plus `TITLE_FLAG` when the term is in the page's title or h1;
  - spellings of a word's term (left out when empty):
    `{"đình": [page, page gap, ...], "định": [...]}`, the pages on which the
    word is written exactly so (lower case, NFC), for each spelling that
    differs from the term: the box ranks the reader's own spelling first
    without another download. (Pairs have none: the exact words and the folded
    pair rank well enough, and pairs' spellings would double the build's work.)
- `<build>/p/<page>.json`: `{"u": url, "t": title, "s": section, "x": text}`,
  fetched only for the results shown (excerpts are cut from "x").
- `<build>/v/<n>.json`, the vocabulary: single-word terms grouped by their
  first two letters, in `crc32(letters) mod vocabularies` files, with their
  page counts. The box reads it for the last word of a query when that word is
  not a term: the reader is still typing it ("campai" -> "campaign").

`<build>` is a hash of the content, so a browser never mixes two builds and the
server may cache those files for ever (deploy/nginx.conf).

scripts/noidung/theme/assets/javascripts/search.js reads these files; its `termOf`,
`bucketOf` and `tokens` are the twins of `term_of`, `bucket_of` and `words` here.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from .folding import fold
from .records import TITLE_WEIGHT, SearchRecord
from .stemmer import stem

#: Languages whose words are stemmed (the stemmer is English).
STEMMED = frozenset({"en"})
#: Words: letters and digits (search.js: /[\p{L}\p{N}]+/u on the same text).
WORD_RE = re.compile(r"[^\W_]+")
#: BM25 parameters; the weight of a term on a page is capped first. K1 is higher than
#: the usual 1.2: in this domain the common words are on every page, and a page about
#: the subject differs from one that mentions it mainly by how often it says it.
K1 = 3.0
B = 0.75
WEIGHT_CAP = 48
WEIGHT_SCALE = 16
#: Added to a posting's weight when the term (or pair) is in the page's title or h1.
TITLE_FLAG = 128
#: Buckets: terms per bucket on average, and the bounds (a power of two between them).
TERMS_PER_BUCKET = 48
MIN_BUCKETS = 16
MAX_BUCKETS = 4096
META_FILE = "meta.json"
#: Letters by which the vocabulary files group words (for the word being typed).
PREFIX = 2


@lru_cache(maxsize=200_000)
def term_of(word: str, lang: str) -> tuple[str, str]:
    """(term, exact spelling) of one NFC word: "Đình" -> ("dinh", "đình")."""
    exact = word.lower()
    term = fold(exact)
    return (stem(term) if lang in STEMMED else term), exact


def words(text: str, lang: str) -> list[tuple[str, str]]:
    """(term, exact spelling) of every word of `text`, in order."""
    # NFC first: a decomposed mark is not a letter and would split its word.
    return [term_of(w, lang) for w in WORD_RE.findall(unicodedata.normalize("NFC", text))]


def bucket_of(term: str, buckets: int) -> int:
    """The bucket of a term (crc32 of its UTF-8 bytes; search.js computes the same)."""
    return zlib.crc32(term.encode("utf-8")) % buckets


def bucket_count(terms: int) -> int:
    """Buckets for `terms` terms: a power of two near terms / TERMS_PER_BUCKET, bounded."""
    n = MIN_BUCKETS
    while n < MAX_BUCKETS and n * TERMS_PER_BUCKET < terms:
        n *= 2
    return n


@dataclass
class LanguageIndex:
    """A language's index in memory: the files to write, by path under `search/`."""

    meta: dict
    files: dict[str, str] = field(default_factory=dict)


def segments(record: SearchRecord) -> list[tuple[int, list[str]]]:
    """The page's words (lower case, NFC, as written), per weighted piece of text."""
    return [(weight, WORD_RE.findall(unicodedata.normalize("NFC", text).lower()))
            for weight, text in record.indexed()]


def page_terms(record: SearchRecord) -> tuple[Counter[str], dict[str, str], int, set[str]]:
    """A page's terms and pairs with their weighted counts, its words spelt otherwise than
    their term ({exact: term}), its length in words, and the terms of its title and h1.

    Pairs are adjacent words of one piece (the text, a heading). (Counting is left to
    Counter and list repetition, which run in C: this is the build's hot loop.)
    """
    lang = record.lang
    found: list[str] = []
    spelt: dict[str, str] = {}
    titled: set[str] = set()
    length = 0
    for weight, exacts in segments(record):
        length += len(exacts)
        for exact in set(exacts).difference(spelt):
            term = term_of(exact, lang)[0]
            spelt[exact] = term
        terms = [spelt[e] for e in exacts]
        pairs = list(map(" ".join, pairwise(terms)))
        found += (terms + pairs) * weight
        if weight >= TITLE_WEIGHT - 1:  # the title, or the h1 (counted on top of the text)
            titled.update(terms, pairs)
    return Counter(found), {e: t for e, t in spelt.items() if e != t}, length, titled


def _gaps(pages: list[int]) -> list[int]:
    return [p - q for p, q in zip(pages, [0, *pages[:-1]], strict=True)]


def build_index(records: list[SearchRecord], lang: str) -> LanguageIndex:
    """The index of one language's records (page numbers follow the order given)."""
    per_page = [page_terms(r) for r in records]
    average = sum(p[2] for p in per_page) / max(len(per_page), 1) or 1.0
    postings: dict[str, list[int]] = defaultdict(list)
    spelt: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for page, (counts, spellings, length, titled) in enumerate(per_page):
        norm = K1 * (1 - B + B * length / average)
        weights = [max(1, round(WEIGHT_SCALE * tf * (K1 + 1) / (tf + norm)))
                   for tf in range(WEIGHT_CAP + 1)]
        weights += [weights[-1]] * (max(counts.values(), default=0) - WEIGHT_CAP)
        for term, count in counts.items():
            postings[term] += (page, weights[count] + (TITLE_FLAG if term in titled else 0))
        for exact, term in spellings.items():
            spelt[term][exact].append(page)
    buckets = bucket_count(len(postings))
    content: list[dict[str, list]] = [{} for _ in range(buckets)]
    for term in sorted(postings):
        flat = postings[term]
        pages = flat[0::2]
        flat[0::2] = _gaps(pages)
        entry: list = [flat]
        if term in spelt:
            entry.append({e: _gaps(p) for e, p in sorted(spelt[term].items())})
        content[bucket_of(term, buckets)][term] = entry
    files = {f"b/{n}.json": _json(bucket) for n, bucket in enumerate(content)}
    vocabularies = max(MIN_BUCKETS, buckets // 8)
    files.update(vocabulary_files(postings, vocabularies))
    for page, record in enumerate(records):
        files[f"p/{page}.json"] = _json({"u": record.url, "t": record.title,
                                         "s": record.section, "x": record.text})
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + files[name].encode() + b"\0")
    meta = {"lang": lang, "dir": digest.hexdigest()[:12], "pages": len(records),
            "buckets": buckets, "vocabularies": vocabularies, "scale": WEIGHT_SCALE,
            "lists": [n for n, r in enumerate(records) if r.is_list],
            "posts": [n for n, r in enumerate(records) if r.is_post]}
    return LanguageIndex(meta=meta, files=files)


def vocabulary_files(postings: dict[str, list[int]], files: int) -> dict[str, str]:
    """`v/<n>.json`: the single-word terms by their first PREFIX letters, with the number of
    pages of each, most frequent first: `{"ca": {"campaign": 310, "can": 12}, ...}`."""
    content: list[dict[str, dict[str, int]]] = [{} for _ in range(files)]
    for term, flat in sorted(postings.items(), key=lambda item: (-len(item[1]), item[0])):
        if " " not in term:
            head = term[:PREFIX]
            content[bucket_of(head, files)].setdefault(head, {})[term] = len(flat) // 2
    return {f"v/{n}.json": _json(vocabulary) for n, vocabulary in enumerate(content)}


def write_index(index: LanguageIndex, out: Path) -> int:
    """Write `index` into the folder `out` (emptied by the caller); returns files written."""
    build = out / index.meta["dir"]
    (build / "b").mkdir(parents=True, exist_ok=True)
    (build / "p").mkdir(exist_ok=True)
    (build / "v").mkdir(exist_ok=True)
    for name, text in index.files.items():
        (build / name).write_text(text, "utf-8")
    (out / META_FILE).write_text(_json(index.meta), "utf-8")
    return len(index.files) + 1


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
