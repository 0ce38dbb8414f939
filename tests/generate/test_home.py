"""The home page: the staff's text, then the campaigns of now and the latest news."""

from __future__ import annotations

import datetime as dt

from noidung import site
from noidung.content.layout import REPO_ROOT, ContentLayout
from noidung.content.registries import load_registries
from noidung.generate import home
from noidung.generate.context import BuildContext
from tests.support.site import resolve_href, soup

LAYOUT = ContentLayout(REPO_ROOT)


def context(lang: str, today: dt.date) -> BuildContext:
    return BuildContext(LAYOUT, lang, list(site.load().languages),
                        load_registries(LAYOUT.registries), today)


def test_lists_go_before_the_first_section_and_keep_the_staff_text():
    body = "# Title\n\nOpening text.\n\n## Section\n\nMore.\n"
    page = home.home_markdown(context("vi", dt.date(2026, 11, 28)), {"title": "T"}, body)
    assert page.index("Opening text.") < page.index("## Chiến dịch đang và sắp diễn ra") \
        < page.index("## Tin mới") < page.index("## Section")
    assert page.rstrip().endswith("More.")
    assert "template: campaign.html" in page  # the campaign cards' styles


def test_running_then_upcoming_campaigns_and_the_newest_articles_at_most_three():
    lists = home.now_and_news(context("vi", dt.date(2025, 6, 10)))
    cards = [line for line in lists.splitlines() if line.startswith("### [")]
    assert 1 <= len(cards) <= home.CAMPAIGNS_SHOWN
    assert 'data-status="running"' in lists
    news = [line for line in lists.splitlines() if "data-home-news" in line]
    assert len(news) == home.ARTICLES_SHOWN
    assert "(3/6/2025)" in lists and "(16/6/2025)" not in lists  # nothing from after "today"


def test_no_campaign_running_or_coming_adds_no_empty_heading():
    lists = home.now_and_news(context("en", dt.date(2100, 1, 1)))
    assert "{ #now }" not in lists and "campaign-card" not in lists
    assert "## Latest news { #news }" in lists


def test_the_built_home_pages_link_existing_campaigns_and_articles(built_site):
    for prefix in ("", "en/"):
        page = built_site / prefix / "index.html"
        doc = soup(page)
        assert doc.find(id="now") is not None and doc.find(id="news") is not None
        links = (doc.select("div.campaign-card h3 a:not(.headerlink)")
                 + doc.select("a[data-home-news]"))
        assert len(links) >= 2
        for link in links:
            assert resolve_href(built_site, page, link["href"]).is_file(), link["href"]


def test_a_draft_campaign_is_not_on_the_home_page_but_is_in_the_preview(tmp_path):
    import shutil

    import yaml

    shutil.copy2(REPO_ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    for cid, draft in (("dang-chay", False), ("nhap", True)):
        folder = tmp_path / "campaigns" / cid
        folder.mkdir(parents=True)
        (folder / "campaign.yml").write_text(yaml.safe_dump({
            "id": cid, "start_date": "2026-11-20", "end_date": "2026-12-20", "draft": draft,
            "lead_unit": "so-van-hoa-the-thao", "topics": ["gia-dinh"]}), "utf-8")
        for lang in ("vi", "en"):
            (folder / f"{lang}.md").write_text(f"---\ntitle: T {cid}\nsummary: S\n---\n", "utf-8")
    layout = ContentLayout(tmp_path)
    for lang in ("vi", "en"):
        published = BuildContext(layout, lang, list(site.load().languages),
                                 load_registries(LAYOUT.registries), dt.date(2026, 11, 28))
        lists = home.now_and_news(published)
        assert 'data-campaign="dang-chay"' in lists or "dang-chay/" in lists
        assert "nhap" not in lists
        preview = home.now_and_news(BuildContext(
            layout, lang, published.languages, published.registries, published.today,
            include_drafts=True))
        assert "nhap/" in preview
