"""Unit tests of the URL helpers behind the language switcher and stand-in pages."""

import pytest

from noidung.build.postbuild import fallback_url
from noidung.i18n import languages as i18n


@pytest.mark.parametrize(
    ("page_url", "from_root", "to_root", "target", "expected"),
    [
        ("", "/", "/en/", "", "en/"),
        ("chien-dich/", "/", "/en/", "chien-dich/", "../en/chien-dich/"),
        ("chien-dich/", "/en/", "/", "chien-dich/", "../../chien-dich/"),
        ("", "/en/", "/", "", "../"),
        ("tin-bai/2024/12/x/", "/", "/en/", "tin-bai/", "../../../../en/tin-bai/"),
        ("", "/", "/", "", "./"),
    ],
)
def test_relative_href(page_url, from_root, to_root, target, expected):
    assert i18n.relative_href(page_url, from_root, to_root, target) == expected


@pytest.mark.parametrize(
    ("src", "url"),
    [("index.md", ""), ("lien-he.md", "lien-he/"), ("chien-dich/index.md", "chien-dich/"),
     ("tap-huan/m01.md", "tap-huan/m01/")],
)
def test_src_and_url_are_inverse(src, url):
    assert i18n.src_to_url(src) == url
    assert i18n.src_to_url(i18n.url_to_src(url)) == url


def test_absolute_url_joins_language_root():
    assert i18n.absolute_url("https://x.vn/", "/en/", "lien-he/") == "https://x.vn/en/lien-he/"
    assert i18n.absolute_url("https://x.vn/sub/", "/", "") == "https://x.vn/sub/"


def test_fallback_is_the_nearest_existing_section():
    existing = {"", "tin-bai/", "tin-bai/luu-tru/2024/"}
    assert fallback_url("tin-bai/chuyen-muc/binh-dang-gioi/", existing) == "tin-bai/"
    assert fallback_url("tin-bai/luu-tru/2021/", existing) == "tin-bai/"
    assert fallback_url("chien-dich/x/", existing) == ""


def test_stand_in_page_says_it_is_not_translated_and_links_the_original():
    text = i18n.untranslated_page("en", "vi", "Ngày Gia đình Việt Nam", "../../x/")
    assert "not yet translated into English" in text
    assert "Ngày Gia đình Việt Nam" in text
    assert '<a href="../../x/" hreflang="vi" lang="vi"' in text
    assert "robots: noindex" in text and "exclude: true" in text
