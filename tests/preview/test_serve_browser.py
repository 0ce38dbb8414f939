"""`noidung serve` in a browser: an open page reloads itself with the edit."""

from __future__ import annotations

import time

import pytest

from tests.support.preview import get, running_preview
from tests.support.sitecopy import copy_project

pytestmark = pytest.mark.browser


def test_open_page_reloads_with_the_edit(tmp_path, page):
    project = copy_project(tmp_path / "project")
    with running_preview(project) as preview:
        url = f"{preview.base}/tin-bai/2024/06/tong-dai-111/"
        assert preview.wait_for_output("Serving on", 120), preview.output[-3000:]
        assert "111" in get(url)
        page.goto(url)
        article = project / "docs/vi/tin-bai/posts/tong-dai-111.md"
        text = article.read_text("utf-8")
        article.write_text(text.replace("<!-- more -->", "Đã sửa khi đang xem.\n\n<!-- more -->",
                                        1), "utf-8")
        started = time.monotonic()
        # The page itself polls the server and reloads: no navigation from the test.
        page.wait_for_function("document.body.innerText.includes('Đã sửa khi đang xem.')",
                               timeout=15_000)
        print(f"\n[serve] edit to reloaded page in the browser: "
              f"{time.monotonic() - started:.2f} s")
