"""What of a built page enters the search index (scripts/noidung/search/records.py)."""

from __future__ import annotations

import json

import pytest

from noidung.i18n.languages import Language
from noidung.search import index_site
from noidung.search.indexer import SearchIndexError
from noidung.search.records import page_record

TABS = """
<ul class="md-tabs__list">
  <li class="md-tabs__item"><a href="../../" class="md-tabs__link">Trang chủ</a></li>
  <li class="md-tabs__item{active}"><a href="../../tap-huan/" class="md-tabs__link">
    Tập huấn
  </a></li>
</ul>"""


def page(content: str, head: str = "", active: bool = False, extra: str = "",
         title: str = "Site") -> str:
    """A built page shaped like Material's: head, tabs, then the content inside <main>."""
    tabs = TABS.replace("{active}", " md-tabs__item--active" if active else "")
    return (f"<!doctype html><html lang='vi'><head><title>{title}</title>{head}</head>"
            f"<body><nav class='md-tabs'>{tabs}</nav>{extra}<main><div class='md-content'>"
            f'<article class="md-content__inner md-typeset">{content}</article>'
            f"</div></main></body></html>")


def test_a_content_page_gives_its_title_section_and_text():
    record = page_record(page("<h1>Gia đình</h1><p>Phòng, chống bạo lực.</p>", active=True),
                         "tap-huan/m01/", "vi")
    assert record is not None
    assert (record.title, record.section, record.url) == ("Gia đình", "Tập huấn", "tap-huan/m01/")
    assert record.text == "Gia đình Phòng, chống bạo lực."
    assert record.extra == [(4, "Gia đình")]  # the h1 counts 5 times in all


def test_a_title_longer_than_the_heading_is_indexed_with_the_heading_weight():
    html = page("<h1>Nhận biết xâm hại</h1><p>Nội dung.</p>",
                title="M02 · Nhận biết xâm hại - Gia đình và Trẻ em Ninh Bình")
    record = page_record(html, "tap-huan/m02/", "vi")
    assert record.title == "M02 · Nhận biết xâm hại"
    assert record.extra[0] == (5, "M02 · Nhận biết xâm hại")
    assert "M02" not in record.text  # searchable, but excerpts show the page's own text


def test_the_section_comes_from_the_url_when_no_tab_is_active():
    record = page_record(page("<h1>Học phần</h1><p>Nội dung.</p>"), "tap-huan/m01/", "vi")
    assert record.section == "Tập huấn"


def test_stand_in_pages_with_noindex_are_skipped():
    html = page("<h1>Chưa dịch</h1><p>Trang này chưa có bản dịch.</p>",
                head='<meta name="robots" content="noindex">')
    assert page_record(html, "tap-huan/m01/", "vi") is None


def test_the_404_page_is_skipped():
    assert page_record(page("<h1>404</h1><p>Không tìm thấy.</p>"), "404.html", "vi",
                       "404.html") is None


def test_a_list_of_other_pages_excerpts_is_skipped():
    html = page('<h1>Lưu trữ 2024</h1><article class="md-post md-post--excerpt">'
                "<p>Bài khác</p></article>")
    assert page_record(html, "tin-bai/luu-tru/2024/", "vi") is None


def test_interface_text_and_ignored_parts_are_dropped():
    html = page('<h1>Bài<a class="headerlink" href="#x">¶</a></h1><p>Nội dung.</p>'
                '<div data-search-ignore><p>Bỏ qua</p></div>'
                '<aside class="news-related"><h2>Bài viết khác</h2></aside>')
    record = page_record(html, "tin-bai/x/", "vi")
    assert record.text == "Bài Nội dung."
    assert record.extra == [(4, "Bài")]


def test_headings_weigh_more_than_the_body():
    html = page("<h1>Gia đình</h1><h2>Địa chỉ</h2><p>Đường dây <b>nóng</b>, điện thoại.</p>"
                "<h3>Giờ <em>làm</em> việc</h3>")
    record = page_record(html, "lien-he/", "vi")
    assert record.text == "Gia đình Địa chỉ Đường dây nóng, điện thoại. Giờ làm việc"
    assert record.extra == [(4, "Gia đình"), (2, "Địa chỉ"), (1, "Giờ làm việc")]


