"""The schemas are the one definition of every field: each property says what it is in
Vietnamese and English, has an example, and every rule id is documented."""

from __future__ import annotations

import pytest

from noidung.validation.rules import all_rules
from noidung.validation.schemas import KINDS, load_schema


def _properties(schema, path=""):
    for name, sub in schema.get("properties", {}).items():
        yield f"{path}{name}", sub
        yield from _properties(sub, f"{path}{name}.")
        items = sub.get("items")
        if isinstance(items, dict):
            yield from _properties(items, f"{path}{name}[].")


@pytest.mark.parametrize("kind", KINDS)
def test_every_property_is_described_in_both_languages_with_an_example(kind):
    schema = load_schema(kind).data
    root = schema["items"] if schema.get("type") == "array" else schema
    problems = []
    for name, sub in _properties(root):
        vi, sep, en = str(sub.get("description", "")).partition(" / ")
        if not (vi and sep and en):
            problems.append(f"{name}: description must be 'Vietnamese / English'")
        if not sub.get("examples"):
            problems.append(f"{name}: no examples")
    assert problems == []
    assert " / " in schema["title"] and schema["examples"]


@pytest.mark.parametrize("kind", KINDS)
def test_required_fields_exist(kind):
    schema = load_schema(kind).data
    root = schema["items"] if schema.get("type") == "array" else schema
    assert set(root.get("required", [])) <= set(root["properties"])


def test_rule_registry_documents_every_rule_in_both_languages():
    rules = all_rules()
    assert len(rules) >= 30
    for rule in rules.values():
        assert rule.summary_vi and rule.summary_en, rule.id


def _annotated(schema, parent=None):
    """(subschema, the mapping schema holding it) for every subschema."""
    yield schema, parent
    for sub in schema.get("properties", {}).values():
        yield from _annotated(sub, schema)
    if isinstance(schema.get("items"), dict):
        yield from _annotated(schema["items"], parent if "properties" not in schema else schema)


@pytest.mark.parametrize("kind", KINDS)
def test_annotations_name_things_that_exist(kind):
    from noidung.validation.project import REGISTRY_FILES

    schema = load_schema(kind).data
    root = schema["items"] if schema.get("type") == "array" else schema
    for sub, parent in _annotated(root):
        if "x-registry" in sub:
            assert sub["x-registry"] in REGISTRY_FILES
        if "x-valid-on" in sub:
            assert sub["x-valid-on"] in root["properties"]
        if "x-not-before" in sub:
            assert parent is not None and sub["x-not-before"] in parent["properties"]
        if "x-ref" in sub:
            assert sub["x-ref"] in {"module", "article", "campaign", "page", "campaign-material",
                                    "module-material", "module-session"}
    shared = schema.get("x-shared-from")
    assert shared is None or shared in KINDS
