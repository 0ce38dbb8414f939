"""The preview (noidung/preview/server.py): after the first build, an edit renders only its page.

The Preview runs in this process on a copy of the project (no server, no file watcher:
`update` gets the edited paths as the watcher would give them), so each case checks the
written HTML directly. The served, watched path is tested in test_serve.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from noidung import site
from noidung.preview.changes import (
    Change,
    classify,
    generators_for,
    is_page_source,
    page_sources,
    twins,
)
from noidung.preview.checks import (
    Checker,
    Problems,
    banner_entry,
    page_problems,
    problems_text,
)
from noidung.preview.incremental import Preview
from noidung.preview.server import HEAD_TAGS, PreviewSite, banner_titles, inject_head
from tests.support.sitecopy import copy_project

ARTICLE = "tin-bai/posts/tong-dai-111.md"
ARTICLE_URL = "tin-bai/2024/06/tong-dai-111"
CAMPAIGN = "thang-hanh-dong-vi-tre-em-2025"


def _edit(project: Path, rel: str, old: str, new: str) -> None:
    path = project / rel
    text = path.read_text("utf-8")
    assert old in text, f"{rel} no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def _html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text("utf-8")


@pytest.fixture(scope="module")
def vi(tmp_path_factory) -> Preview:
    """The Vietnamese preview of a project copy, built once for this module's tests."""
    base = tmp_path_factory.mktemp("preview-vi")
    preview = Preview(copy_project(base / "project"), "vi", base / "site",
                      "http://127.0.0.1:8000/")
    assert preview.build_all()
    return preview


# -- what an edited path means ---------------------------------------------------------


@pytest.mark.parametrize(("rel", "lang", "expected"), [
    ("docs/vi/lien-he.md", "vi", Change.PAGE),
    ("docs/en/lien-he.md", "vi", Change.NONE),  # the other language's page
    ("docs/en/lien-he.md", "en", Change.PAGE),
    ("docs/vi/lien-he.md", "en", Change.NONE),  # the original of a translated page
    ("docs/vi/tap-huan/m01.md", "en", Change.GENERATED),  # modules take the original's metadata
    ("docs/vi/tap-huan/tai-lieu/phieu.pdf", "en", Change.GENERATED),  # and its materials
    ("docs/vi/tin-bai/posts/tong-dai-111.md", "vi", Change.ARTICLE),
    ("docs/en/tin-bai/posts/tong-dai-111.md", "en", Change.ARTICLE),
    ("docs/vi/tin-bai/posts/tong-dai-111.md", "en", Change.ARTICLE),  # shared metadata
    ("docs/en/tin-bai/posts/tong-dai-111.md", "vi", Change.NONE),
    ("docs/vi/assets/logo.svg", "vi", Change.ASSET),
    ("campaigns/ngay-gia-dinh-viet-nam-2025/campaign.yml", "en", Change.GENERATED),
    ("docs/registries/units.yml", "vi", Change.STRUCTURE),
    ("mkdocs.yml", "vi", Change.STRUCTURE),
    ("mkdocs.en.yml", "en", Change.STRUCTURE),
    ("scripts/noidung/theme/main.html", "vi", Change.STRUCTURE),
    ("scripts/noidung/preview/server.py", "vi", Change.NONE),
    ("docs/vi/.lien-he.md.swp", "vi", Change.NONE),  # an editor's swap file
    ("docs/vi/lien-he.md~", "vi", Change.NONE),
    ("README.md", "vi", Change.NONE),
])
def test_classify(rel, lang, expected):
    assert classify(rel, lang, "vi") is expected


def test_generators_for_runs_only_the_generator_of_the_edited_source():
    assert generators_for(["campaigns/x/vi.md", "campaigns/y/campaign.yml"]) == [
        "noidung.campaigns.pages:pages"]
    assert generators_for(["docs/en/tap-huan/m.md"]) == ["noidung.training.pages:pages"]
    assert generators_for(["docs/vi/other.md"]) is None  # unknown: every generator