def test_adjacent_cells_do_not_glue_into_one_word():
    html = page("<h1>Học phần</h1><dl><dt>Mã học phần</dt><dd>M03</dd></dl>")
    record = page_record(html, "tap-huan/m03/", "vi")
    assert record.text == "Học phần Mã học phần M03"


def test_keywords_in_attributes_are_searchable():
    html = page("<h1>Chiến dịch</h1><p>Nội dung.</p>",
                extra='<div data-search-keywords="#Goi111 M03"></div>')
    record = page_record(html, "chien-dich/x/", "vi")
    assert record.keywords == ["#Goi111 M03"]
    assert record.indexed()[0] == (1, "Chiến dịch Nội dung. #Goi111 M03")


def test_a_page_mostly_of_links_is_a_list():
    links = "".join(f'<li><a href="m0{n}/">Học phần số {n} về gia đình</a></li>' for n in range(6))
    record = page_record(page(f"<h1>Tập huấn</h1><p>Các học phần:</p><ul>{links}</ul>"),
                         "tap-huan/", "vi")
    assert record.is_list
    article = page_record(page("<h1>Tin</h1><p>Một đoạn dài về công tác gia đình, "
                               '<a href="x/">xem thêm</a> ở trang khác.</p>'), "tin/", "vi")
    assert not article.is_list


def test_news_posts_are_flagged():
    post = page("<h1>Tin</h1><p>Nội dung.</p>").replace(
        "class='md-content'", "class='md-content md-content--post'")
    assert page_record(post, "tin-bai/2025/06/tin/", "vi").is_post
    assert not page_record(page("<h1>Chiến dịch</h1><p>Nội dung.</p>"), "x/", "vi").is_post


def tiny_site(tmp_path, en_pages: dict[str, str]):
    """A joined site with one Vietnamese page and the given English ones."""
    (tmp_path / "index.html").write_text(page("<h1>Gia đình</h1><p>Bạo lực gia đình.</p>"))
    for name, content in en_pages.items():
        path = tmp_path / "en" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content)
    return [Language("vi", "Tiếng Việt", "/"), Language("en", "English", "/en/")]


def test_index_site_writes_one_index_per_language(tmp_path):
    languages = tiny_site(tmp_path, {"index.html": page("<h1>Family</h1><p>Families.</p>")})
    report = index_site(tmp_path, languages)
    assert report.indexed == {"vi": 1, "en": 1}
    for folder, lang in ((tmp_path / "search", "vi"), (tmp_path / "en" / "search", "en")):
        meta = json.loads((folder / "meta.json").read_text("utf-8"))
        assert (meta["lang"], meta["pages"], meta["lists"]) == (lang, 1, [])
        first = json.loads((folder / meta["dir"] / "p" / "0.json").read_text("utf-8"))
        assert first["u"] == ""
    assert first == {"u": "", "t": "Family", "s": "", "x": "Family Families."}
    assert not (tmp_path / "pagefind").exists()


def test_a_language_with_nothing_to_search_is_an_error(tmp_path):
    languages = tiny_site(tmp_path, {"404.html": page("<h1>404</h1><p>Not found.</p>")})
    with pytest.raises(SearchIndexError) as error:
        index_site(tmp_path, languages)
    assert str(error.value) == ("Không có trang nào để tìm kiếm bằng ngôn ngữ «en» / "
                                "no searchable page in language 'en'")



def test_the_built_site_has_our_index_precompressed_and_no_webassembly(built_site):
    for root in (built_site, built_site / "en"):
        meta = json.loads((root / "search" / "meta.json").read_text("utf-8"))
        bucket = root / "search" / meta["dir"] / "b" / "0.json"
        assert bucket.with_name("0.json.gz").exists() and bucket.with_name("0.json.br").exists()
    assert not (built_site / "pagefind").exists()
    headers = (built_site / "_deploy" / "security-headers.conf").read_text("utf-8")
    assert "script-src 'self'" in headers and "wasm-unsafe-eval" not in headers
