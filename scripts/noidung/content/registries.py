"""Registries: controlled vocabularies kept as YAML data files in docs/registries/.

Each registry is a list of entries with a stable ASCII `id` and names per
language. Units also carry validity dates, because departments get renamed and
merged and an article keeps the name in force on its date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

REGISTRY_NAMES = ("categories", "units", "topics", "audiences", "districts", "hotlines")


@dataclass(frozen=True)
class Entry:
    """One registry entry."""

    id: str
    name: dict[str, str]
    data: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def label(self, lang: str) -> str:
        """The entry's name in `lang`, falling back to Vietnamese (the original)."""
        return self.name.get(lang) or self.name.get("vi") or self.id

    def valid_on(self, day: dt.date) -> bool:
        start = self.data.get("valid_from")
        end = self.data.get("valid_to")
        return (start is None or start <= day) and (end is None or day <= end)


@dataclass(frozen=True)
class Registries:
    """All registries of the site, by name, each a mapping from id to entry."""

    tables: dict[str, dict[str, Entry]]

    def get(self, registry: str, entry_id: str) -> Entry | None:
        return self.tables.get(registry, {}).get(entry_id)

    def ids(self, registry: str) -> list[str]:
        return list(self.tables.get(registry, {}))

    def entries(self, registry: str) -> list[Entry]:
        return list(self.tables.get(registry, {}).values())

    def labels(self, registry: str, ids: list[str], lang: str, *,
               known_only: bool = False) -> list[str]:
        """The names of `ids` in `lang`, for display; an id the registry lacks (the validator
        refuses it before a build) shows as itself, or is left out with `known_only`."""
        table = self.tables.get(registry, {})
        return [table[i].label(lang) if i in table else i for i in ids
                if not known_only or i in table]

    def label(self, registry: str, entry_id: str, lang: str) -> str:
        """The name of one id in `lang` (the id itself when the registry lacks it)."""
        return self.labels(registry, [entry_id], lang)[0]

    def hotline_numbers(self) -> set[str]:
        return {str(e.data.get("number")) for e in self.entries("hotlines")}


def _entry(raw: dict[str, Any], key: str) -> Entry:
    ident = str(raw.get(key, ""))
    return Entry(id=ident, name=dict(raw.get("name") or {}), data=dict(raw))


def load_registries(folder: Path) -> Registries:
    """Load every registry file that exists in `folder` (missing files are empty)."""
    return _load_cached(str(folder), _stamp(folder))


def _stamp(folder: Path) -> tuple[float, ...]:
    # Reload when a file changes (mkdocs serve keeps the process alive).
    return tuple(
        (folder / f"{name}.yml").stat().st_mtime if (folder / f"{name}.yml").exists() else 0.0
        for name in REGISTRY_NAMES
    )


@lru_cache(maxsize=8)
def _load_cached(folder: str, _stamp: tuple[float, ...]) -> Registries:
    tables: dict[str, dict[str, Entry]] = {}
    for name in REGISTRY_NAMES:
        path = Path(folder) / f"{name}.yml"
        rows = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else []
        key = "number" if name == "hotlines" else "id"
        tables[name] = {
            str(row.get(key)): _entry(row, key) for row in rows or [] if isinstance(row, dict)
        }
    return Registries(tables)
