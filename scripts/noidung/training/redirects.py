"""Short links and old URLs: redirect pages that work without JavaScript.

Each module gets `m/<code>/`; every old URL in `docs/registries/redirects.yml` gets a
page that sends readers on (meta refresh, canonical link, a visible link, `noindex`),
the same paths in both languages.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import lru_cache

import yaml

from noidung.content import frontmatter
from noidung.content.layout import ContentLayout
from noidung.training.model import label
from noidung.validation.loading import refuse

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




def load_redirects(layout: ContentLayout) -> list[Redirect]:
    """Read docs/registries/redirects.yml ([{from, to}]); ContentError when unreadable."""
    path = layout.registries / "redirects.yml"
    if not path.exists():
        return []
    # The registry's schema holds the rules (lowercase ASCII paths ending in '/'); only what
    # cannot be read at all is refused, in the validator's words.
    try:
        rows = yaml.safe_load(path.read_text("utf-8")) or []
        redirects = [Redirect(str(row["from"]), str(row["to"])) for row in rows]
    except (yaml.YAMLError, KeyError, TypeError):
        raise refuse(layout.root, ["docs/registries/redirects.yml"]) from None
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
