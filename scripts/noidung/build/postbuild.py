"""Work on the joined output of both language builds (site/ and site/en/).

Each build only knows its own pages. Once both are done, this module:
- points every language switcher and hreflang link at a page that exists
  (views such as a category with no post in the other language fall back to
  the nearest existing section page);
- writes one sitemap per language whose entries carry their alternates;
- turns off Material's client-side "stay on page" lookup, which fetches a
  sitemap.xml next to every alternate link (failing requests) and cannot work
  with Vietnamese at the site root (ARCHITECTURE.md, stack notes §1); our links are computed here.
"""

from __future__ import annotations

import gzip
import os
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from noidung.i18n.languages import Language, absolute_url, relative_href

SWITCH_RE = re.compile(r'(<a href=")([^"]*)("[^>]*data-i18n-switch="([a-z-]+)")')
ALTERNATE_RE = re.compile(r'\s*<link rel="alternate" hreflang="[^"]*" href="[^"]*" '
                          r'data-i18n-alternate="([a-z-]+)">')
NOINDEX = '<meta name="robots" content="noindex'
#: Material 9.8.1's bundle starts the sitemap-based language lookup with this call.
MATERIAL_ALTERNATE_LOOKUP = "ui({document$:ct});"


@dataclass(frozen=True)
class BuiltPage:
    """One HTML page of the joined site: its language, URL under the root, and file."""

    lang: str
    url: str
    path: Path


def language_dir(site: Path, language: Language) -> Path:
    return site / language.root.strip("/") if language.root.strip("/") else site


def page_url(file: Path, lang_dir: Path) -> str:
    rel = file.relative_to(lang_dir).as_posix()
    if rel == "index.html":
        return ""
    if rel.endswith("/index.html"):
        return rel[: -len("index.html")]
    return rel


def built_pages(site: Path, languages: list[Language]) -> dict[str, dict[str, BuiltPage]]:
    """HTML pages per language, by URL (the other languages' folders excluded)."""
    result: dict[str, dict[str, BuiltPage]] = {}
    others = {str(language_dir(site, x)) for x in languages if x.root.strip("/")}
    for language in languages:
        folder = language_dir(site, language)
        pages = {}
        # os.walk, not rglob: the other languages' folders are pruned, not walked and
        # then filtered (3,000 pages: 0.12 s a call, and four steps ask).
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames[:] = sorted(d for d in dirnames if os.path.join(dirpath, d) not in others)
            for name in sorted(filenames):
                if name.endswith(".html"):
                    file = Path(dirpath, name)
                    url = page_url(file, folder)
                    pages[url] = BuiltPage(language.code, url, file)
        result[language.code] = pages
    return result


def fallback_url(url: str, existing: Iterable[str]) -> str:
    """The nearest existing ancestor of `url` (a section page, at worst the home page)."""
    have = set(existing)
    while url:
        url = posixpath.dirname(url.rstrip("/"))
        url = url + "/" if url else ""
        if url in have:
            return url
    return ""


def resolve_language_links(site: Path, languages: list[Language]) -> int:
    """Repoint switchers and drop hreflang links whose target page does not exist.

    Returns how many switcher links were sent to a fallback page.
    """
    pages = built_pages(site, languages)
    by_code = {x.code: x for x in languages}
    fallbacks = 0
    for code, own in pages.items():
        for page in own.values():
            if page.url == "404.html":
                continue
            html = page.path.read_text("utf-8")
            missing = {
                other for other in by_code
                if other != code and page.url not in pages[other]
            }
            if not missing:
                continue

            def switch(match: re.Match[str], *, _page=page, _missing=missing, _code=code) -> str:
                target_lang = match.group(4)
                if target_lang not in _missing:
                    return match.group(0)
                target = fallback_url(_page.url, pages[target_lang])
                href = relative_href(
                    _page.url, by_code[_code].root, by_code[target_lang].root, target
                )
                return f"{match.group(1)}{href}{match.group(3)}"

            def alternate(match: re.Match[str], *, _missing=missing) -> str:
                return "" if match.group(1) in _missing else match.group(0)

            new = SWITCH_RE.sub(switch, html)
            new = ALTERNATE_RE.sub(alternate, new)
            fallbacks += len(missing)
            if new != html:
                page.path.write_text(new, "utf-8")
    return fallbacks


def write_sitemaps(site: Path, languages: list[Language], root_url: str) -> dict[str, int]:
    """One sitemap.xml (and .gz) per language; each entry lists its alternates."""
    pages = built_pages(site, languages)
    indexable = {
        code: sorted(
            url for url, page in own.items()
            if url != "404.html" and NOINDEX not in page.path.read_text("utf-8")[:4000]
        )
        for code, own in pages.items()
    }
    counts = {}
    for language in languages:
        rows = []
        for url in indexable[language.code]:
            loc = absolute_url(root_url, language.root, url)
            links = "".join(
                f'\n    <xhtml:link rel="alternate" hreflang="{other.code}" '
                f'href="{escape(absolute_url(root_url, other.root, url))}"/>'
                for other in languages if url in indexable[other.code]
            )
            if url in indexable[languages[0].code]:
                links += (f'\n    <xhtml:link rel="alternate" hreflang="x-default" '
                          f'href="{escape(absolute_url(root_url, languages[0].root, url))}"/>')
            rows.append(f"  <url>\n    <loc>{escape(loc)}</loc>{links}\n  </url>")
        xml = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' + "\n".join(rows) + "\n</urlset>\n"
        )
        folder = language_dir(site, language)
        (folder / "sitemap.xml").write_text(xml, "utf-8")
        (folder / "sitemap.xml.gz").write_bytes(gzip.compress(xml.encode(), mtime=0))
        counts[language.code] = len(rows)
    return counts


def disable_material_alternate_lookup(site: Path) -> int:
    """Remove the start of Material's sitemap lookup from its JavaScript bundle(s).

    Raises RuntimeError if the call is not found, so that a Material upgrade that
    changes it is noticed at once instead of silently bringing the requests back.
    """
    bundles = list(site.rglob("assets/javascripts/bundle.*.min.js"))
    for bundle in bundles:
        text = bundle.read_text("utf-8")
        if MATERIAL_ALTERNATE_LOOKUP not in text:
            raise RuntimeError(
                f"{bundle}: Material's language lookup call was not found; "
                "check scripts/noidung/build/postbuild.py after upgrading mkdocs-material"
            )
        bundle.write_text(text.replace(MATERIAL_ALTERNATE_LOOKUP, "", 1), "utf-8")
    return len(bundles)
