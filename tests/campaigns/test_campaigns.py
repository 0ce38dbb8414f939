"""Campaigns as pure functions: status at the date boundaries, loading errors, related
content, listings, the iCalendar feed (two parsers) and preview images."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import icalendar
import pytest
import yaml
from PIL import Image

from noidung.campaigns.calendar import calendar_feed, event_uid
from noidung.campaigns.model import (
    ENDED,
    PREVIEW_WIDTH,
    RUNNING,
    UPCOMING,
    Material,
    campaign_ids,
    campaign_status,
    format_date,
    format_range,
    format_size,
    load_campaign,
    load_campaigns,
    preview_image,
)
from noidung.campaigns.pages import ICS_FILE, grouped, pages
from noidung.content import clock
from noidung.content.layout import REPO_ROOT, ContentLayout
from noidung.content.registries import load_registries
from noidung.generate.context import BuildContext
from noidung.i18n.languages import Language
from noidung.validation import validate_project
from noidung.validation.loading import ContentError

LANGUAGES = [Language("vi", "Tiếng Việt", "/"), Language("en", "English", "/en/")]
REGISTRIES = load_registries(REPO_ROOT / "docs" / "registries")
REAL = ContentLayout(REPO_ROOT)


def context(layout: ContentLayout, lang: str, today: dt.date) -> BuildContext:
    return BuildContext(layout, lang, LANGUAGES, REGISTRIES, today)


# -- a tiny strict iCalendar reader: the second parser -------------------------------


def strict_ics_events(data: bytes) -> list[dict[str, str]]:
    """Read an .ics file line by line, failing on anything RFC 5545 forbids that we rely on:
    bare LF, lines over 75 octets, unbalanced BEGIN/END, an event without UID/DTSTAMP/DTSTART,
    a DTSTART/DTEND that is not an all-day DATE. Returns each event's properties."""
    assert data.endswith(b"\r\n"), "the file must end with CRLF"
    raw_lines = data.split(b"\r\n")[:-1]
    for number, raw in enumerate(raw_lines, 1):
        assert b"\n" not in raw and b"\r" not in raw, f"line {number}: bare LF or CR"
        assert len(raw) <= 75, f"line {number}: {len(raw)} octets, more than 75"
    lines: list[str] = []
    for raw in raw_lines:
        if raw[:1] in (b" ", b"\t"):
            assert lines, "a continuation line cannot come first"
            lines[-1] += raw[1:].decode("utf-8")
        else:
            lines.append(raw.decode("utf-8"))
    stack: list[str] = []
    events: list[dict[str, str]] = []
    calendar: dict[str, str] = {}
    for line in lines:
        name_params, sep, value = line.partition(":")
        assert sep, f"no ':' in {line!r}"
        name = name_params.split(";", 1)[0].upper()
        if name == "BEGIN":
            stack.append(value)
            if value == "VEVENT":
                events.append({})
            continue
        if name == "END":
            assert stack and stack.pop() == value, f"END:{value} does not close its BEGIN"
            continue
        assert stack, f"property {name} outside VCALENDAR"
        target = events[-1] if stack[-1] == "VEVENT" else calendar
        assert name not in target or name in ("CATEGORIES",), f"{name} repeated"
        target[name] = value
        target[name + "@params"] = name_params
    assert stack == [], f"unclosed components: {stack}"
    assert calendar.get("VERSION") == "2.0" and calendar.get("PRODID")
    for event in events:
        for required in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "URL"):
            assert event.get(required), f"event without {required}: {event}"
        for key in ("DTSTART", "DTEND"):
            assert event[key + "@params"] == f"{key};VALUE=DATE", event[key + "@params"]
            dt.datetime.strptime(event[key], "%Y%m%d")
    return events


# -- status ---------------------------------------------------------------------------


@pytest.mark.parametrize(("today", "expected"), [
    (dt.date(2025, 5, 31), UPCOMING),   # the day before the start
    (dt.date(2025, 6, 1), RUNNING),     # the start day
    (dt.date(2025, 6, 15), RUNNING),
    (dt.date(2025, 6, 30), RUNNING),    # the end day
    (dt.date(2025, 7, 1), ENDED),       # the day after
])
def test_status_at_the_date_boundaries(today, expected):
    assert campaign_status(dt.date(2025, 6, 1), dt.date(2025, 6, 30), today) == expected


