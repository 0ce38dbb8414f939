"""The benchmark's corpus generator and runner, at a tiny size (nothing here is timed)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from noidung.benchmark import corpus
from noidung.benchmark.runner import FIELDS
from noidung.content import frontmatter
from noidung.content.layout import REPO_ROOT
from tests.support.tools import tool_or_skip


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file() and "scripts" not in p.parts}


def _source_pages(root: Path) -> int:
    docs = sum(1 for lang in ("vi", "en") for _ in (root / "docs" / lang).rglob("*.md"))
    return docs + sum(1 for _ in (root / "campaigns").glob("*/*.md"))


def test_the_corpus_is_deterministic_and_has_the_asked_size(tmp_path):
    first = corpus.generate(tmp_path / "a", 120, seed=7)
    second = corpus.generate(tmp_path / "b", 120, seed=7)
    other = corpus.generate(tmp_path / "c", 120, seed=8)
    assert _files(first.root) == _files(second.root)
    assert _files(first.root) != _files(other.root)
    assert _source_pages(first.root) == 120
    assert (first.root / "scripts").resolve() == REPO_ROOT / "scripts"
    assert first.untranslated > 0
    assert set(first.counts) == {"article", "module", "campaign", "page"}
    assert first.counts["article"] > first.counts["module"] > first.counts["campaign"]


def test_plan_keeps_proportions_and_caps_modules_at_m99():
    items = corpus.plan(2000, existing=14)
    kinds = [i.kind for i in items]
    assert sum(2 if i.translated else 1 for i in items) == 2000 - 14
    assert kinds.count("module") == corpus.MAX_MODULES
    assert 0.045 <= kinds.count("campaign") / len(items) <= 0.055
    assert 0.09 <= sum(not i.translated for i in items) / len(items) <= 0.11


def test_articles_modules_and_campaigns_follow_the_content_model(tmp_path):
    info = corpus.generate(tmp_path / "c", 120)
    docs = info.root / "docs"
    for path in (docs / "vi" / "tin-bai" / "posts").glob("bai-viet-*.md"):
        text = path.read_text("utf-8")
        assert unicodedata.is_normalized("NFC", text)
        meta = frontmatter.parse(text).meta
        assert meta["id"] == path.stem
        assert {"title", "summary", "date", "authors", "categories", "tags"} <= set(meta)
        english = docs / "en" / "tin-bai" / "posts" / path.name
        if english.exists():
            assert set(frontmatter.parse(english.read_text("utf-8")).meta) == {"title", "summary"}
    module = frontmatter.parse((docs / "vi" / "tap-huan" / "hoc-phan-0001.md").read_text()).meta
    assert re.fullmatch(r"M\d\d", module["code"]) and module["sessions"][0]["id"] == "buoc-1"
    assert module["duration_minutes"] == sum(s["minutes"] for s in module["sessions"])
    campaign = info.root / "campaigns" / "chien-dich-0001"
    assert {p.name for p in campaign.iterdir()} >= {"campaign.yml", "vi.md", "poster.svg"}
    body = frontmatter.parse((campaign / "vi.md").read_text("utf-8")).body
    assert "gia đình" in body.lower() or "trẻ em" in body.lower()


def test_the_corpus_is_never_written_into_the_content_folders():
    with pytest.raises(ValueError, match="outside the content folders"):
        corpus.generate(REPO_ROOT / "docs" / "bench", 20)


def test_the_benchmark_prints_one_complete_json_line_per_size(tmp_path):
    tool_or_skip("chromium")  # the search cost is measured in headless Chromium
    proc = subprocess.run(
        [sys.executable, "-m", "noidung.cli", "benchmark", "--sizes", "20", "--runs", "1",
         "--workdir", str(tmp_path), "--queries", "2"],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 1
    result = json.loads(lines[0])
    assert list(result) == list(FIELDS)
    assert result["size"] == 20 and result["runs"] == 1
    assert result["pages"] == sum(result["pages_by_lang"].values())
    assert result["pages_by_lang"]["vi"] > 0 and result["pages_by_lang"]["en"] > 0
    for key in ("build_wall_seconds", "cpu_seconds", "peak_memory_mb", "ms_per_page",
                "edit_to_preview_seconds"):
        assert isinstance(result[key], float) and result[key] > 0, key
    for key in ("output_bytes", "html_bytes", "median_html_bytes", "search_index_bytes"):
        assert isinstance(result[key], int) and result[key] > 0, key
    assert result["html_bytes"] < result["output_bytes"]
    assert result["search_index_kind"] in ("own", "pagefind", "lunr")
    assert (result["validate_seconds"] is None) == ("no `noidung validate`" in
                                                     result["validate_note"])
    assert "size 20" not in proc.stdout and "20:" in proc.stderr  # summary goes to stderr
