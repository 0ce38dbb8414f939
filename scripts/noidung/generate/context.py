"""Pages built from data (campaigns, training modules, listings), one registry of generators.

A generator takes the BuildContext of one language and returns the pages that
language publishes. The same function serves the build (the pages are added to
MkDocs' files) and the page catalogue (so the other language knows which pages
exist and where stand-ins are needed). To add a kind of generated page, write
a generator in its own module and name it in `GENERATORS`.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib
from collections.abc import Callable
from dataclasses import dataclass, field

from noidung.content.layout import ContentLayout
from noidung.content.registries import Registries
from noidung.i18n.languages import Language


@dataclass(frozen=True)
class BuildContext:
    """What a generator may know about the build it serves."""

    layout: ContentLayout
    lang: str
    languages: list[Language]
    registries: Registries
    today: dt.date
    include_drafts: bool = False
    #: The public address of the whole site (SiteConfig.site_url), for absolute links:
    #: short links, QR codes, calendar feeds. "/" gives root-relative addresses.
    site_url: str = "/"

    @property
    def original_lang(self) -> str:
        return self.languages[0].code


@dataclass(frozen=True)
class GeneratedPage:
    """A page with no Markdown file of its own: its source path and its Markdown text.

    `content` is the text, or a function that makes it: the other language's build only
    needs the page's URL and title (generate/catalogue.py), so costly text (QR codes, reports)
    is made only when `markdown` is read.
    """

    src_uri: str
    content: str | Callable[[], str] = field(repr=False, compare=False)
    title: str
    #: Extra files to copy into the site beside the page: {site path: source file}.
    assets: dict[str, str] = field(default_factory=dict)
    #: Extra files made in memory and handed to MkDocs as they are: {site path: content}.
    files: dict[str, str | bytes] = field(default_factory=dict, compare=False)

    @functools.cached_property
    def markdown(self) -> str:
        return self.content if isinstance(self.content, str) else self.content()


Generator = Callable[[BuildContext], list[GeneratedPage]]

#: Every generator of the site ("module:function"), in the order their pages are added.
#: Named, not imported, so that generator modules can import this one freely.
GENERATORS: list[str] = [
    "noidung.staff.translation_output:staff_page",
    "noidung.training.pages:pages",
    "noidung.news.tagpages:pages",
    "noidung.campaigns.pages:pages",
    "noidung.generate.home:pages",
]


def _load(name: str) -> Generator:
    module, _, function = name.partition(":")
    return getattr(importlib.import_module(module), function)


def generated_pages(context: BuildContext, names: list[str] | None = None) -> list[GeneratedPage]:
    """The pages of every generator, or of the generators `names` (the preview's choice)."""
    pages: list[GeneratedPage] = []
    for name in GENERATORS if names is None else names:
        pages.extend(_load(name)(context))
    return pages