def test_problems_text_puts_errors_first_and_hides_translation_reminders():
    report = {"problems": [
        {"path": "docs/vi/a.md", "line": 0, "column": 0, "rule": "translation-missing",
         "severity": "warning", "message_vi": "chưa dịch", "message_en": "not translated"},
        {"path": "docs/vi/a.md", "line": 9, "column": 1, "rule": "alt-text",
         "severity": "warning", "message_vi": "ảnh thiếu mô tả", "message_en": "no alt text"},
        {"path": "docs/vi/a.md", "line": 3, "column": 12, "rule": "yaml-syntax",
         "severity": "error", "message_vi": "YAML không hợp lệ", "message_en": "invalid YAML",
         "hint_vi": "xem dòng này", "hint_en": "look at this line"},
    ]}
    assert problems_text(json.dumps(report)).splitlines() == [
        "Kiểm tra: 1 lỗi, 1 cảnh báo / check: 1 error, 1 warning",
        "  docs/vi/a.md:3:12: [LỖI / ERROR] YAML không hợp lệ / invalid YAML (yaml-syntax)",
        "    → xem dòng này / look at this line",
        "  docs/vi/a.md:9:1: [cảnh báo / warning] ảnh thiếu mô tả / no alt text (alt-text)",
    ]
    assert problems_text(json.dumps({"problems": report["problems"][:1]})) == (
        "Kiểm tra: không có lỗi / check: no problems")


# -- edits, in a built preview ---------------------------------------------------------


def test_the_preview_has_a_search_index_of_its_language(vi):
    meta = json.loads((vi.site_dir / "search" / "meta.json").read_text("utf-8"))
    assert meta["lang"] == "vi" and meta["pages"] > 20
    assert (vi.site_dir / "search" / meta["dir"]).is_dir()


def test_a_search_index_that_fails_is_reported_and_the_preview_still_serves(vi, monkeypatch,
                                                                            capfd):
    def broken(*_args):
        raise RuntimeError("disk full")

    monkeypatch.setattr("noidung.preview.incremental.index_language", broken)
    before = (vi.site_dir / "search" / "meta.json").read_bytes()
    vi._index_search()
    assert ("LỖI / ERROR: không tạo được chỉ mục tìm kiếm / no search index:\n"
            "  RuntimeError: disk full") in capfd.readouterr().err
    # Nothing else changed: the site and its last index stay as they were.
    assert (vi.site_dir / "search" / "meta.json").read_bytes() == before
    assert (vi.site_dir / "index.html").is_file()


def test_page_edit_renders_that_page_only(vi):
    home = vi.site_dir / "index.html"
    home_before = home.stat().st_mtime_ns
    _edit(vi.root, "docs/vi/lien-he.md", "# Liên hệ", "# Liên hệ\n\nDấu xem thử trang.")
    assert vi.update(["docs/vi/lien-he.md"]) == "pages"
    assert "Dấu xem thử trang." in _html(vi.site_dir, "lien-he")
    assert home.stat().st_mtime_ns == home_before


def test_article_edit_in_the_original_is_merged_again(vi):
    authors = _html(vi.site_dir, ARTICLE_URL).count("Sở Lao động")
    _edit(vi.root, f"docs/vi/{ARTICLE}", "<!-- more -->", "Dấu xem thử bài viết.\n\n<!-- more -->")
    assert vi.update([f"docs/vi/{ARTICLE}"]) == "pages"
    html = _html(vi.site_dir, ARTICLE_URL)
    assert "Dấu xem thử bài viết." in html
    # Rendered through the blog plugin as in the full build: the author once, not twice.
    assert authors and html.count("Sở Lao động") == authors


def test_article_edit_in_the_translation_shows_in_the_english_preview(tmp_path):
    preview = Preview(copy_project(tmp_path / "project"), "en", tmp_path / "site",
                      "http://127.0.0.1:8000/")
    assert preview.build_all()
    _edit(preview.root, f"docs/en/{ARTICLE}", "<!-- more -->",
          "English preview marker.\n\n<!-- more -->")
    assert preview.update([f"docs/en/{ARTICLE}"]) == "pages"
    assert "English preview marker." in _html(preview.site_dir, ARTICLE_URL)
    # The original's shared metadata reaches the English page too (its tags, here).
    _edit(preview.root, f"docs/vi/{ARTICLE}", "  - bao-ve-tre-em\n---",
          "  - bao-ve-tre-em\n  - gia-dinh\n---")
    assert preview.update([f"docs/vi/{ARTICLE}"]) == "pages"
    assert "English preview marker." in _html(preview.site_dir, ARTICLE_URL)


