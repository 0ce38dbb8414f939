"""Which kinds of page a built site has, found from the paths of its files.

The gates that load pages in a browser check one page of each kind per language (the
first in path order), so a new kind of page is covered as soon as it is built: a path
that no pattern names becomes its own kind, "other:<first folder>/<depth>".
"""

from __future__ import annotations

import re
from pathlib import Path

# Ordered: the first pattern matching a page's path inside its language decides its kind.
KIND_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern)) for kind, pattern in (
        ("404", r"^404\.html$"),
        ("home", r"^index\.html$"),
        ("search", r"^(tim-kiem|search)/(.+/)?index\.html$"),
        ("blog index", r"^tin-bai/index\.html$"),
        ("blog index page", r"^tin-bai/(page|trang)/\d+/index\.html$"),
        ("archive", r"^tin-bai/luu-tru/"),
        ("category", r"^tin-bai/chuyen-muc/"),
        ("tag", r"^(tin-bai/)?(the|tags?)/"),
        ("article", r"^tin-bai/\d{4}/"),
        ("campaigns index", r"^chien-dich/index\.html$"),
        ("campaign topic", r"^chien-dich/chu-de/"),
        ("calendar", r"^chien-dich/(lich|calendar)[^/]*/"),
        ("campaign", r"^chien-dich/[^/]+/index\.html$"),
        ("module overview", r"^tap-huan/index\.html$"),
        ("module", r"^tap-huan/[^/]+/index\.html$"),
        ("about", r"^gioi-thieu/"),
        ("contact", r"^lien-he/"),
        ("staff page", r"^noi-bo/"),
    )
)
LANGUAGE_PREFIXES = {"en/": "en"}  # everything else is Vietnamese, at the root


def split_language(rel: str) -> tuple[str, str]:
    """('en', 'tin-bai/index.html') for 'en/tin-bai/index.html'; 'vi' for the root."""
    for prefix, lang in LANGUAGE_PREFIXES.items():
        if rel.startswith(prefix):
            return lang, rel[len(prefix):]
    return "vi", rel


def kind_of(path_in_language: str) -> str:
    """The kind of page at this path (inside its language), e.g. 'article'."""
    for kind, pattern in KIND_PATTERNS:
        if pattern.search(path_in_language):
            return kind
    parts = path_in_language.split("/")
    return f"other:{parts[0]}/{len(parts) - 1}"


def pages_by_kind(site: Path) -> dict[tuple[str, str], str]:
    """{(language, kind): site-relative path of the first such page}, for every HTML page.

    Pages a visitor never reaches by a link of the site's own (redirect stubs marked
    with a meta refresh) are left out: they have no content to check.
    """
    found: dict[tuple[str, str], str] = {}
    for page in sorted(site.rglob("*.html"), key=lambda p: p.relative_to(site).as_posix()):
        rel = page.relative_to(site).as_posix()
        if rel.startswith("assets/") or "/assets/" in rel:
            continue
        lang, inner = split_language(rel)
        key = (lang, kind_of(inner))
        if key in found:
            continue
        head = page.read_text("utf-8", errors="replace")[:2000].lower()
        if 'http-equiv="refresh"' in head:
            continue
        found[key] = rel
    return found


def page_url(rel: str) -> str:
    """The URL path a reader uses for a built file ('a/index.html' -> 'a/')."""
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel
