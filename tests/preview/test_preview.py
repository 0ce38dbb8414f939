"""The preview (noidung/preview/server.py): after the first build, an edit renders only its page.

The Preview runs in this process on a copy of the project (no server, no file watcher:
`update` gets the edited paths as the watcher would give them), so each case checks the
written HTML directly. The served, watched path is tested in test_serve.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from noidung.preview.changes import Change, classify, generators_for
from noidung.preview.checks import problems_text
from noidung.preview.incremental import Preview
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
        assert err.startswith(f"LỖI / ERROR: không dựng được docs/vi/{ARTICLE}; trang cũ vẫn "
                              "hiển thị / could not render it; the previous version stays:")
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