def test_campaign_text_edit_regenerates_the_campaign_page(vi):
    _edit(vi.root, f"campaigns/{CAMPAIGN}/vi.md", "\n---\n", "\n---\n\nDấu xem thử chiến dịch.\n")
    assert vi.update([f"campaigns/{CAMPAIGN}/vi.md"]) == "pages"
    assert "Dấu xem thử chiến dịch." in _html(vi.site_dir, f"chien-dich/{CAMPAIGN}")


def test_other_language_edit_changes_nothing(vi):
    assert vi.update(["docs/en/lien-he.md"]) == "none"


def test_broken_article_metadata_keeps_the_previous_page(vi, capfd):
    before = _html(vi.site_dir, ARTICLE_URL)
    _edit(vi.root, f"docs/vi/{ARTICLE}", "date: 2024-06-10", "date: [2024-06-10")
    try:
        assert vi.update([f"docs/vi/{ARTICLE}"]) == "failed"
        err = capfd.readouterr().err
        assert err.startswith(f"LỖI / ERROR: không dựng được docs/vi/{ARTICLE} (vi); trang cũ "
                              "vẫn hiển thị / could not render it (vi); the previous version "
                              "stays:")
        assert _html(vi.site_dir, ARTICLE_URL) == before
    finally:
        _edit(vi.root, f"docs/vi/{ARTICLE}", "date: [2024-06-10", "date: 2024-06-10")
    assert vi.update([f"docs/vi/{ARTICLE}"]) == "pages"


def test_article_date_change_rebuilds_everything(vi):
    _edit(vi.root, f"docs/vi/{ARTICLE}", "date: 2024-06-10", "date: 2024-07-10")
    assert vi.update([f"docs/vi/{ARTICLE}"]) == "full"
    assert (vi.site_dir / "tin-bai/2024/07/tong-dai-111/index.html").is_file()
    assert not (vi.site_dir / f"{ARTICLE_URL}/index.html").exists()


def test_new_page_rebuilds_everything(vi):
    page = vi.root / "docs/vi/trang-moi-xem-thu.md"
    page.write_text("# Trang mới\n\nMột trang vừa thêm.\n", "utf-8")
    assert vi.update(["docs/vi/trang-moi-xem-thu.md"]) == "full"
    assert "Một trang vừa thêm." in _html(vi.site_dir, "trang-moi-xem-thu")
    # After the full build the new page is known: the next edit is a page edit again.
    page.write_text("# Trang mới\n\nĐã sửa.\n", "utf-8")
    assert vi.update(["docs/vi/trang-moi-xem-thu.md"]) == "pages"
    assert "Đã sửa." in _html(vi.site_dir, "trang-moi-xem-thu")


def test_enter_in_the_terminal_rebuilds_everything(vi):
    # Enter asks for a full build with no edited file: listings are then up to date.
    assert vi.update([], full=True) == "full"
    assert (vi.site_dir / "tin-bai" / "index.html").is_file()


def test_material_edit_is_copied_into_the_site(vi):
    rel = "docs/vi/tap-huan/tai-lieu/m02-bao-tin.svg"
    path = vi.root / rel
    path.write_text(path.read_text("utf-8").replace("</svg>", "<!-- bản sửa -->\n</svg>"), "utf-8")
    assert vi.update([rel]) == "pages"
    copied = vi.site_dir / "tap-huan/tai-lieu/m02-bao-tin.svg"
    assert "<!-- bản sửa -->" in copied.read_text("utf-8")


