"""A fast yes/no check of the JSON Schema subset our schemas use.

jsonschema is the authority and writes every message, but it is slow (about
0.3 ms for one small front matter). Most files are valid, so each schema is
compiled once into plain Python closures that only answer "valid?"; jsonschema
runs only on the files that fail. A schema using any keyword not handled here
compiles to None, and then jsonschema checks every file (slower, never wrong).
tests/validation/test_fastcheck.py compares both on random data.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]

#: Keywords that never affect validity.
_ANNOTATIONS = {"$schema", "$id", "title", "description", "examples", "default", "format",
                "$comment"}


class _Unsupported(Exception):
    pass


def compile_schema(schema: dict[str, Any]) -> Check | None:
    """A function data → bool equal to jsonschema's is_valid, or None if not supported."""
    try:
        return _compile(schema)
    except _Unsupported:
        return None


def _is_type(name: str, value: Any) -> bool:
    if name == "string":
        return isinstance(value, str)
    if name == "object":
        return isinstance(value, dict)
    if name == "array":
        return isinstance(value, list)
    if name == "boolean":
        return isinstance(value, bool)
    if name == "null":
        return value is None
    if isinstance(value, bool):
        return False
    if name == "integer":
        return isinstance(value, int) or (isinstance(value, float) and value.is_integer())
    if name == "number":
        return isinstance(value, int | float)
    raise _Unsupported(name)


def _compile(schema: dict[str, Any]) -> Check:
    checks: list[Check] = []
    for key, arg in schema.items():
        if key in _ANNOTATIONS or key.startswith("x-") or key in ("then", "else"):
            continue
        checks.append(_keyword(key, arg, schema))
    if not checks:
        return lambda value: True
    if len(checks) == 1:
        return checks[0]
    return lambda value: all(check(value) for check in checks)


def _keyword(key: str, arg: Any, schema: dict[str, Any]) -> Check:  # noqa: C901 - a dispatch
    if key == "type":
        names = [arg] if isinstance(arg, str) else list(arg)
        for name in names:
            _is_type(name, None)  # raises for an unknown type name
        return lambda v: any(_is_type(n, v) for n in names)
    if key == "properties":
        props = {name: _compile(sub) for name, sub in arg.items()}
        return lambda v: not isinstance(v, dict) or all(
            props[k](item) for k, item in v.items() if k in props)
    if key == "required":
        names = list(arg)
        return lambda v: not isinstance(v, dict) or all(n in v for n in names)
    if key == "additionalProperties":
        if arg is not False or "patternProperties" in schema:
            raise _Unsupported(key)
        allowed = set(schema.get("properties", {}))
        return lambda v: not isinstance(v, dict) or all(k in allowed for k in v)
    if key == "items":
        if not isinstance(arg, dict):
            raise _Unsupported(key)
        item = _compile(arg)
        return lambda v: not isinstance(v, list) or all(item(x) for x in v)
    if key == "enum":
        options = list(arg)
        return lambda v: any(_equal(v, o) for o in options)
    if key == "const":
        return lambda v: _equal(v, arg)
    if key == "pattern":
        regex = re.compile(arg)
        return lambda v: not isinstance(v, str) or regex.search(v) is not None
    if key == "minLength":
        return lambda v: not isinstance(v, str) or len(v) >= arg
    if key == "minItems":
        return lambda v: not isinstance(v, list) or len(v) >= arg
    if key == "uniqueItems":
        if not arg:
            return lambda v: True
        return lambda v: not isinstance(v, list) or _unique(v)
    if key == "minimum":
        return lambda v: not _is_type("number", v) or v >= arg
    if key == "maximum":
        return lambda v: not _is_type("number", v) or v <= arg
    if key == "if":
        test = _compile(arg)
        then = _compile(schema.get("then", {}))
        other = _compile(schema.get("else", {}))
        return lambda v: then(v) if test(v) else other(v)
    raise _Unsupported(key)


def _canonical(value: Any) -> str:
    # bool and numbers differ in JSON Schema (true is not 1), as in json.dumps.
    return json.dumps(value, sort_keys=True, default=repr)


def _equal(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, str | int | float) and isinstance(b, str | int | float):
        return a == b
    return _canonical(a) == _canonical(b)


def _unique(items: list[Any]) -> bool:
    if all(isinstance(x, str) for x in items):
        return len(set(items)) == len(items)
    keys = [_canonical(_normal(x)) for x in items]
    return len(set(keys)) == len(keys)


def _normal(value: Any) -> Any:
    """1.0 and 1 are the same number for uniqueItems."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list):
        return [_normal(x) for x in value]
    if isinstance(value, dict):
        return {k: _normal(x) for k, x in value.items()}
    return value
