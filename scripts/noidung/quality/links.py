"""Internal links and #anchors of a built site: every one must lead somewhere.

Works offline on the files alone: relative URLs, directory URLs (`tin-bai/` and
`tin-bai` both mean `tin-bai/index.html`), %-encoded paths, absolute paths (the 404
page has no <base> and uses `/en/...`), and absolute URLs on the site's own address
(canonical and hreflang links). External URLs are not followed.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from noidung.quality import Problem

# (tag, attribute) pairs that carry a URL the browser follows or loads.
URL_ATTRIBUTES = (
    ("a", "href"), ("area", "href"), ("link", "href"), ("script", "src"), ("img", "src"),
    ("source", "src"), ("video", "src"), ("audio", "src"), ("iframe", "src"),
    ("video", "poster"), ("object", "data"), ("form", "action"),
)
SRCSET_TAGS = ("img", "source")
# Fragments a browser accepts without a matching element (HTML: "scroll to the top").
ALWAYS_VALID_FRAGMENTS = {"", "top"}


@dataclass
class LinkReport:
    """What the checker looked at, so a passing run shows it was not empty."""

    pages: int = 0
    links: int = 0
    anchors: int = 0
    problems: list[Problem] = field(default_factory=list)


def site_root_url(site: Path) -> str | None:
    """The site's public root URL, read from its sitemap (shortest <loc>), if any."""
    sitemap = site / "sitemap.xml"
    if not sitemap.exists():
        return None
    locs = re.findall(r"<loc>\s*([^<\s]+)\s*</loc>", sitemap.read_text("utf-8"))
    if not locs:
        return None
    root = min(locs, key=len)
    return root if root.endswith("/") else root + "/"


def _ids(soup: BeautifulSoup) -> set[str]:
    ids = {str(tag["id"]) for tag in soup.find_all(id=True)}
    ids |= {str(tag["name"]) for tag in soup.find_all("a", attrs={"name": True})}
    return ids


def _urls(soup: BeautifulSoup) -> list[str]:
    urls = []
    for tag_name, attribute in URL_ATTRIBUTES:
        for tag in soup.find_all(tag_name, attrs={attribute: True}):
            urls.append(str(tag[attribute]).strip())
    for tag in soup.find_all(SRCSET_TAGS, attrs={"srcset": True}):
        for candidate in str(tag["srcset"]).split(","):
            if candidate.strip():
                urls.append(candidate.split()[0])
    return urls


def resolve(site: Path, page: Path, url: str, root_url: str | None) -> tuple[Path, str] | None:
    """The file and fragment an internal URL on `page` leads to; None for external URLs.

    >>> resolve(Path("s"), Path("s/en/a/index.html"), "../b/#x", None)
    (PosixPath('s/en/b/index.html'), 'x')
    """
    root_path = urlsplit(root_url).path if root_url else "/"
    if root_url and url.startswith(root_url):
        url = root_path + url[len(root_url):]
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None  # another site, mailto:, tel:, data:, javascript:
    fragment = unquote(parts.fragment)
    if not parts.path:
        return page, fragment
    if parts.path.startswith("/"):
        # Absolute paths are relative to the site's root path (a site may live in a folder).
        path_in_site = parts.path
        if path_in_site.startswith(root_path):
            path_in_site = path_in_site[len(root_path) - 1:]
        target = posixpath.normpath(unquote(path_in_site))
    else:
        base = "/" + page.parent.relative_to(site).as_posix()
        target = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
    path = site / target.lstrip("/")
    if parts.path.endswith("/") or path.is_dir():
        path = path / "index.html"
    return path, fragment


def check_links(site: Path, root_url: str | None = None) -> LinkReport:
    """Check every internal link and #anchor in every HTML page under `site`.

    `root_url` is the site's public address (default: read from site/sitemap.xml), so that
    canonical and hreflang links written as absolute URLs are checked too.
    """
    if root_url is None:
        root_url = site_root_url(site)
    pages = sorted(site.rglob("*.html"))
    soups = {page: BeautifulSoup(page.read_text("utf-8"), "html.parser") for page in pages}
    ids: dict[Path, set[str]] = {page: _ids(soup) for page, soup in soups.items()}
    result = LinkReport(pages=len(pages))
    for page, soup in soups.items():
        name = page.relative_to(site).as_posix()
        for url in _urls(soup):
            resolved = resolve(site, page, url, root_url)
            if resolved is None:
                continue
            target, fragment = resolved
            result.links += 1
            if not target.is_file():
                shown = target.relative_to(site).as_posix()  # normpath keeps it inside
                result.problems.append(Problem(
                    name, "dead-link", f"link {url!r} leads to no file ({shown})"))
                continue
            if fragment in ALWAYS_VALID_FRAGMENTS or target.suffix != ".html":
                continue
            result.anchors += 1
            if target not in ids:  # an HTML file outside the crawl (should not happen)
                ids[target] = _ids(BeautifulSoup(target.read_text("utf-8"), "html.parser"))
            if fragment not in ids[target]:
                result.problems.append(Problem(
                    name, "dead-anchor", f"link {url!r}: no element with id {fragment!r} in "
                    f"{target.relative_to(site).as_posix()}"))
    return result