def test_article_that_fails_to_render_recovers_after_the_fix(vi, capfd):
    rel = f"docs/vi/{ARTICLE}"
    _edit(vi.root, rel, "  - so-lao-dong-thuong-binh-xa-hoi", "  - don-vi-khong-co")
    assert vi.update([rel]) == "failed"
    assert "Couldn't find author 'don-vi-khong-co'" in capfd.readouterr().err
    _edit(vi.root, rel, "  - don-vi-khong-co", "  - so-lao-dong-thuong-binh-xa-hoi")
    assert vi.update([rel]) == "pages"


# -- which files the validator checks and the banner shows -----------------------------


@pytest.mark.parametrize(("rel", "expected"), [
    ("docs/vi/lien-he.md", ["docs/vi/lien-he.md", "docs/en/lien-he.md"]),
    ("docs/en/tin-bai/posts/a.md", ["docs/en/tin-bai/posts/a.md", "docs/vi/tin-bai/posts/a.md"]),
    ("campaigns/c/vi.md", ["campaigns/c/vi.md", "campaigns/c/en.md", "campaigns/c/campaign.yml"]),
    ("campaigns/c/campaign.yml",
     ["campaigns/c/campaign.yml", "campaigns/c/vi.md", "campaigns/c/en.md"]),
    ("campaigns/c/tai-lieu/to-roi.pdf", ["campaigns/c/tai-lieu/to-roi.pdf"]),
    ("docs/vi/assets/logo.svg", ["docs/vi/assets/logo.svg"]),
    ("docs/registries/units.yml", ["docs/registries/units.yml"]),
])
def test_twins_are_the_other_languages_files_of_the_same_page(rel, expected):
    assert twins(rel, ["vi", "en"]) == expected


def test_page_sources_lists_both_languages_files_vietnamese_first(vi):
    assert page_sources(vi.root, "lien-he.md", ["vi", "en"]) == [
        "docs/vi/lien-he.md", "docs/en/lien-he.md"]
    assert page_sources(vi.root, f"chien-dich/{CAMPAIGN}/index.md", ["vi", "en"]) == [
        f"campaigns/{CAMPAIGN}/vi.md", f"campaigns/{CAMPAIGN}/en.md",
        f"campaigns/{CAMPAIGN}/campaign.yml"]
    assert page_sources(vi.root, "khong-co.md", ["vi", "en"]) == []


def test_page_source_finds_the_page_of_a_url(vi):
    assert vi.page_source("lien-he/") == "lien-he.md"
    assert vi.page_source("") == "index.md"
    # An article is found at its post's URL (an earlier test may have moved its date).
    assert vi.page_source(vi.built.files.get_file_from_path(ARTICLE).url) == ARTICLE
    assert vi.page_source("khong-co/") is None


def _problem(path: str, line: int, severity: str = "error", rule: str = "date-format") -> dict:
    return {"path": path, "line": line, "column": 1, "rule": rule, "severity": severity,
            "message_vi": f"lỗi {line}", "message_en": f"problem {line}",
            "hint_vi": "sửa đi", "hint_en": "fix it"}


def test_problems_are_replaced_for_the_checked_files_only():
    problems = Problems()
    problems.replace(["docs/vi/a.md", "docs/en/a.md"], [
        _problem("docs/en/a.md", 9, "warning", "alt-text"), _problem("docs/en/a.md", 4),
        _problem("docs/vi/a.md", 2, "warning", "translation-outdated")])
    assert [p["line"] for p in problems.of(["docs/vi/a.md", "docs/en/a.md"])] == [4, 9]
    problems.replace(["docs/en/a.md"], [])  # fixed: checked again, nothing found
    assert problems.of(["docs/vi/a.md", "docs/en/a.md"]) == []


def test_checker_checks_the_edited_file_and_its_twins(tmp_path):
    checker = Checker(tmp_path)
    assert checker.wanted(["docs/en/x.md", "README.md", "campaigns/c/en.md"]) == [
        "docs/en/x.md", "docs/vi/x.md",
        "campaigns/c/en.md", "campaigns/c/vi.md", "campaigns/c/campaign.yml"]


