"""`build --publish` refuses an address readers cannot open, before touching site/;
a plain `build` for checking still works and says what to set; SITE_URL overrides."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.support.sitecopy import add_previous_site, copy_project, folder_digest


def _build(root, *args, site_url=None):
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    if site_url is not None:
        env["SITE_URL"] = site_url
    return subprocess.run([sys.executable, "-m", "noidung", "--root", str(root), "build", *args],
                          capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("publish") / "project")
    add_previous_site(root)
    return root


@pytest.mark.parametrize(("site_url", "shown", "why"), [
    ("http://127.0.0.1:8000/", "«http://127.0.0.1:8000/» là máy này (127.0.0.1/localhost)",
     "is this computer (127.0.0.1/localhost), which readers cannot open"),
    (None, "«https://dia-chi-trang-chua-dat.invalid/» vẫn là địa chỉ tạm",
     "is still the '….invalid' placeholder"),
    ("", "«https://dia-chi-trang-chua-dat.invalid/» vẫn là địa chỉ tạm",  # "" = not set
     "is still the '….invalid' placeholder"),
])
def test_publish_refuses_a_local_or_placeholder_address_and_leaves_site_alone(
        project, site_url, shown, why):
    before = folder_digest(project / "site")
    result = _build(project, "--publish", site_url=site_url)
    assert result.returncode == 2
    first, second = result.stderr.strip().splitlines()
    assert first.startswith("LỖI: không dựng bản để xuất bản: địa chỉ trang " + shown)
    assert "Hãy ghi địa chỉ thật của trang vào site_url trong mkdocs.yml" in first
    assert "hoặc đặt biến SITE_URL" in first
    assert second.startswith("ERROR: not building for publishing") and why in second
    assert "Write the site's real address in site_url in mkdocs.yml" in second
    assert result.stdout == ""  # nothing was built
    assert folder_digest(project / "site") == before
    assert not (project / ".site.old").exists()


def test_publish_refuses_an_empty_site_url_in_mkdocs_yml(tmp_path):
    root = copy_project(tmp_path / "project")
    add_previous_site(root)
    config = root / "mkdocs.yml"
    text = config.read_text("utf-8")
    start = text.index("site_url:")
    end = text.index("\n", start)
    config.write_text(text[:start] + 'site_url: ""' + text[end:], "utf-8")
    before = folder_digest(root / "site")
    result = _build(root, "--publish")
    assert result.returncode == 2
    assert "địa chỉ trang «(trống / empty)» đang để trống" in result.stderr
    assert "the site address '(trống / empty)' is empty" in result.stderr
    assert folder_digest(root / "site") == before


def test_publish_with_the_real_address_builds_and_uses_it(project):
    result = _build(project, "--publish", site_url="https://giadinh.example.gov.vn/")
    assert result.returncode == 0, result.stderr
    assert "Lưu ý" not in result.stdout  # the address is public: no note
    module = (project / "site/tap-huan").glob("*/index.html")
    assert any("https://giadinh.example.gov.vn/m/" in p.read_text("utf-8") for p in module)
    assert "https://giadinh.example.gov.vn/" in (project / "site/sitemap.xml").read_text("utf-8")
