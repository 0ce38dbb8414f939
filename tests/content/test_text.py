"""Folding and ids over the whole Vietnamese alphabet."""

import unicodedata

import pytest

from noidung.content.text import fold, slugify

VOWELS = "aăâeêioôơuưy"
TONES = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]  # none, huyền, sắc, ngã, hỏi, nặng


def _all_letters():
    letters = []
    for vowel in VOWELS:
        for tone in TONES:
            letters.append(unicodedata.normalize("NFC", vowel + tone))
    letters += ["d", "đ"]
    return letters + [x.upper() for x in letters]


def test_alphabet_has_all_letters():
    letters = _all_letters()
    assert len(set(letters)) == 2 * (12 * 6 + 2)


@pytest.mark.parametrize("letter", _all_letters())
def test_every_letter_folds_to_ascii(letter):
    folded = fold(letter)
    assert folded.isascii() and len(folded) == 1
    assert folded.lower() in "aeiouyd"


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_nfc_and_nfd_fold_alike(form):
    text = unicodedata.normalize(form, "Bạo lực gia đình, Đoàn kết, Ninh Bình")
    assert fold(text) == "Bao luc gia dinh, Doan ket, Ninh Binh"


def test_slugify_title_with_every_vietnamese_letter():
    title = " ".join(_all_letters()) + " Ngày Gia đình Việt Nam 2025!"
    slug = slugify(title)
    assert slug.isascii() and slug == slug.lower()
    assert slug.endswith("ngay-gia-dinh-viet-nam-2025")
    assert "--" not in slug and not slug.startswith("-")


def test_slugify_examples():
    assert slugify("Ngày Gia đình Việt Nam 2025") == "ngay-gia-dinh-viet-nam-2025"
    assert slugify("  Tháng hành động: phòng, chống bạo lực gia đình ") == \
        "thang-hanh-dong-phong-chong-bao-luc-gia-dinh"


def test_heading_ids_keep_d_for_dj():
    from noidung.content.text import heading_id

    assert heading_id("Chủ đề: Gia đình", "-") == "chu-de-gia-dinh"
