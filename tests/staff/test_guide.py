"""The staff guides' field reference is generated from the schemas and kept up to date."""

from noidung.content.layout import REPO_ROOT
from noidung.staff import guide
from noidung.validation.schemas import load_schema


def test_guides_are_up_to_date_with_the_schemas():
    for lang, name in guide.GUIDES.items():
        text = (REPO_ROOT / name).read_text("utf-8")
        assert guide.render_guide(text, lang) == text, (
            f"{name} is out of date: run `python3 make.py guide`")


def test_every_field_of_every_staff_schema_is_in_both_guides():
    for kind, _ in guide.SECTIONS:
        for field in load_schema(kind).properties:
            for name in guide.GUIDES.values():
                assert f"| `{field}` |" in (REPO_ROOT / name).read_text("utf-8"), (kind, field)


def test_reference_uses_each_language_half_of_the_descriptions():
    vi, en = guide.field_reference("vi"), guide.field_reference("en")
    assert "Ngày bắt đầu" in vi and "Start date" not in vi
    assert "Start date" in en and "Ngày bắt đầu" not in en
