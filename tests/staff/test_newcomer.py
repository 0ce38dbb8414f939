"""A newcomer's first article with a photo, done exactly as HUONG-DAN.md §2 says.

One command to create, two files to write (plus the photo), a preview of both
languages, then `draft: false`, `validate` and `build`: no round may fail, and the
English page, its share card and its printout carry the photo stored once in docs/vi/.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from noidung.build.pipeline import build_site
from tests.support.preview import get, running_preview
from tests.support.sitecopy import copy_project

TITLE = "Hội nghị tập huấn phòng, chống bạo lực gia đình"
TITLE_EN = "Training conference on preventing domestic violence"
ID = "hoi-nghi-tap-huan-phong-chong-bao-luc-gia-dinh"
#: A real (tiny) JPEG: the photo a staff member copies in.
JPEG = bytes.fromhex(
    "ffd8ffe000104a46494600010100000100010000ffdb004300080606070605080707070909080a0c140d0c0b0b0c"
    "1912130f141d1a1f1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27393d38323c2e333432ffc0"
    "000b080001000101011100ffc4001f0000010501010101010100000000000000000102030405060708090a0bff"
    "c400b5100002010303020403050504040000017d01020300041105122131410613516107227114328191a10823"
    "42b1c11552d1f02433627282090a161718191a25262728292a3435363738393a434445464748494a5354555657"
    "58595a636465666768696a737475767778797a838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aa"
    "b2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8"
    "f9faffda0008010100003f00fbd3ffd9")


def _make(project: Path, *args: str) -> subprocess.CompletedProcess:
    """What staff type, `python3 make.py …`, run on the copy (its package is this one)."""
    return subprocess.run([sys.executable, "-m", "noidung", "--root", str(project), *args],
                          capture_output=True, text=True, stdin=subprocess.DEVNULL)


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), "utf-8")


def _uncomment_example_values(path: Path) -> None:
    """'Check the lines marked # VÍ DỤ / EXAMPLE, then delete the comment' (the ids are right)."""
    text = path.read_text("utf-8")
    path.write_text(re.sub(r"  # VÍ DỤ / EXAMPLE:[^\n]*", "", text), "utf-8")


@pytest.mark.slow
@pytest.mark.browser
def test_a_first_article_with_a_photo_needs_no_failed_round(tmp_path):
    project = copy_project(tmp_path / "project")
    rounds = []

    # 1. Create: one command.
    created = _make(project, "new", "bai-viet", "--title", TITLE, "--title-en", TITLE_EN)
    assert created.returncode == 0, created.stderr
    vi = project / "docs/vi/tin-bai/posts" / f"{ID}.md"
    en = project / "docs/en/tin-bai/posts" / f"{ID}.md"
    assert f"docs/vi/tin-bai/posts/{ID}.md" in created.stdout and vi.is_file() and en.is_file()
    # 2. The photo, once, beside the Vietnamese original.
    (project / "docs/vi/tin-bai/posts/anh").mkdir(exist_ok=True)
    (project / "docs/vi/tin-bai/posts/anh/hoi-nghi.jpg").write_bytes(JPEG)
    # 3. The Vietnamese original, as the guide says.
    _replace(vi, "'CẦN VIẾT: Tóm tắt một-hai câu'",
             "Cán bộ văn hóa các xã được tập huấn về phòng, chống bạo lực gia đình.")
    _uncomment_example_values(vi)
    _replace(vi, "# cover:\n#   file: anh/ky-ket.jpg\n"
             "#   alt: Đại diện hai Sở ký chương trình phối hợp",
             "cover:\n  file: anh/hoi-nghi.jpg\n  alt: Cán bộ văn hóa các xã dự hội nghị tập huấn")
    _replace(vi, "CẦN VIẾT: nội dung chính, viết bằng Markdown.",
             "Hội nghị giới thiệu Luật Phòng, chống bạo lực gia đình năm 2022.\n\n"
             "![Cán bộ dự hội nghị](anh/hoi-nghi.jpg)")
    # 4. The English file: its text only, the same photo reference.
    _replace(en, "'TO WRITE: Summary'",
             "Commune culture officers were trained on preventing domestic violence.")
    _replace(en, "# cover_alt: Representatives of the two departments sign the programme",
             "cover_alt: Commune culture officers at the training conference")
    _replace(en, "TO WRITE: the main text, in Markdown.",
             "The conference presented the 2022 Law on Domestic Violence Prevention.\n\n"
             "![Officers at the conference](anh/hoi-nghi.jpg)")

    # 5. Preview both languages: the draft shows, with its photo, and no problem is reported.
    with running_preview(project) as preview:
        assert preview.wait_for_output("Đang xem thử tại", 240), preview.output[-3000:]
        rounds.append("serve")
        year, month = re.search(r"date: '(\d{4})-(\d{2})", vi.read_text("utf-8")).groups()
        article = f"tin-bai/{year}/{month}/{ID}/"
        assert preview.wait_for_page(f"/{article}", "anh/hoi-nghi.jpg", 60), "the draft, vi"
        assert preview.wait_for_page(f"/en/{article}", "anh/hoi-nghi.jpg", 60), "the draft, en"
        assert TITLE_EN in get(f"{preview.base}/en/{article}")

    # 6. draft: false, then validate: no error on the first try.
    _replace(vi, "draft: true", "draft: false")
    checked = _make(project, "validate")
    rounds.append("validate")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert ": 0 lỗi" in checked.stdout

    # The build a publication makes: 0 warnings, the photo on both pages.
    site = tmp_path / "site"
    report = build_site(project, site)
    rounds.append("build")
    assert report.warnings == 0
    for root in ("", "en/"):
        [page] = list((site / root / "tin-bai").glob(f"*/*/{ID}/index.html"))
        html = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        images = [img["src"] for img in html.select(".md-content img") if "hoi-nghi" in img["src"]]
        assert images, root
        assert all((page.parent / src).resolve().read_bytes() == JPEG for src in images), root
        # The share card (Open Graph and Twitter) shows the photo too.
        og = html.find("meta", property="og:image")["content"]
        assert og.endswith("/hoi-nghi.jpg"), og
        path = og.split("://", 1)[1].split("/", 1)[1]
        assert (site / path).read_bytes() == JPEG, og
    # The printout keeps images: print.css hides the site's frame, never the article's photos.
    print_css = next(site.glob("assets/stylesheets/print*.css")).read_text("utf-8")
    assert not re.search(r"(^|[,\s])img\s*[,{][^}]*display:\s*none", print_css)
    assert rounds == ["serve", "validate", "build"]  # one of each, none failed
