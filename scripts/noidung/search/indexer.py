"""Index the joined site: one search index per language, languages in parallel.

Each language gets its own index in its own root (`site/search/`,
`site/en/search/`), so a page can only ever search its own language, and the
search box finds it with a URL relative to the page (the site may be served
under any prefix). The index holds our records (scripts/noidung/search/records.py), not
the published pages; its format is in scripts/noidung/search/index.py.
"""

from __future__ import annotations

import multiprocessing
import shutil
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from noidung.build.postbuild import built_pages, language_dir
from noidung.i18n.languages import Language

from .index import build_index, write_index
from .records import SearchRecord, page_record

#: Folder of each language's index, under that language's root.
INDEX_DIR = "search"


class SearchIndexError(RuntimeError):
    """Raised by `index_site` when a language has no page to search."""


@dataclass
class SearchIndexReport:
    """Pages indexed and skipped, and files written, per language."""

    indexed: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    files: dict[str, int] = field(default_factory=dict)


def collect_records(site: Path, languages: list[Language],
                    language: Language) -> tuple[list[SearchRecord], int]:
    """The records of `language`'s indexable pages, by URL, and how many pages were skipped."""
    pages = built_pages(site, languages)[language.code]
    records = []
    for url, page in sorted(pages.items()):
        record = page_record(page.path.read_text("utf-8"), url, language.code, page.path.name)
        if record is not None:
            records.append(record)
    return records, len(pages) - len(records)


def index_language(site: Path, languages: list[Language],
                   language: Language) -> tuple[int, int, int]:
    """Write `language`'s index; (pages indexed, pages skipped, files written)."""
    records, skipped = collect_records(site, languages, language)
    out = language_dir(site, language) / INDEX_DIR
    shutil.rmtree(out, ignore_errors=True)
    if not records:
        raise SearchIndexError(
            f"Không có trang nào để tìm kiếm bằng ngôn ngữ «{language.code}» / "
            f"no searchable page in language '{language.code}'")
    files = write_index(build_index(records, language.code), out)
    return len(records), skipped, files


def index_site(site: Path, languages: list[Language]) -> SearchIndexReport:
    """Write one index per language into the joined site, one process per language."""
    report = SearchIndexReport()
    # Parsing pages is CPU-bound: languages go to separate processes ("spawn":
    # the caller may have threads, e.g. Playwright's in the tests).
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=min(2, len(languages)), mp_context=context) as pool:
        futures = {x.code: pool.submit(index_language, site, languages, x) for x in languages}
        for code, future in futures.items():
            indexed, skipped, files = future.result()
            report.indexed[code], report.skipped[code], report.files[code] = (
                indexed, skipped, files)
    return report
