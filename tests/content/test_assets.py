"""Photos and materials stored once: how each language's build finds them (content/assets.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from noidung.content import assets
from noidung.content.layout import ContentLayout

POST = "tin-bai/posts/hoi-nghi.md"


@pytest.fixture()
def layout(tmp_path: Path) -> ContentLayout:
    for rel, data in {
        "docs/vi/tin-bai/posts/hoi-nghi.md": b"---\n---\n",
        "docs/vi/tin-bai/posts/anh/hoi-nghi.jpg": b"vi photo",
        "docs/vi/tin-bai/posts/anh/so-do.png": b"vi chart",
        "docs/vi/tin-bai/posts/.an/bi-mat.jpg": b"hidden",
        "docs/vi/tap-huan/tai-lieu/phieu.pdf": b"%PDF",
        "docs/en/tin-bai/posts/hoi-nghi.md": b"---\n---\n",
        "docs/en/tin-bai/posts/anh/so-do.png": b"en chart",
    }.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return ContentLayout(tmp_path)


def test_a_language_finds_its_own_file_first_then_the_originals(layout):
    files = assets.language_files(layout, "en", "vi")
    photo = assets.resolve(files, POST, "anh/hoi-nghi.jpg")
    chart = assets.resolve(files, POST, "anh/so-do.png#top")
    assert photo and photo.lang == "vi" and photo.path.read_bytes() == b"vi photo"
    assert chart and chart.lang == "en" and chart.path.read_bytes() == b"en chart"
    assert assets.resolve(files, POST, "anh/khong-co.jpg") is None
    # Pages and hidden folders are not files to copy.
    assert "tin-bai/posts/hoi-nghi.md" not in files
    assert "tin-bai/posts/.an/bi-mat.jpg" not in files


def test_shared_files_are_what_the_translation_lacks(layout):
    assert assets.shared_files(layout, "en", "vi") == {
        "tap-huan/tai-lieu/phieu.pdf": layout.root / "docs/vi/tap-huan/tai-lieu/phieu.pdf",
        "tin-bai/posts/anh/hoi-nghi.jpg": layout.root / "docs/vi/tin-bai/posts/anh/hoi-nghi.jpg",
    }
    assert assets.shared_files(layout, "vi", "vi") == {}


@pytest.mark.parametrize(("reference", "uri"), [
    ("anh/hoi-nghi.jpg", "tin-bai/posts/anh/hoi-nghi.jpg"),
    ("./anh/h%E1%BB%99i.jpg?v=1#x", "tin-bai/posts/anh/hội.jpg"),
    ("../../tap-huan/tai-lieu/phieu.pdf", "tap-huan/tai-lieu/phieu.pdf"),
    ("../../../ngoai.jpg", None),
    ("/tin-bai/anh/a.jpg", None),
    ("https://example.org/a.jpg", None),
])
def test_target_uri_is_mkdocs_rule(reference, uri):
    assert assets.target_uri(POST, reference) == uri


def test_file_references_are_not_pages_folders_or_addresses():
    assert assets.is_file_reference("anh/a.JPG")
    assert assets.is_file_reference("tai-lieu/phieu.pdf#page=2")
    assert not assets.is_file_reference("gioi-thieu.md")
    assert not assets.is_file_reference("tap-huan/")
    assert not assets.is_file_reference("https://example.org/a.jpg")


def test_case_and_close_suggestions(layout):
    files = assets.language_files(layout, "en", "vi")
    assert assets.same_but_case(files, POST, "anh/Hoi-Nghi.JPG") == "anh/hoi-nghi.jpg"
    assert assets.same_but_case(files, POST, "anh/hoi-nghi.jpg") is None
    assert assets.close_references(files, POST, "anh/hoi-ngi.jpg")[0] == "anh/hoi-nghi.jpg"
    assert assets.close_references(files, POST, "hoi-nghi.jpg")[0] == "anh/hoi-nghi.jpg"


@pytest.mark.parametrize(("name", "better"), [
    ("Ảnh Hội nghị.JPG", "anh-hoi-nghi.jpg"),
    ("anh hoi nghi.jpg", "anh-hoi-nghi.jpg"),
    ("Đường_dây 111.PDF", "duong-day-111.pdf"),
    ("anh-hoi-nghi.jpg", None),
    ("bang_2025.csv", None),
])
def test_name_problem_gives_the_ascii_name(name, better):
    assert assets.name_problem(name) == better


def test_limits_and_sizes():
    assert assets.size_limit("a.JPG") == ("image", 2 * 1024 * 1024)
    assert assets.size_limit("a.md") == ("markdown", 200 * 1024)
    assert assets.size_limit("a.pdf") == ("material", 10 * 1024 * 1024)
    size = int(3.4 * 1024 * 1024)
    assert assets.format_size(size, "vi") == "3,4 MB"
    assert assets.format_size(size, "en") == "3.4 MB"
    assert assets.format_size(2 * 1024 * 1024, "vi") == "2 MB"
    assert assets.format_size(250 * 1024, "en") == "250 KB"
    assert assets.home_folder("vi", POST) == "docs/vi/tin-bai/posts/anh/"


def test_what_is_no_url_is_no_file_reference():
    assert not assets.is_file_reference("http://[::1.png")
    assert assets.target_uri(POST, "http://[::1.png") is None
