"""The fast pre-check agrees with jsonschema on every schema, for valid and random data."""

from __future__ import annotations

import copy

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from noidung.validation.schemas import KINDS, load_schema

SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 3000), st.floats(allow_nan=False, width=32),
    st.sampled_from(["", "2025-06-01", "28/6/2025", "co-ban", "M03", "1.0", "#Tag", "x y",
                     "so-van-hoa-the-thao", "poster", "tap-huan/a/", "111"]),
    st.text(max_size=8),
)
JSON = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.text(max_size=6), inner, max_size=4)),
    max_leaves=12,
)


def _mutations(example, draw_key, draw_value):
    """The schema's own example with one field replaced, removed or added."""
    data = copy.deepcopy(example)
    target = data[0] if isinstance(data, list) and data and isinstance(data[0], dict) else data
    if isinstance(target, dict) and target:
        keys = sorted(target)
        key = keys[draw_key % len(keys)]
        if draw_key % 3 == 0:
            del target[key]
        else:
            target[key] = draw_value
    return data


@pytest.mark.parametrize("kind", KINDS)
def test_examples_are_valid(kind):
    schema = load_schema(kind)
    for example in schema.data["examples"]:
        assert schema.validator.is_valid(example)
        assert schema.quick is not None and schema.quick(example)


@pytest.mark.parametrize("kind", KINDS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(key=st.integers(0, 50), value=JSON, noise=JSON)
def test_fast_check_agrees_with_jsonschema(kind, key, value, noise):
    schema = load_schema(kind)
    for data in (_mutations(schema.data["examples"][0], key, value), noise):
        assert schema.quick(data) == schema.validator.is_valid(data), data