def test_a_one_day_campaign_runs_on_its_day_only():
    day = dt.date(2025, 6, 28)
    assert [campaign_status(day, day, day + dt.timedelta(days=d)) for d in (-1, 0, 1)] == [
        UPCOMING, RUNNING, ENDED]


@pytest.mark.parametrize(("build_date", "vi_status", "en_status"), [
    ("2026-11-14", "Sắp diễn ra", "Upcoming"),
    ("2026-11-15", "Đang diễn ra", "Running now"),
    ("2026-12-15", "Đang diễn ra", "Running now"),
    ("2026-12-16", "Đã kết thúc", "Ended"),
])
def test_the_build_date_is_injectable_and_decides_the_page_status(monkeypatch, build_date,
                                                                  vi_status, en_status):
    monkeypatch.setenv("SITE_BUILD_DATE", build_date)
    today = clock.today()
    assert today == dt.date.fromisoformat(build_date)
    for lang, expected in (("vi", vi_status), ("en", en_status)):
        page = next(p for p in pages(context(REAL, lang, today))
                    if p.src_uri == "chien-dich/thang-hanh-dong-binh-dang-gioi-2026/index.md")
        assert "campaign-status--" in page.markdown
        assert f">{expected}</strong>" in page.markdown


# -- formatting ------------------------------------------------------------------------


def test_dates_are_written_as_readers_write_them():
    assert format_date(dt.date(2025, 6, 1), "vi") == "1/6/2025"
    assert format_date(dt.date(2025, 6, 1), "en") == "1 June 2025"
    assert format_range(dt.date(2025, 11, 15), dt.date(2025, 12, 15), "vi") == (
        "Từ 15/11/2025 đến 15/12/2025")
    assert format_range(dt.date(2025, 6, 28), dt.date(2025, 6, 28), "en") == "28 June 2025"


def test_sizes_use_the_decimal_mark_of_the_language():
    assert format_size(900, "vi") == "900 B"
    assert format_size(2300, "en") == "2 KB"
    assert format_size(1_258_291, "vi") == "1,2 MB"
    assert format_size(1_258_291, "en") == "1.2 MB"


# -- the real content --------------------------------------------------------------


def test_the_real_campaigns_load_in_both_languages():
    ids = campaign_ids(REAL)
    assert len(ids) >= 5
    for lang in ("vi", "en"):
        loaded = load_campaigns(REAL, lang)
        assert [c.id for c in sorted(loaded, key=lambda c: c.id)] == ids
        for campaign in loaded:
            assert campaign.key_messages and campaign.materials, campaign.id
            assert any("111" in m for m in campaign.key_messages) or campaign.ids("hotline") == [
                "111"]
            for material in campaign.materials:
                assert material.alt and material.licence and not material.shows_children
    statuses = {c.status(dt.date(2026, 11, 28)) for c in load_campaigns(REAL, "vi")}
    assert statuses == {UPCOMING, RUNNING, ENDED}


# -- loading errors: the exact messages -----------------------------------------------------


def write_campaign(root: Path, cid: str, data: dict, vi: str | None = None) -> Path:
    folder = root / "campaigns" / cid
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "campaign.yml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    (folder / "vi.md").write_text(vi or "---\ntitle: Thử\nsummary: Tóm tắt\n---\n\nNội dung\n",
                                  "utf-8")
    return folder


BASE = {"start_date": "2025-06-01", "end_date": "2025-06-30", "lead_unit": "so-van-hoa-the-thao",
        "topics": ["gia-dinh"]}


@pytest.mark.parametrize(("data", "rule", "field"), [
    ({**BASE, "id": "thu", "start_date": "1/6/2025"}, "date-format", "start_date"),
    ({"id": "thu", "start_date": "2025-06-01"}, "field-required", "end_date"),
])
def test_unreadable_campaigns_are_refused_in_the_validators_words(tmp_path, data, rule, field):
    write_campaign(tmp_path, "thu", data)
    with pytest.raises(ContentError) as error:
        load_campaign(ContentLayout(tmp_path), "thu", "vi")
    found = [p for p in error.value.problems if (p.rule, p.field) == (rule, field)]
    assert found and found[0].path == "campaigns/thu/campaign.yml" and found[0].line > 0
    assert f"campaigns/thu/campaign.yml:{found[0].line}:" in str(error.value)
    assert str(error.value).count(" / ") >= 1  # Vietnamese first, then English


