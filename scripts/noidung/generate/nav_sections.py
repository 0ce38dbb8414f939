"""Which menu section a page belongs to, when the page itself is not in the menu.

Campaign, module, calendar and topic pages are made by our generators and are not in
`nav` (it would list hundreds of them). Material then marks no tab as current on them, and
a reader who arrived from a shared link cannot see where they are. The section is the
menu page whose URL is the longest prefix of the page's URL (`chien-dich/` for
`chien-dich/ngay-gia-dinh-viet-nam-2025/`); the home page is nobody's section.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

P = TypeVar("P")


def section_page(url: str, menu_pages: Iterable[tuple[str, P]]) -> P | None:
    """The menu page (of `(url, page)` pairs) whose URL is the longest proper prefix of `url`."""
    best: tuple[int, P] | None = None
    for menu_url, page in menu_pages:
        if menu_url and menu_url != url and url.startswith(menu_url) and menu_url.endswith("/"):
            if best is None or len(menu_url) > best[0]:
                best = (len(menu_url), page)
    return best[1] if best else None


def menu_pages(items: Iterable[Any]) -> list[tuple[str, Any]]:
    """(URL, page) of each top-level menu item (MkDocs' `nav.items`); a section stands for
    its first page."""
    pages = []
    for item in items:
        if item.is_page:
            pages.append((item.url, item))
        elif item.is_section:
            first = next((c for c in item.children if c.is_page), None)
            if first is not None:
                pages.append((first.url, first))
    return pages
