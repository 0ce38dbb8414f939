"""`noidung translations`: translated, missing and outdated items, in text and JSON."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from noidung.content.layout import ContentLayout
from noidung.staff import translations


def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


@pytest.fixture()
def project(tmp_path):
    docs = tmp_path / "docs"
    _write(docs / "vi/gioi-thieu.md", "---\ntitle: Giới thiệu\n---\n\nNội dung gốc.\n")
    _write(docs / "en/gioi-thieu.md", "---\ntitle: About\n---\n\nTranslated text.\n")
    _write(docs / "vi/lien-he.md", "---\ntitle: Liên hệ\n---\n\nGọi 111.\n")
    _write(docs / "vi/tin-bai/posts/bai-a.md", "---\ntitle: Bài A\ndate: 2025-06-28\n---\n\nA.\n")
    _write(docs / "en/tin-bai/posts/bai-a.md", "---\ntitle: Article A\n---\n\nA.\n")
    layout = ContentLayout(tmp_path)
    translations.mark_up_to_date(docs / "vi/gioi-thieu.md", docs / "en/gioi-thieu.md")
    translations.mark_up_to_date(docs / "vi/tin-bai/posts/bai-a.md",
                                 docs / "en/tin-bai/posts/bai-a.md")
    # The original changes after the translation: now outdated.
    _write(docs / "vi/tin-bai/posts/bai-a.md",
           "---\ntitle: Bài A (sửa)\ndate: 2025-06-28\n---\n\nA, thêm một câu.\n")
    return layout


def test_report_has_one_item_of_each_state(project):
    states = {(i.kind, i.id): i.status for i in translations.report(project)}
    assert states == {
        ("page", "gioi-thieu"): "translated",
        ("page", "lien-he"): "missing",
        ("article", "tin-bai/posts/bai-a"): "outdated",
    }


def test_shared_metadata_change_does_not_outdate_a_translation(project):
    original = project.docs / "vi/gioi-thieu.md"
    original.write_text("---\ntitle: Giới thiệu\ntags: [gia-dinh]\n---\n\nNội dung gốc.\n",
                        "utf-8")
    states = {i.id: i.status for i in translations.report(project)}
    assert states["gioi-thieu"] == "translated"


def test_text_and_json_output_of_the_command(project):
    run = [sys.executable, "-m", "noidung", "--root", str(project.root), "translations"]
    text = subprocess.run(run, capture_output=True, text=True, check=True).stdout
    assert "đã dịch / translated" in text and "docs/en/gioi-thieu.md" in text
    assert "chưa dịch / missing" in text and "docs/en/lien-he.md" in text
    assert "cần cập nhật / outdated" in text and "docs/en/tin-bai/posts/bai-a.md" in text
    data = json.loads(subprocess.run(run + ["--format", "json"], capture_output=True,
                                     text=True, check=True).stdout)
    assert sorted(d["status"] for d in data) == ["missing", "outdated", "translated"]


def test_mark_changes_only_the_hash_line(project):
    path = project.docs / "en/tin-bai/posts/bai-a.md"
    before = path.read_text("utf-8").splitlines()
    run = [sys.executable, "-m", "noidung", "--root", str(project.root), "translations",
           "--mark", str(path)]
    result = subprocess.run(run, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    after = path.read_text("utf-8").splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert len(changed) == 1 and changed[0][1].startswith("source_hash: ")
    states = {i.id: i.status for i in translations.report(project)}
    assert states["tin-bai/posts/bai-a"] == "translated"


def test_mark_refuses_a_file_without_original_and_changes_nothing(project):
    path = project.docs / "en/khong-co-goc.md"
    _write(path, "---\ntitle: Orphan\n---\n\nText.\n")
    before = path.read_bytes()
    run = [sys.executable, "-m", "noidung", "--root", str(project.root), "translations",
           "--mark", str(path)]
    result = subprocess.run(run, capture_output=True, text=True)
    assert result.returncode == 2
    assert "không tìm thấy bản dịch và bản gốc tương ứng" in result.stderr
    assert path.read_bytes() == before


def test_staff_page_is_built_hidden_from_search_and_robots(built_site):
    html = (built_site / "noi-bo/ban-dich/index.html").read_text("utf-8")
    assert '<meta name="robots" content="noindex">' in html
    nav = (built_site / "index.html").read_text("utf-8")
    assert "noi-bo/ban-dich" not in nav
