"""`noidung translations`: what is missing or outdated, what changed, in text, JSON and on
the staff page; "up to date" from the recorded hash or from git history (or file times)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from noidung.content.layout import ContentLayout
from noidung.staff import translation_files as staff_translation_files
from noidung.staff import translation_output as staff_translation_output
from noidung.staff import translations as staff_translations
from noidung.staff import worddiff

T1, T2, T3 = "2026-01-05T09:00:00+07:00", "2026-01-06T09:00:00+07:00", "2026-01-07T09:00:00+07:00"


def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


def _git(root, *args, date=T1):
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org",
                    "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args],
                   cwd=root, env=env, check=True, capture_output=True)


def _commit(root, message, date):
    _git(root, "add", "-A", date=date)
    _git(root, "commit", "-q", "-m", message, date=date)


def _run(root, *args):
    run = [sys.executable, "-m", "noidung", "--root", str(root), "translations", *args]
    return subprocess.run(run, capture_output=True, text=True)


def _states(layout):
    return {i.id: i.status for i in staff_translations.report(layout)}


@pytest.fixture(autouse=True)
def _no_outer_repository(tmp_path, monkeypatch):
    """git must never find a repository above the temporary project."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))


@pytest.fixture()
def project(tmp_path):
    """A project without git, whose translations were marked with `--mark`."""
    docs = tmp_path / "docs"
    _write(docs / "vi/gioi-thieu.md", "---\ntitle: Giới thiệu\n---\n\nNội dung gốc.\n")
    _write(docs / "en/gioi-thieu.md", "---\ntitle: About\n---\n\nTranslated text.\n")
    _write(docs / "vi/lien-he.md", "---\ntitle: Liên hệ\n---\n\nGọi 111.\n")
    _write(docs / "vi/tin-bai/posts/bai-a.md", "---\ntitle: Bài A\ndate: 2025-06-28\n---\n\nA.\n")
    _write(docs / "en/tin-bai/posts/bai-a.md", "---\ntitle: Article A\n---\n\nA.\n")
    layout = ContentLayout(tmp_path)
    staff_translation_files.mark_up_to_date(docs / "vi/gioi-thieu.md", docs / "en/gioi-thieu.md")
    staff_translation_files.mark_up_to_date(docs / "vi/tin-bai/posts/bai-a.md",
                                 docs / "en/tin-bai/posts/bai-a.md")
    # The original changes after the translation: now outdated.
    _write(docs / "vi/tin-bai/posts/bai-a.md",
           "---\ntitle: Bài A (sửa)\ndate: 2025-06-28\n---\n\nA, thêm một câu.\n")
    return layout


ORIGINAL = ("---\ntitle: Ngày Gia đình Việt Nam\ndate: 2025-06-28\ntags: [gia-dinh]\n---\n\n"
            "Sở tổ chức nhiều hoạt động gắn kết các thế hệ.\n\nĐoạn hai không đổi.\n")
EDITED = ("---\ntitle: Ngày Gia đình Việt Nam 2025\ndate: 2025-06-28\ntags: [gia-dinh]\n---\n\n"
          "Sở tổ chức ba hoạt động gắn kết các thế hệ.\n\nĐoạn hai không đổi.\n")


@pytest.fixture()
def repo(tmp_path):
    """A git project: an article (vi T1, en T2), a page with no translation."""
    docs = tmp_path / "docs"
    _git(tmp_path, "init", "-q")
    _write(docs / "vi/tin-bai/posts/ngay-gia-dinh.md", ORIGINAL)
    _write(docs / "vi/lien-he.md", "---\ntitle: Liên hệ\n---\n\nGọi **111**.\n")
    _commit(tmp_path, "Bài gốc", T1)
    _write(docs / "en/tin-bai/posts/ngay-gia-dinh.md",
           "---\ntitle: Vietnam Family Day\nsummary: Events.\n---\n\nThe department holds "
           "many events.\n\nParagraph two.\n")
    _commit(tmp_path, "Bản dịch", T2)
    return ContentLayout(tmp_path)


