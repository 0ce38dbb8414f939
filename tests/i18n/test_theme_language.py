"""Our copy of Material's Vietnamese interface strings: only the changes we meant."""

from __future__ import annotations

import re
from pathlib import Path

import material

from noidung.content.layout import THEME_DIR
from tests.support.site import soup

MATERIAL_LANGUAGES = Path(material.__file__).parent / "templates/partials/languages"
OURS = THEME_DIR / "partials/languages/vi.html"

#: Strings we changed or added, and why: Material left them in English or missing, or
#: they said something else than the button does.
CHANGED = {
    "blog.meta": "Thông tin bài viết",  # "Metadata"
    "blog.authors": "Tác giả",  # missing: Material fell back to "Authors"
    "blog.categories": "Chuyên mục",  # "Mục"; the site's URLs and menus say chuyên mục
    "top": "Về đầu trang",  # "Trở lại mục lục": back to the table of contents
    "tabs": "Thẻ điều hướng",  # "Tabs"
    "source.file.contributors": "Người đóng góp",  # "Contributors"
    "rss.created": "Nguồn tin RSS",  # "RSS feed"
    "rss.updated": "Nguồn tin RSS của nội dung cập nhật",  # "RSS feed of updated content"
    "search.result.initializer": "Đang chuẩn bị tìm kiếm",  # "Initializing search"
    "action.skip": "Đến nội dung chính",  # "Bỏ qua": "skip", without saying to what
    "blog.categories.in": "Thuộc chuyên mục",  # "Trong" (in) before the category names
}


def strings(path: Path) -> dict[str, str]:
    return dict(re.findall(r'^\s*"([\w.]+)": "((?:[^"\\]|\\.)*)"', path.read_text("utf-8"),
                           re.MULTILINE))


def test_our_vietnamese_strings_are_materials_except_the_changes():
    material_vi, ours = strings(MATERIAL_LANGUAGES / "vi.html"), strings(OURS)
    assert {k: v for k, v in ours.items() if k not in CHANGED} == {
        k: v for k, v in material_vi.items() if k not in CHANGED}
    assert {k: ours[k] for k in CHANGED} == CHANGED


def test_no_interface_string_is_left_in_english():
    english, ours = strings(MATERIAL_LANGUAGES / "en.html"), strings(OURS)
    # Shared on purpose: the text direction, search settings, and proper nouns.
    same = {k for k in ours if ours[k] == english.get(k)}
    assert same <= {"direction", "search.config.pipeline", "search.config.separator"}, same


def test_article_sidebar_is_labelled_in_vietnamese(built_site):
    page = soup(built_site / "tin-bai/2024/06/tong-dai-111/index.html")
    text = page.get_text(" ")
    assert "Thông tin bài viết" in text
    assert "Metadata" not in text
    english = soup(built_site / "en/tin-bai/2024/06/tong-dai-111/index.html")
    assert "Metadata" in english.get_text(" ")
