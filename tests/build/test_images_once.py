"""A photo stored once, beside the Vietnamese original, shows on both languages' pages.

Both files of a bilingual article write the same reference, `![…](anh/hoi-nghi.png)`;
the file exists only in docs/vi/. The English build must publish it (the plugin adds
the original's files to the English files, content/assets.py), its og:image must point
at it, and `validate` must accept exactly what the build accepts.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from noidung.build.pipeline import BuildError, build_site
from noidung.content.layout import THEME_DIR
from noidung.validation import validate_project
from tests.support.site import resolve_href, soup
from tests.support.sitecopy import add_previous_site, copy_project, folder_digest

PHOTO = "docs/vi/tin-bai/posts/anh/hoi-nghi-tong-ket.png"
VI = "docs/vi/tin-bai/posts/hoi-nghi-tong-ket.md"
EN = "docs/en/tin-bai/posts/hoi-nghi-tong-ket.md"
ARTICLE_VI = """\
---
id: hoi-nghi-tong-ket
title: Hội nghị tổng kết công tác gia đình
summary: Hội nghị tổng kết công tác gia đình năm 2025 của tỉnh.
date: 2025-07-01
authors: [phong-nep-song-van-hoa-gia-dinh]
categories: [hoat-dong-phoi-hop]
cover:
  file: anh/hoi-nghi-tong-ket.png
  alt: Quang cảnh hội nghị tổng kết
---

Hội nghị tổng kết công tác gia đình năm 2025.

![Quang cảnh hội nghị tổng kết](anh/hoi-nghi-tong-ket.png)
"""
ARTICLE_EN = """\
---
title: Review conference on family work
summary: The province's 2025 review conference on family work.
cover_alt: The review conference hall
---

The 2025 review conference on family work.

![The review conference hall](anh/hoi-nghi-tong-ket.png)
"""
POST = "tin-bai/2025/07/hoi-nghi-tong-ket/index.html"


def _bilingual_article(project: Path) -> Path:
    photo = project / PHOTO
    photo.parent.mkdir(parents=True, exist_ok=True)
    photo.write_bytes((THEME_DIR / "assets/images/og-default.png").read_bytes())
    (project / VI).write_text(ARTICLE_VI, "utf-8")
    (project / EN).write_text(ARTICLE_EN, "utf-8")
    return project


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return _bilingual_article(copy_project(tmp_path_factory.mktemp("images") / "project"))


@pytest.fixture(scope="module")
def built(project) -> tuple[Path, int]:
    report = build_site(project, project / "site")
    return project / "site", report.warnings


def _file_of_url(site: Path, url: str) -> Path:
    path = urlsplit(url).path.lstrip("/")
    return site / (path + "index.html" if path.endswith("/") or not path else path)


def test_the_build_succeeds_with_no_warning_and_no_copy_in_docs_en(project, built):
    _site, warnings = built
    assert warnings == 0
    assert not (project / "docs/en/tin-bai/posts/anh").exists()


@pytest.mark.parametrize("lang_dir", ["", "en/"])
def test_each_page_shows_the_photo_and_previews_it(built, lang_dir):
    site, _warnings = built
    page = site / lang_dir / POST
    html = soup(page)
    [img] = [i for i in html.select(".md-content img") if "hoi-nghi-tong-ket" in i["src"]]
    target = resolve_href(site, page, img["src"])
    assert target is not None and target.is_file(), img["src"]
    assert target.read_bytes() == (THEME_DIR / "assets/images/og-default.png").read_bytes()
    for selector in ('meta[property="og:image"]', 'meta[name="twitter:image"]'):
        url = html.select_one(selector)["content"]
        assert url.endswith(f"/{lang_dir}tin-bai/anh/hoi-nghi-tong-ket.png"), url
        assert _file_of_url(site, url).is_file(), url
    # The print view keeps the content's images (print.css hides header and sidebars only).
    print_css = (THEME_DIR / "assets/stylesheets/print.css").read_text("utf-8")
    assert "img { display: none" not in print_css.replace("\n", " ")


def _english_mkdocs(project: Path, out: Path) -> subprocess.CompletedProcess:
    """The English MkDocs build alone, strict, without our validation in front of it."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file",
         "mkdocs.en.yml", "--site-dir", str(out)],
        cwd=project, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_CACHE_DIR": str(out / "cache")},
    )


def test_validate_and_the_english_build_agree(tmp_path):
    project = _bilingual_article(copy_project(tmp_path / "project"))
    assert [p for p in validate_project(project).errors] == []
    assert _english_mkdocs(project, tmp_path / "good").returncode == 0
    # The photo is in anh/, the English file forgets the folder: the old validator found it
    # anyway (it looked in anh/ too) while MkDocs did not.
    en = project / EN
    en.write_text(ARTICLE_EN.replace("](anh/hoi-nghi-tong-ket.png)", "](hoi-nghi-tong-ket.png)"),
                  "utf-8")
    [error] = validate_project(project).errors
    assert (error.path, error.line, error.field, error.rule) == (EN, 9, "body", "asset-missing")
    assert "có phải ý bạn là «anh/hoi-nghi-tong-ket.png»?" in error.message_vi
    result = _english_mkdocs(project, tmp_path / "bad")
    assert result.returncode != 0
    assert "contains a link 'hoi-nghi-tong-ket.png'" in result.stdout + result.stderr


def test_a_missing_photo_stops_the_build_and_leaves_site_unchanged(tmp_path):
    project = _bilingual_article(copy_project(tmp_path / "project"))
    (project / PHOTO).unlink()
    previous = add_previous_site(project)
    before = folder_digest(previous)
    [cover, body_vi, body_en] = sorted(validate_project(project).errors,
                                       key=lambda p: (p.path != VI, p.line))
    assert (cover.path, cover.field, body_vi.path, body_en.path) == (VI, "cover.file", VI, EN)
    with pytest.raises(BuildError) as refused:
        build_site(project, previous)
    assert "anh/hoi-nghi-tong-ket.png" in str(refused.value)
    assert folder_digest(previous) == before
