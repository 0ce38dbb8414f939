"""Gate: the Nu HTML Checker (vnu.jar, --Werror) finds no error on any page of the site.

Needs Java and the npm package vnu-jar; see tests/gates/conftest.py for skips.
"""

from __future__ import annotations

import pytest

from noidung.quality import report
from noidung.quality.html_validity import KNOWN_MATERIAL_ERRORS, parse_messages, run_vnu
from tests.gates.conftest import FIXTURES

BROKEN = FIXTURES / "broken"


@pytest.fixture(scope="module")
def vnu_messages(built_site, vnu) -> list[dict]:
    """The checker's messages on the built site and the broken fixtures (one Java run)."""
    java, jar = vnu
    return run_vnu(jar, [built_site, BROKEN], java)


def test_no_html_error_on_any_page(built_site, vnu_messages):
    result = parse_messages(vnu_messages, built_site)
    tolerated = sum(result.tolerated.values())
    print(f"\n[html] vnu.jar --Werror: {result.pages} pages, {len(result.problems)} errors; "
          f"{tolerated} tolerated in Material's own markup "
          f"({len(result.tolerated)} of {len(KNOWN_MATERIAL_ERRORS)} known errors seen)")
    assert result.pages > 0
    assert result.problems == [], "\n" + report(result.problems)


def test_div_inside_span_fails_naming_the_page(vnu_messages):
    problems = parse_messages(vnu_messages, BROKEN).problems
    assert [p.page for p in problems if "not allowed as child of element “span”" in p.message] \
        == ["div-in-span.html"]
    assert all(p.page != "index.html" for p in problems)


def _message(text: str, markup: str, folder) -> dict:
    extract = "  " + markup + "\n"
    return {"type": "error", "url": (folder / "a.html").as_uri(), "lastLine": 3, "message": text,
            "extract": extract, "hiliteStart": 2, "hiliteLength": len(markup)}


def test_known_material_errors_are_tolerated_only_on_their_markup(tmp_path):
    toc = KNOWN_MATERIAL_ERRORS[2]
    messages = [
        _message(toc.message, '<label class="md-nav__title" for="__toc">', tmp_path),
        _message(toc.message, '<label class="ours" for="missing">', tmp_path),
        _message(toc.message, '<label class="ours" for="missing">', tmp_path.parent),
    ]
    result = parse_messages(messages, tmp_path)
    assert result.tolerated == {toc.message: 1}
    assert [str(p) for p in result.problems] == [
        f'a.html: [html-error] line 3: {toc.message} — <label class="ours" for="missing">']
