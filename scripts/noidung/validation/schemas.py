"""The content model: one JSON Schema (written as YAML) per kind of file,
in scripts/noidung/content/schemas/.

The schemas are the single definition of every field. Besides standard JSON
Schema they carry a few annotations that our rules, the scaffolding and the
staff guide read:

- `x-registry: <name>`  the value is an id of docs/registries/<name>.yml
- `x-valid-on: <field>` that registry entry must be valid on the date in <field>
- `x-ref: module|article|campaign|page|...`  the value names another item
- `x-not-before: <field>` a date not earlier than the date in <field>
- `x-file: true`        a file that must exist; `x-alt: true` alt text of an image
- `x-text: true`        translated text (checked for privacy, written per language)
- `x-id: true`          the item's id (unique); `x-expected` words for the expected form
- `x-shared-from: <kind>` a translation whose other fields come from that kind
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml
from jsonschema import Draft202012Validator

from noidung.content import layout

from .fastcheck import compile_schema
from .source import FieldPath

_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SCHEMA_DIR = layout.SCHEMA_DIR

#: Kind of file → schema file name (without .yml).
KINDS = (
    "campaign", "campaign-text", "module", "module-translation", "article",
    "article-translation", "registry-units", "registry-categories", "registry-topics",
    "registry-audiences", "registry-districts", "registry-hotlines", "registry-redirects",
)


class SchemaError(RuntimeError):
    """A schema file is missing or broken: the tool itself cannot run (exit status 2)."""


@dataclass(frozen=True)
class Schema:
    kind: str
    data: dict[str, Any]
    validator: Draft202012Validator
    #: Fast yes/no pre-check (fastcheck.py); None means "always ask jsonschema".
    quick: Callable[[Any], bool] | None = None

    def is_valid(self, data: Any) -> bool:
        return self.quick(data) if self.quick is not None else self.validator.is_valid(data)

    @property
    def properties(self) -> dict[str, Any]:
        """Top-level fields of a mapping schema ({} for registries)."""
        return self.data.get("properties", {})

    def field(self, name: str) -> dict[str, Any]:
        return self.properties.get(name, {})


@cache
def load_schema(kind: str) -> Schema:
    """The compiled schema of one kind (read once per process)."""
    path = SCHEMA_DIR / f"{kind}.yml"
    try:
        data = yaml.load(path.read_text("utf-8"), Loader=_FAST_LOADER)
        Draft202012Validator.check_schema(data)
    except Exception as error:  # any failure here is ours, not the staff's
        raise SchemaError(f"schema {path}: {error}") from error
    return Schema(kind, data, Draft202012Validator(data), compile_schema(data))


def all_schemas() -> dict[str, Schema]:
    """Every schema, by kind (raises SchemaError if one is broken)."""
    return {kind: load_schema(kind) for kind in KINDS}


def walk(schema: dict[str, Any], value: Any, path: FieldPath = ()) -> Iterator[
        tuple[FieldPath, Any, dict[str, Any]]]:
    """Yield (path, value, subschema) for every value the schema describes."""
    yield path, value, schema
    if isinstance(value, dict):
        props = schema.get("properties", {})
        for key, item in value.items():
            if key in props:
                yield from walk(props[key], item, (*path, key))
    elif isinstance(value, list) and isinstance(schema.get("items"), dict):
        for i, item in enumerate(value):
            yield from walk(schema["items"], item, (*path, i))


def annotated(schema: dict[str, Any], value: Any, key: str) -> Iterator[
        tuple[FieldPath, Any, dict[str, Any]]]:
    """The values whose schema carries the annotation `key` (e.g. "x-registry")."""
    for path, item, sub in walk(schema, value):
        if key in sub:
            yield path, item, sub


def label(sub: dict[str, Any]) -> tuple[str, str]:
    """(Vietnamese, English) halves of a field's description."""
    text = str(sub.get("description", ""))
    vi, _, en = text.partition(" / ")
    return vi, en or vi