def test_page_problems_puts_the_vietnamese_file_first_and_the_render_failure_first():
    problems = Problems()
    problems.replace(None, [_problem("docs/en/a.md", 3), _problem("docs/vi/a.md", 7)])
    found = page_problems(["docs/vi/a.md", "docs/en/a.md"], problems,
                          {"docs/en/a.md": "ValueError: month must be in 1..12"},
                          Path("/p/.cache/preview/preview.log"))
    assert [(p["path"], p["rule"]) for p in found] == [
        ("docs/vi/a.md", "date-format"), ("docs/en/a.md", "internal-error"),
        ("docs/en/a.md", "date-format")]
    assert found[1]["message_vi"] == (
        "không dựng được trang từ tệp này, trang đang hiển thị là bản trước "
        "(ValueError: month must be in 1..12)")
    assert found[1]["hint_vi"] == (
        "sửa tệp rồi lưu lại; chi tiết lỗi ghi trong /p/.cache/preview/preview.log")
    assert banner_entry(found[0]) == {
        "where": "docs/vi/a.md:7", "severity": "error", "rule": "date-format",
        "level_vi": "Lỗi", "level_en": "Error", "message_vi": "lỗi 7", "message_en": "problem 7",
        "hint_vi": "sửa đi", "hint_en": "fix it"}
    assert banner_entry(found[1])["where"] == "docs/en/a.md"


def test_the_banner_is_added_when_served_never_written_into_the_site(vi):
    # The preview's pages on disk are as a build writes them; the server adds the tags.
    home = (vi.site_dir / "index.html").read_bytes()
    assert b"/_preview/" not in home
    served = inject_head(home)
    assert served.count(HEAD_TAGS) == 1
    assert served.index(HEAD_TAGS) < served.index(b"</head>") < served.index(b"<body")
    assert b"<script>" not in HEAD_TAGS  # a file, not an inline script (the site's CSP)
    assert inject_head(b"<p>no head</p>") == b"<p>no head</p>"


def test_a_served_path_is_a_language_and_a_page_url(vi):
    served = PreviewSite(vi.root, site.load(vi.root).languages, {"vi": vi}, Problems())
    assert [(lang.code, url) for lang, url in map(served.language_of, [
        "/", "/lien-he/", "/en/", "/en", "/en/tin-bai/2024/06/a/", "/en/404.html",
        "/lien-he/index.html"])] == [
        ("vi", ""), ("vi", "lien-he/"), ("en", ""), ("en", ""), ("en", "tin-bai/2024/06/a/"),
        ("en", "404.html"), ("vi", "lien-he/")]
    assert served.sources("/lien-he/") == ["docs/vi/lien-he.md", "docs/en/lien-he.md"]
    assert served.report("/lien-he/") == {"problems": [], "title_vi": "", "title_en": "",
                                          "note_vi": "", "note_en": ""}


def test_banner_titles_count_errors_and_warnings_in_both_languages():
    one = [{"severity": "error"}]
    assert banner_titles(one)["title_vi"] == "Tệp nguồn của trang này có 1 lỗi"
    assert banner_titles(one)["title_en"] == "This page's source files have 1 error"
    mixed = [{"severity": "error"}, {"severity": "error"}, {"severity": "warning"}]
    assert banner_titles(mixed)["title_vi"] == "Tệp nguồn của trang này có 2 lỗi, 1 cảnh báo"
    assert banner_titles(mixed)["title_en"] == (
        "This page's source files have 2 errors, 1 warning")


# -- both languages in one site, as `serve` runs them ----------------------------------

MODULE = "tap-huan/nhan-biet-va-bao-tin-xam-hai-tre-em"


@pytest.fixture(scope="module")
def both(tmp_path_factory) -> dict[str, Preview]:
    """Both previews of a project copy, English nested in the Vietnamese site's en/."""
    base = tmp_path_factory.mktemp("preview-both")
    project, site_root = copy_project(base / "project"), base / "site"
    previews = {code: Preview(project, code, site_root / root, "http://127.0.0.1:8000/",
                              site_root=site_root) for code, root in (("vi", ""), ("en", "en"))}
    assert all(preview.build_all() for preview in previews.values())
    return previews


