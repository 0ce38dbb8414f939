"""Short links and old URLs: redirect pages that work without JavaScript.

Each module gets `m/<code>/`; every old URL in `docs/registries/redirects.yml` gets a
page that sends readers on (meta refresh, canonical link, a visible link, `noindex`),
the same paths in both languages.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from noidung.content import frontmatter
from noidung.content.layout import ContentLayout
from noidung.training.model import TrainingError, label

REDIRECT_TEMPLATE = "redirect-page.html"


# -- short links and redirects -----------------------------------------------------


@dataclass(frozen=True)
class Redirect:
    """An old path that leads to a page: both paths under a language root, ending in '/'."""

    source: str
    target: str


def relative_link(from_url: str, to_url: str) -> str:
    """Relative link between two page URLs of the same language ("m/m03/" → "../../tap-huan/x/")."""
    start = from_url.rstrip("/") or "."
    target = to_url.rstrip("/") or "."
    rel = posixpath.relpath(target, start)
    return "./" if rel == "." else rel + "/"


@lru_cache(maxsize=4096)  # as qr_svg: the preview runs the generator again
def redirect_markdown(source: str, target: str, target_title: str, absolute_target: str,
                      lang: str) -> str:
    """A tiny page at `source` that sends the reader to `target` (meta refresh, canonical,
    and a visible link for anyone whose browser does not follow the refresh)."""
    href = relative_link(source, target)
    front = {
        "title": label(lang, "redirect_title"),
        "template": REDIRECT_TEMPLATE,
        "robots": "noindex",
        "search": {"exclude": True},
        "redirect": {
            "href": href,
            "url": absolute_target,
            "text": label(lang, "redirect_text", title=target_title),
            "title": target_title,
        },
    }
    return frontmatter.render(front, "")


_PATH_RE = re.compile(r"^([a-z0-9]+(-[a-z0-9]+)*/)*$")


def load_redirects(layout: ContentLayout) -> list[Redirect]:
    """Read docs/registries/redirects.yml ([{from, to}]); raise TrainingError when malformed."""
    path = layout.registries / "redirects.yml"
    if not path.exists():
        return []
    rows = yaml.safe_load(path.read_text("utf-8")) or []
    redirects = []
    for n, row in enumerate(rows, start=1):
        if not isinstance(row, dict) or "from" not in row or "to" not in row:
            raise TrainingError(f"{path}: entry {n} must have 'from' and 'to'")
        source, target = str(row["from"]), str(row["to"])
        for key, value in (("from", source), ("to", target)):
            if not _PATH_RE.match(value) or (key == "from" and not value):
                raise TrainingError(
                    f"{path}: entry {n}: '{key}' must be a lowercase ASCII path ending in '/' "
                    f"(e.g. 'tap-huan/old-id/'), received: {value!r}"
                )
        redirects.append(Redirect(source, target))
    return redirects


def check_redirects(redirects: list[Redirect], pages: set[str]) -> list[str]:
    """Problems with the redirect map, given the page URLs a language publishes
    (without the redirect pages themselves): every `to` must exist, no `from` may be a page,
    each `from` appears once. Returns messages; an empty list means the map is sound."""
    problems = []
    seen: set[str] = set()
    sources = {r.source for r in redirects}
    for r in redirects:
        if r.source in seen:
            problems.append(f"redirect from '{r.source}' is listed more than once")
        seen.add(r.source)
        if r.source in pages:
            problems.append(f"redirect from '{r.source}': a page exists at that path")
        if r.target not in pages or r.target in sources:
            problems.append(f"redirect from '{r.source}' leads to '{r.target}', "
                            "which is not a page of the site")
    return problems