# --- Up to date or not ----------------------------------------------------------------

def test_a_brand_new_translation_is_up_to_date_without_mark(repo):
    items = {i.id: i for i in staff_translations.report(repo)}
    article = items["tin-bai/posts/ngay-gia-dinh"]
    assert (article.status, article.basis, article.change) == ("translated", "git", None)
    assert items["lien-he"].status == "missing"


def test_an_original_edited_after_its_translation_is_outdated_with_the_changed_words(repo):
    _write(repo.docs / "vi/tin-bai/posts/ngay-gia-dinh.md", EDITED)
    _commit(repo.root, "Sửa bản gốc", T3)
    article = {i.id: i for i in staff_translations.report(repo)}["tin-bai/posts/ngay-gia-dinh"]
    assert (article.status, article.basis) == ("outdated", "git")
    assert article.command == ("python3 make.py translations --mark "
                               "docs/en/tin-bai/posts/ngay-gia-dinh.md")
    fields = {k: worddiff.as_terminal(v) for k, v in article.change.fields.items()}
    assert fields == {
        "title": ["Ngày Gia đình Việt Nam{+ 2025+}"],
        "body": ["Sở tổ chức [-nhiều-]{+ba+} hoạt động gắn kết các thế hệ.",
                 "Đoạn hai không đổi."],
    }
    text = _run(repo.root).stdout
    base = article.change.base
    assert (
        "Cần cập nhật / Outdated (1)\n"
        "  Bài viết / Articles\n"
        "    docs/en/tin-bai/posts/ngay-gia-dinh.md\n"
        "      bản gốc / original: docs/vi/tin-bai/posts/ngay-gia-dinh.md\n"
        f"      bản gốc đã đổi so với bản ngày 6/1/2026 (commit {base}) / changed in the "
        f"original since its version of 6 January 2026 (commit {base}):\n"
        "        title: Ngày Gia đình Việt Nam{+ 2025+}\n"
        "        nội dung / body:\n"
        "          Sở tổ chức [-nhiều-]{+ba+} hoạt động gắn kết các thế hệ.\n"
        "          Đoạn hai không đổi.\n"
        "      sửa xong thì đánh dấu / when edited, mark it: python3 make.py translations "
        "--mark docs/en/tin-bai/posts/ngay-gia-dinh.md\n"
    ) in text
    # Editing the translation afterwards brings it up to date, with or without --mark.
    _write(repo.docs / "en/tin-bai/posts/ngay-gia-dinh.md",
           "---\ntitle: Vietnam Family Day 2025\nsummary: Events.\n---\n\nThree events.\n")
    _commit(repo.root, "Cập nhật bản dịch", "2026-01-08T09:00:00+07:00")
    assert _states(repo)["tin-bai/posts/ngay-gia-dinh"] == "translated"


def test_a_later_change_of_shared_fields_only_keeps_the_translation_up_to_date(repo):
    _write(repo.docs / "vi/tin-bai/posts/ngay-gia-dinh.md",
           ORIGINAL.replace("tags: [gia-dinh]", "tags: [gia-dinh, tre-em]"))
    _commit(repo.root, "Thêm thẻ", T3)
    assert _states(repo)["tin-bai/posts/ngay-gia-dinh"] == "translated"


def test_an_uncommitted_edit_is_dated_by_its_modification_time(repo):
    original = repo.docs / "vi/tin-bai/posts/ngay-gia-dinh.md"
    _write(original, EDITED)  # not committed: dated now, after the translation's commit
    article = {i.id: i for i in staff_translations.report(repo)}["tin-bai/posts/ngay-gia-dinh"]
    assert (article.status, article.basis) == ("outdated", "git+mtime")
    assert "{+ 2025+}" in worddiff.as_terminal(article.change.fields["title"])[0]


