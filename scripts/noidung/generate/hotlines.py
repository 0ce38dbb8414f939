"""Hotline numbers that a phone can call with one tap.

Staff write a hotline in bold (`**111**`), as the staff guide asks. Every bold number that
is in the hotlines registry becomes a `tel:` link when the page is built, so a reader in
a crisis does not have to type it again, and no page needs HTML or a link to remember.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: A link, or a bold hotline number. Links are matched first so that a number already
#: inside one (`[**111**](...)`) is left as it is: a link inside a link is invalid HTML.
_LINK_OR_BOLD_NUMBER = re.compile(
    r"<a\b[^>]*>.*?</a\s*>|<strong>\s*(?P<number>\d{3,5})\s*</strong>", re.S | re.I
)


def link_hotlines(html: str, numbers: Iterable[str]) -> str:
    """`html` with each bold registry number (outside links) made a tel: link."""
    allowed = set(numbers)
    if not allowed:
        return html

    def replace(match: re.Match[str]) -> str:
        number = match.group("number")
        if number is None or number not in allowed:
            return match.group(0)
        return f'<strong><a class="hotline" href="tel:{number}">{number}</a></strong>'

    return _LINK_OR_BOLD_NUMBER.sub(replace, html)
