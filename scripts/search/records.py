"""What of a built page goes into the search index.

A record is the page's main content (Material's `.md-content__inner`) without
the parts that only repeat other pages (post excerpts on list pages) or are
interface text (permalinks, "continue reading"). Pages that must not be found
are skipped: stand-ins for untranslated pages and any other `noindex` page, the
404 page, and list pages with nothing of their own (archives, categories).

Metadata is searchable through visible text (module codes, hashtags, tags,
hotline numbers are on the pages) and through `data-search-keywords="..."`
attributes anywhere in a page, for words that are not shown as text.

Pagefind folds tone marks but not đ, so "dinh" would not find "đình". The HTML
given to Pagefind therefore ends with a hidden block of the page's đ-words,
folded ("dinh"), each with the weight of the element it came from. This block
exists only in the index input, never in the published page; search.js cuts
it off (at FOLDED_MARKER) before showing excerpts.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Tag

from .folding import fold

#: Separates the page text from the folded words in a record's content.
FOLDED_MARKER = "\u2063\u2063"
#: Removed before indexing: interface text and copies of other pages.
DROP_SELECTORS = (
    "script", "style", "template", ".headerlink", ".md-post--excerpt", ".md-post__action",
    ".md-source-file", ".md-content__button", "[data-search-ignore]",
    "[data-pagefind-ignore]", ".md-pagination", ".news-related", "nav.md-post__authors", ".md-meta",
)
#: Pagefind's default weights for headings; other text weighs 1.
HEADING_WEIGHTS = {"h1": 7, "h2": 6, "h3": 5, "h4": 4, "h5": 3, "h6": 2}
WORD_RE = re.compile(r"\w+")
CONTENT_CLASS = 'class="md-content__inner'
ROBOTS_RE = re.compile(r'<meta name="robots" content="([^"]*)"')
KEYWORDS_RE = re.compile(r'data-search-keywords="([^"]*)"')
ACTIVE_TAB_RE = re.compile(
    r'md-tabs__item--active">\s*<a [^>]*class="md-tabs__link"[^>]*>(.*?)</a>', re.S)
TAB_RE = re.compile(r'<a href="([^"]*)" class="md-tabs__link">(.*?)</a>', re.S)
#: Elements after which a space is added, so adjacent cells do not glue into one word.
SPACED_TAGS = ["dt", "dd", "td", "th", "li", "p", "div", "span", "h1", "h2", "h3", "h4",
               "h5", "h6", "a", "strong", "em", "time", "figcaption", "summary"]
#: Share of the text inside links above which a page is a list of other pages.
LIST_LINK_SHARE = 0.2
TITLE_RE = re.compile(r"<title>(.*?)</title>", re.S)


@dataclass
class SearchRecord:
    """One page as it enters the index: its URL under its language root and its text."""

    url: str
    lang: str
    title: str
    section: str
    body_html: str
    keywords: list[str] = field(default_factory=list)
    folded: dict[int, list[str]] = field(default_factory=dict)
    is_list: bool = False

    def index_html(self) -> str:
        """The HTML Pagefind indexes: the page's content, keywords, then folded đ-words."""
        parts = [self.body_html]
        if self.keywords:
            parts.append(f"<p>{html.escape(' '.join(self.keywords))}</p>")
        if self.folded:
            parts.append(f"<div>{FOLDED_MARKER}")
            for weight, words in sorted(self.folded.items(), reverse=True):
                parts.append(f'<p data-pagefind-weight="{weight}">'
                             f"{html.escape(' '.join(words))}</p>")
            parts.append("</div>")
        # Metadata outside the indexed body: shown with results, not searched.
        meta = {"title": self.title, "section": self.section, "list": "1" if self.is_list else ""}
        tags = "".join(f'<span data-pagefind-meta="{key}:{html.escape(value)}"></span>'
                       for key, value in meta.items() if value)
        return (f'<!doctype html><html lang="{self.lang}"><head><meta charset="utf-8">'
                f"<title>{html.escape(self.title)}</title></head><body>{tags}"
                f"<main data-pagefind-body>{''.join(parts)}</main></body></html>")