@pytest.mark.parametrize(("data", "field", "material"), [
    ({**BASE, "id": "khac"}, "id", None),
    ({**BASE, "id": "thu", "end_date": "2025-05-31"}, "end_date", None),
    ({**BASE, "id": "thu", "materials": [{"file": "khong-co.svg", "type": "poster",
                                          "licence": "CC BY 4.0"}]}, "materials[0].file", None),
    ({**BASE, "id": "thu", "materials": [{"file": "anh.svg", "type": "image",
                                          "licence": "CC BY 4.0", "shows_children": True}]},
     "materials[0]", "anh.svg"),
])
def test_campaign_rules_live_in_the_validator_alone(tmp_path, data, field, material):
    """The loader keeps no second copy of the rules: it reads such a campaign, and the
    validator (which the build runs first) is the one that refuses it."""
    folder = write_campaign(tmp_path, "thu", data)
    if material:
        (folder / material).write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", "utf-8")
    assert load_campaign(ContentLayout(tmp_path), "thu", "vi") is not None
    errors = validate_project(tmp_path, ["campaigns/thu"]).errors
    assert any(p.field.startswith(field) for p in errors), [(p.rule, p.field) for p in errors]


def test_a_campaign_without_text_in_a_language_is_not_published_in_it(tmp_path):
    write_campaign(tmp_path, "thu", {**BASE, "id": "thu"})
    assert load_campaign(ContentLayout(tmp_path), "thu", "en") is None
    assert load_campaign(ContentLayout(tmp_path), "thu", "vi").title == "Thử"


# -- related content and listings ---------------------------------------------------------


