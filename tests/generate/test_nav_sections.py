"""A page outside the menu is placed in the section whose URL starts its own."""

from __future__ import annotations

from types import SimpleNamespace

from noidung.generate.nav_sections import menu_pages, section_page

MENU = [("", "home"), ("chien-dich/", "campaigns"), ("tap-huan/", "training"),
        ("tin-bai/", "news"), ("gioi-thieu/", "about")]


def test_generated_pages_belong_to_their_section():
    assert section_page("chien-dich/ngay-gia-dinh-viet-nam-2025/", MENU) == "campaigns"
    assert section_page("chien-dich/lich/", MENU) == "campaigns"
    assert section_page("tap-huan/nhan-biet-va-bao-tin-xam-hai-tre-em/", MENU) == "training"
    assert section_page("tin-bai/chu-de/gia-dinh/", MENU) == "news"


def test_the_home_page_and_unrelated_pages_have_no_section():
    assert section_page("chien-dich/", MENU) is None  # a menu page is its own item
    assert section_page("noi-bo/ban-dich/", MENU) is None
    assert section_page("gioi-thieu-khac/", MENU) is None  # a prefix of words, not of folders
    assert section_page("m/m03/", MENU) is None


def test_menu_pages_take_a_sections_first_page():
    def page(url):
        return SimpleNamespace(is_page=True, is_section=False, url=url)

    news_index = page("tin-bai/")
    news = SimpleNamespace(is_page=False, is_section=True,
                           children=[SimpleNamespace(is_page=False, is_section=False), news_index])
    empty = SimpleNamespace(is_page=False, is_section=True, children=[])
    home, link = page(""), SimpleNamespace(is_page=False, is_section=False)
    assert menu_pages([home, news, empty, link]) == [("", home), ("tin-bai/", news_index)]
