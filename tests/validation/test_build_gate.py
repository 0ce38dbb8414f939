"""The build runs the validator first: content with an error is never built, and the
previous site/ stays exactly as it was (no MkDocs build even starts)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from noidung.build.pipeline import BuildError, build_site
from tests.support.sitecopy import add_previous_site, copy_project, folder_digest

CAMPAIGN = "campaigns/thang-hanh-dong-vi-tre-em-2025/campaign.yml"




@pytest.fixture()
def project(tmp_path):
    project = copy_project(tmp_path / "project")
    add_previous_site(project)
    return project


def _break_campaign(project):
    path = project / CAMPAIGN
    text = path.read_text("utf-8")
    assert 'end_date: "2025-06-30"' in text
    path.write_text(text.replace('end_date: "2025-06-30"', 'end_date: "2025-05-31"'), "utf-8")


def test_invalid_campaign_refuses_the_build_and_keeps_the_site(project):
    _break_campaign(project)
    before = folder_digest(project / "site")
    with pytest.raises(BuildError) as failure:
        build_site(project, project / "site")
    message = str(failure.value)
    assert message.startswith("Nội dung có lỗi nên trang không được dựng / the content has "
                              "errors, so nothing was built:\n")
    assert (f"{CAMPAIGN}:3:11: [error] end_date 2025-05-31 trước start_date 2025-06-01 / "
            "end_date is before start_date (dates-order)") in message
    assert folder_digest(project / "site") == before
    assert not [p for p in project.iterdir() if p.name.startswith(".site-build-")]


def test_invalid_article_fails_the_cli_build_with_the_validator_message(project):
    posts = sorted((project / "docs/vi/tin-bai/posts").glob("*.md"))
    article = posts[0]
    text = article.read_text("utf-8")
    article.write_text(text.replace("categories:", "categories: tin-tuc\nold_categories:", 1),
                       "utf-8")
    before = folder_digest(project / "site")
    result = subprocess.run(
        [sys.executable, "-m", "noidung", "--root", str(project), "build"],
        capture_output=True, text=True,
    )
    assert result.returncode == 1
    rel = article.relative_to(project).as_posix()
    assert f"{rel}:" in result.stderr and "(field-unknown)" in result.stderr
    assert "Thư mục site/ cũ được giữ nguyên" in result.stderr
    assert "Traceback" not in result.stderr
    assert folder_digest(project / "site") == before
