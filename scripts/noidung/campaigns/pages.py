"""The campaign pages of one language, as Markdown for MkDocs (the generator `pages`).

Links between pages are written to the SOURCE files (`../<id>/index.md`), so
MkDocs checks every one of them in the strict build and rewrites it to the URL.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from noidung.campaigns.calendar import calendar_feed
from noidung.campaigns.model import (
    CALENDAR_DIR,
    ENDED,
    ICS_FILE,
    PREVIEW_WIDTH,
    RUNNING,
    SECTION,
    STATUS_ORDER,
    TEMPLATE,
    TOPIC_DIR,
    UPCOMING,
    Campaign,
    Link,
    escape_md,
    format_range,
    format_size,
    front_matter_block,
    html_attr,
    load_campaigns,
    preview_image,
    preview_name,
    registry_labels,
    related_articles_index,
    related_modules,
    relative_link,
    text,
)
from noidung.content import frontmatter
from noidung.generate.context import BuildContext, GeneratedPage
from noidung.i18n import strings
from noidung.i18n.languages import absolute_url, format_date

INDEX_SRC = f"{SECTION}/index.md"
CALENDAR_SRC = f"{CALENDAR_DIR}/index.md"


def pages(context: BuildContext) -> list[GeneratedPage]:
    """Every campaign page of `context.lang`: campaigns, index, topic listings, calendar."""
    campaigns = load_campaigns(context.layout, context.lang, context.include_drafts)
    if not campaigns:
        return []
    articles = related_articles_index(context, campaigns)
    result = [campaign_page(context, c, articles.get(c.id, [])) for c in campaigns]
    intro = context.layout.language_docs(context.lang) / INDEX_SRC
    if intro.is_file():
        # The staff-written intro stays the source of the index; we add the listing.
        doc = frontmatter.read(intro)
        result.append(GeneratedPage(
            INDEX_SRC, index_markdown(context, campaigns, doc.meta, doc.body),
            str(doc.meta.get("title") or text(context.lang, "index_listing")),
        ))
    for topic in _topics(campaigns):
        result.append(topic_page(context, campaigns, topic))
    result.append(calendar_page(context, campaigns))
    return result


# -- one campaign ----------------------------------------------------------------


def status_line(campaign: Campaign, today: dt.date) -> str:
    """The status badge and dates, as one HTML paragraph."""
    status = campaign.status(today)
    lang = campaign.lang
    return (
        f'<p class="campaign-when" data-status="{status}">'
        f'<strong class="campaign-status campaign-status--{status}">{text(lang, status)}</strong>'
        f' <span class="campaign-dates">{format_range(campaign.start, campaign.end, lang)}</span>'
        "</p>"
    )


def campaign_page(context: BuildContext, campaign: Campaign,
                  articles: list[Link]) -> GeneratedPage:
    """The page of one campaign, with its materials as assets beside it."""
    lang, reg, src = context.lang, context.registries, campaign.src_uri
    out = [front_matter_block({
        "title": campaign.title,
        "description": campaign.summary,
        "template": TEMPLATE,
        "campaign_id": campaign.id,
        "campaign_status": campaign.status(context.today),
    })]
    out.append(f"# {campaign.title}\n\n")
    out.append(status_line(campaign, context.today) + "\n\n")
    out.append(f'<p class="campaign-note">'
               f'{text(lang, "status_note", date=format_date(context.today, lang))}</p>\n\n')
    if campaign.summary:
        out.append(f"{campaign.summary}\n{{ .campaign-lead }}\n\n")
    if campaign.key_messages:
        out.append(f"## {text(lang, 'key_messages')} {{ #key-messages }}\n\n")
        out.extend(f"- {m}\n" for m in campaign.key_messages)
        out.append("\n")
    if campaign.body:
        out.append(campaign.body + "\n\n")
    out.append(f"## {text(lang, 'about')} {{ #about }}\n\n")

    def names(registry: str, key: str) -> list[str]:
        return registry_labels(reg, registry, campaign.ids(key), lang)

    facts: list[tuple[str, str]] = [
        ("dates", format_range(campaign.start, campaign.end, lang)),
        ("lead", ", ".join(names("units", "lead_unit"))),
        ("partners", "; ".join(names("units", "partner_units"))),
        ("audiences", "; ".join(names("audiences", "audiences"))),
        ("areas", "; ".join(names("districts", "areas"))),
        ("topics", ", ".join(
            f"[{escape_md(label)}]({relative_link(src, f'{TOPIC_DIR}/{tid}/index.md')})"
            for tid, label in zip(campaign.ids("topics"),
                                  names("topics", "topics"),
                                  strict=True))),
        ("hashtags", " ".join(f"`{h}`" for h in campaign.ids("hashtags"))),
    ]
    for number in campaign.ids("hotline"):
        entry = reg.get("hotlines", number)
        name = entry.label(lang) if entry else ""
        link = f'<a class="hotline" href="tel:{number}">{number}</a>'
        facts.append(("hotline", f"{link} – {name}" if name else link))
    for key, value in facts:
        if value:
            out.append(f"{text(lang, key)}\n:   {value}\n\n")
    assets: dict[str, str] = {}
    if campaign.materials:
        out.append(f"## {text(lang, 'materials')} {{ #materials }}\n\n")
        cache = context.layout.cache / "build" / "campaign-images"
        for material in campaign.materials:
            folder = f"{SECTION}/{campaign.id}"
            assets[f"{folder}/{material.file}"] = str(material.path)
            kind = material.path.suffix.lstrip(".").upper()
            download = (f"[{text(lang, 'download')}: {escape_md(material.title)} "
                        f"({kind}, {format_size(material.size, lang)})]({material.file})"
                        f'{{ download="{html_attr(material.file)}" .campaign-download }}')
            licence = f"{text(lang, 'licence')}: {material.licence}"
            holder = context.registries.get("units", material.holder)
            if holder is not None:
                licence += f", {escape_md(holder.label(lang))}"
            out.append('<figure class="campaign-material" markdown="block">\n\n')
            if material.is_image:
                shown = preview_image(material, cache)
                name = material.file
                if shown != material.path:
                    name = preview_name(material)
                    assets[f"{folder}/{name}"] = str(shown)
                out.append(f"![{escape_md(material.alt)}]({name})"
                           f'{{ width="{PREVIEW_WIDTH}" loading="lazy" }}\n\n')
            out.append(f'<figcaption markdown="span">{download}<br>{licence}</figcaption>\n\n')
            out.append("</figure>\n\n")
    modules = related_modules(context, campaign)
    if modules:
        out.append(f"## {text(lang, 'modules')} {{ #modules }}\n\n")
        out.extend(_related_item(lang, src, m, "module") for m in modules)
        out.append("\n")
    if articles:
        out.append(f"## {text(lang, 'articles')} {{ #articles }}\n\n")
        out.extend(_related_item(lang, src, a, "article") for a in articles)
        out.append("\n")
    out.append(f"[{text(lang, 'all_campaigns')}]({relative_link(src, INDEX_SRC)}) · "
               f"[{text(lang, 'calendar')}]({relative_link(src, CALENDAR_SRC)})\n")
    return GeneratedPage(src, "".join(out), campaign.title, assets)


# -- listings --------------------------------------------------------------------


def grouped(campaigns: list[Campaign], today: dt.date) -> dict[str, list[Campaign]]:
    """Campaigns by status: running and upcoming soonest first, ended most recent first."""
    groups: dict[str, list[Campaign]] = {s: [] for s in STATUS_ORDER}
    for campaign in campaigns:
        groups[campaign.status(today)].append(campaign)
    groups[RUNNING].sort(key=lambda c: (c.end, c.id))
    groups[UPCOMING].sort(key=lambda c: (c.start, c.id))
    groups[ENDED].sort(key=lambda c: (c.end, c.start, c.id), reverse=True)
    return groups


def card(campaign: Campaign, from_src: str, today: dt.date) -> str:
    """A campaign's card in a listing (the campaigns index, the home page)."""
    return (
        f'<div class="campaign-card" data-campaign="{campaign.id}" '
        f'data-status="{campaign.status(today)}" markdown="block">\n\n'
        f"### [{escape_md(campaign.title)}]({relative_link(from_src, campaign.src_uri)})"
        f" {{ #{campaign.id} }}\n\n"
        f"{status_line(campaign, today)}\n\n"
        + (f"{campaign.summary}\n\n" if campaign.summary else "")
        + "</div>\n\n"
    )


