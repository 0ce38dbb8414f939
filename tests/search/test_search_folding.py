"""Folding for search (scripts/noidung/search/folding.py) over the whole Vietnamese alphabet."""

from __future__ import annotations

import unicodedata

import pytest

from noidung.content.text import fold as text_fold
from noidung.search.folding import fold, has_diacritics

VOWELS = "aăâeêioôơuưy"
# none, huyền, sắc, hỏi, ngã, nặng
TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
BASE = {"a": "a", "ă": "a", "â": "a", "e": "e", "ê": "e", "i": "i", "o": "o", "ô": "o",
        "ơ": "o", "u": "u", "ư": "u", "y": "y"}


def marked_letters() -> list[tuple[str, str]]:
    """Every Vietnamese letter that carries a mark, with its folded letter: 67 x 2 cases."""
    pairs = []
    for vowel in VOWELS:
        for tone in TONES:
            letter = unicodedata.normalize("NFC", vowel + tone)
            if letter != BASE[vowel]:
                pairs.append((letter, BASE[vowel]))
    pairs.append(("đ", "d"))
    return pairs + [(letter.upper(), base.upper()) for letter, base in pairs]


LETTERS = marked_letters()


def test_the_alphabet_has_134_marked_letters():
    assert len(LETTERS) == 134
    assert len({letter for letter, _ in LETTERS}) == 134
    assert all(len(letter) == 1 for letter, _ in LETTERS)  # precomposed in NFC


@pytest.mark.parametrize(("letter", "expected"), LETTERS)
def test_every_marked_letter_folds_to_its_base_letter(letter, expected):
    assert fold(letter) == expected
    assert fold(unicodedata.normalize("NFD", letter)) == expected
    assert has_diacritics(letter)


def test_unmarked_letters_and_other_text_are_unchanged():
    text = "abcdefghijklmnopqrstuvwxyz ABC 0123 M03 #Goi111 - «» ‘’ 😀 中文"
    assert fold(text) == text
    assert not has_diacritics(text)


@pytest.mark.parametrize("form", ["NFC", "NFD", "NFKC", "NFKD"])
def test_any_normal_form_folds_alike(form):
    text = unicodedata.normalize(form, "Bạo lực gia đình, ĐOÀN KẾT, Ninh Bình, Ủy ban")
    assert fold(text) == "Bao luc gia dinh, DOAN KET, Ninh Binh, Uy ban"


def test_decomposed_input_is_normalised_first():
    # "ế" typed as e + circumflex + acute (three code points) is one folded letter.
    assert fold("ke\u0302\u0301t") == "ket"


def test_length_is_kept_so_matches_map_back_to_the_original():
    text = "Phòng, chống bạo lực gia đình – Đảng ủy 😀 ǅ ﬁ"
    assert len(fold(text)) == len(text)


def test_agrees_with_the_site_wide_fold_on_vietnamese():
    text = " ".join(letter for letter, _ in LETTERS) + " Sở Lao động - Thương binh và Xã hội"
    assert fold(text) == text_fold(text)