def test_a_marked_translation_is_compared_with_the_version_it_was_marked_against(repo):
    original = repo.docs / "vi/tin-bai/posts/ngay-gia-dinh.md"
    translation = repo.docs / "en/tin-bai/posts/ngay-gia-dinh.md"
    staff_translation_files.mark_up_to_date(original, translation)
    _commit(repo.root, "Đánh dấu", T2)
    _write(original, EDITED)
    _commit(repo.root, "Sửa bản gốc", T3)
    # Touched after the original, but the recorded hash decides: still outdated.
    _write(translation, translation.read_text("utf-8") + "\nMore.\n")
    _commit(repo.root, "Sửa bản dịch", "2026-01-08T09:00:00+07:00")
    article = {i.id: i for i in staff_translations.report(repo)}["tin-bai/posts/ngay-gia-dinh"]
    assert (article.status, article.basis) == ("outdated", "source_hash")
    assert worddiff.as_terminal(article.change.fields["title"]) == [
        "Ngày Gia đình Việt Nam{+ 2025+}"]
    assert _run(repo.root, "--mark", str(translation)).returncode == 0
    assert _states(repo)["tin-bai/posts/ngay-gia-dinh"] == "translated"


def test_without_git_file_times_decide_and_the_report_says_so(tmp_path):
    docs = tmp_path / "docs"
    _write(docs / "vi/gioi-thieu.md", "---\ntitle: Giới thiệu\n---\n\nNội dung gốc.\n")
    _write(docs / "en/gioi-thieu.md", "---\ntitle: About\n---\n\nAbout us.\n")
    os.utime(docs / "vi/gioi-thieu.md", (1_700_000_000, 1_700_000_000))
    os.utime(docs / "en/gioi-thieu.md", (1_700_000_100, 1_700_000_100))
    layout = ContentLayout(tmp_path)
    result = staff_translations.full_report(layout)
    assert [(i.status, i.basis) for i in result.items] == [("translated", "mtime")]
    assert result.note == ("không có lịch sử git: so theo thời gian sửa tệp / "
                           "no git history: file modification times are compared")
    os.utime(docs / "vi/gioi-thieu.md", (1_700_000_200, 1_700_000_200))
    item = staff_translations.report(layout)[0]
    assert (item.status, item.basis, item.change.base) == ("outdated", "mtime", None)
    assert _run(tmp_path).stdout == (
        "0 bản chưa dịch, 1 bản cần cập nhật, 0 bản đã theo kịp / "
        "0 missing, 1 outdated, 0 up to date\n"
        "Lưu ý / note: không có lịch sử git: so theo thời gian sửa tệp / "
        "no git history: file modification times are compared\n"
        "\n"
        "Cần cập nhật / Outdated (1)\n"
        "  Trang / Pages\n"
        "    docs/en/gioi-thieu.md\n"
        "      bản gốc / original: docs/vi/gioi-thieu.md\n"
        "      không có lịch sử git nên không chỉ ra được chỗ thay đổi; hãy so bản dịch với "
        "toàn bộ bản gốc / no git history, so what changed cannot be shown; compare the "
        "whole original\n"
        "      sửa xong thì đánh dấu / when edited, mark it: python3 make.py translations "
        "--mark docs/en/gioi-thieu.md\n"
        "\n"
        "Đã theo kịp / Up to date (0): xem danh sách / list them: "
        "python3 make.py translations --all\n")


