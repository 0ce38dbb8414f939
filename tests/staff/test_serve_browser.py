"""`noidung serve` in a browser: an open page reloads itself with the edit."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import pytest

from tests.staff.test_serve import _free_port, _get, _wait_for_output
from tests.support.sitecopy import copy_project

pytestmark = pytest.mark.browser


def test_open_page_reloads_with_the_edit(tmp_path, page):
    project = copy_project(tmp_path / "project")
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "scripts", "--root", ".", "serve", "--addr", f"127.0.0.1:{port}"],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    output: list[str] = []
    threading.Thread(target=lambda: output.extend(process.stdout), daemon=True).start()
    try:
        url = f"http://127.0.0.1:{port}/tin-bai/2024/06/tong-dai-111/"
        assert _wait_for_output(process, output, "Serving on", 120), "".join(output)[-3000:]
        assert "111" in _get(url)
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
    finally:
        process.terminate()
        process.wait(timeout=20)
