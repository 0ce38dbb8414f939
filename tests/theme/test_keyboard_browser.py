"""Keyboard readers on a phone: every Tab stop is on screen, and the menu still opens."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

MODULE = "tap-huan/nhan-biet-va-bao-tin-xam-hai-tre-em/"


@pytest.mark.parametrize("root", ["", "en/"])
def test_tab_never_lands_in_the_closed_menu(page, site_url, root):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url + root + MODULE)
    for press in range(1, 16):
        page.keyboard.press("Tab")
        box = page.evaluate("""() => {
            const r = document.activeElement.getBoundingClientRect();
            return {x: r.x, right: r.right, tag: document.activeElement.tagName,
                    text: (document.activeElement.innerText || '').slice(0, 30)};
        }""")
        assert box["x"] >= 0 and box["right"] <= 390, (press, box)


def test_the_menu_opens_and_its_links_take_focus(page, site_url):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url + MODULE)
    page.locator("label.md-header__button[for='__drawer']").click()
    link = page.locator(".md-sidebar--primary a.md-nav__link[href]").first
    link.wait_for(state="visible")
    link.focus()
    assert page.evaluate("document.activeElement.closest('.md-sidebar--primary') !== null")