def listing(context: BuildContext, campaigns: list[Campaign], from_src: str) -> str:
    """Running, then upcoming, then past campaigns grouped by the year they started."""
    lang, today = context.lang, context.today
    out = []
    groups = grouped(campaigns, today)
    for status in (RUNNING, UPCOMING):
        if groups[status]:
            out.append(f'<div class="campaign-group" data-group="{status}" markdown="block">\n\n')
            out.append(f"## {text(lang, status)} {{ #{status} }}\n\n")
            out.extend(card(c, from_src, today) for c in groups[status])
            out.append("</div>\n\n")
    if groups[ENDED]:
        out.append(f'<div class="campaign-group" data-group="{ENDED}" markdown="block">\n\n')
        out.append(f"## {text(lang, 'group_past')} {{ #{ENDED} }}\n\n")
        by_year: dict[int, list[Campaign]] = defaultdict(list)
        for campaign in groups[ENDED]:
            by_year[campaign.start.year].append(campaign)
        for year in sorted(by_year, reverse=True):
            out.append(f'<div class="campaign-year" data-year="{year}" markdown="block">\n\n')
            out.append(f"### {text(lang, 'year', year=year)} {{ #year-{year} }}\n\n")
            out.extend(card(c, from_src, today).replace("### [", "#### [", 1)
                       for c in by_year[year])
            out.append("</div>\n\n")
        out.append("</div>\n\n")
    if not campaigns:
        out.append(text(lang, "none") + "\n\n")
    return "".join(out)


