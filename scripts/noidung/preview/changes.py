"""What an edited file means for the preview: which kind of change, which generators.

A plain page is rendered again on its own; an article is merged again from
either language's file; a campaign or a module runs its generator again; a new or
deleted file, a config, a registry or the theme needs a full build.
"""

from __future__ import annotations

import enum
import fnmatch
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from noidung.content.layout import POSTS_DIR, REPO_ROOT, SECTIONS, THEME_DIR


class Change(enum.Enum):
    """What an edited path asks the preview to do."""

    PAGE = "page"  # render this language's page again
    ARTICLE = "article"  # merge the article again, then render its post
    GENERATED = "generated"  # run the generators again, render the pages that changed
    ASSET = "asset"  # copy the file into the site again
    STRUCTURE = "structure"  # build the whole language again
    NONE = "none"  # nothing this language shows depends on it


def classify(rel: str, lang: str, original_lang: str) -> Change:
    """What an edit to `rel` (a path relative to the project, / separated) means for the
    preview of `lang`, whose metadata comes from `original_lang`. Whether the file was
    added or deleted is decided by the caller (that is always STRUCTURE)."""
    path = PurePosixPath(rel)
    parts = path.parts
    if not parts or any(p.startswith(".") or p.endswith("~") for p in parts):
        return Change.NONE  # editors' swap and backup files; MkDocs skips dotfiles too
    if len(parts) == 1:
        is_config = path.suffix in (".yml", ".yaml") and path.name.startswith("mkdocs")
        return Change.STRUCTURE if is_config else Change.NONE
    if parts[0] == "campaigns":
        return Change.GENERATED
    if parts[:3] == THEME_DIR.relative_to(REPO_ROOT).parts:
        return Change.STRUCTURE
    if parts[0] != "docs":
        return Change.NONE
    if parts[1] == "registries":
        return Change.STRUCTURE
    if parts[1] not in (lang, original_lang) or len(parts) < 3:
        return Change.NONE
    src = "/".join(parts[2:])
    if src.startswith(POSTS_DIR + "/") and path.suffix == ".md":
        return Change.ARTICLE
    if parts[1] != lang:
        # The original's other files reach this language only through a generator that
        # reads them (training modules take their metadata and materials from it).
        return Change.GENERATED if generators_for([rel]) else Change.NONE
    return Change.PAGE if path.suffix == ".md" else Change.ASSET


def is_page_source(rel: str, languages: Iterable[str]) -> bool:
    """Whether `rel` is a page's Markdown in one language's docs (docs/<code>/….md), not an
    editor's swap or backup file."""
    parts = PurePosixPath(rel).parts
    return (len(parts) > 2 and parts[0] == "docs" and parts[1] in set(languages)
            and rel.endswith(".md")
            and not any(p.startswith(".") or p.endswith("~") for p in parts))


#: The generator that makes the pages an edited source feeds, by the source's path
#: (fnmatch patterns). Running only it keeps a campaign edit under a second at 2,000
#: pages; the pages other generators make from the same source (tag pages, the staff
#: translation report) wait for the full rebuild. A generated source not listed here
#: runs every generator.
SOURCE_GENERATORS: tuple[tuple[str, str], ...] = (
    ("campaigns/*", "noidung.campaigns.pages:pages"),
    ("docs/*/tap-huan/*", "noidung.training.pages:pages"),
)


def generators_for(paths: Iterable[str]) -> list[str] | None:
    """The generators to run again after edits to `paths`; None means all of them."""
    names: list[str] = []
    for rel in paths:
        name = next((g for pattern, g in SOURCE_GENERATORS if fnmatch.fnmatch(rel, pattern)),
                    None)
        if name is None:
            return None
        if name not in names:
            names.append(name)
    return names


# -- which files belong together -------------------------------------------------------

#: A campaign's files: the language-neutral data and one text per language.
CAMPAIGN_DATA = "campaign.yml"


def twins(rel: str, languages: Iterable[str]) -> list[str]:
    """`rel` and the files of the other languages that make the same page with it, for
    the validator: docs/vi/x.md <-> docs/en/x.md; campaigns/<id>/vi.md <-> en.md and
    campaign.yml. Other files (a campaign's materials, configs) have no twins."""
    codes = list(languages)
    parts = PurePosixPath(rel).parts
    if len(parts) > 2 and parts[0] == "docs" and parts[1] in codes and rel.endswith(".md"):
        rest = "/".join(parts[2:])
        return [rel] + [f"docs/{code}/{rest}" for code in codes if code != parts[1]]
    if len(parts) == 3 and parts[0] == "campaigns":
        names = [f"{code}.md" for code in codes] + [CAMPAIGN_DATA]
        if parts[2] in names:
            return [rel] + [f"campaigns/{parts[1]}/{name}" for name in names if name != parts[2]]
    return [rel]


def page_sources(root: Path, src_uri: str, languages: Iterable[str]) -> list[str]:
    """The source files (relative to `root`, the languages' files in `languages`' order)
    of the page whose `src_uri` is given: its Markdown in each language's docs, or for a
    campaign page the campaign's texts and data. Only files that exist."""
    codes = list(languages)
    found = [f"docs/{code}/{src_uri}" for code in codes]
    parts = PurePosixPath(src_uri).parts
    if len(parts) == 3 and parts[0] == SECTIONS.campaigns and parts[2] == "index.md":
        found += [f"campaigns/{parts[1]}/{code}.md" for code in codes]
        found.append(f"campaigns/{parts[1]}/{CAMPAIGN_DATA}")
    return [rel for rel in found if (root / rel).is_file()]
