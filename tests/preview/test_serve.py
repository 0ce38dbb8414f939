"""`noidung serve`: one preview of both languages from the project folder, as staff start it.

Each test runs the real command on a copy of the project (tests/support/preview.py) and
reads what it serves and what it prints.
"""

from __future__ import annotations

import json
import re
import time
import urllib.parse

from noidung.cli import LANG_GONE
from noidung.preview.server import BANNER
from tests.support.preview import get, running_preview
from tests.support.sitecopy import copy_project

ARTICLE = "tin-bai/posts/tong-dai-111.md"
ARTICLE_URL = "/tin-bai/2024/06/tong-dai-111/"


def _edit(path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{path} no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def _switch_href(html: str, lang: str) -> str:
    """The language switcher's link to `lang` (an <a>, not the <link rel=alternate>)."""
    found = re.search(rf'<a href="([^"]+)" hreflang="{lang}"', html)
    assert found, f"no switcher link to {lang}"
    return found.group(1)


def _problems(preview, path: str) -> dict:
    query = urllib.parse.urlencode({"path": path})
    return json.loads(get(f"{preview.base}/_preview/problems?{query}"))


def _assert_only_our_messages(output: str) -> None:
    assert "not included in the" not in output
    assert "Traceback" not in output
    assert "INFO" not in output and "WARNING" not in output
    assert "Serving on" not in output  # MkDocs' own line: ours says where each language is


def test_preview_serves_both_languages_on_one_port_and_shows_edits(tmp_path):
    # A copy, so the edits never touch the real content; the command runs in its folder
    # with a relative config path, as staff run it.
    project = copy_project(tmp_path / "project")
    with running_preview(project) as preview:
        ready = (f"Đang xem thử tại / previewing at Tiếng Việt {preview.base}/, English "
                 f"{preview.base}/en/ (Ctrl+C để dừng / to stop)")
        assert preview.wait_for_output(ready, 180), preview.output[-3000:]
        assert preview.output.startswith(BANNER + "\n")
        assert (f"Nhật ký chi tiết / detailed log: {project}/.cache/preview/preview.log"
                in preview.output)
        assert '<html lang="vi"' in get(f"{preview.base}/")
        assert '<html lang="en"' in get(f"{preview.base}/en/")

        # The language switch leads from a Vietnamese page to its English twin and back.
        vi_page = f"{preview.base}/lien-he/"
        en_page = urllib.parse.urljoin(vi_page, _switch_href(get(vi_page), "en"))
        assert en_page == f"{preview.base}/en/lien-he/"
        assert "Reporting a case" in get(en_page)
        back = urllib.parse.urljoin(en_page, _switch_href(get(en_page), "vi"))
        assert back == vi_page
        assert "<h1" in get(back) and "Liên hệ" in get(back)
        # Each language's own 404 page.
        assert '<html lang="en"' in get(f"{preview.base}/en/khong-co-trang-nay/")
        assert '<html lang="vi"' in get(f"{preview.base}/khong-co-trang-nay/")

        # An English page's edit, then a Vietnamese one: each re-rendered alone.
        page = project / "docs/en/lien-he.md"
        page.write_text(page.read_text("utf-8") + "\nPreview marker xyzzy.\n", "utf-8")
        started = time.monotonic()
        assert preview.wait_for_page("/en/lien-he/", "Preview marker xyzzy", 60)
        print(f"\n[serve] edit to preview: {time.monotonic() - started:.1f} s "
              "(this small site, live reload)")
        assert preview.wait_for_output("Đã cập nhật / updated in", 10)
        assert re.search(r"Đã cập nhật / updated in \d+\.\d\d s: /en/lien-he/\n",
                         preview.output)
        # The Vietnamese original of an article holds its shared metadata (tags here):
        # its edit updates the English page too.
        assert 'md-tag">Family' not in get(f"{preview.base}/en{ARTICLE_URL}")
        _edit(project / "docs/vi" / ARTICLE, "  - bao-ve-tre-em\n---",
              "  - bao-ve-tre-em\n  - gia-dinh\n---")
        assert preview.wait_for_page(f"/en{ARTICLE_URL}", 'md-tag">Family', 30), \
            preview.output[-3000:]
        assert preview.wait_for_page(ARTICLE_URL, 'md-tag">Gia đình', 30)
        assert preview.wait_for_output("Kiểm tra: không có lỗi / check: no problems", 30)
        _assert_only_our_messages(preview.output)


def test_preview_reports_problems_of_both_languages_files_for_the_page(tmp_path):
    # Staff break the English file while previewing the Vietnamese page: the validator
    # checks the twin too, the terminal and the page's banner say where.
    project = copy_project(tmp_path / "project")
    with running_preview(project, "--lang", "en") as preview:
        assert preview.wait_for_output("Đang xem thử tại", 180), preview.output[-3000:]
        assert preview.output.startswith(LANG_GONE + "\n")
        assert _problems(preview, "/lien-he/")["problems"] == []
        _edit(project / "docs/vi/lien-he.md", "title: Liên hệ", "title: [Liên hệ")
        # The line where the '[' opens, not the next one where the parser gave up.
        message = ("docs/vi/lien-he.md:2:8: [LỖI / ERROR] «title»: dấu «[» mở ở dòng này nhưng "
                   "không có «]» đóng")
        assert preview.wait_for_output(message, 60), preview.output[-3000:]
        _edit(project / "docs/en/lien-he.md", "title: Contact", "title: [Contact")
        assert preview.wait_for_output("  docs/en/lien-he.md:3:8: [LỖI / ERROR] «title»: dấu "
                                       "«[» mở ở dòng này", 60), preview.output[-3000:]
        # The banner of either language's page lists both files, Vietnamese first.
        for path in ("/lien-he/", "/en/lien-he/"):
            report = _problems(preview, path)
            assert [p["where"] for p in report["problems"]] == [
                "docs/vi/lien-he.md:2", "docs/en/lien-he.md:3"]
            assert report["title_vi"] == "Tệp nguồn của trang này có 2 lỗi"
            assert report["title_en"] == "This page's source files have 2 errors"
            assert report["problems"][0]["hint_vi"] == 'sửa dòng 2 thành «title: "[Liên hệ"»'
        assert _problems(preview, "/gioi-thieu/")["problems"] == []
        # Fixed: the next check clears the file's problems.
        _edit(project / "docs/vi/lien-he.md", "title: [Liên hệ", "title: Liên hệ")
        assert preview.wait(lambda: [p["where"] for p in _problems(preview, "/lien-he/")[
            "problems"]] == ["docs/en/lien-he.md:3"], 60), preview.output[-3000:]
        _assert_only_our_messages(preview.output)


def test_page_that_cannot_be_rendered_shows_on_the_page_and_the_log_has_the_traceback(
        tmp_path):
    project = copy_project(tmp_path / "project")
    log = project / ".cache/preview/preview.log"
    with running_preview(project) as preview:
        assert preview.wait_for_output("Đang xem thử tại", 180), preview.output[-3000:]
        article = project / "docs/vi" / ARTICLE
        _edit(article, "  - so-lao-dong-thuong-binh-xa-hoi", "  - don-vi-khong-co")
        assert preview.wait_for_output(f"Chi tiết / details: {log}", 60), preview.output[-3000:]
        assert (f"LỖI / ERROR: không dựng được docs/vi/{ARTICLE} (en); trang cũ vẫn hiển thị / "
                "could not render it (en); the previous version stays:" in preview.output)
        internal = _problems(preview, f"/en{ARTICLE_URL}")["problems"][0]
        assert internal["where"] == f"docs/vi/{ARTICLE}"
        assert internal["rule"] == "internal-error"
        assert internal["hint_vi"] == f"sửa tệp rồi lưu lại; chi tiết lỗi ghi trong {log}"
        assert "Traceback" in log.read_text("utf-8")
        _edit(article, "  - don-vi-khong-co", "  - so-lao-dong-thuong-binh-xa-hoi")
        assert preview.wait(lambda: not _problems(preview, f"/en{ARTICLE_URL}")["problems"]
                            and not _problems(preview, ARTICLE_URL)["problems"], 60), \
            preview.output[-3000:]
        _assert_only_our_messages(preview.output)


def test_preview_that_cannot_build_says_so_and_recovers_after_the_fix(tmp_path):
    project = copy_project(tmp_path / "project")
    article = project / "docs/vi" / ARTICLE
    good = article.read_text("utf-8")
    article.write_text(good.replace("date: 2024-06-10", "date: [2024-06-10", 1), "utf-8")
    with running_preview(project) as preview:
        assert preview.wait_for_output(f"docs/vi/{ARTICLE}:5:7: [LỖI / ERROR] «date»: "
                                       "dấu «[» mở ở dòng này", 120)
        assert ("LỖI / ERROR: không dựng được trang / the site could not be built:"
                in preview.output)
        assert "Chưa dựng được trang" in get(f"{preview.base}/")
        assert "Chưa dựng được trang" in get(f"{preview.base}/en/")
        article.write_text(good, "utf-8")
        assert preview.wait_for_page("/lien-he/", "Liên hệ", 120), preview.output[-3000:]
        assert preview.wait_for_page("/en/lien-he/", "Reporting a case", 120)
        _assert_only_our_messages(preview.output)
