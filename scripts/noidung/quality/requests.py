"""Requests a page made in the browser: none may leave the site's origin, none may fail."""

from __future__ import annotations

from urllib.parse import urlsplit

from noidung.quality import Problem

NETWORK_SCHEMES = ("http", "https", "ws", "wss")


def request_problems(page: str, origin: str, urls: list[str], failures: list[str],
                     expected_failures: tuple[str, ...] = ()) -> list[Problem]:
    """Problems for requests to another host and for failed requests, named by `page`.

    `expected_failures` are URLs allowed to fail (the missing page that shows the 404 page).
    """
    own = urlsplit(origin).netloc
    problems = [Problem(page, "foreign-request", f"request to another host: {url}")
                for url in dict.fromkeys(urls)
                if urlsplit(url).scheme in NETWORK_SCHEMES and urlsplit(url).netloc != own]
    foreign = {p.message.rsplit(": ", 1)[1] for p in problems}
    for failure in dict.fromkeys(failures):
        url = failure.split(" ", 1)[0]
        if url in expected_failures or url in foreign:  # a foreign request is reported once
            continue
        problems.append(Problem(page, "failed-request", failure))
    return problems