def test_a_shallow_clone_cannot_date_its_first_commit_and_says_so(repo, tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo.root}", str(clone)],
                   check=True, capture_output=True)
    result = staff_translations.full_report(ContentLayout(clone))
    article = {i.id: i for i in result.items}["tin-bai/posts/ngay-gia-dinh"]
    assert article.status == "outdated"
    assert article.note.startswith("không biết bản dịch làm trước hay sau lần sửa bản gốc "
                                   "gần nhất (bản sao git nông)")
    assert result.note.startswith("bản sao git nông (shallow clone)")
    # An original committed after the clone's first commit is newer: at least these changes.
    _write(clone / "docs/vi/tin-bai/posts/ngay-gia-dinh.md", EDITED)
    _commit(clone, "Sửa bản gốc", T3)
    article = {i.id: i for i in staff_translations.report(ContentLayout(clone))}[
        "tin-bai/posts/ngay-gia-dinh"]
    assert article.status == "outdated"
    assert article.note.startswith("bản sao git nông: bản gốc có thể còn đổi cả trước")
    assert worddiff.as_terminal(article.change.fields["title"]) == [
        "Ngày Gia đình Việt Nam{+ 2025+}"]
    # A translation committed after the clone's first commit is dated: up to date.
    _write(clone / "docs/en/tin-bai/posts/ngay-gia-dinh.md", "---\ntitle: Family Day\n"
           "summary: Events.\n---\n\nText.\n")
    _commit(clone, "Bản dịch mới", "2026-01-08T09:00:00+07:00")
    assert _states(ContentLayout(clone))["tin-bai/posts/ngay-gia-dinh"] == "translated"


# --- The report ---------------------------------------------------------------------

def test_missing_first_with_its_command_then_a_count_of_up_to_date(repo):
    assert _run(repo.root).stdout == (
        "1 bản chưa dịch, 0 bản cần cập nhật, 1 bản đã theo kịp / "
        "1 missing, 0 outdated, 1 up to date\n"
        "\n"
        "Chưa dịch / Missing (1)\n"
        "  Trang / Pages\n"
        "    docs/en/lien-he.md\n"
        "      tạo tệp để dịch / create the file to translate: python3 make.py translations "
        "--new docs/en/lien-he.md\n"
        "\n"
        "Đã theo kịp / Up to date (1): xem danh sách / list them: "
        "python3 make.py translations --all\n")
    listed = _run(repo.root, "--all").stdout
    assert listed.endswith("Đã theo kịp / Up to date (1)\n  Bài viết / Articles\n"
                           "    docs/en/tin-bai/posts/ngay-gia-dinh.md\n")


def test_summary_line_and_json_order(project):
    items = staff_translations.report(project)
    assert staff_translation_output.summary_line(items) == (
        "1 bản chưa dịch, 1 bản cần cập nhật, 1 bản đã theo kịp / "
        "1 missing, 1 outdated, 1 up to date")
    data = json.loads(_run(project.root, "--format", "json").stdout)
    assert list(data) == ["summary", "items"]
    assert data["summary"] == {
        "text": staff_translation_output.summary_line(items),
        "missing": 1, "outdated": 1, "orphan": 0,
        "translated": 1, "total": 3,
        "note": "không có lịch sử git: so theo thời gian sửa tệp / "
                "no git history: file modification times are compared"}
    assert [(d["status"], d["translation"]) for d in data["items"]] == [
        ("missing", "docs/en/lien-he.md"),
        ("outdated", "docs/en/tin-bai/posts/bai-a.md"),
        ("translated", "docs/en/gioi-thieu.md"),
    ]


def test_the_word_diff_keeps_a_few_words_and_lines_of_context():
    old = " ".join(f"w{n}" for n in range(40)) + "\n\nx\n\ny\n\nz\n\nkept.\n"
    new = old.replace("w20", "W20").replace("kept.", "kept, changed.")
    assert worddiff.as_terminal(worddiff.diff(old, new)) == [
        "… w14 w15 w16 w17 w18 w19 [-w20-]{+W20+} w21 w22 w23 w24 w25 w26 …",
        "x", "⋮", "z", "kept{+, changed+}."]
    assert worddiff.as_html(worddiff.diff("a <b>", "a <c>")) == [
        "a &lt;<del>b</del><ins>c</ins>&gt;"]


