"""One bad change per rule, applied to the small valid project (helpers.make_project)."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from noidung.staff.scaffold import EXAMPLE_COMMENT

from .helpers import edit, write

ARTICLE = "docs/vi/tin-bai/posts/bai-mau.md"
ARTICLE_EN = "docs/en/tin-bai/posts/bai-mau.md"
CAMPAIGN = "campaigns/chien-dich-mau/campaign.yml"
CAMPAIGN_VI = "campaigns/chien-dich-mau/vi.md"
MODULE_A = "docs/vi/tap-huan/hoc-phan-a.md"


def _committed(root: Path) -> Path:
    """The project as a git repository with everything committed (what is added after
    this is "not yet committed")."""
    for args in (["init", "-q"], ["add", "-A"],
                 ["-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm",
                  "content"]):
        subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)
    return root


def _module(root: Path, ident: str, code: str) -> None:
    write(root, f"docs/vi/tap-huan/{ident}.md", (root / MODULE_A).read_text("utf-8").replace(
        "id: hoc-phan-a", f"id: {ident}").replace("code: M01", f"code: {code}"))
    write(root, f"docs/en/tap-huan/{ident}.md",
          "---\ntitle: New module\nsummary: New.\nsessions:\n  - id: buoc-1\n"
          "    title: Step\n    activity: Talk.\n---\n")


def _mkfile(root: Path, rel: str, data: bytes) -> int:
    """Write a file (and its folders); the byte count, so a case can chain it with `and`."""
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    return (root / rel).write_bytes(data)


def _bytes(rel: str, data: bytes) -> Callable[[Path], None]:
    def write_bytes(root: Path) -> None:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
    return write_bytes


#: case name → the change that breaks the project.
MUTATIONS: dict[str, Callable[[Path], None]] = {
    "dates-order": lambda d: edit(d, CAMPAIGN, "end_date: 2025-06-30", "end_date: 2025-05-31"),
    "date-format": lambda d: edit(d, CAMPAIGN, "start_date: 2025-06-01",
                                  "start_date: 28/6/2025"),
    "date-not-in-calendar": lambda d: edit(d, ARTICLE, "date: 2025-06-02", "date: 2025-02-30"),
    "date-format-day-that-does-not-exist": lambda d: edit(d, CAMPAIGN, "end_date: 2025-06-30",
                                                          "end_date: 31/06/2025"),
    "date-not-a-leap-year": lambda d: edit(d, ARTICLE, "date: 2025-06-02", "date: 2025-02-29"),
    "date-month-13": lambda d: edit(d, MODULE_A, "last_reviewed: 2025-09-15",
                                    "last_reviewed: 2025-15-09"),
    "field-required": lambda d: edit(d, ARTICLE, "summary: Tóm tắt bài mẫu.\n", ""),
    "field-type-comma-list": lambda d: edit(d, ARTICLE, "tags: [bao-ve-tre-em]",
                                            "tags: bao-ve-tre-em, gia-dinh"),
    "field-type-unquoted-version": lambda d: edit(d, MODULE_A, 'version: "1.0"', "version: 1.0"),
    "field-unknown": lambda d: edit(d, ARTICLE, "draft: false", "drafts: false"),
    "field-unknown-flow-comma": lambda d: edit(
        d, "docs/registries/audiences.yml", '"Cơ quan, tổ chức phối hợp"',
        "Cơ quan, tổ chức phối hợp"),
    "field-value-enum": lambda d: edit(d, MODULE_A, "level: co-ban", "level: co ban"),
    "field-value-empty": lambda d: edit(d, ARTICLE, "authors: [phong-nep-song-van-hoa-gia-dinh]",
                                        "authors: []"),
    "id-format": lambda d: edit(d, ARTICLE, "id: bai-mau", "id: Bài-Mẫu"),
    "id-filename": lambda d: edit(d, ARTICLE, "id: bai-mau", "id: bai-khac"),
    "id-unique-code": lambda d: edit(d, "docs/vi/tap-huan/hoc-phan-b.md", "code: M02",
                                     "code: M01"),
    "id-unique-site": lambda d: write(d, "docs/vi/tap-huan/bai-mau.md", (
        d / MODULE_A).read_text("utf-8").replace("id: hoc-phan-a", "id: bai-mau").replace(
        "code: M01", "code: M09")),
    "id-unique-newer-by-date": lambda d: write(d, "docs/vi/tin-bai/posts/chien-dich-mau.md", (
        d / ARTICLE).read_text("utf-8").replace("id: bai-mau", "id: chien-dich-mau").replace(
        "date: 2025-06-02", "date: 2025-05-20").replace("campaign: chien-dich-mau\n", "")),
    "id-unique-newer-not-committed": lambda d: _module(_committed(d), "bai-mau", "M09"),
    "id-unique-code-not-committed": lambda d: _module(_committed(d), "a-moi", "M01"),
    "id-unique-session": lambda d: edit(d, MODULE_A, "    activity: Thảo luận.\n", (
        "    activity: Thảo luận.\n  - id: buoc-1\n    minutes: 5\n    title: Lặp\n")),
    "id-unique-registry": lambda d: edit(d, "docs/registries/categories.yml",
                                         "- id: bao-ve-tre-em", "- id: cong-tac-gia-dinh"),
    "path-ascii": lambda d: write(d, "docs/vi/Giới-thiệu.md", "# Giới thiệu\n"),
    "registry-value": lambda d: edit(d, ARTICLE, "categories: [hoat-dong-phoi-hop]",
                                     "categories: [hoat-dong-phoi-hopp]"),
    "registry-value-diacritics-and-case": lambda d: edit(d, ARTICLE, "tags: [bao-ve-tre-em]",
                                                         "tags: [Bảo vệ trẻ em]"),
    "registry-value-author": lambda d: edit(d, ARTICLE, "[phong-nep-song-van-hoa-gia-dinh]",
                                            "[phong-nep-song-gia-dinh]"),
    "registry-expired": lambda d: edit(d, CAMPAIGN, "partner_units: [so-y-te]",
                                       "partner_units: [so-lao-dong-thuong-binh-xa-hoi]"),
    "registry-not-yet-valid": lambda d: edit(
        d, ARTICLE, "date: 2025-06-02\nauthors: [phong-nep-song-van-hoa-gia-dinh]",
        "date: 2025-01-02\nauthors: [so-noi-vu]"),
    "ref-missing-module": lambda d: edit(d, CAMPAIGN, "modules: [hoc-phan-a]",
                                         "modules: [hoc-phan-x]"),
    "ref-missing-campaign": lambda d: edit(d, ARTICLE, "campaign: chien-dich-mau",
                                           "campaign: chien-dich-khac"),
    "ref-missing-article": lambda d: edit(d, CAMPAIGN, "articles: [bai-mau]",
                                          "articles: [bai-khong-co]"),
    "ref-file": lambda d: (d / "campaigns/chien-dich-mau/poster.png").unlink(),
    # Photos: stored once beside the Vietnamese original, the same reference in both files.
    "asset-shared-by-both-languages": lambda d: edit(
        d, ARTICLE_EN, "Article text.", "Article text.\n\n![Activity](anh/bia.png)"),
    "asset-missing-cover": lambda d: edit(d, ARTICLE, "  file: anh/bia.png",
                                          "  file: anh/bia.jpg"),
    "asset-missing-body-en": lambda d: (
        _bytes("docs/vi/tin-bai/posts/anh/hoi-nghi.png", b"\x89PNG\r\n")(d),
        edit(d, ARTICLE_EN, "Article text.", "Article text.\n\n![The hall](anh/hoi-ngi.png)")),
    "asset-only-in-english-tree": lambda d: (
        _bytes("docs/en/tin-bai/posts/anh/so-do.png", b"\x89PNG\r\n")(d),
        edit(d, ARTICLE, "Gọi Tổng đài 111.", "Gọi Tổng đài 111.\n\n![Sơ đồ](anh/so-do.png)")),
    "asset-case": lambda d: edit(d, ARTICLE_EN, "Article text.",
                                 "Article text.\n\n![Activity](anh/Bia.PNG)"),
    "asset-path": lambda d: edit(d, ARTICLE, "![Ảnh hoạt động](anh/bia.png)",
                                 "![Ảnh hoạt động](/tin-bai/posts/anh/bia.png)"),
    "asset-name": lambda d: (
        _bytes("docs/vi/tin-bai/posts/anh/Ảnh Hội nghị.JPG", b"\xff\xd8\xff")(d),
        edit(d, ARTICLE, "![Ảnh hoạt động](anh/bia.png)",
             "![Ảnh hoạt động](<anh/Ảnh Hội nghị.JPG>)")),
    "asset-campaign-material-link": lambda d: edit(
        d, "docs/vi/index.md", "# Trang chủ\n",
        "# Trang chủ\n\n[Áp phích](chien-dich/chien-dich-mau/poster.png)\n"),
    "asset-missing-module-material": lambda d: (
        _bytes("docs/vi/tap-huan/phieu-bai-tap.pdf", b"%PDF")(d),  # beside, not in tai-lieu/
        edit(d, MODULE_A, "last_reviewed:", "materials:\n  - file: phieu-bai-tap.pdf\n"
             "    type: handout\n    licence: CC BY 4.0\n    title: Phiếu bài tập\n"
             "last_reviewed:")),
    "asset-size": _bytes("docs/vi/tin-bai/posts/anh/bia.png", b"\0" * int(3.4 * 1024 * 1024)),
    "asset-size-material": _bytes("docs/vi/tap-huan/tai-lieu/so-tay.pdf",
                                  b"%PDF" + b"\0" * (12 * 1024 * 1024)),
    "ref-missing-prerequisite": lambda d: edit(d, "docs/vi/tap-huan/hoc-phan-b.md",
                                               "prerequisites: [hoc-phan-a]",
                                               "prerequisites: [hoc-phan-aa]"),
    "ref-missing-material-case": lambda d: edit(d, "campaigns/chien-dich-mau/en.md",
                                                "  - file: poster.png", "  - file: Poster.png"),
    "ref-link": lambda d: edit(d, "docs/vi/tap-huan/hoc-phan-b.md", "(hoc-phan-a.md)",
                               "(hoc-phan-c.md)"),
    "ref-missing-redirect": lambda d: write(d, "docs/registries/redirects.yml", (
        "- from: tap-huan/ma-cu/\n  to: tap-huan/hoc-phan-a/\n"
        "- from: tap-huan/ma-khac/\n  to: tap-huan/khong-co/\n")),
    "ref-link-generated-pages": lambda d: edit(d, ARTICLE, "Gọi Tổng đài 111.", (
        "Xem [chiến dịch](../../chien-dich/chien-dich-mau/index.md) và "
        "[chủ đề](../the/bao-ve-tre-em/index.md).")),
    "campaign-files": lambda d: (d / "campaigns/chien-dich-trong").mkdir(),
    "prerequisite-cycle": lambda d: edit(d, MODULE_A, "prerequisites: []",
                                         "prerequisites: [hoc-phan-b]"),
    "translation-mismatch": lambda d: edit(d, ARTICLE_EN, "title: Sample article",
                                           "title: Sample article\ndate: 2025-06-03"),
    "translation-mismatch-sessions": lambda d: edit(d, "docs/en/tap-huan/hoc-phan-a.md",
                                                    "    title: Step one",
                                                    "    minutes: 45\n    title: Step one"),
    "translation-orphan": lambda d: write(d, "docs/en/tin-bai/posts/bai-le.md",
                                          "---\ntitle: Stray\nsummary: No original.\n---\n"),
    "translation-missing": lambda d: (d / "docs/en/tap-huan/hoc-phan-b.md").unlink(),
    "alt-missing-body": lambda d: edit(d, ARTICLE, "![Ảnh hoạt động]", "![]"),
    "alt-missing-html": lambda d: edit(d, "docs/en/index.md", "# Home\n",
                                       '# Home\n\n<img src="a.png">\n'),
    "alt-missing-material": lambda d: edit(d, "campaigns/chien-dich-mau/en.md",
                                           "    alt: Poster showing the number 111\n", ""),
    "alt-missing-cover-en": lambda d: edit(d, ARTICLE_EN, "cover_alt: Cover picture\n", ""),
    "alt-missing-cover-vi": lambda d: edit(d, ARTICLE, "  alt: Ảnh bìa", "  alt: ''"),
    "alt-missing-material-vi": lambda d: _mkfile(d, "docs/vi/tap-huan/tai-lieu/anh.png",
        b"\x89PNG") and edit(d, MODULE_A, 'version: "1.0"', (
            'version: "1.0"\nmaterials:\n  - file: anh.png\n    type: image\n'
            "    title: Ảnh\n    licence: CC BY 4.0")),
    "alt-language": lambda d: edit(d, "campaigns/chien-dich-mau/en.md",
                                   "alt: Poster showing the number 111",
                                   "alt: Áp phích ghi số 111"),
    "unsafe-html-script": lambda d: edit(d, "docs/vi/index.md", "# Trang chủ\n",
                                         "# Trang chủ\n\n<script>alert(1)</script>\n"),
    "unsafe-html-iframe": lambda d: edit(d, "docs/en/index.md", "# Home\n",
                                         '# Home\n\n<iframe src="https://v.example/1"></iframe>\n'),
    "unsafe-html-onclick": lambda d: edit(d, "docs/en/index.md", "# Home\n",
                                          '# Home\n\n<span onclick="go()">Hi</span>\n'),
    "unsafe-url-javascript": lambda d: edit(d, "docs/en/index.md", "# Home\n",
                                            "# Home\n\n[Click](javascript:go())\n"),
    "unsafe-url-data": lambda d: edit(d, "docs/en/index.md", "# Home\n",
                                      '# Home\n\n<a href="data:text/html,hi">x</a>\n'),
    "unsafe-html-in-summary": lambda d: edit(d, ARTICLE, "summary: Tóm tắt bài mẫu.",
                                             "summary: 'Tóm tắt <img src=x onerror=alert(1)>'"),
    "code-is-not-html": lambda d: edit(d, "docs/en/index.md", "# Home\n",
                                       "# Home\n\n`<script>` and\n\n```html\n<iframe>\n```\n"),
    "privacy-phone": lambda d: edit(d, ARTICLE, "Gọi Tổng đài 111.",
                                    "Gọi chị Lan 0912 345 678 hoặc 111."),
    "privacy-phone-in-summary": lambda d: edit(d, ARTICLE_EN, "summary: Summary",
                                               "summary: Call +84 912 345 678. Summary"),
    "privacy-id-number": lambda d: edit(d, ARTICLE, "Gọi Tổng đài 111.",
                                        "Em có CCCD 001203004567."),
    "privacy-email": lambda d: edit(d, ARTICLE, "Gọi Tổng đài 111.",
                                    "Thư: lan.nguyen@gmail.com, vanphong@ninhbinh.gov.vn."),
    "privacy-bank-account": lambda d: edit(d, ARTICLE, "Gọi Tổng đài 111.",
                                           "Ủng hộ vào STK 1903 5678 9012 34 (chị Lan)."),
    "privacy-masked-in-other-rules": lambda d: edit(d, ARTICLE, "tags: [bao-ve-tre-em]",
                                                    "tags: Gọi chị Lan 0912 345 678"),
    "privacy-not-numbers": lambda d: edit(d, ARTICLE, "Gọi Tổng đài 111.", (
        "Năm 2024-2025, 1.000.000 đồng, 100.000.000 đồng, văn bản 1853/QCPH, ngày 03/5/2024, "
        "[luật](https://example.vn/van-ban-123456789.aspx), gọi 111, 113 hoặc 115.")),
    "privacy-consent": lambda d: edit(d, CAMPAIGN, "licence: CC BY 4.0",
                                      "licence: CC BY 4.0\n    shows_children: true"),
    "nfc": lambda d: edit(d, "docs/vi/index.md", "Trang chủ", "Trang chu\u0309"),
    "bom": _bytes("docs/en/index.md", b"\xef\xbb\xbf# Home\n"),
    "encoding": _bytes("docs/en/index.md", "# Home\nCafé\n".encode("latin-1")),
    "encoding-binary": _bytes("docs/en/index.md", b"\x00\x01\x02"),
    "front-matter-unclosed": lambda d: edit(d, ARTICLE, "draft: false\n---\n", "draft: false\n"),
    "front-matter-missing": lambda d: write(d, ARTICLE, "# Bài\n"),
    "yaml-syntax": lambda d: edit(d, ARTICLE, "title: Bài mẫu", "title: Họp: tổng kết"),
    "yaml-unclosed-quote": lambda d: edit(d, ARTICLE, "summary: Tóm tắt bài mẫu.",
                                          'summary: "Tóm tắt bài mẫu.'),
    "yaml-unclosed-bracket": lambda d: edit(d, ARTICLE, "tags: [bao-ve-tre-em]",
                                            "tags: [bao-ve-tre-em"),
    "yaml-missing-colon": lambda d: edit(d, ARTICLE, "summary: Tóm", "summary Tóm"),
    "yaml-indentation": lambda d: edit(d, ARTICLE, "summary: Tóm", "  summary: Tóm"),
    "yaml-tab": lambda d: edit(d, ARTICLE, "  alt: Ảnh bìa", "\talt: Ảnh bìa"),
    "yaml-no-break-space": lambda d: edit(d, ARTICLE, "  alt: Ảnh bìa", "\u00a0 alt: Ảnh bìa"),
    "yaml-no-break-space-after-colon": lambda d: edit(d, ARTICLE, "summary: Tóm",
                                                      "summary:\u00a0Tóm"),
    "yaml-zero-width-space": lambda d: edit(d, ARTICLE, "summary: Tóm", "summary\u200b: Tóm"),
    "yaml-bom-inside": lambda d: edit(d, ARTICLE, "summary: Tóm", "\ufeffsummary: Tóm"),
    "yaml-smart-quotes": lambda d: edit(d, ARTICLE, "title: Bài mẫu", "title: “Họp: tổng kết”"),
    "yaml-full-width-colon": lambda d: edit(d, ARTICLE, "summary: Tóm", "summary： Tóm"),
    "yaml-tab-in-registry": lambda d: edit(d, "docs/registries/categories.yml",
                                           "- id: bao-ve-tre-em\n  ", "- id: bao-ve-tre-em\n\t"),
    "yaml-duplicate-key": lambda d: edit(d, ARTICLE, "title: Bài mẫu",
                                         "title: Bài mẫu\ntitle: Bài khác"),
    "yaml-structure": lambda d: write(d, ARTICLE, "---\n- a\n- b\n---\n"),
    "yaml-too-complex": lambda d: write(d, "docs/vi/index.md", "---\na: &a [*a]\n---\n"),
    "empty-campaign": lambda d: write(d, CAMPAIGN, ""),
    # What `new` leaves to fill in (noidung.staff.scaffold), in published items and drafts.
    "placeholder-text-summary": lambda d: edit(d, ARTICLE, "summary: Tóm tắt bài mẫu.",
                                               "summary: 'CẦN VIẾT: Tóm tắt một-hai câu'"),
    "placeholder-text-body": lambda d: edit(d, ARTICLE, "Nội dung bài. Gọi Tổng đài 111.",
                                            "CẦN VIẾT: nội dung chính, viết bằng Markdown."),
    "placeholder-text-list-item": lambda d: edit(d, MODULE_A, "  - Mục tiêu một.",
                                                 "  - 'CẦN VIẾT: Mục tiêu học tập'"),
    "placeholder-text-translation": lambda d: edit(
        d, ARTICLE_EN, "summary: Summary of the sample article.", "summary: 'TO WRITE: Summary'"),
    "placeholder-text-in-code-is-fine": lambda d: edit(
        d, ARTICLE, "Nội dung bài. Gọi Tổng đài 111.",
        "Gọi Tổng đài 111. Mẫu: `CẦN VIẾT: …`"),
    "placeholder-text-in-draft": lambda d: (
        edit(d, ARTICLE, "draft: false", "draft: true"),
        edit(d, ARTICLE, "summary: Tóm tắt bài mẫu.", "summary: 'CẦN VIẾT: Tóm tắt một-hai câu'"),
        edit(d, ARTICLE_EN, "Article text.", "TO WRITE: the main text, in Markdown.")),
    "placeholder-text-in-draft-campaign": lambda d: (
        edit(d, CAMPAIGN, "materials:", "draft: true\nmaterials:"),
        edit(d, CAMPAIGN_VI, "Giới thiệu chiến dịch.",
             "CẦN VIẾT: nội dung chính, viết bằng Markdown.")),
    "placeholder-example": lambda d: edit(d, CAMPAIGN, "lead_unit: so-van-hoa-the-thao",
                                          "lead_unit: so-van-hoa-the-thao" + EXAMPLE_COMMENT),
    "placeholder-example-list": lambda d: edit(d, ARTICLE, "categories: [hoat-dong-phoi-hop]",
                                               "categories:" + EXAMPLE_COMMENT
                                               + "\n- hoat-dong-phoi-hop"),
    "placeholder-example-changed-is-fine": lambda d: edit(
        d, CAMPAIGN, "topics: [bao-ve-tre-em]", "topics:" + EXAMPLE_COMMENT + "\n- bao-ve-tre-em"),
    "placeholder-example-in-draft": lambda d: edit(
        d, CAMPAIGN, "lead_unit: so-van-hoa-the-thao",
        "draft: true\nlead_unit: so-van-hoa-the-thao" + EXAMPLE_COMMENT),
}
