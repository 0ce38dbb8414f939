"""`noidung new`: files for each kind, in both languages, that validate and build."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys

import pytest

from noidung.build.pipeline import build_site
from noidung.content.layout import ContentLayout
from noidung.staff import scaffold
from noidung.validation import validate_project
from tests.support.sitecopy import copy_project

TODAY = dt.date(2026, 11, 28)


def _noidung(root, *args):
    return subprocess.run([sys.executable, "-m", "noidung", "--root", str(root), *args],
                          capture_output=True, text=True, stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def project_with_new_content(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("new") / "project")
    runs = [
        ("bai-viet", "--title", "Ngày Gia đình Việt Nam 2027: yêu thương và chia sẻ",
         "--title-en", "Vietnamese Family Day 2027", "--date", "2026-11-20"),
        ("hoc-phan", "--title", "Kỹ năng lắng nghe trẻ em", "--title-en", "Listening to children"),
        ("chien-dich", "--title", "Tuần lễ gia đình an toàn 2027", "--title-en",
         "Safe family week 2027", "--start", "2027-03-01", "--end", "2027-03-07"),
    ]
    results = [_noidung(root, "new", *run) for run in runs]
    return root, results


def test_new_creates_both_languages_for_each_kind(project_with_new_content):
    root, results = project_with_new_content
    for result in results:
        assert result.returncode == 0, result.stderr
    assert (root / "docs/vi/tin-bai/posts/ngay-gia-dinh-viet-nam-2027-yeu-thuong-va-chia-se.md"
            ).exists()
    assert (root / "docs/en/tin-bai/posts/ngay-gia-dinh-viet-nam-2027-yeu-thuong-va-chia-se.md"
            ).exists()
    assert (root / "docs/vi/tap-huan/ky-nang-lang-nghe-tre-em.md").exists()
    assert (root / "docs/en/tap-huan/ky-nang-lang-nghe-tre-em.md").exists()
    for name in ("campaign.yml", "vi.md", "en.md"):
        assert (root / "campaigns/tuan-le-gia-dinh-an-toan-2027" / name).exists()


def test_new_article_starts_as_a_draft(project_with_new_content):
    root, _ = project_with_new_content
    text = (root / "docs/vi/tin-bai/posts/ngay-gia-dinh-viet-nam-2027-yeu-thuong-va-chia-se.md"
            ).read_text("utf-8")
    assert "\ndraft: true\n" in text and "\ndate: '2026-11-20'\n" in text


def test_new_module_gets_the_next_free_code(project_with_new_content):
    root, _ = project_with_new_content
    codes = []
    for path in (root / "docs/vi/tap-huan").glob("*.md"):
        for line in path.read_text("utf-8").splitlines():
            if line.startswith("code:"):
                codes.append(line.split(":", 1)[1].strip().strip("'\""))
    assert len(codes) == len(set(codes))


ARTICLE_VI = "docs/vi/tin-bai/posts/ngay-gia-dinh-viet-nam-2027-yeu-thuong-va-chia-se.md"
CAMPAIGN_DIR = "campaigns/tuan-le-gia-dinh-an-toan-2027"
MODULE = "ky-nang-lang-nghe-tre-em"


def _copy(root, dest):
    shutil.copytree(root, dest, symlinks=True)
    return dest


def _fill_in(path):
    """What staff do: write every CẦN VIẾT / TO WRITE line and keep (unmark) the examples."""
    text = path.read_text("utf-8")
    for mark in scaffold.TO_WRITE.values():
        text = text.replace(f"{mark}: ", "")
    path.write_text(text.replace(scaffold.EXAMPLE_COMMENT, ""), "utf-8")


def _error_files(root):
    return {p.path for p in validate_project(root).errors}


def test_new_says_how_to_publish(project_with_new_content):
    _, (article, module, campaign) = project_with_new_content
    for result in (article, campaign):
        assert "Đây là bản nháp (draft: true)" in result.stdout
        assert "set draft: false to publish it" in result.stdout
    assert "Học phần không có bản nháp" in module.stdout


def test_new_drafts_have_no_errors_the_module_has(project_with_new_content):
    root, _ = project_with_new_content
    assert _error_files(root) == {f"docs/vi/tap-huan/{MODULE}.md", f"docs/en/tap-huan/{MODULE}.md"}


def test_placeholders_are_errors_once_draft_is_false(project_with_new_content, tmp_path):
    root = _copy(project_with_new_content[0], tmp_path / "p")
    for rel in (ARTICLE_VI, f"{CAMPAIGN_DIR}/campaign.yml"):
        path = root / rel
        path.write_text(path.read_text("utf-8").replace("draft: true", "draft: false"), "utf-8")
    errors = validate_project(root).errors
    assert {p.path for p in errors} >= {
        ARTICLE_VI, ARTICLE_VI.replace("/vi/", "/en/"), f"{CAMPAIGN_DIR}/campaign.yml",
        f"{CAMPAIGN_DIR}/vi.md", f"{CAMPAIGN_DIR}/en.md"}
    fields = {(p.path, p.field) for p in errors if p.rule == "placeholder-example"}
    assert fields >= {(ARTICLE_VI, "authors"), (ARTICLE_VI, "categories"),
                      (f"{CAMPAIGN_DIR}/campaign.yml", "lead_unit"),
                      (f"{CAMPAIGN_DIR}/campaign.yml", "topics")}


def test_new_content_passes_the_build_once_written(project_with_new_content, tmp_path):
    root = _copy(project_with_new_content[0], tmp_path / "p")
    for lang in ("vi", "en"):
        _fill_in(root / f"docs/{lang}/tap-huan/{MODULE}.md")
    report = build_site(root, tmp_path / "site")
    assert report.warnings == 0
    assert (tmp_path / f"site/tap-huan/{MODULE}/index.html").exists()
    # The campaign and the article are still drafts: no page, no link, no calendar event
    # (only the staff room's translations report, noi-bo/, lists them for translators).
    for ident in ("tuan-le-gia-dinh-an-toan-2027",
                  "ngay-gia-dinh-viet-nam-2027-yeu-thuong-va-chia-se"):
        assert not list((tmp_path / "site").rglob(ident))
        assert not [p for p in (tmp_path / "site").rglob("*")
                    if p.suffix in (".html", ".ics", ".xml", ".json") and "noi-bo" not in p.parts
                    and ident in p.read_text("utf-8")]


def test_existing_id_is_refused_and_nothing_is_overwritten(project_with_new_content):
    root, _ = project_with_new_content
    path = root / "docs/vi/tap-huan/ky-nang-lang-nghe-tre-em.md"
    before = path.read_bytes()
    result = _noidung(root, "new", "hoc-phan", "--title", "Kỹ năng lắng nghe trẻ em")
    assert result.returncode == 1
    assert "Mã «ky-nang-lang-nghe-tre-em» đã có trên trang" in result.stderr
    assert "nothing was overwritten" in result.stderr
    assert path.read_bytes() == before


def test_bad_date_is_refused_with_the_expected_form(tmp_path):
    root = copy_project(tmp_path / "p")
    result = _noidung(root, "new", "bai-viet", "--title", "Tin mới", "--date", "28/6/2027")
    assert result.returncode == 1
    assert "phải có dạng YYYY-MM-DD" in result.stderr
    assert not (root / "docs/vi/tin-bai/posts/tin-moi.md").exists()


def test_title_with_every_vietnamese_letter_gives_a_clean_id(tmp_path):
    layout = ContentLayout(tmp_path)
    title = "Ă Â Đ Ê Ô Ơ Ư à á ả ã ạ ằ ắ ẳ ẵ ặ ầ ấ ẩ ẫ ậ è é ẻ ẽ ẹ ề ế ể ễ ệ ì í ỉ ĩ ị " \
            "ò ó ỏ õ ọ ồ ố ổ ỗ ộ ờ ớ ở ỡ ợ ù ú ủ ũ ụ ừ ứ ử ữ ự ỳ ý ỷ ỹ ỵ đ"
    files = scaffold.plan(layout, scaffold.Request("bai-viet", title), TODAY)
    (path,) = files
    assert path.name == ("a-a-d-e-o-o-u-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-e-e-e-e-e-e-e-e-e-e-"
                         "i-i-i-i-i-o-o-o-o-o-o-o-o-o-o-o-o-o-o-o-u-u-u-u-u-u-u-u-u-u-"
                         "y-y-y-y-y-d.md")