def _topics(campaigns: list[Campaign]) -> list[str]:
    seen: dict[str, None] = {}
    for campaign in campaigns:
        for topic in campaign.ids("topics"):
            seen.setdefault(topic, None)
    return list(seen)


def topic_filter(context: BuildContext, campaigns: list[Campaign], from_src: str,
                 current: str | None) -> str:
    """Links to the per-topic listings: a filter that needs no JavaScript."""
    lang = context.lang
    items: list[tuple[str | None, str, str]] = [(None, text(lang, "all_topics"), INDEX_SRC)]
    items += [(t, context.registries.label("topics", t, lang), f"{TOPIC_DIR}/{t}/index.md")
              for t in _topics(campaigns)]
    links = []
    for topic, label, target in items:
        attrs = '{ aria-current="page" .campaign-filter__current }' if topic == current else ""
        links.append(f"[{escape_md(label)}]({relative_link(from_src, target)}){attrs}")
    return (f'<nav class="campaign-filter" aria-label="{html_attr(text(lang, "filter"))}" '
            f'markdown="span">**{text(lang, "filter")}:** {" · ".join(links)}</nav>\n\n')


def _more_links(lang: str, from_src: str) -> str:
    return (f"[{text(lang, 'calendar')}]({relative_link(from_src, CALENDAR_SRC)}) · "
            f"[{text(lang, 'subscribe')}]({relative_link(from_src, ICS_FILE)})\n\n")


def index_markdown(context: BuildContext, campaigns: list[Campaign], meta: dict,
                   intro: str) -> str:
    """The campaigns index: the staff-written intro, then the generated listing."""
    meta = {**meta, "template": TEMPLATE}
    return (front_matter_block(meta) + intro.strip() + "\n\n"
            + _more_links(context.lang, INDEX_SRC)
            + topic_filter(context, campaigns, INDEX_SRC, None)
            + listing(context, campaigns, INDEX_SRC))


def topic_page(context: BuildContext, campaigns: list[Campaign], topic: str) -> GeneratedPage:
    lang = context.lang
    entry = context.registries.get("topics", topic)
    label = entry.label(lang) if entry else topic
    src = f"{TOPIC_DIR}/{topic}/index.md"
    title = text(lang, "topic_title", topic=label)
    chosen = [c for c in campaigns if topic in c.ids("topics")]
    meta = {"title": title, "description": text(lang, "topic_lead", topic=label),
            "template": TEMPLATE}
    markdown = (front_matter_block(meta)
                + f"# {title}\n\n"
                + topic_filter(context, campaigns, src, topic)
                + listing(context, chosen, src))
    return GeneratedPage(src, markdown, title)


