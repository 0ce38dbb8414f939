"""`noidung serve`: the preview starts from the project folder and shows an edit."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

from tests.support.sitecopy import copy_project


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(url: str, text: str, seconds: float, process: subprocess.Popen) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, "serve stopped:\n" + process.stdout.read()
        if text in _get(url):
            return True
        time.sleep(0.2)
    return False


def test_preview_serves_one_language_and_shows_an_edit(tmp_path):
    # A copy, so the edit never touches the real content; the command runs in its folder
    # with a relative config path, as staff run it.
    project = copy_project(tmp_path / "project")
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "scripts", "--root", ".", "serve", "--lang", "en",
         "--addr", f"127.0.0.1:{port}"],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/lien-he/"
        assert _wait_for(url, "Reporting a case", 120, process), "serve did not start"
        page = project / "docs/en/lien-he.md"
        page.write_text(page.read_text("utf-8") + "\nPreview marker xyzzy.\n", "utf-8")
        started = time.monotonic()
        assert _wait_for(url, "Preview marker xyzzy", 60, process)
        print(f"\n[serve] edit to preview: {time.monotonic() - started:.1f} s "
              "(this small site, live reload)")
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_preview_reports_broken_metadata_and_keeps_serving(tmp_path):
    # Staff break a page's front matter: the terminal says where (the validator's message,
    # Vietnamese first), and the preview goes on showing the next edit.
    project = copy_project(tmp_path / "project")
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "scripts", "--root", ".", "serve", "--addr", f"127.0.0.1:{port}"],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    output: list[str] = []
    reader = threading.Thread(target=lambda: output.extend(process.stdout), daemon=True)
    reader.start()

    def wait(condition, seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            assert process.poll() is None, "serve stopped:\n" + "".join(output)
            if condition():
                return True
            time.sleep(0.2)
        return False

    try:
        base = f"http://127.0.0.1:{port}"
        assert wait(lambda: "Liên hệ" in _get(f"{base}/lien-he/"), 120), "serve did not start"
        page = project / "docs/vi/lien-he.md"
        page.write_text(page.read_text("utf-8").replace("title: Liên hệ", "title: [Liên hệ", 1),
                        "utf-8")
        message = ("docs/vi/lien-he.md:3:12: [LỖI / ERROR] YAML không hợp lệ (did not find "
                   "expected ',' or ']') / invalid YAML")
        assert wait(lambda: message in "".join(output), 60), "".join(output)[-3000:]
        other = project / "docs/vi/gioi-thieu.md"
        other.write_text(other.read_text("utf-8") + "\nVẫn xem thử được.\n", "utf-8")
        assert wait(lambda: "Vẫn xem thử được." in _get(f"{base}/gioi-thieu/"), 30), \
            "".join(output)[-3000:]
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_preview_that_cannot_build_says_so_and_recovers_after_the_fix(tmp_path):
    project = copy_project(tmp_path / "project")
    article = project / "docs/vi/tin-bai/posts/tong-dai-111.md"
    good = article.read_text("utf-8")
    article.write_text(good.replace("date: 2024-06-10", "date: [2024-06-10", 1), "utf-8")
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "scripts", "--root", ".", "serve", "--addr", f"127.0.0.1:{port}"],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    output: list[str] = []
    threading.Thread(target=lambda: output.extend(process.stdout), daemon=True).start()
    try:
        base = f"http://127.0.0.1:{port}"
        assert _wait_for_output(process, output, "docs/vi/tin-bai/posts/tong-dai-111.md:6:8: "
                                "[LỖI / ERROR] YAML không hợp lệ", 120)
        assert "LỖI / ERROR: không dựng được trang / the site could not be built:" in "".join(
            output)
        assert "Chưa dựng được trang" in _get_error_page(f"{base}/")
        article.write_text(good, "utf-8")
        deadline = time.monotonic() + 120
        while "Liên hệ" not in _get(f"{base}/lien-he/"):
            assert time.monotonic() < deadline, "".join(output)[-3000:]
            time.sleep(0.2)
    finally:
        process.terminate()
        process.wait(timeout=20)


def _wait_for_output(process: subprocess.Popen, output: list[str], text: str,
                     seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in "".join(output):
            return True
        assert process.poll() is None, "serve stopped:\n" + "".join(output)
        time.sleep(0.2)
    return False


def _get_error_page(url: str) -> str:
    """The body of a page served with an error status (urllib raises on those)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.read().decode("utf-8")
