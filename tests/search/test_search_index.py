"""The search index writer (scripts/noidung/search/index.py) and the English stemmer."""

from __future__ import annotations

import json
import unicodedata

import pytest

from noidung.search.index import (
    MAX_BUCKETS,
    MIN_BUCKETS,
    PREFIX,
    WEIGHT_SCALE,
    bucket_count,
    bucket_of,
    build_index,
    term_of,
    words,
    write_index,
)
from noidung.search.records import SearchRecord
from noidung.search.stemmer import stem

#: Words and their Porter stems as lunr.js 2.3.9 gives them (its quirks included).
STEMS = {
    "campaigns": "campaign", "campaign": "campaign", "campaigning": "campaign",
    "children": "children", "protecting": "protect", "reporting": "report",
    "families": "famili", "family": "famili", "violence": "violenc", "mediation": "mediat",
    "collecting": "collect", "hopping": "hop", "filing": "file", "agreed": "agre",
    "conditional": "condit", "generalization": "gener", "happy": "happi", "sky": "ski",
    "try": "tri", "lay": "lay", "yelling": "yell", "caresses": "caress", "ponies": "poni",
    "relational": "relat", "hotline": "hotlin", "111": "111", "m03": "m03", "is": "is",
}


def record(url: str, text: str, title: str = "", lang: str = "vi", is_list: bool = False,
           extra: list[tuple[int, str]] | None = None) -> SearchRecord:
    return SearchRecord(url=url, lang=lang, title=title or text.split(".")[0], section="S",
                        text=text, extra=extra or [], is_list=is_list)


def entries(index) -> dict[str, list]:
    """Every term's entry, read back from the bucket files, checking each is in its bucket."""
    found = {}
    for n in range(index.meta["buckets"]):
        for term, entry in json.loads(index.files[f"b/{n}.json"]).items():
            assert bucket_of(term, index.meta["buckets"]) == n
            found[term] = entry
    return found


def pages_of(gaps: list[int]) -> list[int]:
    pages, at = [], 0
    for gap in gaps:
        at += gap
        pages.append(at)
    return pages


@pytest.mark.parametrize(("word", "expected"), sorted(STEMS.items()))
def test_english_stems_are_lunrs(word, expected):
    assert stem(word) == expected


def test_terms_are_folded_lower_case_and_stemmed_in_english_only():
    assert term_of("đình", "vi") == ("dinh", "đình")
    assert term_of("campaigns", "en") == ("campaign", "campaigns")
    assert term_of("campaigns", "vi") == ("campaigns", "campaigns")
    assert words("Bạo Lực GIA ĐÌNH, M03 #Goi111", "vi") == [
        ("bao", "bạo"), ("luc", "lực"), ("gia", "gia"), ("dinh", "đình"), ("m03", "m03"),
        ("goi111", "goi111")]
    # Decomposed input (a mark typed as its own code point) gives the same words.
    assert words(unicodedata.normalize("NFD", "Ninh Bình"), "vi") == [("ninh", "ninh"),
                                                                      ("binh", "bình")]


def test_buckets_hold_folded_terms_pairs_and_exact_spellings():
    index = build_index([
        record("a/", "Gia đình hạnh phúc. Gia đình là nền tảng."),
        record("b/", "Nghị định mới về thủ tục.", title="Nghị định"),
        record("c/", "Gia tăng dân số; ngôi đình làng.", is_list=True),
    ], "vi")
    found = entries(index)
    dinh = found["dinh"]
    assert pages_of(dinh[0][0::2]) == [0, 1, 2]
    assert {e: pages_of(p) for e, p in dinh[1].items()} == {"đình": [0, 2], "định": [1]}
    assert pages_of(found["gia dinh"][0][0::2]) == [0]  # adjacent only on page 0
    assert len(found["gia dinh"]) == 1  # pairs keep no spellings
    assert found["gia"] == [[0, found["gia"][0][1], 2, found["gia"][0][3]]]  # no other spelling
    assert "đình" not in found and "gia đình" not in found
    assert index.meta["lists"] == [2] and index.meta["pages"] == 3
    assert index.meta["scale"] == WEIGHT_SCALE
    page = json.loads(index.files["p/1.json"])
    assert page == {"u": "b/", "t": "Nghị định", "s": "S", "x": "Nghị định mới về thủ tục."}


def test_title_and_headings_weigh_more_than_the_body():
    body = "Bài viết về gia đình và cộng đồng ở xã. " * 3
    index = build_index([
        record("a/", body + "Tổng đài 111."),
        record("b/", "Tổng đài 111 " + body, extra=[(4, "Tổng đài 111")]),
    ], "vi")
    weights = entries(index)["111"][0][1::2]
    assert weights[1] > weights[0] >= 1


def test_english_terms_are_stems_with_the_words_as_written_beside_them():
    index = build_index([record("a/", "Our campaigns protect children.", lang="en"),
                         record("b/", "One campaign.", lang="en")], "en")
    found = entries(index)
    assert pages_of(found["campaign"][0][0::2]) == [0, 1]
    assert found["campaign"][1] == {"campaigns": [0]}
    assert "campaign protect" in found


def test_the_number_of_buckets_follows_the_number_of_terms():
    assert bucket_count(0) == MIN_BUCKETS
    assert bucket_count(10_000) == 256
    assert bucket_count(10**9) == MAX_BUCKETS


def test_the_folder_is_named_by_the_content(tmp_path):
    one = build_index([record("a/", "Gia đình.")], "vi")
    two = build_index([record("a/", "Gia đình.")], "vi")
    other = build_index([record("a/", "Trẻ em.")], "vi")
    assert one.meta["dir"] == two.meta["dir"] != other.meta["dir"]
    assert write_index(one, tmp_path) == len(one.files) + 1
    meta = json.loads((tmp_path / "meta.json").read_text("utf-8"))
    assert meta == one.meta
    assert (tmp_path / meta["dir"] / "b" / "0.json").exists()


def test_the_vocabulary_groups_words_by_their_first_letters():
    index = build_index([record("a/", "Campaigns for children.", lang="en"),
                         record("b/", "One campaign, a camp.", lang="en")], "en")
    files = index.meta["vocabularies"]
    vocabulary = {}
    for n in range(files):
        for head, counts in json.loads(index.files[f"v/{n}.json"]).items():
            assert bucket_of(head, files) == n and len(head) <= PREFIX
            vocabulary[head] = counts
    assert list(vocabulary["ca"].items()) == [("campaign", 2), ("camp", 1)]  # most pages first
    assert "campaign for" not in vocabulary["ca"]  # words only, no pairs
    assert set(vocabulary) == {"ca", "fo", "ch", "on", "a"}
