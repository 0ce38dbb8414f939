"""A failed build exits non-zero and leaves the previous site/ byte-for-byte as it was."""

from __future__ import annotations

import subprocess
import sys

import pytest

from noidung.build.pipeline import BuildError, _remove_previous_site, build_site, previous_site
from tests.support.sitecopy import add_previous_site, copy_project, folder_digest


@pytest.fixture()
def broken_project(tmp_path):
    project = copy_project(tmp_path / "project")
    # A link to a page that does not exist: a strict build must refuse it.
    (project / "docs/en/lien-he.md").write_text(
        "# Contact\n\nSee [the missing page](khong-ton-tai.md).\n", "utf-8")
    add_previous_site(project)
    return project


def test_broken_page_fails_the_build_and_keeps_the_previous_site(broken_project):
    before = folder_digest(broken_project / "site")
    with pytest.raises(BuildError):
        build_site(broken_project, broken_project / "site")
    assert folder_digest(broken_project / "site") == before
    leftovers = [p.name for p in broken_project.iterdir() if p.name.startswith(".site-build-")]
    assert leftovers == []


def test_cli_exits_non_zero_on_a_broken_page(broken_project):
    before = folder_digest(broken_project / "site")
    result = subprocess.run(
        [sys.executable, "-m", "noidung", "--root", str(broken_project), "build"],
        capture_output=True, text=True,
    )
    assert result.returncode == 1
    assert "site/ cũ được giữ nguyên" in result.stderr
    assert "khong-ton-tai.md" in result.stderr
    assert folder_digest(broken_project / "site") == before


def test_cli_builds_with_relative_root_and_output(tmp_path):
    """`noidung --root . build --output out` from the project folder, as staff type it.

    Material reads our generated authors file relative to docs_dir, so a relative path
    once sent it looking in the wrong folder and every article failed.
    """
    project = copy_project(tmp_path / "project")
    result = subprocess.run(
        [sys.executable, "-m", "noidung", "--root", ".", "build", "--output", "out"],
        cwd=project, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "0 cảnh báo" in result.stderr + result.stdout
    # Built for this machine: staff are told before QR codes get printed with its address.
    assert "hãy đặt SITE_URL" in result.stdout
    assert (project / "out" / "tin-bai" / "index.html").is_file()
    assert (project / "out" / "en" / "tin-bai" / "index.html").is_file()


def test_the_replaced_site_waits_beside_and_the_next_build_deletes_it(tmp_path):
    """The swap keeps the old site as .site.old; deleting it overlaps the next build."""
    project = copy_project(tmp_path / "project")
    add_previous_site(project)
    build_site(project)
    old = previous_site(project / "site")
    assert (old / "index.html").read_text("utf-8") == "<p>previous site</p>"
    assert "previous site" not in (project / "site" / "index.html").read_text("utf-8")
    _remove_previous_site(project / "site").join()  # what the next build starts with
    assert not old.exists()
    assert (project / "site" / "tin-bai" / "index.html").is_file()
