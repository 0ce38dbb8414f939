"""A small valid project in a temporary folder, to break one thing at a time."""

from __future__ import annotations

import shutil
from pathlib import Path

from noidung.content.layout import REPO_ROOT
from noidung.validation import validate_project

CAMPAIGN = """\
id: chien-dich-mau
start_date: 2025-06-01
end_date: 2025-06-30
lead_unit: so-van-hoa-the-thao
partner_units: [so-y-te]
topics: [bao-ve-tre-em]
audiences: [cha-me]
areas: [toan-tinh]
hashtags: ["#ViTreEm"]
hotline: "111"
modules: [hoc-phan-a]
articles: [bai-mau]
materials:
  - file: poster.png
    type: poster
    licence: CC BY 4.0
"""

CAMPAIGN_VI = """\
---
title: Chiến dịch mẫu
summary: Tóm tắt chiến dịch mẫu.
key_messages:
  - Gọi 111 khi trẻ em gặp nguy hiểm.
materials:
  - file: poster.png
    title: Áp phích
    alt: Áp phích ghi số 111
---

Giới thiệu chiến dịch.
"""

CAMPAIGN_EN = """\
---
title: Sample campaign
summary: Summary of the sample campaign.
materials:
  - file: poster.png
    title: Poster
    alt: Poster showing the number 111
---

About the campaign.
"""

MODULE_A = """\
---
id: hoc-phan-a
code: M01
title: Học phần A
summary: Tóm tắt học phần A.
audiences: [can-bo-co-so]
duration_minutes: 60
level: co-ban
objectives:
  - Mục tiêu một.
prerequisites: []
sessions:
  - id: buoc-1
    minutes: 60
    title: Bước một
    activity: Thảo luận.
last_reviewed: 2025-09-15
version: "1.0"
---

Nội dung học phần A.
"""

MODULE_A_EN = """\
---
title: Module A
summary: Summary of module A.
sessions:
  - id: buoc-1
    title: Step one
    activity: Discussion.
---

Module A content.
"""

MODULE_B = """\
---
id: hoc-phan-b
code: M02
title: Học phần B
summary: Tóm tắt học phần B.
audiences: [can-bo-co-so]
duration_minutes: 45
level: trung-cap
objectives: [Mục tiêu.]
prerequisites: [hoc-phan-a]
last_reviewed: 2025-09-15
version: "1.0"
---

Xem [học phần A](hoc-phan-a.md).
"""

MODULE_B_EN = """\
---
title: Module B
summary: Summary of module B.
---

See [module A](hoc-phan-a.md).
"""

ARTICLE = """\
---
id: bai-mau
title: Bài mẫu
summary: Tóm tắt bài mẫu.
date: 2025-06-02
authors: [phong-nep-song-van-hoa-gia-dinh]
categories: [hoat-dong-phoi-hop]
tags: [bao-ve-tre-em]
campaign: chien-dich-mau
cover:
  file: anh/bia.png
  alt: Ảnh bìa
draft: false
---

Nội dung bài. Gọi Tổng đài 111.

![Ảnh hoạt động](anh/bia.png)
"""

ARTICLE_EN = """\
---
title: Sample article
summary: Summary of the sample article.
cover_alt: Cover picture
---

Article text. Call hotline 111.
"""

FILES = {
    "campaigns/chien-dich-mau/campaign.yml": CAMPAIGN,
    "campaigns/chien-dich-mau/vi.md": CAMPAIGN_VI,
    "campaigns/chien-dich-mau/en.md": CAMPAIGN_EN,
    "docs/vi/tap-huan/hoc-phan-a.md": MODULE_A,
    "docs/en/tap-huan/hoc-phan-a.md": MODULE_A_EN,
    "docs/vi/tap-huan/hoc-phan-b.md": MODULE_B,
    "docs/en/tap-huan/hoc-phan-b.md": MODULE_B_EN,
    "docs/vi/tin-bai/posts/bai-mau.md": ARTICLE,
    "docs/en/tin-bai/posts/bai-mau.md": ARTICLE_EN,
    "docs/vi/index.md": "# Trang chủ\n\nXem [học phần](tap-huan/hoc-phan-a.md).\n",
    "docs/en/index.md": "# Home\n",
}
BINARY = {
    "campaigns/chien-dich-mau/poster.png": b"\x89PNG\r\n",
    "docs/vi/tin-bai/posts/anh/bia.png": b"\x89PNG\r\n",
}
REGISTRIES = ("units", "categories", "topics", "audiences", "districts", "hotlines")


def make_project(root: Path) -> Path:
    """Write the small valid project under `root` (registries copied from the real one)."""
    for rel, text in FILES.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    for rel, data in BINARY.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    (root / "docs/registries").mkdir(parents=True, exist_ok=True)
    for name in REGISTRIES:
        shutil.copy2(REPO_ROOT / "docs/registries" / f"{name}.yml",
                     root / "docs/registries" / f"{name}.yml")
    return root


def lines(root: Path, paths: list[str] | None = None) -> list[str]:
    """The problems of a run, as the text lines staff read (without hints)."""
    return [p.to_text() for p in validate_project(root, paths).problems]


def write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), "utf-8")
