"""The project as the validator sees it: every content file, read once, indexed by kind and id."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from noidung import site
from noidung.content.layout import POSTS_DIR, SECTIONS

from .markdown import mask_code
from .schemas import KINDS, load_schema, walk
from .source import FieldPath, SourceFile, read_source

#: The site's languages, the original first (every project folder shares mkdocs.yml's list).
LANGUAGES = site.load().language_codes
ORIGINAL, *_others = LANGUAGES
TRANSLATIONS = tuple(_others)
MODULES_DIR = SECTIONS.training
REGISTRY_FILES = ("units", "categories", "topics", "audiences", "districts", "hotlines",
                  "redirects")
_TEXT_SUFFIXES = {".md", ".yml", ".yaml"}
_ASCII_NAME = re.compile(r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*$")


#: Kind of file → the kind staff name to `python3 make.py new` (staff/scaffold.py: KINDS).
NEW_KINDS = {"article": "bai-viet", "article-translation": "bai-viet", "module": "hoc-phan",
             "module-translation": "hoc-phan", "campaign": "chien-dich",
             "campaign-text": "chien-dich"}


def new_command(kind: str) -> str:
    """The command staff type to create a file of this kind, as messages show it."""
    name = NEW_KINDS.get(kind)
    if name == "chien-dich":
        return (f'`python3 make.py new {name} --title "…" --start YYYY-MM-DD '
                '--end YYYY-MM-DD`')
    return f'`python3 make.py new {name} --title "…"`' if name else "`python3 make.py new`"


def classify(rel: str) -> tuple[str, str] | None:
    """(kind, language) of a file by its path, or None when it is not content.

    Kinds: a schema kind (campaign, article, ...), "page" (plain Markdown page),
    "data" (other YAML, syntax only).
    """
    parts = rel.split("/")
    stem, suffix = os.path.splitext(parts[-1])
    if suffix not in _TEXT_SUFFIXES:
        return None
    if parts[0] == "campaigns" and len(parts) == 3:
        name = parts[2]
        if name == "campaign.yml":
            return "campaign", ""
        if suffix == ".md" and stem in LANGUAGES:
            return "campaign-text", Path(name).stem
        return ("page", "") if suffix == ".md" else ("data", "")
    if parts[0] != "docs":
        return None
    if len(parts) == 3 and parts[1] == "registries":
        if suffix == ".yml" and stem in REGISTRY_FILES:
            return f"registry-{stem}", ""
        return "data", ""
    if suffix != ".md":
        return "data", ""
    lang = parts[1] if len(parts) > 2 and parts[1] in LANGUAGES else ""
    inner = "/".join(parts[2:-1])
    if lang and inner == POSTS_DIR:
        return ("article" if lang == ORIGINAL else "article-translation"), lang
    if lang and inner == MODULES_DIR and parts[-1] != "index.md":
        return ("module" if lang == ORIGINAL else "module-translation"), lang
    return "page", lang


@dataclass
class Project:
    """Every content file of a project, parsed, plus indexes the rules share."""

    root: Path
    files: dict[str, SourceFile] = field(default_factory=dict)
    langs: dict[str, str] = field(default_factory=dict)
    #: Campaign folders (ids) that exist, with or without their files.
    campaign_dirs: set[str] = field(default_factory=set)

    # -- indexes ---------------------------------------------------------------
    def of_kind(self, *kinds: str) -> list[SourceFile]:
        return [f for f in self.files.values() if f.kind in kinds]

    def item_id(self, source: SourceFile) -> str:
        """The id a file's path gives it (file name, or folder for campaigns)."""
        parts = source.rel.split("/")
        return parts[1] if source.kind in ("campaign", "campaign-text") else Path(parts[-1]).stem

    def module(self, ident: str, lang: str = ORIGINAL) -> SourceFile | None:
        return self.files.get(f"docs/{lang}/{MODULES_DIR}/{ident}.md")

    def article(self, ident: str, lang: str = ORIGINAL) -> SourceFile | None:
        return self.files.get(f"docs/{lang}/{POSTS_DIR}/{ident}.md")

    def campaign(self, ident: str) -> SourceFile | None:
        return self.files.get(f"campaigns/{ident}/campaign.yml")

    def campaign_text(self, ident: str, lang: str) -> SourceFile | None:
        return self.files.get(f"campaigns/{ident}/{lang}.md")

    def original_of(self, source: SourceFile) -> SourceFile | None:
        """The file holding the shared fields of a translation or campaign text."""
        ident = self.item_id(source)
        if source.kind == "article-translation":
            return self.article(ident)
        if source.kind == "module-translation":
            return self.module(ident)
        if source.kind == "campaign-text":
            return self.campaign(ident)
        return None

    def registry(self, name: str) -> dict[str, dict[str, Any]]:
        """Entries of one registry by id (number for hotlines); {} when broken or missing."""
        cached = self._registries.get(name)
        if cached is None:
            source = self.files.get(f"docs/registries/{name}.yml")
            key = "number" if name == "hotlines" else "id"
            rows = source.data if source and isinstance(source.data, list) else []
            cached = {}
            for row in rows:
                if isinstance(row, dict) and row.get(key) is not None:
                    cached.setdefault(str(row[key]), row)
            self._registries[name] = cached
        return cached

    def __post_init__(self) -> None:
        self._registries: dict[str, dict[str, dict[str, Any]]] = {}
        self._values: dict[str, list[tuple[FieldPath, Any, dict[str, Any]]]] = {}
        self._masked: dict[str, str] = {}
        self._exists: dict[str, bool] = {}

    def exists(self, path: str) -> bool:
        """os.path.exists, remembered (the same images and pages are linked many times)."""
        found = self._exists.get(path)
        if found is None:
            found = self._exists[path] = os.path.exists(path)
        return found

    # -- computed once per file, shared by the rules ----------------------------
    def values(self, source: SourceFile) -> list[tuple[FieldPath, Any, dict[str, Any]]]:
        """(path, value, subschema) of every metadata value the file's schema describes."""
        cached = self._values.get(source.rel)
        if cached is None:
            cached = []
            if source.kind in KINDS and source.doc is not None and source.data is not None:
                cached = list(walk(load_schema(source.kind).data, source.data))
            self._values[source.rel] = cached
        return cached

    def annotated(self, source: SourceFile, key: str) -> list[tuple[FieldPath, Any, dict]]:
        """The values whose schema carries the annotation `key` (e.g. "x-registry")."""
        return [v for v in self.values(source) if key in v[2]]

    def masked_body(self, source: SourceFile) -> str:
        """The Markdown body with code and comments blanked (see markdown.mask_code)."""
        cached = self._masked.get(source.rel)
        if cached is None:
            cached = self._masked[source.rel] = mask_code(source.body)
        return cached


def discover(root: Path) -> list[str]:
    """Relative paths of every content file under docs/ and campaigns/."""
    found: list[str] = []
    for top in ("docs", "campaigns"):
        for folder, dirs, names in os.walk(root / top):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            rel_folder = os.path.relpath(folder, root).replace(os.sep, "/")
            found.extend(f"{rel_folder}/{name}" for name in names
                         if not name.startswith(".") and os.path.splitext(name)[1] in
                         _TEXT_SUFFIXES)
    return sorted(found)


def load_project(root: Path) -> Project:
    """Read and parse every content file once."""
    project = Project(root)
    campaigns = root / "campaigns"
    if campaigns.is_dir():
        project.campaign_dirs = {
            p.name for p in campaigns.iterdir() if p.is_dir() and not p.name.startswith(".")
        }
    for rel in discover(root):
        kind_lang = classify(rel)
        if kind_lang is None:
            continue
        kind, lang = kind_lang
        source = read_source(root / rel, rel, kind, markdown=rel.endswith(".md"))
        project.files[rel] = source
        project.langs[rel] = lang
    return project


def ascii_name_ok(name: str) -> bool:
    return bool(_ASCII_NAME.match(name))
