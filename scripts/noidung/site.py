"""SiteConfig: the site's settings, read once from mkdocs.yml and mkdocs.<lang>.yml.

The one reader of the MkDocs configuration outside MkDocs itself. It uses MkDocs'
own YAML loader (`mkdocs.utils.yaml.yaml_load`: `!ENV`, `INHERIT`), not a copy of
it, and only the keys we need, so a command that needs the languages or the site
address does not pay for loading every plugin.

- languages: `extra.alternate` of mkdocs.yml, the default language first (its
  build is mkdocs.yml; every other language's is mkdocs.<code>.yml);
- the public site address: `site_url` (`!ENV [SITE_URL, …]`, so SITE_URL overrides it);
- each language's docs folder: its file's `docs_dir`;
- the section paths: `content.layout.SECTIONS`, checked here against the blog
  plugin's `blog_dir` and `categories_url_format`, so the two can never drift apart.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.utils.yaml import yaml_load

from noidung.content.layout import REPO_ROOT, SECTIONS, Sections
from noidung.i18n.languages import Language, languages_from_alternate

DEFAULT_CONFIG = "mkdocs.yml"
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
#: mkdocs.yml says "the public address is not known yet" with a host under `.invalid`,
#: the top-level domain reserved never to resolve (RFC 6761): a build for checking
#: works, a build for publishing refuses it (`noidung build --publish`).
PLACEHOLDER_DOMAIN = ".invalid"


class SiteConfigError(ValueError):
    """mkdocs.yml and our section paths disagree, or a language has no config file."""


@dataclass(frozen=True)
class SiteConfig:
    """What every module may know about the site, read once per project folder."""

    root: Path
    #: The public address of the whole bilingual site (the Vietnamese root).
    site_url: str
    languages: tuple[Language, ...]
    config_files: dict[str, Path] = field(compare=False)
    docs_dirs: dict[str, Path] = field(compare=False)
    sections: Sections = SECTIONS

    @property
    def default_language(self) -> Language:
        return self.languages[0]

    @property
    def language_codes(self) -> tuple[str, ...]:
        return tuple(x.code for x in self.languages)

    def language(self, code: str) -> Language:
        return next(x for x in self.languages if x.code == code)

    @property
    def is_local(self) -> bool:
        """True when the address is this machine: short links and QR codes would point here."""
        return urlsplit(self.site_url).hostname in LOOPBACK_HOSTS

    @property
    def address_problem(self) -> str | None:
        """Why `site_url` cannot be published: "empty", "loopback" (this machine),
        "placeholder" (a `.invalid` host, mkdocs.yml's "not set yet"), "not-http"
        (no http(s)://host); None for a public address."""
        address = self.site_url.strip()
        if not address:
            return "empty"
        parts = urlsplit(address)
        host = (parts.hostname or "").lower().rstrip(".")
        if host in LOOPBACK_HOSTS or host.startswith("127.") or host.endswith(".localhost"):
            return "loopback"
        if host == PLACEHOLDER_DOMAIN[1:] or host.endswith(PLACEHOLDER_DOMAIN):
            return "placeholder"
        if parts.scheme not in ("http", "https") or not host:
            return "not-http"
        return None


def config_file_name(language: Language, index: int) -> str:
    """mkdocs.yml builds the default language; mkdocs.<code>.yml each other one."""
    return DEFAULT_CONFIG if index == 0 else f"mkdocs.{language.code}.yml"


def _read(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise SiteConfigError(f"không thấy tệp cấu hình {path.name} / no config file {path}")
    with path.open("rb") as stream:
        return yaml_load(stream) or {}


def _check_sections(config: dict[str, Any], sections: Sections, path: Path) -> None:
    blog = (config.get("plugins") or {}).get("blog") or {}
    categories = str(blog.get("categories_url_format", "")).split("/", 1)[0]
    said = {"blog_dir": (blog.get("blog_dir"), sections.news),
            "categories_url_format": (categories, sections.categories)}
    for key, (found, expected) in said.items():
        if found != expected:
            raise SiteConfigError(
                f"{path.name}: blog.{key} là «{found}», nhưng mục của trang là «{expected}» "
                f"(noidung/content/layout.py: Sections) / blog.{key} is '{found}', the site's "
                f"section is '{expected}'")


def load(root: Path = REPO_ROOT) -> SiteConfig:
    """The SiteConfig of a project folder (cached; SITE_URL is part of the key)."""
    return _load(Path(root).resolve(), os.environ.get("SITE_URL"))


@cache
def _load(root: Path, _site_url_env: str | None) -> SiteConfig:
    shared = _read(root / DEFAULT_CONFIG)
    _check_sections(shared, SECTIONS, root / DEFAULT_CONFIG)
    languages = tuple(languages_from_alternate(shared["extra"]["alternate"]))
    config_files, docs_dirs = {}, {}
    for i, language in enumerate(languages):
        path = root / config_file_name(language, i)
        config = shared if i == 0 else _read(path)
        config_files[language.code] = path
        docs_dirs[language.code] = root / str(config.get("docs_dir", "docs"))
    return SiteConfig(root=root, site_url=str(shared.get("site_url") or ""),
                      languages=languages, config_files=config_files, docs_dirs=docs_dirs)
