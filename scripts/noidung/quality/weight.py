"""Page weight measured on the built files, compressed as a web server sends them.

deploy/nginx.conf serves the `<file>.gz` twin written at build time (gzip_static) and
gzips other text on the fly: HTML, CSS, JavaScript, SVG, JSON, XML. Images and WOFF2
fonts are already compressed and go as they are.
"""

from __future__ import annotations

import gzip
import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup

from noidung.quality.links import resolve

COMPRESSED_BY_SERVER = {".html", ".css", ".js", ".mjs", ".svg", ".json", ".xml", ".txt",
                        ".ttf", ".otf", ".ico"}
GZIP_LEVEL = 6  # a common nginx gzip_comp_level; level 1 (nginx's default) only weighs more
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
CSS_IMPORT = re.compile(r"""@import\s+(['"])([^'"]+)\1""")


def transfer_size(path: Path) -> int:
    """Bytes a server sends for this file (gzip for text types, as is otherwise)."""
    twin = path.with_name(path.name + ".gz")
    if twin.is_file():
        return twin.stat().st_size
    data = path.read_bytes()
    if path.suffix.lower() in COMPRESSED_BY_SERVER:
        return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))
    return len(data)


@dataclass
class PageWeight:
    """The files needed to render one page and what each costs on the wire."""

    page: str
    files: dict[str, int] = field(default_factory=dict)  # site-relative path -> bytes sent
    missing: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.files.values())

    def by_kind(self) -> dict[str, int]:
        kinds: dict[str, int] = {}
        for name, size in self.files.items():
            suffix = Path(name).suffix.lower().lstrip(".") or "html"
            kinds[suffix] = kinds.get(suffix, 0) + size
        return kinds


def _render_urls(html: str) -> list[str]:
    """URLs the browser fetches to render a page: styles, scripts, images, icons, preloads."""
    soup = BeautifulSoup(html, "html.parser")
    urls = []
    for link in soup.find_all("link", href=True):
        rel = {str(r).lower() for r in link.get("rel") or []}
        if rel & {"stylesheet", "icon", "preload", "modulepreload"}:
            urls.append(str(link["href"]))
    urls += [str(s["src"]) for s in soup.find_all("script", src=True)]
    urls += [str(i["src"]) for i in soup.find_all(["img", "source", "video", "audio"], src=True)]
    for tag in soup.find_all(["img", "source"], srcset=True):
        # A browser picks one candidate; count the largest, the worst case.
        candidates = [c.split()[0] for c in str(tag["srcset"]).split(",") if c.strip()]
        urls += candidates[-1:]
    for styled in soup.find_all(style=True):
        urls += [m.group(2) for m in CSS_URL.finditer(str(styled["style"]))]
    for style in soup.find_all("style"):
        urls += [m.group(2) for m in CSS_URL.finditer(style.get_text())]
    return urls


def _css_urls(css: str) -> list[str]:
    """Fonts, images and imported sheets a stylesheet refers to (all counted: worst case)."""
    urls = [m.group(2) for m in CSS_URL.finditer(css)]
    return urls + [m.group(2) for m in CSS_IMPORT.finditer(css)]


def page_weight(site: Path, page: Path, root_url: str | None = None) -> PageWeight:
    """The HTML page plus every local file needed to render it, with transfer sizes.

    Stylesheets are followed for their fonts and images. Files on another host are not
    counted here (the requests gate forbids them anyway); missing files are listed.
    """
    result = PageWeight(page.relative_to(site).as_posix())
    queue = [page]
    seen: set[Path] = set()
    while queue:
        current = queue.pop()
        if current in seen:
            continue
        seen.add(current)
        if not current.is_file():
            result.missing.append(current.relative_to(site).as_posix())
            continue
        result.files[current.relative_to(site).as_posix()] = transfer_size(current)
        if current == page:
            urls = _render_urls(current.read_text("utf-8"))
        elif current.suffix == ".css":
            urls = _css_urls(current.read_text("utf-8"))
        else:
            continue
        for url in urls:
            if url.startswith("data:"):
                continue
            resolved = resolve(site, current, url, root_url)
            if resolved is not None and resolved[0] != current:
                queue.append(resolved[0])
    return result


@dataclass(frozen=True)
class HtmlSizes:
    """Uncompressed HTML size over all pages of a site."""

    pages: int
    median: float
    largest: tuple[str, int]


def html_sizes(site: Path) -> HtmlSizes:
    """Median and largest uncompressed size of the HTML pages under `site`."""
    sizes = {p.relative_to(site).as_posix(): p.stat().st_size for p in site.rglob("*.html")}
    if not sizes:
        raise ValueError(f"no HTML page under {site}")
    largest = max(sizes.items(), key=lambda item: item[1])
    return HtmlSizes(len(sizes), statistics.median(sizes.values()), largest)
