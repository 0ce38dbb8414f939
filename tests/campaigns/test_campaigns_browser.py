"""Headless Chromium: the campaigns index shows each campaign in its group, in both
languages, and every link of a campaign page (related news and modules, topics, materials,
calendar) answers."""

from __future__ import annotations

import pytest

from noidung.campaigns.model import ENDED, RUNNING, UPCOMING, load_campaigns, text
from noidung.content import clock
from noidung.content.layout import REPO_ROOT, ContentLayout

pytestmark = pytest.mark.browser

LAYOUT = ContentLayout(REPO_ROOT)
PREFIX = {"vi": "", "en": "en/"}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_index_lists_campaigns_in_their_groups(page, site_url, lang):
    today = clock.today()
    page.goto(site_url + PREFIX[lang] + "chien-dich/")
    shown = page.eval_on_selector_all(
        "div.campaign-group",
        """groups => groups.map(g => ({
            group: g.dataset.group,
            heading: g.querySelector('h2').textContent.replace('¶', '').trim(),
            ids: [...g.querySelectorAll('div.campaign-card')].map(c => c.dataset.campaign),
            visible: g.getBoundingClientRect().height > 0,
        }))""",
    )
    campaigns = load_campaigns(LAYOUT, lang)
    expected = []
    for status in (RUNNING, UPCOMING, ENDED):
        ids = [c.id for c in campaigns if c.status(today) == status]
        if ids:
            expected.append((status, sorted(ids)))
    assert [(g["group"], sorted(g["ids"])) for g in shown] == expected
    assert all(g["visible"] for g in shown)
    headings = {g["group"]: g["heading"] for g in shown}
    if RUNNING in headings:
        assert headings[RUNNING] == text(lang, RUNNING)
    if ENDED in headings:
        assert headings[ENDED] == text(lang, "group_past")
    # The running campaign's status is written out, not only coloured.
    for campaign in campaigns:
        if campaign.status(today) == RUNNING:
            badge = page.locator(f'div.campaign-card[data-campaign="{campaign.id}"] '
                                 ".campaign-status")
            assert badge.inner_text() == text(lang, RUNNING)
    print(f"[campaigns] {lang}: " + ", ".join(f"{g}: {len(i)}" for g, i in expected))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_link_of_every_campaign_page_resolves(page, site_url, lang):
    checked, seen = 0, set()
    for campaign in load_campaigns(LAYOUT, lang):
        page.goto(site_url + PREFIX[lang] + f"chien-dich/{campaign.id}/")
        hrefs = page.eval_on_selector_all(
            "article a[href]", "links => links.map(a => a.href)")
        for href in hrefs:
            if not href.startswith(site_url):
                continue  # tel:111
            url = href.split("#", 1)[0]
            if url in seen:
                continue
            seen.add(url)
            response = page.request.get(url)
            assert response.status == 200, (campaign.id, href)
            checked += 1
        images = page.locator("article img")
        for i in range(images.count()):
            image = images.nth(i)
            image.scroll_into_view_if_needed()  # previews load lazily
            image.evaluate("i => i.decode()")
            assert image.evaluate("i => i.naturalWidth") > 0, campaign.id
            assert image.get_attribute("alt"), campaign.id
        related = page.locator("a[data-related]")
        for i in range(related.count()):
            assert related.nth(i).inner_text().strip()
    assert checked > 15
    print(f"[campaigns] {lang}: {checked} links from campaign pages answered 200")


@pytest.mark.parametrize("path", ["chien-dich/thang-hanh-dong-binh-dang-gioi-2026/",
                                  "chien-dich/lich/", "chien-dich/chu-de/binh-dang-gioi/"])
def test_switching_language_keeps_the_campaign_page(page, site_url, path):
    page.goto(site_url + path)
    with page.expect_navigation():
        page.locator("a[data-i18n-switch]").click()
    assert page.url == site_url + "en/" + path
    assert page.locator("html").get_attribute("lang") == "en"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_calendar_year_fits_a_desktop_and_keeps_names_in_view_on_a_phone(page, site_url,
                                                                           lang):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site_url + PREFIX[lang] + "chien-dich/lich/")
    wraps = page.locator(".campaign-calendar .md-typeset__scrollwrap")
    assert wraps.count() >= 3
    for i in range(wraps.count()):
        # All twelve months show without scrolling sideways (they were cut off at June).
        assert wraps.nth(i).evaluate("w => w.scrollWidth <= w.clientWidth + 1"), i
    assert page.locator(".campaign-calendar__hint").is_hidden()

    page.set_viewport_size({"width": 390, "height": 844})
    assert page.locator(".campaign-calendar__hint").is_visible()
    wrap = wraps.first
    wrap.evaluate("w => { w.scrollLeft = w.scrollWidth; }")
    name = wrap.locator("td:first-child a").first
    box = name.bounding_box()
    # Swiped to December, the campaign's name still shows at the left edge.
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert name.evaluate("a => document.elementFromPoint(a.getBoundingClientRect().x + 4,"
                         " a.getBoundingClientRect().y + 4) === a || a.contains("
                         "document.elementFromPoint(a.getBoundingClientRect().x + 4,"
                         " a.getBoundingClientRect().y + 4))")
