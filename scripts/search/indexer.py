"""Run Pagefind over the joined site: one search bundle per language.

Each language gets its own bundle in its own root (`site/pagefind/`,
`site/en/pagefind/`), so a page can only ever search its own language, and the
search box finds the bundle with a URL relative to the page (the site may be
served under any prefix). Pagefind indexes our records (scripts/search/records.py),
not the published pages.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
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


def write_bundle(records: list[SearchRecord], lang: str, out: Path) -> None:
    """Index `records` as one language into the Pagefind bundle folder `out`."""
    # The records are written as files and indexed by Pagefind's command in one
    # run. Its Python API was tried first: it waits 0.1 s per message (200 s
    # per language at 2,000 pages) and, on a busy machine, stopped its service
    # before the WebAssembly file was fully written.
    with tempfile.TemporaryDirectory(prefix="search-records-") as tmp:
        for record in records:
            path = Path(tmp) / record.url / "index.html"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(record.index_html(), "utf-8")
        command = [sys.executable, "-m", "pagefind", "--site", tmp, "--output-path", str(out),
                   "--force-language", lang, "--silent"]
        done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode:
        raise SearchIndexError(
            f"Pagefind không tạo được chỉ mục «{lang}» / Pagefind failed for '{lang}' "
            f"(exit {done.returncode}): {(done.stderr or done.stdout).strip()}")


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
        # A separate process: it finishes writing before it exits, and it does
        # not mind an event loop in the caller (Playwright's, in the tests).
        write_bundle(records, language.code, out)
        for name in UNUSED_FILES:
            (out / name).unlink(missing_ok=True)
        report.indexed[language.code] = len(records)
    return report
