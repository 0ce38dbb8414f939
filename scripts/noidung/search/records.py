"""What of a built page goes into the search index.

A record is the page's main content (Material's `.md-content__inner`) without
the parts that only repeat other pages (post excerpts on list pages) or are
interface text (permalinks, "continue reading"). Pages that must not be found
are skipped: stand-ins for untranslated pages and any other `noindex` page, the
404 page, and list pages with nothing of their own (archives, categories).

Metadata is searchable through visible text (module codes, hashtags, tags,
hotline numbers are on the pages) and through `data-search-keywords="..."`
attributes anywhere in a page, for words that are not shown as text.

A record holds the page's text (the search box cuts excerpts from it) and its
headings and title with their weights: scripts/noidung/search/index.py counts the words
and adjacent pairs of words of both.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass, field

from lxml import etree

#: Weight of a word by the element it is in; the page title weighs like its h1.
HEADING_WEIGHTS = {"h1": 5, "h2": 3, "h3": 2, "h4": 2, "h5": 2, "h6": 2}
TITLE_WEIGHT = HEADING_WEIGHTS["h1"]
BODY_WEIGHT = 1
#: Removed before indexing: interface text, copies of other pages, and anything marked
#: `data-search-ignore`.
DROP_CLASSES = frozenset({
    "headerlink", "md-post--excerpt", "md-post__action", "md-source-file",
    "md-content__button", "md-pagination", "news-related", "md-meta", "md-post__authors",
})
DROP_TAGS = frozenset({"script", "style", "template", "noscript"})
#: One parser for every page (comments are dropped while parsing).
PARSER = etree.HTMLParser(encoding="utf-8", remove_comments=True)
#: Links that are entries of a list of pages (not a link inside a sentence, a caption or
#: a metadata field): their text is what makes a page a list.
LINK_TEXT_XPATH = etree.XPath(
    ".//a[parent::li or parent::td or parent::th or parent::nav or parent::h2 or parent::h3"
    " or parent::h4 or parent::h5 or parent::h6]//text()")
#: Elements whose text is a word apart from what is around ("Mã học phần</dt><dd>M03").
BLOCK_TAGS = ("p", "div", "li", "dt", "dd", "td", "th", "tr", "h1", "h2", "h3", "h4", "h5",
              "h6", "br", "section", "article", "figure", "figcaption", "blockquote", "pre",
              "table", "ul", "ol", "dl", "summary", "details", "hr", "header", "footer",
              "aside", "nav", "time", "img", "caption", "label", "button")
CONTENT_CLASS = 'class="md-content__inner'
#: Material's blog posts (news articles) carry this class.
POST_CLASS = "md-content--post"
ROBOTS_RE = re.compile(r'<meta name="robots" content="([^"]*)"')
KEYWORDS_RE = re.compile(r'data-search-keywords="([^"]*)"')
ACTIVE_TAB_RE = re.compile(
    r'md-tabs__item--active">\s*<a [^>]*class="md-tabs__link"[^>]*>(.*?)</a>', re.S)
TAB_RE = re.compile(r'<a href="([^"]*)" class="md-tabs__link">(.*?)</a>', re.S)
#: Share of the text inside links above which a page is a list of other pages.
LIST_LINK_SHARE = 0.2
TITLE_RE = re.compile(r"<title>(.*?)</title>", re.S)
SPACES_RE = re.compile(r"\s+")


@dataclass
class SearchRecord:
    """One page as it enters the index: its URL under its language root and its text.

    `text` is what the reader sees (excerpts are cut from it); `extra` are
    (weight, text) pieces counted on top of it: the title when it says more than
    the h1, and each heading (its words count `weight - 1` more times).
    """

    url: str
    lang: str
    title: str
    section: str
    text: str
    extra: list[tuple[int, str]] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    is_list: bool = False
    is_post: bool = False

    def indexed(self) -> list[tuple[int, str]]:
        """What is searched, as (weight, text): the text and keywords, then the extras."""
        body = " ".join([self.text, *self.keywords])
        return [(BODY_WEIGHT, body), *self.extra]


def is_indexable(page_html: str, filename: str) -> bool:
    """False for 404 pages and for pages that ask robots not to index them (stand-ins)."""
    if filename == "404.html":
        return False
    robots = ROBOTS_RE.search(page_html[:page_html.find("</head>")])
    return not (robots and "noindex" in robots.group(1).lower())


def _content_root(page_html: str) -> etree._Element | None:
    """The `.md-content__inner` element, parsed alone (a tenth of a Material page)."""
    at = page_html.find(CONTENT_CLASS)
    start = page_html.rfind("<", 0, at)
    if at < 0 or start < 0:
        return None
    end = page_html.find("</main>", start)
    root = etree.fromstring(page_html[start:end if end > 0 else None].encode(), PARSER)
    body = root.find("body") if root is not None else None
    return body[0] if body is not None and len(body) else None


def _dropped(el: etree._Element) -> bool:
    classes = el.get("class")
    return (el.tag in DROP_TAGS or el.get("data-search-ignore") is not None
            or (classes is not None and not DROP_CLASSES.isdisjoint(classes.split())))


def _drop(el: etree._Element) -> None:
    """Remove `el` but keep the text after it."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        before = el.getprevious()
        if before is not None:
            before.tail = (before.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _clean(text: str) -> str:
    return SPACES_RE.sub(" ", text).strip()


def page_record(page_html: str, url: str, lang: str,
                filename: str = "index.html") -> SearchRecord | None:
    """The record of one built page, or None when the page must not be found."""
    if not is_indexable(page_html, filename):
        return None
    root = _content_root(page_html)
    if root is None:
        return None
    keywords = [html.unescape(k) for k in KEYWORDS_RE.findall(page_html)]
    for el in [el for el in root.iter("*") if _dropped(el)]:
        _drop(el)
    for el in root.iter(BLOCK_TAGS):
        el.text = " " + (el.text or "")
        el.tail = " " + (el.tail or "")
    text = _clean("".join(root.itertext()))
    extra = [(HEADING_WEIGHTS[h.tag] - BODY_WEIGHT, _clean("".join(h.itertext())))
             for h in root.iter(tuple(HEADING_WEIGHTS))]
    heading = next((t for w, t in extra if w == TITLE_WEIGHT - BODY_WEIGHT), "")
    if not text.replace(heading, "", 1).strip() and not keywords:
        return None  # a list page whose entries are other pages' excerpts
    # The document title can say more than the heading ("M02 · Nhận biết…").
    title = _title(page_html) or heading
    if title != heading:  # the title's extra words weigh like the heading's
        extra.insert(0, (TITLE_WEIGHT, title))
    link_chars = sum(len(t.strip()) for t in LINK_TEXT_XPATH(root))
    is_list = bool(text) and link_chars / len(text) >= LIST_LINK_SHARE
    return SearchRecord(url=url, lang=lang, title=title, section=section_of(page_html, url),
                        text=text, extra=extra, keywords=keywords, is_list=is_list,
                        is_post=POST_CLASS in page_html)


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


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def _title(page_html: str) -> str:
    """The page's own part of <title> ("Page - Site"); empty when it is only the site name."""
    title = TITLE_RE.search(page_html)
    text = _text(title.group(1)) if title else ""
    return text.rsplit(" - ", 1)[0] if " - " in text else ""
