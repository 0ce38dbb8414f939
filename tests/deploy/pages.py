"""Choosing which built pages the publishing tests visit."""

from __future__ import annotations

from pathlib import Path

from scripts.publish import url_path_of


def html_pages(site: Path) -> list[str]:
    """URL paths of every index.html page, redirect pages included."""
    return sorted(url_path_of(p, site) for p in site.rglob("index.html")
                  if "_deploy" not in p.parts)


def page_types(site: Path, redirects: set[str], limit: int = 40) -> list[str]:
    """One page per (language, section, depth): each template shape, at any site size."""
    chosen: dict[tuple[str, str, int], str] = {}
    for url in html_pages(site):
        if url in redirects:
            continue
        parts = [p for p in url.strip("/").split("/") if p]
        lang = "en" if parts[:1] == ["en"] else "vi"
        parts = parts[1:] if lang == "en" else parts
        key = (lang, parts[0] if parts else "", len(parts))
        chosen.setdefault(key, url)
    return sorted(chosen.values())[:limit]


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
