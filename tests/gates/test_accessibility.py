"""Gate: accessibility of every kind of page, in both languages, in headless Chromium.

axe-core (WCAG 2.0/2.1, levels A and AA) on the first page of each kind and with search
results open; keyboard checks: skip link, visible focus, language switcher, search.
Browser test: skipped without Chromium, failed instead when REQUIRE_TOOLS=1 (CI).
"""

from __future__ import annotations

import pytest

from noidung.quality import report
from noidung.quality.accessibility import WCAG_TAGS, inject_axe, run_axe, violations_to_problems
from noidung.quality.page_kinds import page_url
from tests.gates.browsing import (
    ACTIVE_ELEMENT,
    focus_search_result,
    gate_page,
    open_search,
    tab_to,
)

pytestmark = pytest.mark.browser

HOMES = {"vi": "", "en": "en/"}
TAB_STOPS_CHECKED = 20
# A focus indicator: an outline or a shadow under :focus-visible, or any visible change.
FOCUS_STYLE = """e => { const s = getComputedStyle(e);
  return ['outlineStyle', 'outlineWidth', 'boxShadow', 'backgroundColor', 'color',
          'textDecorationLine', 'borderTopColor', 'borderBottomColor'].map(p => s[p]); }"""
FOLLOWS_TARGET = """id => { const t = document.getElementById(id), e = document.activeElement;
  return t.contains(e) || !!(t.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING); }"""


def test_axe_finds_no_wcag_a_or_aa_violation(tour, page_kinds):
    problems = [problem for found in tour.axe.values() for problem in found]
    print(f"\n[axe] {tour.axe_rules} rules ({', '.join(WCAG_TAGS)}) on {len(tour.axe)} page "
          f"states: {len(page_kinds)} pages (one per kind and language) + search results "
          f"open in {tour.searched or 'no language'}")
    assert tour.axe_rules > 0 and len(tour.axe) >= len(page_kinds)
    assert problems == [], "\n" + report(problems)


def test_image_without_alt_fails_naming_the_page(browser, fixture_url, axe_script):
    with gate_page(browser, fixture_url) as (page, _):
        page.goto(fixture_url + "img-without-alt.html")
        inject_axe(page, axe_script)
        problems = run_axe(page, "img-without-alt.html")
        page.goto(fixture_url + "index.html")
        inject_axe(page, axe_script)
        assert run_axe(page, "index.html") == []
    assert [(p.page, p.rule) for p in problems] == [("img-without-alt.html", "axe:image-alt")]
    assert '["img"]' in problems[0].message


@pytest.mark.parametrize("lang", HOMES)
def test_skip_link_is_first_visible_and_moves_to_content(browser, site_url, page_kinds, lang):
    pages = [page_kinds[(lang, kind)] for kind in ("home", "article") if (lang, kind) in page_kinds]
    with gate_page(browser, site_url) as (page, _):
        for rel in pages:
            page.goto(site_url + page_url(rel))
            page.keyboard.press("Tab")
            skip = page.evaluate_handle("document.activeElement")
            href = skip.get_attribute("href") or ""
            assert href.startswith("#") and len(href) > 1, (
                f"{rel}: the first Tab stop is not a skip link: {page.evaluate(ACTIVE_ELEMENT)}")
            box = skip.bounding_box()
            assert box and box["width"] > 1 and box["height"] > 1 and box["y"] >= 0, (
                f"{rel}: the focused skip link is not visible: {box}")
            assert page.locator(f"[id='{href[1:]}']").count() == 1, (
                f"{rel}: the skip link's target {href} does not exist")
            page.keyboard.press("Enter")
            page.keyboard.press("Tab")
            # The next Tab stop follows the target: the header was skipped.
            after = page.evaluate(FOLLOWS_TARGET, href[1:])
            assert after, f"{rel}: after the skip link, Tab went to {page.evaluate(ACTIVE_ELEMENT)}"
    print(f"\n[keyboard] skip link works on {', '.join(pages)}")


def _focus_problems(page, rel: str) -> tuple[int, list[str]]:
    """Tab through the page; each focused element must be visible and look focused."""
    problems, seen = [], 0
    # Without transitions, the style read right after focus or blur is the final one.
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    for _ in range(TAB_STOPS_CHECKED):
        page.keyboard.press("Tab")
        element = page.evaluate_handle("document.activeElement")
        name = page.evaluate(ACTIVE_ELEMENT)
        if name == "body":
            break  # the end of the page
        seen += 1
        box = element.bounding_box()
        if not box or box["width"] < 1 or box["height"] < 1:
            problems.append(f"{rel}: focus went to an invisible element: {name} {box}")
            continue
        focused = page.evaluate(FOCUS_STYLE, element)
        outline = focused[0] != "none" and focused[1] != "0px"
        shadow = focused[2] != "none"
        page.evaluate("e => e.blur()", element)
        unfocused = page.evaluate(FOCUS_STYLE, element)
        page.evaluate("e => e.focus({focusVisible: true})", element)
        if not (outline or shadow or focused != unfocused):
            problems.append(f"{rel}: no visible focus indicator on {name}")
    return seen, problems


@pytest.mark.parametrize("lang", HOMES)
def test_focus_is_visible(browser, site_url, page_kinds, lang):
    kinds = ("home", "article", "campaign", "module")
    pages = [page_kinds[(lang, kind)] for kind in kinds if (lang, kind) in page_kinds]
    problems, stops = [], 0
    with gate_page(browser, site_url) as (page, _):
        for rel in pages:
            page.goto(site_url + page_url(rel))
            seen, found = _focus_problems(page, rel)
            stops += seen
            problems += found
    print(f"\n[keyboard] focus indicator checked on {stops} Tab stops of {', '.join(pages)}")
    assert stops > 0
    assert problems == [], "\n" + "\n".join(problems)


@pytest.mark.parametrize("lang", HOMES)
def test_language_switcher_by_keyboard(browser, site_url, lang):
    other = "en" if lang == "vi" else "vi"
    with gate_page(browser, site_url) as (page, _):
        page.goto(site_url + HOMES[lang])
        assert tab_to(page, "[data-i18n-switch]"), "the language switcher is not reached by Tab"
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.locator("html").get_attribute("lang") == other
        assert page.url == site_url + HOMES[other]


@pytest.mark.parametrize("lang", HOMES)
def test_search_by_keyboard(browser, site_url, lang):
    with gate_page(browser, site_url) as (page, _):
        page.goto(site_url + HOMES[lang])
        if not open_search(page, lang):
            pytest.skip("no search box on the home page")
        assert focus_search_result(page), (
            f"no search result reached by keyboard; focus on {page.evaluate(ACTIVE_ELEMENT)}")
        with page.expect_navigation() as navigation:
            page.keyboard.press("Enter")
        assert navigation.value is not None and navigation.value.status == 200, (
            f"the search result leads to {page.url}, status "
            f"{navigation.value.status if navigation.value else None}")
        assert page.url.startswith(site_url + HOMES[lang])
        assert page.locator("html").get_attribute("lang") == lang
        print(f"\n[keyboard] search ({lang}): typed, reached a result by keyboard, "
              f"opened {page.url}")


def test_violation_message_names_rule_impact_and_elements():
    violation = {"id": "image-alt", "impact": "critical", "help": "Images must have alternate text",
                 "nodes": [{"target": ["img"]}] * 5}
    [problem] = violations_to_problems([violation], "a.html")
    assert str(problem) == ('a.html: [axe:image-alt] critical: Images must have alternate text'
                            ' — ["img"], ["img"], ["img"] (+2 more)')
