"""Where things live in the repository (one place, so no module guesses paths)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

#: The package folder (scripts/noidung/), its theme and schemas, and the repository around it.
PACKAGE_DIR = Path(__file__).resolve().parents[1]
THEME_DIR = PACKAGE_DIR / "theme"
SCHEMA_DIR = PACKAGE_DIR / "content" / "schemas"
REPO_ROOT = PACKAGE_DIR.parents[1]


@dataclass(frozen=True)
class ContentLayout:
    """Paths of the content trees; tests build one over a temporary folder."""

    root: Path = REPO_ROOT

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    def language_docs(self, lang: str) -> Path:
        """Pages written in one language: docs/vi, docs/en (same relative paths)."""
        return self.docs / lang

    @property
    def registries(self) -> Path:
        return self.docs / "registries"

    @property
    def campaigns(self) -> Path:
        return self.root / "campaigns"

    @property
    def theme(self) -> Path:
        """Our template overrides and assets (Material's custom_dir), inside the package."""
        return self.root / THEME_DIR.relative_to(REPO_ROOT)

    @property
    def cache(self) -> Path:
        """Build scratch space (merged front matter, generated author lists).

        `build_site` gives each build its own (SITE_CACHE_DIR), so that builds
        running at the same time, such as tests beside a preview, never share it.
        """
        return Path(os.environ.get("SITE_CACHE_DIR") or self.root / ".cache")


@dataclass(frozen=True)
class Sections:
    """The site's section paths: the same folders under docs/<lang>/ and the same URLs in
    every language. Named here once; `noidung.site.load` checks that mkdocs.yml (the blog
    plugin's blog_dir and categories_url_format) says the same."""

    news: str = "tin-bai"
    categories: str = "chuyen-muc"  # under news: tin-bai/chuyen-muc/<id>/
    tags: str = "the"  # under news: tin-bai/the/<topic>/
    campaigns: str = "chien-dich"
    training: str = "tap-huan"
    short_links: str = "m"

    @property
    def posts(self) -> str:
        """Where article files live (Material's blog reads posts/ under its blog_dir)."""
        return f"{self.news}/posts"


SECTIONS = Sections()
BLOG_DIR = SECTIONS.news
POSTS_DIR = SECTIONS.posts
