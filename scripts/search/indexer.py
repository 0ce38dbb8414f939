"""Run Pagefind over the joined site: one search bundle per language.

Each language gets its own bundle in its own root (`site/pagefind/`,
`site/en/pagefind/`), so a page can only ever search its own language, and the
search box finds the bundle with a URL relative to the page (the site may be
served under any prefix). Pagefind is driven through its Python API: we give it
our records (scripts/search/records.py) instead of letting it read the pages.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..i18n import Language
from ..postbuild import built_pages, language_dir
from .records import SearchRecord, page_record

#: Folder of each language's bundle, under that language's root.
BUNDLE_DIR = "pagefind"
#: Pagefind writes its own UIs too; our search box uses only the core API.
UNUSED_FILES = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
)


class SearchIndexError(RuntimeError):
    """Raised by `index_site` when Pagefind fails or finds no page in a language."""


@dataclass
class SearchIndexReport:
    """Pages indexed and skipped per language."""

    indexed: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)


def collect_records(
    site: Path, languages: list[Language], report: SearchIndexReport | None = None
) -> dict[str, list[SearchRecord]]:
    """The records of every indexable page, per language code (skips counted in `report`)."""
    result: dict[str, list[SearchRecord]] = {}
    for code, pages in built_pages(site, languages).items():
        records = []
        for url, page in sorted(pages.items()):
            record = page_record(page.path.read_text("utf-8"), url, code, page.path.name)
            if record is not None:
                records.append(record)
        result[code] = records
        if report is not None:
            report.skipped[code] = len(pages) - len(records)
    return result


async def _write_bundle(records: list[SearchRecord], lang: str, out: Path) -> None:
    from pagefind.index import PagefindIndex  # imported late: it starts a service

    # The records are written as files and indexed with one call: the Python
    # API waits 0.1 s per message, so one add_html_file per page would cost
    # 200 s per language at 2,000 pages.
    with tempfile.TemporaryDirectory(prefix="search-records-") as tmp:
        for record in records:
            path = Path(tmp) / record.url / "index.html"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(record.index_html(), "utf-8")
        config = {"output_path": str(out), "force_language": lang}
        async with PagefindIndex(config) as index:
            result = await index.add_directory(tmp)
    if result.get("page_count") != len(records):
        raise SearchIndexError(f"Pagefind indexed {result.get('page_count')} of "
                               f"{len(records)} pages in '{lang}'")


def _run_in_own_loop(coroutine) -> None:
    """asyncio.run in a fresh thread: the caller's thread may already run an event loop
    (Playwright's sync API in the test session does), where asyncio.run refuses to start."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, coroutine).result()


def index_site(site: Path, languages: list[Language]) -> SearchIndexReport:
    """Write one Pagefind bundle per language into the joined site."""
    report = SearchIndexReport()
    all_records = collect_records(site, languages, report)
    for language in languages:
        records = all_records[language.code]
        out = language_dir(site, language) / BUNDLE_DIR
        shutil.rmtree(out, ignore_errors=True)
        if not records:
            raise SearchIndexError(
                f"Không có trang nào để tìm kiếm bằng ngôn ngữ «{language.code}» / "
                f"no searchable page in language '{language.code}'")
        try:
            _run_in_own_loop(_write_bundle(records, language.code, out))
        except Exception as exc:  # Pagefind reports its own errors as plain exceptions
            raise SearchIndexError(
                f"Pagefind không tạo được chỉ mục «{language.code}» / "
                f"Pagefind failed for '{language.code}': {exc}") from exc
        for name in UNUSED_FILES:
            (out / name).unlink(missing_ok=True)
        report.indexed[language.code] = len(records)
    return report
