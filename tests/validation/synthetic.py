"""A synthetic project of N content files (articles, modules, campaigns in both languages),
for measuring the validator: `python -m tests.validation.synthetic /tmp/corpus 2000`."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from .helpers import (
    ARTICLE,
    ARTICLE_EN,
    CAMPAIGN,
    CAMPAIGN_EN,
    CAMPAIGN_VI,
    MODULE_A,
    MODULE_A_EN,
    make_project,
)

_PARAGRAPH_VI = (
    "Gia đình là nơi trẻ em lớn lên, và một gia đình ấm no, tiến bộ, hạnh phúc là điều kiện để "
    "trẻ phát triển toàn diện. Cán bộ cấp xã phối hợp với cộng tác viên thôn, tổ dân phố để "
    "nhận biết sớm nguy cơ, hướng dẫn người dân gọi Tổng đài 111 khi trẻ em gặp nguy hiểm. "
)
_PARAGRAPH_EN = (
    "Children grow up in families, and a prosperous, progressive and happy family is what lets "
    "a child develop fully. Commune officers work with village volunteers to notice risks early "
    "and tell residents to call hotline 111 when a child is in danger. "
)


def _body(paragraph: str, n: int) -> str:
    # About 600 words: what a real article or module holds.
    link = "[Xem thêm](#phan-1), [nguồn](https://example.vn/tin/123)"
    parts = [f"## Phần {i}\n\n{paragraph * 3}\n\n{link}\n" for i in range(n)]
    return "\n".join(parts)


def make_corpus(root: Path, files: int = 2000) -> int:
    """Write a valid project with about `files` content files; return the count written."""
    make_project(root)
    campaigns = files // 20            # 3 files each
    modules = min(files // 13, 97)     # 2 files each; codes M03..M99 (M01, M02 exist)
    articles = (files - 3 * campaigns - 2 * modules) // 2
    body_vi, body_en = _body(_PARAGRAPH_VI, 6), _body(_PARAGRAPH_EN, 6)
    for i in range(campaigns):
        folder = root / "campaigns" / f"chien-dich-{i}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "campaign.yml").write_text(
            CAMPAIGN.replace("id: chien-dich-mau", f"id: chien-dich-{i}"), "utf-8")
        (folder / "vi.md").write_text(CAMPAIGN_VI + body_vi, "utf-8")
        (folder / "en.md").write_text(CAMPAIGN_EN + body_en, "utf-8")
        (folder / "poster.png").write_bytes(b"\x89PNG\r\n")
    for lang, text, body in (("vi", MODULE_A, body_vi), ("en", MODULE_A_EN, body_en)):
        folder = root / "docs" / lang / "tap-huan"
        for i in range(modules):
            new = text.replace("id: hoc-phan-a", f"id: hoc-phan-{i}").replace(
                "code: M01", f"code: M{i + 3:02d}")
            (folder / f"hoc-phan-{i}.md").write_text(new + body, "utf-8")
    for lang, text, body in (("vi", ARTICLE, body_vi), ("en", ARTICLE_EN, body_en)):
        folder = root / "docs" / lang / "tin-bai" / "posts"
        for i in range(articles):
            new = text.replace("id: bai-mau", f"id: bai-{i}")
            (folder / f"bai-{i}.md").write_text(new + body, "utf-8")
    return sum(1 for p in root.rglob("*") if p.suffix in (".md", ".yml"))


def main(argv: list[str]) -> int:
    from noidung.validation import validate_project

    root = Path(argv[0] if argv else "/tmp/validation-corpus")
    count = make_corpus(root, int(argv[1]) if len(argv) > 1 else 2000)
    started = time.perf_counter()
    result = validate_project(root)
    seconds = time.perf_counter() - started
    print(f"{count} files written, {result.files} validated in {seconds:.2f} s, "
          f"{len(result.errors)} errors, {len(result.warnings)} warnings")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
