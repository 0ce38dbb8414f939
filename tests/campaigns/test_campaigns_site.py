"""Campaigns in the built site: pages in both languages, the index groups, materials
beside their page, the calendar and the two iCalendar feeds."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest

from noidung import site
from noidung.campaigns.calendar import event_uid
from noidung.campaigns.model import (
    ENDED,
    RUNNING,
    UPCOMING,
    format_range,
    format_size,
    load_campaigns,
    text,
)
from noidung.content import clock
from noidung.content.layout import REPO_ROOT, ContentLayout
from tests.campaigns.test_campaigns import strict_ics_events
from tests.support.site import resolve_href, soup

LAYOUT = ContentLayout(REPO_ROOT)
PREFIX = {"vi": "", "en": "en/"}


@pytest.fixture(scope="module")
def today() -> dt.date:
    # The same date the session's build used (SITE_BUILD_DATE or the real day).
    return clock.today()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_campaign_has_its_page_with_the_facts(built_site, lang, today):
    for campaign in load_campaigns(LAYOUT, lang):
        page = built_site / PREFIX[lang] / "chien-dich" / campaign.id / "index.html"
        doc = soup(page)
        assert doc.html["lang"] == lang
        assert doc.h1.get_text(strip=True).rstrip("¶") == campaign.title
        when = doc.select_one("p.campaign-when")
        status = campaign.status(today)
        assert when["data-status"] == status
        assert when.strong.get_text() == text(lang, status)
        assert when.select_one(".campaign-dates").get_text() == format_range(
            campaign.start, campaign.end, lang)
        body = doc.article.get_text(" ")
        for message in campaign.key_messages:
            assert message in body
        for hashtag in campaign.ids("hashtags"):
            assert hashtag in body
        assert doc.select_one('a[href="tel:111"]') is not None
        lead = campaign.ids("lead_unit")[0]
        assert doc.find("dd", string=lambda s, lead=lead: s and s.strip() ==
                        _unit_name(lead, lang)) is not None
        for material in campaign.materials:
            link = doc.select_one(f'a.campaign-download[href="{material.file}"]')
            assert link is not None, (campaign.id, material.file)
            assert format_size(material.size, lang) in link.get_text()
            copied = resolve_href(built_site, page, link["href"])
            assert copied.read_bytes() == material.path.read_bytes()
            img = doc.select_one(f'img[src="{material.file}"]')
            assert img["alt"] == material.alt
            caption = link.parent.get_text()
            assert material.licence in caption
            # The holder is named in the page's language (an English page once showed the
            # Vietnamese name, typed into the licence text).
            assert material.holder and caption.endswith(
                f"{material.licence}, {_unit_name(material.holder, lang)}"), caption


def _unit_name(unit_id: str, lang: str) -> str:
    from noidung.content.registries import load_registries

    return load_registries(LAYOUT.registries).get("units", unit_id).label(lang)


def test_vietnamese_dates_are_written_the_vietnamese_way(built_site):
    doc = soup(built_site / "chien-dich/thang-hanh-dong-vi-tre-em-2025/index.html")
    assert doc.select_one(".campaign-dates").get_text() == (
        "Từ 1/6/2025 đến 30/6/2025")


def test_the_programme_links_its_article_in_both_languages(built_site):
    for prefix in ("", "en/"):
        page = (built_site / prefix / "chien-dich"
                / "chuong-trinh-phoi-hop-gia-dinh-tre-em-2024" / "index.html")
        links = soup(page).select('a[data-related="article"]')
        assert "../../tin-bai/2024/12/phoi-hop-cong-tac-gia-dinh-tre-em/" in [
            a["href"] for a in links]
        for link in soup(page).select("a[data-related]"):
            assert resolve_href(built_site, page, link["href"]).is_file(), link["href"]


def test_an_untranslated_related_page_says_its_language(built_site):
    """An English reader is told before following a Vietnamese title to its stand-in page."""
    checked = 0
    for prefix, lang in (("", "vi"), ("en/", "en")):
        for campaign in load_campaigns(LAYOUT, lang):
            page = built_site / prefix / "chien-dich" / campaign.id / "index.html"
            for link in soup(page).select("a[data-related]"):
                target = resolve_href(built_site, page, link["href"])
                stand_in = "noindex" in target.read_text("utf-8")
                item = link.parent.get_text(" ", strip=True)
                assert (link.get("lang") == "vi") == stand_in, (page, link["href"])
                assert item.endswith("(in Vietnamese only)") == stand_in, item
                checked += stand_in
    assert checked >= 1  # the English Family Day 2025 page lists a Vietnamese-only article


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_related_modules_that_exist_are_linked(built_site, lang):
    for campaign in load_campaigns(LAYOUT, lang):
        page = built_site / PREFIX[lang] / "chien-dich" / campaign.id / "index.html"
        hrefs = [a["href"] for a in soup(page).select('a[data-related="module"]')]
        existing = [m for m in campaign.ids("modules")
                    if (LAYOUT.language_docs("vi") / "tap-huan" / f"{m}.md").is_file()]
        assert hrefs == [f"../../tap-huan/{m}/" for m in existing], campaign.id


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_index_groups_running_upcoming_then_past_by_year(built_site, lang, today):
    doc = soup(built_site / PREFIX[lang] / "chien-dich/index.html")
    campaigns = load_campaigns(LAYOUT, lang)
    groups = [g["data-group"] for g in doc.select("div.campaign-group")]
    present = [s for s in (RUNNING, UPCOMING, ENDED) if any(c.status(today) == s
                                                             for c in campaigns)]
    assert groups == present
    for group in doc.select("div.campaign-group"):
        for card in group.select("div.campaign-card"):
            campaign = next(c for c in campaigns if c.id == card["data-campaign"])
            assert campaign.status(today) == group["data-group"]
    ended = doc.select_one('div.campaign-group[data-group="ended"]')
    if ended is not None:
        years = [int(y["data-year"]) for y in ended.select("div.campaign-year")]
        assert years == sorted(years, reverse=True)
        for year in ended.select("div.campaign-year"):
            for card in year.select("div.campaign-card"):
                campaign = next(c for c in campaigns if c.id == card["data-campaign"])
                assert campaign.start.year == int(year["data-year"])
    listed = sorted(c["data-campaign"] for c in doc.select("div.campaign-card"))
    assert listed == sorted(c.id for c in campaigns)
    # The staff-written intro is kept above the listing.
    assert doc.h1.get_text(strip=True).rstrip("¶") == (
        "Chiến dịch truyền thông" if lang == "vi" else "Communication campaigns")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_topic_filter_pages_list_only_their_topic(built_site, lang):
    index = built_site / PREFIX[lang] / "chien-dich/index.html"
    links = soup(index).select("nav.campaign-filter a")
    assert len(links) >= 4
    campaigns = load_campaigns(LAYOUT, lang)
    for link in links[1:]:
        page = resolve_href(built_site, index, link["href"])
        topic = page.parent.name
        cards = {c["data-campaign"] for c in soup(page).select("div.campaign-card")}
        assert cards == {c.id for c in campaigns if topic in c.ids("topics")}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_calendar_page_shows_every_campaign_in_its_years(built_site, lang):
    page = built_site / PREFIX[lang] / "chien-dich/lich/index.html"
    doc = soup(page)
    for campaign in load_campaigns(LAYOUT, lang):
        for year in range(campaign.start.year, campaign.end.year + 1):
            table = doc.select_one(f'div.campaign-calendar[data-year="{year}"]')
            titles = [a.get_text() for a in table.select("td a")]
            assert campaign.title in titles
    feed = doc.select_one('a[type="text/calendar"]')
    assert resolve_href(built_site, page, feed["href"]).is_file()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_built_feeds_parse_with_both_readers(built_site, lang):
    data = (built_site / PREFIX[lang] / "chien-dich/lich.ics").read_bytes()
    campaigns = {c.id: c for c in load_campaigns(LAYOUT, lang)}
    strict = {e["UID"]: e for e in strict_ics_events(data)}
    parsed = list(icalendar.Calendar.from_ical(data).walk("VEVENT"))
    assert len(parsed) == len(strict) == len(campaigns)
    base = site.load().site_url.rstrip("/") + "/" + PREFIX[lang]
    for cid, campaign in campaigns.items():
        uid = event_uid(cid, lang)
        event = next(e for e in parsed if str(e["UID"]) == uid)
        assert event.decoded("DTSTART") == campaign.start
        assert event.decoded("DTEND") == campaign.end + dt.timedelta(days=1)
        assert str(event["SUMMARY"]) == campaign.title
        assert strict[uid]["URL"] == f"{base}chien-dich/{cid}/"
