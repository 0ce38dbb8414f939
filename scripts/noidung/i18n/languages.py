"""Two languages, one path per page: URL helpers and untranslated-page stand-ins.

Every page has the same path under both language roots (`/chien-dich/` and
`/en/chien-dich/`). A page that exists in one language only gets a stand-in
page in the other, which says plainly that it is not translated yet and links
to the original; so the language switcher can always keep the reader's place.
"""

from __future__ import annotations

import datetime as dt
import html
import posixpath
from dataclasses import dataclass
from urllib.parse import urljoin

from babel import dates as babel_dates

from noidung.i18n import strings

#: How each language writes a date (CLDR patterns, as Babel reads them): the one rule for
#: our pages and for Material's blog (post dates), so a page never mixes two styles.
#: Vietnamese: 28/6/2025, as administrative texts write it; English: 28 June 2025.
DATE_PATTERNS = {"vi": "d/M/y", "en": "d MMMM y"}


def format_date(day: dt.date, lang: str) -> str:
    """A date as readers of `lang` expect it (DATE_PATTERNS)."""
    return babel_dates.format_date(day, DATE_PATTERNS.get(lang, DATE_PATTERNS["vi"]),
                                   locale=lang)


@dataclass(frozen=True)
class Language:
    """A language of the site: its code, its own name, and its root path ("/", "/en/")."""

    code: str
    name: str
    root: str


def languages_from_alternate(alternate: list[dict]) -> list[Language]:
    """Read Material's `extra.alternate` list: the first entry is the default language."""
    languages = []
    for item in alternate:
        root = "/" + str(item["link"]).strip("/") + "/"
        languages.append(Language(item["lang"], item["name"], root.replace("//", "/")))
    return languages


def message(lang: str, key: str, **values: str) -> str:
    return strings.text(lang, "site", key, **values)


def language_name(in_lang: str, of_lang: str) -> str:
    """The name of language `of_lang`, written in `in_lang` ("tiếng Anh", "Vietnamese")."""
    return message(in_lang, f"language_name_{of_lang}")


def _depth(url: str) -> int:
    """How many folders deep a page URL is ('' -> 0, 'a/' -> 1, 'a/b/' -> 2)."""
    url = url.split("#", 1)[0]
    return url.count("/")


def relative_href(page_url: str, from_root: str, to_root: str, target_url: str) -> str:
    """Relative link from the page at `from_root + page_url` to `to_root + target_url`.

    Relative links keep the site working wherever it is served (a test server,
    a preview host, a sub-folder) without knowing its address.
    """
    up = _depth(page_url) + from_root.strip("/").count("/") + (1 if from_root.strip("/") else 0)
    href = "../" * up + to_root.lstrip("/") + target_url
    return href or "./"


def absolute_url(root_site_url: str, lang_root: str, page_url: str) -> str:
    """The public address of a page (for hreflang links, sitemaps and feeds)."""
    base = root_site_url if root_site_url.endswith("/") else root_site_url + "/"
    return urljoin(base, lang_root.lstrip("/") + page_url)


def language_site_url(root_site_url: str, language: Language) -> str:
    """The site_url of one language's build, from the site's root address."""
    return absolute_url(root_site_url, language.root, "")


def src_to_url(src_uri: str) -> str:
    """The URL MkDocs gives a Markdown source path with use_directory_urls."""
    stem, _ = posixpath.splitext(src_uri)
    if stem == "index":
        return ""
    if posixpath.basename(stem) == "index":
        return posixpath.dirname(stem) + "/"
    return stem + "/"


def url_to_src(url: str) -> str:
    """A Markdown source path that MkDocs turns into `url` (inverse of src_to_url)."""
    return (url + "index.md") if (url == "" or url.endswith("/")) else url + ".md"


def untranslated_page(lang: str, original_lang: str, title: str, original_href: str) -> str:
    """Markdown of the stand-in for a page that exists only in `original_lang`."""
    other = language_name(lang, original_lang)
    heading = message(lang, "untranslated_title")
    body = message(lang, "untranslated_body", title=title, language=other)
    link = message(lang, "read_original", language=other)
    return (
        "---\n"
        "search:\n  exclude: true\n"
        "robots: noindex\n"
        "untranslated: true\n"
        f"original_lang: {original_lang}\n"
        "---\n\n"
        f"# {heading}\n\n"
        f"{body}\n\n"
        # Raw HTML, not a Markdown link: the target is in the other language's build, which
        # MkDocs cannot see, so it would report the link as unrecognized (fatal in --strict).
        f'<p><a href="{html.escape(original_href)}" hreflang="{original_lang}" '
        f'lang="{original_lang}" class="md-button md-button--primary">{html.escape(link)}</a></p>\n'
    )