def test_both_languages_are_served_from_one_site(both):
    site_root = both["vi"].site_dir
    assert '<html lang="vi"' in _html(site_root, "lien-he")
    assert '<html lang="en"' in _html(site_root, "en/lien-he")
    # Each search index holds its own language's pages only.
    vi_meta = json.loads((site_root / "search" / "meta.json").read_text("utf-8"))
    en_meta = json.loads((site_root / "en" / "search" / "meta.json").read_text("utf-8"))
    assert (vi_meta["lang"], en_meta["lang"]) == ("vi", "en")
    assert vi_meta["pages"] < 100 and en_meta["pages"] < 100  # not both languages' pages


def test_a_full_vietnamese_build_leaves_the_english_site_in_place(both):
    english = both["en"].site_dir / "lien-he" / "index.html"
    before = english.read_bytes()
    assert both["vi"].update([], full=True) == "full"
    assert english.read_bytes() == before


def test_a_vietnamese_module_edit_updates_the_english_module_page(both, capfd):
    project = both["vi"].root
    _edit(project, f"docs/vi/{MODULE}.md", "duration_minutes: 150", "duration_minutes: 165")
    done = {code: preview.update([f"docs/vi/{MODULE}.md"]) for code, preview in both.items()}
    assert done == {"vi": "pages", "en": "pages"}
    assert "2 h 45 min" in _html(both["en"].site_dir, MODULE)
    # The terminal names each language's page by the path it is served at.
    out = capfd.readouterr().out
    assert f": /{MODULE}/, /tap-huan/\n" in out  # the module and the overview table
    assert f": /en/{MODULE}/, /en/tap-huan/\n" in out


def test_a_new_vietnamese_page_gets_its_english_stand_in(both):
    project = both["vi"].root
    (project / "docs/vi/trang-moi-ca-hai.md").write_text("# Trang mới\n\nMới thêm.\n", "utf-8")
    rel = ["docs/vi/trang-moi-ca-hai.md"]
    assert {code: p.update(rel) for code, p in both.items()} == {"vi": "full", "en": "full"}
    assert "Mới thêm." in _html(both["vi"].site_dir, "trang-moi-ca-hai")
    # The English switcher target exists: a stand-in that leads to the original.
    assert '<html lang="en"' in _html(both["en"].site_dir, "trang-moi-ca-hai")


def test_an_edit_that_changes_no_page_of_a_language_says_nothing_there(both, capfd):
    _edit(both["vi"].root, f"campaigns/{CAMPAIGN}/vi.md", "\n---\n", "\n---\n\nDấu chiến dịch.\n")
    rel = [f"campaigns/{CAMPAIGN}/vi.md"]
    assert {code: p.update(rel) for code, p in both.items()} == {"vi": "pages", "en": "pages"}
    assert both["en"].updated == []
    out = capfd.readouterr().out
    assert f": /chien-dich/{CAMPAIGN}/" in out and "/en/" not in out


@pytest.mark.parametrize(("rel", "expected"), [
    ("docs/vi/lien-he.md", True), ("docs/en/tin-bai/posts/a.md", True),
    ("docs/vi/.lien-he.md.swp", False), ("docs/vi/lien-he.md~", False),
    ("docs/vi/assets/logo.svg", False), ("docs/registries/units.yml", False),
    ("campaigns/c/vi.md", False),
])
def test_is_page_source(rel, expected):
    assert is_page_source(rel, ["vi", "en"]) is expected


def test_the_preview_shows_a_draft_campaign(tmp_path):
    """A draft campaign is in the preview (the plugin's is_serve: BuildContext.include_drafts),
    page and listing, while the published build leaves it out (tests/campaigns)."""
    project = copy_project(tmp_path / "project")
    path = project / "campaigns" / CAMPAIGN / "campaign.yml"
    path.write_text(path.read_text("utf-8") + "draft: true\n", "utf-8")
    preview = Preview(project, "vi", tmp_path / "site", "http://127.0.0.1:8000/")
    assert preview.build_all()
    assert "<h1" in _html(preview.site_dir, f"chien-dich/{CAMPAIGN}")
    assert f'data-campaign="{CAMPAIGN}"' in _html(preview.site_dir, "chien-dich")