def is_indexable(page_html: str, filename: str) -> bool:
    """False for 404 pages and for pages that ask robots not to index them (stand-ins)."""
    if filename == "404.html":
        return False
    robots = ROBOTS_RE.search(page_html)
    return not (robots and "noindex" in robots.group(1).lower())


def folded_words(root: Tag) -> dict[int, list[str]]:
    """Words holding đ/Đ, folded, grouped by the weight of their heading (or 1)."""
    result: dict[int, list[str]] = {}
    for text in root.find_all(string=True):
        if "đ" not in text and "Đ" not in text:
            continue
        heading = text.find_parent(list(HEADING_WEIGHTS))
        weight = HEADING_WEIGHTS[heading.name] if heading else 1
        for word in WORD_RE.findall(str(text)):
            if "đ" in word or "Đ" in word:
                result.setdefault(weight, []).append(fold(word))
    return result


def page_record(page_html: str, url: str, lang: str,
                filename: str = "index.html") -> SearchRecord | None:
    """The record of one built page, or None when the page must not be found."""
    if not is_indexable(page_html, filename):
        return None
    # Only the content is parsed (a tenth of a Material page): at 2,000 pages
    # per language, parsing navigation and sidebars would dominate the build.
    start = page_html.rfind("<", 0, page_html.find(CONTENT_CLASS))
    if CONTENT_CLASS not in page_html or start < 0:
        return None
    end = page_html.find("</main>", start)
    root = BeautifulSoup(page_html[start:end if end > 0 else None], "lxml").select_one(
        ".md-content__inner")
    if root is None:
        return None
    keywords = [html.unescape(k) for k in KEYWORDS_RE.findall(page_html)]
    for el in root.select(", ".join(DROP_SELECTORS)):
        el.decompose()
    h1 = root.find("h1")
    heading = h1.get_text(" ", strip=True) if h1 else ""
    # The document title can say more than the heading ("M02 · Nhận biết…").
    title = _title(page_html) or heading
    rest = root.get_text(" ", strip=True).replace(heading, "", 1).strip()
    if not rest and not keywords:
        return None  # a list page whose entries are other pages' excerpts
    for el in root.find_all(SPACED_TAGS):
        el.append(" ")  # "Mã học phần</dt><dd>M02" must give two words, not "phầnM02"
    body = root.decode_contents()
    if title != heading:  # the title's extra words weigh like the heading's
        body = f'<p data-pagefind-weight="7">{html.escape(title)}</p>' + body
    return SearchRecord(url=url, lang=lang, title=title, section=section_of(page_html, url),
                        body_html=body, keywords=keywords,
                        folded=folded_words(root), is_list=is_list_page(root))


def section_of(page_html: str, url: str) -> str:
    """The name of the navigation tab holding the page (the active one, else by URL)."""
    active = ACTIVE_TAB_RE.search(page_html)
    if active:
        return _text(active.group(1))
    best, best_len = "", -1
    for href, label in TAB_RE.findall(page_html):
        path = posixpath.normpath(posixpath.join("/" + url, href)).strip("/")
        path = "" if path == "." else path + "/"
        if url.startswith(path) and len(path) > best_len:
            best, best_len = _text(label), len(path)
    return best


def is_list_page(root: Tag) -> bool:
    """True when most of the text is links: a topic or index page listing other pages."""
    text = len(root.get_text(" ", strip=True))
    links = sum(len(a.get_text(" ", strip=True)) for a in root.find_all("a"))
    return text > 0 and links / text >= LIST_LINK_SHARE


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def _title(page_html: str) -> str:
    """The page's own part of <title> ("Page - Site"); empty when it is only the site name."""
    title = TITLE_RE.search(page_html)
    text = _text(title.group(1)) if title else ""
    return text.rsplit(" - ", 1)[0] if " - " in text else ""
