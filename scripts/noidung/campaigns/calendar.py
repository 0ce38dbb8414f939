"""The campaigns' iCalendar feed (RFC 5545), one per language, made with `icalendar`.

Partners subscribe to `chien-dich/lich.ics` (or `/en/chien-dich/lich.ics`) in
their calendar apps. Every campaign is one all-day event: DTSTART is its first
day and DTEND the day AFTER its last day (RFC 5545 makes DTEND exclusive). The
UID is made from the campaign id and the language only, so it never changes
when a title, a date or the site's address changes, and calendar apps update
the event instead of adding a second one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import icalendar

from noidung.campaigns.model import Campaign, text
from noidung.content.registries import Registries

UID_DOMAIN = "chien-dich.gia-dinh-tre-em.ninh-binh"
PRODID = "-//So Van hoa va The thao tinh Ninh Binh//Chien dich truyen thong//{lang}"


def event_uid(campaign_id: str, lang: str) -> str:
    """The stable UID of a campaign's event in one language's feed."""
    return f"{campaign_id}.{lang}@{UID_DOMAIN}"


def campaign_event(campaign: Campaign, url: str, registries: Registries,
                   stamp: dt.datetime) -> icalendar.Event:
    """One all-day event for a campaign; `url` is the absolute address of its page."""
    lang = campaign.lang
    event = icalendar.Event()
    event.add("uid", event_uid(campaign.id, lang))
    event.add("dtstamp", stamp)
    event.add("dtstart", campaign.start)
    event.add("dtend", campaign.end + dt.timedelta(days=1))
    event.add("summary", campaign.title)
    lines = [campaign.summary] if campaign.summary else []
    lines += [f"- {m}" for m in campaign.key_messages]
    for number in campaign.ids("hotline"):
        entry = registries.get("hotlines", number)
        if entry:
            lines.append(f"{text(lang, 'hotline')}: {number} – {entry.label(lang)}")
    lines.append(url)
    event.add("description", "\n".join(lines))
    event.add("url", url)
    topics = registries.labels("topics", campaign.ids("topics"), lang, known_only=True)
    if topics:
        event.add("categories", topics)
    event.add("transp", "TRANSPARENT")  # a campaign month does not make anyone busy
    return event


def calendar_feed(campaigns: Iterable[Campaign], lang: str, urls: dict[str, str],
                  registries: Registries, today: dt.date) -> bytes:
    """The whole .ics file of one language; `urls` maps campaign id to its absolute URL."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID.format(lang=lang.upper()))
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", text(lang, "calendar_name"))
    # DTSTAMP from the build date, so that rebuilding the same sources gives the same file.
    stamp = dt.datetime.combine(today, dt.time(0, 0), tzinfo=dt.UTC)
    for campaign in campaigns:
        calendar.add_component(campaign_event(campaign, urls[campaign.id], registries, stamp))
    return calendar.to_ical()