def small_site(tmp_path: Path) -> ContentLayout:
    """A project with three campaigns, an article naming one, and a Vietnamese-only module."""
    shutil.copy2(REPO_ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    write_campaign(tmp_path, "cu", {**BASE, "id": "cu", "modules": ["hoc-phan-a", "chua-co"]})
    write_campaign(tmp_path, "nay", {**BASE, "id": "nay", "start_date": "2026-11-15",
                                     "end_date": "2026-12-15", "topics": ["binh-dang-gioi"]})
    write_campaign(tmp_path, "sau", {**BASE, "id": "sau", "start_date": "2027-06-28",
                                     "end_date": "2027-06-28"})
    for cid in ("cu", "nay", "sau"):
        (tmp_path / "campaigns" / cid / "en.md").write_text(
            f"---\ntitle: Test {cid}\nsummary: Summary\n---\n", "utf-8")
    posts = tmp_path / "docs" / "vi" / "tin-bai" / "posts"
    posts.mkdir(parents=True)
    (posts / "bai-a.md").write_text(
        "---\nid: bai-a\ntitle: Bài A\ndate: 2025-06-05\ncampaign: cu\n---\n\nNội dung\n", "utf-8")
    (posts / "bai-nhap.md").write_text("---\nid: bai-nhap\ntitle: Nháp\ndate: 2025-06-06\n"
                                       "campaign: cu\ndraft: true\n---\n\nNội dung\n", "utf-8")
    modules = tmp_path / "docs" / "vi" / "tap-huan"
    modules.mkdir(parents=True)
    (modules / "hoc-phan-a.md").write_text("---\ntitle: Học phần A\n---\n\nNội dung\n", "utf-8")
    return ContentLayout(tmp_path)


def test_an_article_naming_the_campaign_is_found_without_editing_the_campaign(tmp_path):
    layout = small_site(tmp_path)
    today = dt.date(2026, 11, 28)
    vi = {p.src_uri: p for p in pages(context(layout, "vi", today))}
    page = vi["chien-dich/cu/index.md"].markdown
    assert "[Bài A](../../tin-bai/posts/bai-a.md)" in page
    assert "Nháp" not in page  # drafts stay hidden
    assert "[Học phần A](../../tap-huan/hoc-phan-a.md)" in page
    assert "chua-co" not in page  # a module that does not exist yet is not linked
    # English has neither the article nor the module: link their "not yet translated" pages.
    en = {p.src_uri: p for p in pages(context(layout, "en", today))}
    page = en["chien-dich/cu/index.md"].markdown
    assert "(../../tin-bai/2025/06/bai-a/index.md)" in page
    assert "(../../tap-huan/hoc-phan-a/index.md)" in page


def test_the_listing_puts_running_first_then_upcoming_then_past_by_year(tmp_path):
    layout = small_site(tmp_path)
    campaigns = load_campaigns(layout, "vi")
    groups = grouped(campaigns, dt.date(2026, 11, 28))
    assert {k: [c.id for c in v] for k, v in groups.items()} == {
        RUNNING: ["nay"], UPCOMING: ["sau"], ENDED: ["cu"]}
    index = next(p for p in pages(context(layout, "vi", dt.date(2026, 11, 28)))
                 if p.src_uri == "chien-dich/chu-de/binh-dang-gioi/index.md")
    assert 'data-campaign="nay"' in index.markdown and 'data-campaign="cu"' not in index.markdown


def test_no_index_page_is_generated_without_the_staff_intro(tmp_path):
    layout = small_site(tmp_path)
    srcs = {p.src_uri for p in pages(context(layout, "vi", dt.date(2026, 11, 28)))}
    assert "chien-dich/index.md" not in srcs
    assert {"chien-dich/lich/index.md", "chien-dich/cu/index.md"} <= srcs


# -- the iCalendar feed ------------------------------------------------------------------------


def feed_for(lang: str) -> tuple[bytes, dict[str, str]]:
    campaigns = load_campaigns(REAL, lang)
    root = "https://example.org/" if lang == "vi" else "https://example.org/en/"
    urls = {c.id: f"{root}chien-dich/{c.id}/" for c in campaigns}
    return calendar_feed(campaigns, lang, urls, REGISTRIES, dt.date(2026, 11, 28)), urls


def expected_dates() -> dict[str, tuple[dt.date, dt.date]]:
    """Each campaign's first day and the day after its last, read straight from campaign.yml."""
    out = {}
    for cid in campaign_ids(REAL):
        data = yaml.safe_load((REAL.campaigns / cid / "campaign.yml").read_text("utf-8"))
        start = dt.date.fromisoformat(str(data["start_date"]))
        end = dt.date.fromisoformat(str(data["end_date"]))
        out[data["id"]] = (start, end + dt.timedelta(days=1))
    return out


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_feed_parses_with_icalendar_one_all_day_event_per_campaign(lang):
    data, urls = feed_for(lang)
    calendar = icalendar.Calendar.from_ical(data)
    events = list(calendar.walk("VEVENT"))
    expected = expected_dates()
    assert len(events) == len(expected)
    seen = {}
    for event in events:
        uid = str(event["UID"])
        cid = uid.split(".")[0]
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert type(start) is dt.date and type(end) is dt.date  # all-day, not datetimes
        assert (start, end) == expected[cid]
        assert uid == event_uid(cid, lang)
        assert str(event["URL"]) == urls[cid]
        seen[cid] = uid
    assert sorted(seen) == sorted(expected)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_feed_passes_a_strict_line_by_line_reading(lang):
    data, urls = feed_for(lang)
    events = strict_ics_events(data)
    expected = expected_dates()
    assert len(events) == len(expected)
    for event in events:
        cid = event["UID"].split(".")[0]
        start, end = expected[cid]
        assert event["DTSTART"] == start.strftime("%Y%m%d")
        assert event["DTEND"] == end.strftime("%Y%m%d")  # exclusive: the day after the last
        assert event["URL"] == urls[cid]


def test_uids_do_not_change_when_a_title_or_the_dates_change():
    campaigns = load_campaigns(REAL, "vi")
    first = campaigns[0]
    changed = type(first)(**{**first.__dict__, "title": "Khác", "start": dt.date(2020, 1, 1)})
    uid = lambda c: str(icalendar.Calendar.from_ical(calendar_feed(  # noqa: E731
        [c], "vi", {c.id: "https://example.org/"}, REGISTRIES, dt.date(2026, 1, 1)
    )).walk("VEVENT")[0]["UID"])
    assert uid(first) == uid(changed) == event_uid(first.id, "vi")


def test_the_feed_is_the_same_when_rebuilt_on_the_same_day():
    assert feed_for("vi")[0] == feed_for("vi")[0]


def test_the_strict_reader_rejects_what_it_should():
    good, _ = feed_for("vi")
    with pytest.raises(AssertionError, match="bare LF"):
        strict_ics_events(good.replace(b"\r\n", b"\n", 3))
    with pytest.raises(AssertionError, match="VALUE=DATE"):
        strict_ics_events(good.replace(b"DTSTART;VALUE=DATE:20250601",
                                       b"DTSTART:20250601T000000", 1))


# -- images ---------------------------------------------------------------------------------


def test_raster_previews_are_never_wider_than_displayed(tmp_path):
    big = tmp_path / "campaign" / "anh.png"
    big.parent.mkdir()
    Image.new("RGB", (2000, 1000), "teal").save(big)
    material = Material("anh.png", "image", "CC BY 4.0", big, "Ảnh", "Mô tả")
    shown = preview_image(material, tmp_path / "cache")
    assert shown != big
    with Image.open(shown) as image:
        assert image.size == (PREVIEW_WIDTH, PREVIEW_WIDTH // 2)
    small = tmp_path / "campaign" / "nho.png"
    Image.new("RGB", (300, 200), "teal").save(small)
    assert preview_image(Material("nho.png", "image", "x", small, "t", "a"), tmp_path) == small


def test_real_materials_are_small_svg_files():
    for cid in campaign_ids(REAL):
        for path in (REAL.campaigns / cid).iterdir():
            if path.suffix in (".png", ".jpg", ".jpeg", ".webp"):
                with Image.open(path) as image:
                    assert image.width <= 2 * PREVIEW_WIDTH, path
            if path.suffix == ".svg":
                assert path.stat().st_size < 20_000, path
                assert "<image" not in path.read_text("utf-8"), "no embedded photos"


def test_an_article_both_listed_and_naming_the_campaign_appears_once(tmp_path):
    layout = small_site(tmp_path)
    path = layout.campaigns / "nay" / "campaign.yml"
    data = yaml.safe_load(path.read_text("utf-8"))
    path.write_text(yaml.safe_dump({**data, "articles": ["bai-a"]}), "utf-8")
    from noidung.campaigns.model import related_articles_index

    index = related_articles_index(context(layout, "vi", dt.date(2026, 11, 28)),
                                   load_campaigns(layout, "vi"))
    assert {cid: [link.title for link in links] for cid, links in index.items()} == {
        "cu": ["Bài A"], "nay": ["Bài A"]}


# -- drafts ----------------------------------------------------------------------------------


def _draft_site(tmp_path: Path) -> ContentLayout:
    """small_site plus "nhap", a running draft campaign with a topic of its own."""
    layout = small_site(tmp_path)
    folder = write_campaign(tmp_path, "nhap", {**BASE, "id": "nhap", "start_date": "2026-11-20",
                                              "end_date": "2026-12-20", "topics": ["tong-dai-111"],
                                              "draft": True})
    (folder / "en.md").write_text("---\ntitle: Draft\nsummary: Summary\n---\n", "utf-8")
    return layout


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_draft_campaign_is_not_published_anywhere(tmp_path, lang):
    layout = _draft_site(tmp_path)
    today = dt.date(2026, 11, 28)
    assert load_campaign(layout, "nhap", lang).draft is True
    assert "nhap" not in {c.id for c in load_campaigns(layout, lang)}
    generated = pages(context(layout, lang, today))
    srcs = {p.src_uri for p in generated}
    assert "chien-dich/nhap/index.md" not in srcs
    assert "chien-dich/chu-de/tong-dai-111/index.md" not in srcs  # its topic has no other
    for page in generated:
        assert 'data-campaign="nhap"' not in page.markdown and "nhap/" not in page.markdown
    (calendar,) = [p.files[ICS_FILE] for p in generated if ICS_FILE in p.files]
    calendar = calendar if isinstance(calendar, bytes) else calendar.encode("utf-8")
    assert event_uid("cu", lang).encode() in calendar  # the feed pages() made
    assert event_uid("nhap", lang).encode() not in calendar


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_preview_shows_a_draft_campaign(tmp_path, lang):
    layout = _draft_site(tmp_path)
    preview = BuildContext(layout, lang, LANGUAGES, REGISTRIES, dt.date(2026, 11, 28),
                           include_drafts=True)
    srcs = {p.src_uri for p in pages(preview)}
    assert {"chien-dich/nhap/index.md", "chien-dich/chu-de/tong-dai-111/index.md"} <= srcs
    assert "nhap" in {c.id for c in load_campaigns(layout, lang, include_drafts=True)}


def test_an_article_does_not_link_its_draft_campaign(tmp_path):
    from noidung.news.related import campaign_link

    layout = _draft_site(tmp_path)
    assert campaign_link(layout, "nhap", "vi") is None
    assert campaign_link(layout, "nhap", "vi", include_drafts=True)["url"] == "chien-dich/nhap/"
    assert campaign_link(layout, "cu", "vi")["url"] == "chien-dich/cu/"
