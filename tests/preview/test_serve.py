"""`noidung serve`: the preview starts from the project folder and shows an edit."""

from __future__ import annotations

import time

from tests.support.preview import get, running_preview
from tests.support.sitecopy import copy_project


def test_preview_serves_one_language_and_shows_an_edit(tmp_path):
    # A copy, so the edit never touches the real content; the command runs in its folder
    # with a relative config path, as staff run it.
    project = copy_project(tmp_path / "project")
    with running_preview(project, "--lang", "en") as preview:
        assert preview.wait_for_page("/lien-he/", "Reporting a case", 120), "serve did not start"
        page = project / "docs/en/lien-he.md"
        page.write_text(page.read_text("utf-8") + "\nPreview marker xyzzy.\n", "utf-8")
        started = time.monotonic()
        assert preview.wait_for_page("/lien-he/", "Preview marker xyzzy", 60)
        print(f"\n[serve] edit to preview: {time.monotonic() - started:.1f} s "
              "(this small site, live reload)")


def test_preview_reports_broken_metadata_and_keeps_serving(tmp_path):
    # Staff break a page's front matter: the terminal says where (the validator's message,
    # Vietnamese first), and the preview goes on showing the next edit.
    project = copy_project(tmp_path / "project")
    with running_preview(project) as preview:
        assert preview.wait_for_page("/lien-he/", "Liên hệ", 120), "serve did not start"
        page = project / "docs/vi/lien-he.md"
        page.write_text(page.read_text("utf-8").replace("title: Liên hệ", "title: [Liên hệ", 1),
                        "utf-8")
        # The line where the '[' opens, not the next one where the parser gave up.
        message = ("docs/vi/lien-he.md:2:8: [LỖI / ERROR] «title»: dấu «[» mở ở dòng này nhưng "
                   "không có «]» đóng")
        assert preview.wait_for_output(message, 60), preview.output[-3000:]
        other = project / "docs/vi/gioi-thieu.md"
        other.write_text(other.read_text("utf-8") + "\nVẫn xem thử được.\n", "utf-8")
        assert preview.wait_for_page("/gioi-thieu/", "Vẫn xem thử được.", 30), \
            preview.output[-3000:]


def test_preview_that_cannot_build_says_so_and_recovers_after_the_fix(tmp_path):
    project = copy_project(tmp_path / "project")
    article = project / "docs/vi/tin-bai/posts/tong-dai-111.md"
    good = article.read_text("utf-8")
    article.write_text(good.replace("date: 2024-06-10", "date: [2024-06-10", 1), "utf-8")
    with running_preview(project) as preview:
        assert preview.wait_for_output("docs/vi/tin-bai/posts/tong-dai-111.md:5:7: "
                                       "[LỖI / ERROR] «date»: dấu «[» mở ở dòng này", 120)
        assert ("LỖI / ERROR: không dựng được trang / the site could not be built:"
                in preview.output)
        assert "Chưa dựng được trang" in get(f"{preview.base}/")
        article.write_text(good, "utf-8")
        assert preview.wait_for_page("/lien-he/", "Liên hệ", 120), preview.output[-3000:]
