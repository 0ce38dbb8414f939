"""`noidung serve` in a browser: an open page reloads itself with the edit, and shows the
problems of its source files (both languages) in a banner at its top until they are fixed."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from tests.support.preview import get, running_preview
from tests.support.sitecopy import copy_project

pytestmark = pytest.mark.browser

BANNER = "#noidung-preview-problems"
#: Screenshots of the banner, kept for a person to look at (set PREVIEW_SCREENSHOTS).
SCREENSHOTS = os.environ.get("PREVIEW_SCREENSHOTS")


def _ready(preview) -> None:
    assert preview.wait_for_output("Đang xem thử tại", 180), preview.output[-3000:]


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{path} no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def _lines(locator) -> list[str]:
    """The banner's text as a reader sees it, line by line (blank lines left out)."""
    return [line.strip() for line in locator.inner_text().splitlines() if line.strip()]


def _banner_gone_after_reload(page) -> bool:
    """Reload the page, let its script ask for the problems once, and say if it shows none."""
    with page.expect_response(lambda r: "/_preview/problems?" in r.url):
        page.reload()
    page.wait_for_timeout(300)  # the script renders what it got
    return page.locator(BANNER).count() == 0


def _screenshot(page, name: str) -> None:
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SCREENSHOTS) / name))


def test_open_page_reloads_with_the_edit(tmp_path, page):
    project = copy_project(tmp_path / "project")
    with running_preview(project) as preview:
        url = f"{preview.base}/tin-bai/2024/06/tong-dai-111/"
        _ready(preview)
        assert "111" in get(url)
        page.goto(url)
        article = project / "docs/vi/tin-bai/posts/tong-dai-111.md"
        _replace(article, "<!-- more -->", "Đã sửa khi đang xem.\n\n<!-- more -->")
        started = time.monotonic()
        # The page itself polls the server and reloads: no navigation from the test.
        page.wait_for_function("document.body.innerText.includes('Đã sửa khi đang xem.')",
                               timeout=15_000)
        print(f"\n[serve] edit to reloaded page in the browser: "
              f"{time.monotonic() - started:.2f} s")


def test_banner_shows_the_problems_of_the_page_and_goes_away_when_fixed(tmp_path, page):
    project = copy_project(tmp_path / "project")
    with running_preview(project) as preview:
        _ready(preview)
        # An English file, broken while its English page is open.
        page.goto(f"{preview.base}/en/lien-he/")
        assert page.locator(BANNER).count() == 0
        english = project / "docs/en/lien-he.md"
        _replace(english, "title: Contact", "title: [Contact")
        banner = page.locator(BANNER)
        banner.wait_for(timeout=20_000)
        assert banner.get_attribute("role") == "alert"
        # Vietnamese first, then English, for the heading and for each problem.
        assert _lines(banner) == [
            "Tệp nguồn của trang này có 1 lỗi",
            "This page's source files have 1 error",
            "docs/en/lien-he.md:3 Lỗi: «title»: dấu «[» mở ở dòng này nhưng không có «]» đóng "
            "(hoặc một giá trị trong đó có dấu phẩy, dấu hai chấm cần đặt trong ngoặc kép)",
            '→ sửa dòng 3 thành «title: "[Contact"»',
            "Error: 'title': the '[' opened on this line is never closed by ']' (or a value "
            "inside it holds a comma or colon and needs quotes)",
            "→ change line 3 to 'title: \"[Contact\"'",
            "Sửa tệp rồi lưu lại: thông báo này tự mất khi hết lỗi. Chỉ hiện khi xem thử, không "
            "có trên trang thật.",
            "Fix the file and save it: this notice goes away once it is fixed. Shown in the "
            "preview only, never on the published site.",
        ]
        assert page.locator(f"{BANNER} h2").inner_text() == "Tệp nguồn của trang này có 1 lỗi"
        # At the very top of the page, above the site's header.
        assert page.evaluate(f"document.body.firstElementChild.matches('{BANNER}')")
        _screenshot(page, "banner-en-file.png")
        _replace(english, "title: [Contact", "title: Contact")
        assert preview.wait_for_output("Kiểm tra: không có lỗi / check: no problems", 30)
        assert _banner_gone_after_reload(page), banner.inner_text()

        # A Vietnamese file (the article's original, its shared metadata) broken while
        # its English page is open: the page cannot be rendered, the banner says so too.
        page.goto(f"{preview.base}/en/tin-bai/2024/06/tong-dai-111/")
        article = project / "docs/vi/tin-bai/posts/tong-dai-111.md"
        _replace(article, "date: 2024-06-10", "date: 2024-13-45")
        page.wait_for_function(
            "(document.querySelector('#noidung-preview-problems') || {}).innerText"
            "?.includes('docs/vi/tin-bai/posts/tong-dai-111.md:5')", timeout=20_000)
        lines = _lines(banner)
        log = project / ".cache/preview/preview.log"
        assert lines[:4] == [
            "Tệp nguồn của trang này có 2 lỗi",
            "This page's source files have 2 errors",
            "docs/vi/tin-bai/posts/tong-dai-111.md Lỗi: không dựng được trang từ tệp này, "
            "trang đang hiển thị là bản trước (ValueError: month must be in 1..12)",
            f"→ sửa tệp rồi lưu lại; chi tiết lỗi ghi trong {log}",
        ]
        assert lines[6:10] == [
            "docs/vi/tin-bai/posts/tong-dai-111.md:5 Lỗi: «date» là 2024-13-45: không có "
            "ngày này trong lịch: không có tháng 13 (tháng từ 01 đến 12)",
            "→ kiểm tra lại ngày và tháng, viết YYYY-MM-DD",
            "Error: 'date' is 2024-13-45: no such day in the calendar: there is no month 13 "
            "(months are 01 to 12)",
            "→ check the day and the month, written YYYY-MM-DD",
        ]
        _screenshot(page, "banner-vi-file.png")
        _replace(article, "date: 2024-13-45", "date: 2024-06-10")
        assert preview.wait(lambda: preview.output.count(
            "Kiểm tra: không có lỗi / check: no problems") >= 2, 30), preview.output[-3000:]
        assert _banner_gone_after_reload(page), banner.inner_text()
        assert "not included in the" not in preview.output
        assert "Traceback" not in preview.output
