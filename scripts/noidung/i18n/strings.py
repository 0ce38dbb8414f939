"""Every interface text of our pages, one table per language (strings/vi.yml, strings/en.yml).

Texts are grouped by the room that shows them (`site`, `news`, `home`, `tags`,
`campaigns`, `training`), so a translator reads one file per language and a
module asks only for its own group. A language without a table falls back to
the default language's (Vietnamese), as every page did before the tables.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

STRINGS_DIR = Path(__file__).resolve().parent / "strings"
FALLBACK_LANG = "vi"


@cache
def _table(lang: str) -> dict[str, dict[str, str]]:
    path = STRINGS_DIR / f"{lang}.yml"
    if not path.is_file():
        return _table(FALLBACK_LANG) if lang != FALLBACK_LANG else {}
    return yaml.safe_load(path.read_text("utf-8")) or {}


def section(lang: str, group: str) -> dict[str, str]:
    """The texts of one group in `lang` (a dict templates read as `t.key`)."""
    return _table(lang)[group]


def text(lang: str, group: str, key: str, **values: Any) -> str:
    """One text of a group in `lang`, with its `{placeholders}` filled in."""
    return section(lang, group)[key].format(**values)


def languages() -> list[str]:
    """The languages that have a table."""
    return sorted(p.stem for p in STRINGS_DIR.glob("*.yml"))
