"""Choosing which built pages the publishing tests visit."""

from __future__ import annotations

from pathlib import Path

from noidung.build.security import url_path_of
from noidung.quality.page_kinds import page_url, pages_by_kind


def html_pages(site: Path) -> list[str]:
    """URL paths of every index.html page, redirect pages included."""
    return sorted(url_path_of(p, site) for p in site.rglob("index.html")
                  if "_deploy" not in p.parts)


def page_types(site: Path) -> list[str]:
    """One page of every kind in each language (the quality gates' own list of kinds)."""
    return sorted({"/" + page_url(rel) for rel in pages_by_kind(site).values()})


def module_page(site: Path) -> str:
    """A training module page (the deepest page under tap-huan/), else the deepest page."""
    pages = [u for u in html_pages(site) if u.startswith("/tap-huan/")]
    pool = pages or html_pages(site)
    return max(pool, key=lambda u: (u.count("/"), u))


def redirects_of(site: Path) -> dict[str, str]:
    """source -> target, from the `_redirects` file the build writes."""
    result = {}
    file = site / "_redirects"
    for line in file.read_text("utf-8").splitlines() if file.exists() else []:
        source, target, _status = line.split()
        result[source] = target
    return result
