"""The interface string tables: every language has every text, with the same placeholders."""

from __future__ import annotations

import string
import unicodedata

from noidung.i18n import strings


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_language_has_every_group_and_key_with_the_same_placeholders():
    langs = strings.languages()
    assert langs == ["en", "vi"]
    vi = strings._table("vi")
    for lang in langs:
        table = strings._table(lang)
        assert table.keys() == vi.keys(), lang
        for group, texts in vi.items():
            assert table[group].keys() == texts.keys(), (lang, group)
            for key, text in texts.items():
                assert _fields(table[group][key]) == _fields(text), (lang, group, key)


def test_texts_are_nfc_and_filled_in():
    for lang in strings.languages():
        for texts in strings._table(lang).values():
            for text in texts.values():
                assert text and unicodedata.is_normalized("NFC", text)
    assert strings.text("en", "tags", "title", name="Gender equality") == \
        "Topic: Gender equality"
    assert strings.text("vi", "site", "switch_to", language="English") == "Chuyển sang English"


def test_a_language_without_a_table_reads_vietnamese():
    assert strings.section("fr", "home") == strings.section("vi", "home")