# -- calendar ------------------------------------------------------------------


def _days_in_month(campaign: Campaign, year: int, month: int) -> str:
    """'1–30', '28' or '' : the days of `month` on which the campaign runs."""
    first = dt.date(year, month, 1)
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1))
    start, end = max(campaign.start, first), min(campaign.end, last)
    if start > end:
        return ""
    return str(start.day) if start == end else f"{start.day}–{end.day}"


def _related_item(lang: str, src: str, link: Link, kind: str) -> str:
    """A list item linking a related page; an untranslated one says in which language it is
    (its title is in that language, and it leads to the "not yet translated" page)."""
    attrs = f'data-related="{kind}"'
    note = ""
    if link.untranslated_from:
        attrs += f' lang="{link.untranslated_from}"'
        language = strings.text(lang, "site", f"language_name_{link.untranslated_from}")
        note = f" ({text(lang, 'only_in', language=language)})"
    return f"- [{escape_md(link.title)}]({relative_link(src, link.src_uri)}){{ {attrs} }}{note}\n"


def calendar_markdown(context: BuildContext, campaigns: list[Campaign], feed_url: str) -> str:
    """The year at a glance: one table per year, a row per campaign, a column per month."""
    lang, src = context.lang, CALENDAR_SRC
    months = text(lang, "months").split()
    names = text(lang, "month_names").split("|")
    title = text(lang, "calendar_title")
    out = [front_matter_block({"title": title, "description": text(lang, "calendar_lead"),
                          "template": TEMPLATE}),
           f"# {title}\n\n{text(lang, 'calendar_lead')}\n\n"]
    out.append(f"[{text(lang, 'subscribe')}]({relative_link(src, ICS_FILE)})"
               '{ .md-button type="text/calendar" }\n\n')
    out.append(f"{text(lang, 'subscribe_help')} `{feed_url}`\n\n")
    out.append(f"{text(lang, 'calendar_hint')}\n{{ .campaign-calendar__hint }}\n\n")
    years = sorted({y for c in campaigns for y in range(c.start.year, c.end.year + 1)},
                   reverse=True)
    for year in years:
        rows = [c for c in campaigns if c.start.year <= year <= c.end.year]
        out.append(f"## {year} {{ #year-{year} }}\n\n")
        out.append(f'<div class="campaign-calendar" data-year="{year}" markdown="block">\n\n')
        out.append(f"| {text(lang, 'campaign')} | " + " | ".join(months) + " |\n")
        out.append("|---|" + "---|" * 12 + "\n")
        for campaign in rows:
            link = f"[{escape_md(campaign.title)}]({relative_link(src, campaign.src_uri)})"
            cells = [_days_in_month(campaign, year, m) for m in range(1, 13)]
            out.append(f"| {link} | " + " | ".join(cells) + " |\n")
        out.append("\n</div>\n\n")
    # Abbreviations: screen readers and tooltips give the full month names.
    out.extend(f"*[{m}]: {n}\n" for m, n in zip(months, names, strict=True) if m != n)
    out.append(f"\n[{text(lang, 'all_campaigns')}]({relative_link(src, INDEX_SRC)})\n")
    return "".join(out)


def calendar_page(context: BuildContext, campaigns: list[Campaign]) -> GeneratedPage:
    """The calendar page, with the language's .ics feed handed to MkDocs in memory beside it."""
    lang = next(x for x in context.languages if x.code == context.lang)
    root = context.site_url
    urls = {c.id: absolute_url(root, lang.root, c.url) for c in campaigns}
    feed = calendar_feed(campaigns, context.lang, urls, context.registries, context.today)
    feed_url = absolute_url(root, lang.root, ICS_FILE)
    return GeneratedPage(CALENDAR_SRC, calendar_markdown(context, campaigns, feed_url),
                         text(context.lang, "calendar_title"), files={ICS_FILE: feed})
