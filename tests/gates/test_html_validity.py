"""Gate: the Nu HTML Checker (vnu.jar, --Werror) finds no error on any page of the site.

Needs Java and the npm package vnu-jar; see tests/gates/conftest.py for skips.
"""

from __future__ import annotations

import json

from scripts.quality import report
from scripts.quality.html_validity import KNOWN_MATERIAL_ERRORS, check_html, parse_messages
from tests.gates.conftest import FIXTURES


def test_no_html_error_on_any_page(built_site, vnu):
    java, jar = vnu
    result = check_html(built_site, jar, java)
    tolerated = sum(result.tolerated.values())
    print(f"\n[html] vnu.jar --Werror: {result.pages} pages, {len(result.problems)} errors; "
          f"{tolerated} tolerated in Material's own markup "
          f"({len(result.tolerated)} of {len(KNOWN_MATERIAL_ERRORS)} known errors seen)")
    assert result.pages > 0
    assert result.problems == [], "\n" + report(result.problems)


def test_div_inside_span_fails_naming_the_page(vnu):
    java, jar = vnu
    problems = check_html(FIXTURES / "broken", jar, java).problems
    assert [p.page for p in problems if "not allowed as child of element “span”" in p.message] \
        == ["div-in-span.html"]
    assert all(p.page != "index.html" for p in problems)


def _message(text: str, markup: str) -> dict:
    extract = "  " + markup + "\n"
    return {"type": "error", "url": "file:/s/a.html", "lastLine": 3, "message": text,
            "extract": extract, "hiliteStart": 2, "hiliteLength": len(markup)}


def test_known_material_errors_are_tolerated_only_on_their_markup(tmp_path):
    toc = KNOWN_MATERIAL_ERRORS[2]
    output = json.dumps({"messages": [
        _message(toc.message, '<label class="md-nav__title" for="__toc">'),
        _message(toc.message, '<label class="ours" for="missing">'),
    ]})
    result = parse_messages(output, tmp_path)
    assert result.tolerated == {toc.message: 1}
    assert [str(p) for p in result.problems] == [
        f'/s/a.html: [html-error] line 3: {toc.message} — <label class="ours" for="missing">']
