"""On a narrow phone the header still names the whole site."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("root", "name"), [("", "Gia đình và Trẻ em Ninh Bình"),
                                            ("en/", "Family and Children, Ninh Bình")])
@pytest.mark.parametrize("width", [360, 390])
def test_the_site_name_is_not_cut_off(page, site_url, root, name, width):
    page.set_viewport_size({"width": width, "height": 700})
    page.goto(site_url + root)
    title = page.locator(".md-header__topic").first.locator(".md-ellipsis")
    assert title.inner_text().strip() == name
    # Neither clipped sideways nor by the two-line clamp.
    assert title.evaluate("e => e.scrollWidth <= e.clientWidth + 1"
                          " && e.scrollHeight <= e.clientHeight + 1")
    box = title.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    # The language link is still named, shown or not.
    switch = page.locator("a[data-i18n-switch]")
    assert switch.get_attribute("aria-label") == ("English" if root == "" else "Tiếng Việt")
    assert switch.is_visible()
