"""Articles as pure functions: related articles, published lists, drafts, authors, tag pages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

import pytest

from noidung.content.layout import REPO_ROOT, ContentLayout
from noidung.content.registries import load_registries
from noidung.generate.context import BuildContext
from noidung.i18n.languages import Language
from noidung.news import tagpages
from noidung.news.articles import (
    author_problems,
    blog_front_matter,
    excerpt_markdown,
    language_articles,
    load_article,
)
from noidung.news.related import LIMIT, Candidate, campaign_link, related, score
from noidung.news.section import shorten_excerpts

D = dt.date
LANGUAGES = [Language("vi", "Tiếng Việt", "/"), Language("en", "English", "/en/")]


def c(ident, date, campaign=None, tags=(), categories=()):
    return Candidate(ident, date, campaign, frozenset(tags), frozenset(categories))


# -- related articles on a fixture set ---------------------------------------------

ARTICLE = c("a", D(2024, 12, 2), "chien-dich-x", {"gia-dinh", "bao-ve-tre-em"}, {"phoi-hop"})
FIXTURES = [
    ARTICLE,
    c("same-campaign-old", D(2020, 1, 1), "chien-dich-x"),
    c("two-tags", D(2021, 5, 1), None, {"gia-dinh", "bao-ve-tre-em"}),
    c("one-tag-new", D(2025, 6, 1), None, {"gia-dinh"}),
    c("one-tag-old", D(2019, 6, 1), None, {"bao-ve-tre-em"}),
    c("category-only", D(2025, 1, 1), None, set(), {"phoi-hop"}),
    c("category-only-older", D(2023, 1, 1), None, set(), {"phoi-hop"}),
    c("nothing-shared", D(2025, 12, 1), "other", {"binh-dang-gioi"}, {"khac"}),
]


def test_score_weighs_campaign_over_tags_over_category():
    assert score(ARTICLE, FIXTURES[1]) == 4
    assert score(ARTICLE, FIXTURES[2]) == 4
    assert score(ARTICLE, FIXTURES[3]) == 2
    assert score(ARTICLE, FIXTURES[5]) == 1
    assert score(ARTICLE, FIXTURES[7]) == 0


def test_related_picks_the_closest_five_and_lists_them_newest_first():
    chosen = related(ARTICLE, FIXTURES)
    # The closest five win (the lone shared category of 2023 is the one left out),
    # then they are shown newest first.
    assert chosen == ["one-tag-new", "category-only", "two-tags", "same-campaign-old",
                      "one-tag-old"]
    assert len(chosen) == LIMIT


def test_related_never_offers_the_article_itself_or_unrelated_ones():
    chosen = related(ARTICLE, FIXTURES, limit=20)
    assert "a" not in chosen
    assert "nothing-shared" not in chosen
    assert len(chosen) == 6


def test_ties_go_to_the_more_recent_article():
    others = [c(f"t{year}", D(year, 1, 1), tags={"gia-dinh"}) for year in range(2015, 2025)]
    assert related(c("me", D(2025, 1, 1), tags={"gia-dinh"}), others, limit=2) == ["t2024",
                                                                                    "t2023"]


def test_an_article_without_anything_in_common_has_no_related_articles():
    assert related(c("alone", D(2024, 1, 1)), FIXTURES) == []


# -- published lists, drafts, future dates, translations ---------------------------

def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def post(ident: str, date: str, extra: str = "", tags: str = "[gia-dinh]") -> str:
    return (f"---\nid: {ident}\ntitle: Bài {ident}\nsummary: Tóm tắt {ident}\ndate: {date}\n"
            f"authors: [phong-nep-song-van-hoa-gia-dinh]\ncategories: [cong-tac-gia-dinh]\n"
            f"tags: {tags}\n{extra}---\n\nNội dung.\n")


@pytest.fixture()
def layout(tmp_path) -> ContentLayout:
    root = tmp_path / "project"
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "registries").symlink_to(REPO_ROOT / "docs" / "registries")
    vi = root / "docs" / "vi" / "tin-bai" / "posts"
    en = root / "docs" / "en" / "tin-bai" / "posts"
    write(vi / "cu.md", post("cu", "2021-06-25", tags="[gia-dinh, bao-luc-gia-dinh]"))
    write(vi / "moi.md", post("moi", "2025-06-16"))
    write(vi / "nhap.md", post("nhap", "2024-01-01", "draft: true\n"))
    write(vi / "tuong-lai.md", post("tuong-lai", "2027-06-01", tags="[binh-dang-gioi]"))
    write(en / "cu.md", "---\ntitle: Old one\nsummary: Old summary\n---\n\nText.\n")
    write(en / "nhap.md", "---\ntitle: Draft\nsummary: Draft\n---\n\nText.\n")
    write(en / "tuong-lai.md", "---\ntitle: Future\nsummary: Future\n---\n\nText.\n")
    return ContentLayout(root)


TODAY = D(2026, 11, 28)


def test_published_articles_leave_out_drafts_and_future_dates(layout):
    vi = language_articles(layout, "vi", "vi", TODAY)
    assert [a.id for a in vi] == ["moi", "cu"]
    assert [a.id for a in language_articles(layout, "vi", "vi", D(2027, 6, 1))] == [
        "tuong-lai", "moi", "cu"]


def test_english_lists_only_translated_articles_with_their_english_text(layout):
    en = language_articles(layout, "en", "vi", TODAY)
    assert [(a.id, a.meta["title"]) for a in en] == [("cu", "Old one")]
    # Shared metadata still comes from the original.
    assert en[0].meta["tags"] == ["gia-dinh", "bao-luc-gia-dinh"]


def test_the_published_list_is_read_again_after_an_edit_or_a_new_file(layout):
    """The list is remembered during a build; `serve` must still see each edit at once."""
    first = language_articles(layout, "vi", "vi", TODAY)
    first.clear()  # a caller's change to its list is not seen by the next caller
    assert [a.id for a in language_articles(layout, "vi", "vi", TODAY)] == ["moi", "cu"]
    posts = layout.language_docs("vi") / "tin-bai" / "posts"
    write(posts / "moi.md", post("moi", "2025-06-16").replace("Bài moi", "Bài mới sửa"))
    write(posts / "them.md", post("them", "2025-07-01"))
    after = language_articles(layout, "vi", "vi", TODAY)
    assert [a.id for a in after] == ["them", "moi", "cu"]
    assert after[1].meta["title"] == "Bài mới sửa"


def test_preview_shows_drafts_and_future_articles(layout):
    ids = [a.id for a in language_articles(layout, "vi", "vi", TODAY, include_drafts=True)]
    assert ids == ["tuong-lai", "moi", "nhap", "cu"]


def test_the_blog_plugin_is_told_which_posts_are_drafts(layout):
    registries = load_registries(layout.registries)
    future = load_article(layout, "tuong-lai", "vi", "vi")
    draft = load_article(layout, "nhap", "vi", "vi")
    past = load_article(layout, "cu", "vi", "vi")
    assert blog_front_matter(future, registries, TODAY)["draft"] is True
    assert blog_front_matter(future, registries, D(2027, 6, 1))["draft"] is False
    assert blog_front_matter(draft, registries, TODAY)["draft"] is True
    assert blog_front_matter(past, registries, TODAY)["draft"] is False


def test_front_matter_names_categories_and_tags_in_the_language(layout):
    registries = load_registries(layout.registries)
    merged = blog_front_matter(load_article(layout, "cu", "en", "vi"), registries, TODAY)
    assert merged["title"] == "Old one"
    assert merged["categories"] == ["Family work"]
    assert merged["tags"] == ["Family", "Domestic violence"]
    assert merged["slug"] == "cu"
    assert merged["authors"] == ["phong-nep-song-van-hoa-gia-dinh"]


# -- authors: units in force on the article's date ---------------------------------

def test_an_author_unit_must_be_in_force_on_the_article_date(layout):
    registries = load_registries(layout.registries)
    path = layout.language_docs("vi") / "tin-bai" / "posts" / "so-cu.md"
    write(path, post("so-cu", "2025-06-02").replace(
        "[phong-nep-song-van-hoa-gia-dinh]", "[so-lao-dong-thuong-binh-xa-hoi, so-khong-co]"))
    article = load_article(layout, "so-cu", "vi", "vi")
    assert author_problems(article, registries) == [
        "so-cu: author 'so-lao-dong-thuong-binh-xa-hoi' was not in force on 2025-06-02",
        "so-cu: author 'so-khong-co' is not in the units registry",
    ]


def test_every_article_of_the_site_has_authors_in_force():
    layout = ContentLayout()
    registries = load_registries(layout.registries)
    articles = language_articles(layout, "vi", "vi", TODAY, include_drafts=True)
    assert len(articles) >= 9
    assert [p for a in articles for p in author_problems(a, registries)] == []


# -- tag pages ---------------------------------------------------------------------

def test_tag_pages_exist_in_both_languages_for_every_topic_in_use(layout):
    registries = load_registries(layout.registries)
    pages = {}
    for lang in ("vi", "en"):
        context = BuildContext(layout, lang, LANGUAGES, registries, TODAY)
        pages[lang] = {p.src_uri: p for p in tagpages.pages(context)}
    expected = {"tin-bai/the/index.md", "tin-bai/the/gia-dinh/index.md",
                "tin-bai/the/bao-luc-gia-dinh/index.md"}
    # binh-dang-gioi is only used by the future article: no page yet.
    assert set(pages["vi"]) == set(pages["en"]) == expected
    assert '<!-- material/tags { include: ["Gia đình"] } -->' in pages["vi"][
        "tin-bai/the/gia-dinh/index.md"].markdown
    assert pages["en"]["tin-bai/the/gia-dinh/index.md"].title == "Topic: Family"
    assert "- [Family](gia-dinh/index.md) (1)" in pages["en"]["tin-bai/the/index.md"].markdown


# -- campaign link -----------------------------------------------------------------

def test_campaign_link_only_for_a_campaign_that_exists(tmp_path):
    layout = ContentLayout(tmp_path)
    assert campaign_link(layout, "khong-co", "vi") is None
    assert campaign_link(layout, None, "vi") is None
    write(tmp_path / "campaigns" / "cd" / "campaign.yml", "id: cd\n")
    write(tmp_path / "campaigns" / "cd" / "vi.md", "---\ntitle: Chiến dịch\n---\n")
    assert campaign_link(layout, "cd", "en") == {
        "id": "cd", "title": "Chiến dịch", "url": "chien-dich/cd/"}


# -- page context: preview image from the cover ------------------------------------

def test_page_context_gives_posts_their_cover_and_related_articles():
    from types import SimpleNamespace

    from noidung.news.articles import Article
    from noidung.news.section import NewsSection

    def art(ident, lang, **meta):
        data = {"id": ident, "title": ident, "summary": f"S {ident}", "date": D(2024, 6, 1),
                "tags": ["gia-dinh"], "categories": ["cong-tac-gia-dinh"], **meta}
        return Article(ident, lang, data, "", True)

    cover = {"file": "anh/ky-ket.png", "alt": "Lễ ký kết"}
    news = NewsSection(ContentLayout(), LANGUAGES[1], LANGUAGES,
                       load_registries(ContentLayout().registries), TODAY, False)
    news.articles = [art("a", "en", cover=cover, cover_alt="Signing"), art("b", "en")]
    config = SimpleNamespace(site_name="Site", site_url="https://example.org/en/",
                             site_description="About")
    page = SimpleNamespace(meta={"article_id": "a", "description": "S a"}, title="a",
                           url="tin-bai/2024/06/a/", is_homepage=False)
    context = news.page_context(page, config)
    assert context["social"]["image"] == "https://example.org/en/tin-bai/anh/ky-ket.png"
    assert context["social"]["image_alt"] == "Signing"
    assert context["social"]["image_width"] is None
    assert context["social"]["locale"] == "en_US"
    assert context["article"]["related"] == [
        {"title": "b", "url": "tin-bai/2024/06/b/", "date": D(2024, 6, 1)}]
    assert context["article"]["t"]["related"] == "Related articles"
    plain = news.page_context(SimpleNamespace(meta={}, title="About", url="gioi-thieu/",
                                              is_homepage=False), config)
    assert "article" not in plain
    assert plain["social"]["image"] == "https://example.org/en/assets/images/og-default.png"
    assert plain["social"]["description"] == "About"
    assert plain["social"]["title"] == "About – Site"


# -- excerpts for the blog listings ---------------------------------------------------------

SEPARATOR = "<!-- more -->"


def test_excerpt_keeps_the_text_before_the_separator_and_marks_the_rest():
    markdown = "Đoạn mở đầu.\n\n<!-- more -->\n\n## Phần sau\n\nNội dung dài.\n"
    excerpt = excerpt_markdown(markdown, SEPARATOR)
    assert excerpt == "Đoạn mở đầu.\n\n<!-- more -->\n\n\u2026\n"
    # Material shows "continue reading" when something follows the separator.
    assert excerpt.partition(SEPARATOR)[2].strip()


@pytest.mark.parametrize("rest", [
    "Xem [luật][luat].\n\n[luat]: https://example.org/luat\n",
    "Có chú thích.[^1]\n\n[^1]: Chú thích.\n",
    "*[LHQ]: Liên Hợp Quốc\n",
])
def test_excerpt_is_the_whole_post_when_the_rest_defines_what_the_head_may_use(rest):
    assert excerpt_markdown(f"Mở đầu.\n\n{SEPARATOR}\n\n{rest}", SEPARATOR) is None


def test_a_post_without_separator_is_rendered_whole():
    assert excerpt_markdown("Chỉ một đoạn.\n", SEPARATOR) is None


def test_listings_get_only_the_excerpt_of_each_post_that_can_be_cut():
    cut = SimpleNamespace(markdown=f"Mở đầu.\n\n{SEPARATOR}\n\nPhần sau.\n")
    whole = SimpleNamespace(markdown="Không có dấu tách.\n")
    blog = SimpleNamespace(config=SimpleNamespace(post_excerpt_separator=SEPARATOR),
                           blog=SimpleNamespace(posts=[cut, whole]))
    config = SimpleNamespace(plugins={"material/blog": blog})
    assert shorten_excerpts(config) == 1
    assert cut.markdown == f"Mở đầu.\n\n{SEPARATOR}\n\n\u2026\n"
    assert whole.markdown == "Không có dấu tách.\n"
    # Without the blog plugin there is nothing to do.
    assert shorten_excerpts(SimpleNamespace(plugins={})) == 0



@pytest.mark.parametrize(("file", "image"), [
    ("anh/hoi-nghi.jpg", "tin-bai/anh/hoi-nghi.jpg"),
    ("./anh/hoi-nghi.jpg", "tin-bai/anh/hoi-nghi.jpg"),
    ("../../tap-huan/tai-lieu/so-do.png", "tap-huan/tai-lieu/so-do.png"),
])
def test_cover_image_is_where_the_blog_publishes_the_file(file, image):
    from noidung.news.articles import Article
    from noidung.news.section import cover_image

    meta = {"date": "2025-07-01", "cover": {"file": file, "alt": "Quang cảnh"},
            "cover_alt": "The hall"}
    assert cover_image(Article("hoi-nghi", "en", meta, "", True)) == (image, "The hall")