def test_shared_metadata_change_does_not_outdate_a_translation(project):
    original = project.docs / "vi/gioi-thieu.md"
    original.write_text("---\ntitle: Giới thiệu\ntags: [gia-dinh]\n---\n\nNội dung gốc.\n",
                        "utf-8")
    assert _states(project)["gioi-thieu"] == "translated"


def test_new_writes_a_file_to_translate_that_stays_missing_until_written(repo):
    path = repo.docs / "en/lien-he.md"
    result = _run(repo.root, "--new", str(path))
    assert result.returncode == 0, result.stderr
    assert path.read_text("utf-8") == (
        "---\ntitle: 'TO WRITE: Liên hệ'\n---\n\nTO WRITE: dịch đoạn dưới đây rồi xoá dòng "
        "này / translate the text below, then delete this line.\n\nGọi **111**.\n")
    item = {i.id: i for i in staff_translations.report(repo)}["lien-he"]
    assert (item.status, item.command) == ("missing", None)
    assert item.note == ("bản dịch còn dòng TO WRITE chưa viết / the translation still has "
                         "TO WRITE lines")
    assert _run(repo.root, "--new", str(path)).returncode == 2  # never overwrites
    _write(path, "---\ntitle: Contact\n---\n\nCall **111**.\n")
    assert _states(repo)["lien-he"] == "translated"


def test_mark_changes_only_the_hash_line(project):
    path = project.docs / "en/tin-bai/posts/bai-a.md"
    before = path.read_text("utf-8").splitlines()
    result = _run(project.root, "--mark", str(path))
    assert result.returncode == 0, result.stderr
    after = path.read_text("utf-8").splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert len(changed) == 1 and changed[0][1].startswith("source_hash: ")
    assert _states(project)["tin-bai/posts/bai-a"] == "translated"


def test_mark_refuses_a_file_without_original_and_changes_nothing(project):
    path = project.docs / "en/khong-co-goc.md"
    _write(path, "---\ntitle: Orphan\n---\n\nText.\n")
    before = path.read_bytes()
    result = _run(project.root, "--mark", str(path))
    assert result.returncode == 2
    assert "không tìm thấy bản dịch và bản gốc tương ứng" in result.stderr
    assert path.read_bytes() == before


def test_staff_page_lists_actionable_items_with_their_diff(repo):
    _write(repo.docs / "vi/tin-bai/posts/ngay-gia-dinh.md", EDITED)
    _commit(repo.root, "Sửa bản gốc", T3)
    result = staff_translations.full_report(repo)
    page = staff_translation_output.as_markdown(result.items, "vi", result.note)
    assert ("**1 bản chưa dịch, 1 bản cần cập nhật, 0 bản đã theo kịp / 1 missing, "
            "1 outdated, 0 up to date**") in page
    assert page.index("## Chưa dịch / Missing (1)") < page.index("## Cần cập nhật / Outdated")
    assert ("<p><strong>title</strong><br>\nNgày Gia đình Việt Nam<ins> 2025</ins></p>\n"
            "<p><strong>nội dung / body</strong><br>\n"
            "Sở tổ chức <del>nhiều</del><ins>ba</ins> hoạt động gắn kết các thế hệ.<br>\n"
            "Đoạn hai không đổi.</p>\n</div>\n\nsửa xong thì đánh dấu / when edited, mark it: "
            "`python3 make.py translations --mark docs/en/tin-bai/posts/ngay-gia-dinh.md`"
            ) in page


def test_staff_page_is_built_hidden_from_search_and_robots(built_site):
    html = (built_site / "noi-bo/ban-dich/index.html").read_text("utf-8")
    assert '<meta name="robots" content="noindex">' in html
    assert "bản đã theo kịp /" in html
    nav = (built_site / "index.html").read_text("utf-8")
    assert "noi-bo/ban-dich" not in nav
