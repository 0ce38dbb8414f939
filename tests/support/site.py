"""Reading a built site: its pages per language and the links inside them."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def page_language_root(site: Path, page: Path) -> str:
    rel = page.relative_to(site).as_posix()
    return "/en/" if rel.startswith("en/") else "/"


def soup(page: Path) -> BeautifulSoup:
    return BeautifulSoup(page.read_text("utf-8"), "html.parser")


def resolve_href(site: Path, page: Path, href: str) -> Path | None:
    """The file a link from `page` leads to (None for external or non-file links)."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:", "#")):
        return None
    base = "/" + page.relative_to(site).parent.as_posix() + "/"
    target = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
    path = site / target.lstrip("/")
    if parts.path.endswith("/") or path.is_dir():
        path = path / "index.html"
    return path


def url_to_file(site: Path, site_url: str, url: str) -> Path | None:
    """The file behind an absolute URL of the site (None if the URL is elsewhere)."""
    if not url.startswith(site_url):
        return None
    rel = url[len(site_url):]
    path = site / unquote(rel)
    return path / "index.html" if rel.endswith("/") or rel == "" else path
