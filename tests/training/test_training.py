"""Training modules (noidung/training/modules.py): merging, review dates, rendering, redirects.

Pure functions on the real content and on small modules written to a temporary folder.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from noidung import site
from noidung.content import frontmatter
from noidung.content.layout import REPO_ROOT, ContentLayout
from noidung.content.registries import load_registries
from noidung.generate.catalogue import source_pages
from noidung.generate.context import BuildContext
from noidung.training import model as training_model
from noidung.training import pages as training_pages
from noidung.training import redirects as training_redirects
from noidung.validation.loading import ContentError

LAYOUT = ContentLayout(REPO_ROOT)
REGISTRIES = load_registries(LAYOUT.registries)
TODAY = dt.date(2026, 11, 28)


def _context(layout: ContentLayout, lang: str) -> BuildContext:
    config = site.load()
    return BuildContext(layout, lang, list(config.languages), load_registries(layout.registries),
                        TODAY, site_url=config.site_url)


# -- dates -------------------------------------------------------------------------


@pytest.mark.parametrize(("day", "months", "expected"), [
    (dt.date(2026, 1, 31), 1, dt.date(2026, 2, 28)),
    (dt.date(2028, 1, 31), 1, dt.date(2028, 2, 29)),
    (dt.date(2026, 11, 20), 12, dt.date(2027, 11, 20)),
    (dt.date(2026, 12, 15), 1, dt.date(2027, 1, 15)),
])
def test_add_months_clamps_to_the_end_of_the_month(day, months, expected):
    assert training_model.add_months(day, months) == expected


def test_review_is_due_only_after_the_interval_has_passed():
    reviewed = dt.date(2025, 6, 1)
    assert not training_model.review_due(reviewed, 12, dt.date(2026, 6, 1))
    assert training_model.review_due(reviewed, 12, dt.date(2026, 6, 2))
    assert training_model.review_due(None, 12, TODAY)


# -- the real modules ----------------------------------------------------------------


def test_there_are_at_least_six_modules_in_both_languages():
    vi = training_model.load_modules(LAYOUT, "vi", "vi")
    en = training_model.load_modules(LAYOUT, "en", "vi")
    assert len(vi) >= 6
    assert [m.id for m in vi] == [m.id for m in en]
    codes = [m.code for m in vi]
    assert len(set(codes)) == len(codes)
    assert {"M01", "M02", "M03", "M04", "M05", "M06"} <= set(codes)


def test_english_text_is_merged_with_the_original_metadata():
    for vi in training_model.load_modules(LAYOUT, "vi", "vi"):
        en = training_model.load_module(LAYOUT, vi.id, "en", "vi")
        for shared in ("code", "duration_minutes", "level", "audiences", "prerequisites",
                       "last_reviewed", "version"):
            assert en.meta.get(shared) == vi.meta.get(shared), (vi.id, shared)
        assert [s["id"] for s in en.meta["sessions"]] == [s["id"] for s in vi.meta["sessions"]]
        assert [s["minutes"] for s in en.meta["sessions"]] == [
            s["minutes"] for s in vi.meta["sessions"]]
        files = [m["file"] for m in vi.meta["materials"]]
        assert [m["file"] for m in en.meta["materials"]] == files
        assert en.title != vi.title
        assert all(s["title"] != v["title"]
                   for s, v in zip(en.meta["sessions"], vi.meta["sessions"], strict=True))
        # The session plan adds up to the announced duration.
        assert sum(s["minutes"] for s in vi.meta["sessions"]) == vi.duration, vi.id


def test_module_metadata_uses_registries_and_existing_files():
    vi = training_model.load_modules(LAYOUT, "vi", "vi")
    ids = {m.id for m in vi}
    materials = LAYOUT.language_docs("vi") / training_model.MATERIALS_DIR
    for module in vi:
        assert module.meta["id"] == module.id
        assert module.meta["level"] in ("co-ban", "trung-cap", "nang-cao")
        for audience in module.meta["audiences"]:
            assert REGISTRIES.get("audiences", audience), (module.id, audience)
        assert set(module.meta["prerequisites"]) <= ids - {module.id}
        for material in module.meta["materials"]:
            assert (materials / material["file"]).is_file(), material
        for session in module.meta["sessions"]:
            assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", session["id"])


def test_module_texts_are_nfc_and_name_no_phone_number_but_the_public_ones():
    allowed = REGISTRIES.hotline_numbers()
    for lang in ("vi", "en"):
        for path in training_model.module_files(LAYOUT, lang).values():
            text = path.read_text("utf-8")
            assert unicodedata.normalize("NFC", text) == text, path
            doc = frontmatter.parse(text)
            words = doc.body + " ".join(
                str(doc.meta.get(k, "")) for k in ("summary", "objectives", "facilitator_notes",
                                                   "sessions", "materials"))
            for number in re.findall(r"(?<![\d/.])\d{3,}(?![\d/.])", words):
                if len(number) != 4:  # years are fine; anything else must be a public hotline
                    assert number in allowed, (path, number)


# -- rendering -----------------------------------------------------------------------


def _module(lang: str = "vi", **meta) -> training_model.Module:
    base = {
        "code": "M09", "title": "Học phần thử", "summary": "Tóm tắt.",
        "audiences": ["can-bo-co-so"],
        "duration_minutes": 90, "level": "co-ban", "objectives": ["Mục tiêu một."],
        "prerequisites": [], "materials": [{"file": "a.svg", "title": "Tài liệu A"}],
        "facilitator_notes": "Ghi chú.", "last_reviewed": dt.date(2025, 1, 10),
        "review_every_months": 12, "version": "1.2",
        "sessions": [{"id": "buoc-1", "minutes": 90, "title": "Mở đầu", "activity": "Làm gì đó."}],
    }
    base.update(meta)
    return training_model.Module("hoc-phan-thu", lang, base, "Nội dung.")


def test_module_page_has_fixed_anchors_short_link_and_qr():
    text = training_pages.module_markdown(_module(), {}, REGISTRIES, "https://x.test/m/m09/", TODAY)
    for anchor in ("muc-tieu", "tai-lieu", "ke-hoach", "ghi-chu-huong-dan", "buoc-1"):
        assert f"{{#{anchor}}}" in text
    assert 'href="https://x.test/m/m09/"' in text
    assert '<svg role="img"' in text
    assert "[Tài liệu A](tai-lieu/a.svg)" in text
    assert "Phiên bản" in text and "1.2" in text


def test_due_for_review_is_shown_only_when_the_interval_has_passed():
    module = _module(last_reviewed=dt.date(2025, 1, 10))
    due = training_pages.module_markdown(module, {}, REGISTRIES, "u", dt.date(2026, 1, 11))
    fresh = training_pages.module_markdown(module, {}, REGISTRIES, "u", dt.date(2026, 1, 10))
    assert "đã đến hạn rà soát" in due
    assert "đến hạn rà soát" not in fresh


def test_qr_code_decodes_to_the_url(tmp_path):
    """The SVG is rendered by the browser tests; here segno's matrix is checked by decoding it."""
    url = "http://127.0.0.1:8000/en/m/m03/"
    svg = training_pages.qr_svg(url, "t")
    assert svg.startswith('<svg role="img"')
    # Rebuild the image from the SVG path itself (not from segno), module by module.
    path = re.search(r' d="([^"]+)"', svg).group(1)
    size = int(re.search(r'width="(\d+)"', svg).group(1)) // 4
    image = Image.new("L", (size * 8, size * 8), 255)
    x = y = 0.0
    for command, a, b in re.findall(r"([Mmhv])(-?[\d.]+)(?: (-?[\d.]+))?", path):
        if command == "M":
            x, y = float(a), float(b)
        elif command == "m":
            x, y = x + float(a), y + float(b)
        elif command == "h":
            for col in range(int(x), int(x + float(a))):
                row = int(y)
                for px in range(8):
                    for py in range(8):
                        image.putpixel((col * 8 + px, row * 8 + py), 0)
            x += float(a)
    decoded = zxingcpp.read_barcodes(image)
    assert [d.text for d in decoded] == [url]


def test_index_table_lists_code_title_audience_duration_level():
    modules = training_model.load_modules(LAYOUT, "en", "vi")
    table = training_pages.index_table(modules, REGISTRIES, TODAY)
    assert table.startswith("| Module code | Title | Audiences | Duration | Level |")
    for module in modules:
        assert f"| {module.code} | [{module.title}]({module.id}.md)" in table


# -- short links and redirects ---------------------------------------------------------


@pytest.mark.parametrize(("source", "target", "expected"), [
    ("m/m03/", "tap-huan/x/", "../../tap-huan/x/"),
    ("dao-tao/", "tap-huan/", "../tap-huan/"),
    ("tap-huan/old/", "tap-huan/new/", "../new/"),
    ("cu/", "", "../"),
])
def test_relative_link(source, target, expected):
    assert training_redirects.relative_link(source, target) == expected


def test_redirect_page_has_refresh_target_and_canonical():
    text = training_redirects.redirect_markdown("m/m03/", "tap-huan/x/", "M03 · X", "https://s/tap-huan/x/",
                                      "en")
    assert "template: redirect-page.html" in text
    assert "href: ../../tap-huan/x/" in text
    assert "url: https://s/tap-huan/x/" in text
    assert "robots: noindex" in text


def _write_redirects(tmp_path: Path, text: str) -> ContentLayout:
    (tmp_path / "docs" / "registries").mkdir(parents=True)
    (tmp_path / "docs" / "registries" / "redirects.yml").write_text(text, "utf-8")
    return ContentLayout(tmp_path)


def test_unreadable_redirects_are_refused_in_the_validators_words(tmp_path):
    layout = _write_redirects(tmp_path, "- from: cu/\n")
    with pytest.raises(ContentError) as error:
        training_redirects.load_redirects(layout)
    assert [(p.rule, p.field, p.line) for p in error.value.problems] == [
        ("field-required", "[0].to", 1)]
    assert str(error.value).startswith(
        "docs/registries/redirects.yml:1:3: [error] thiếu trường bắt buộc «to»")


def test_check_redirects_names_each_problem():
    redirects = [
        training_redirects.Redirect("cu/", "tap-huan/khong-co/"),
        training_redirects.Redirect("tap-huan/", "gioi-thieu/"),
        training_redirects.Redirect("a/", "gioi-thieu/"),
        training_redirects.Redirect("a/", "gioi-thieu/"),
    ]
    problems = training_redirects.check_redirects(redirects, {"tap-huan/", "gioi-thieu/"})
    assert problems == [
        "redirect from 'cu/' leads to 'tap-huan/khong-co/', which is not a page of the site",
        "redirect from 'tap-huan/': a page exists at that path",
        "redirect from 'a/' is listed more than once",
    ]


def test_every_redirect_of_the_site_leads_to_a_page_in_both_languages():
    redirects = training_redirects.load_redirects(LAYOUT)
    assert redirects, "the map lists at least one old URL"
    modules = training_model.load_modules(LAYOUT, "vi", "vi")
    for lang in ("vi", "en"):
        catalogue = source_pages(_context(LAYOUT, lang))
        shorts = {m.short_url for m in modules}
        pages = set(catalogue) - {r.source for r in redirects} - shorts
        assert training_redirects.check_redirects(redirects, pages) == [], lang
        for module in modules:
            assert module.url in pages and module.short_url in catalogue


def test_a_module_without_a_usable_code_is_refused_in_the_validators_words(tmp_path):
    folder = tmp_path / "docs" / "vi" / "tap-huan"
    folder.mkdir(parents=True)
    (folder / "x.md").write_text("---\ncode: 3\ntitle: X\n---\n", "utf-8")
    with pytest.raises(ContentError) as error:
        training_model.load_module(ContentLayout(tmp_path), "x", "vi", "vi")
    assert ("field-type", "code", 2) in [(p.rule, p.field, p.line) for p in error.value.problems]


def test_generator_gives_both_languages_the_same_paths():
    urls = {}
    for lang in ("vi", "en"):
        urls[lang] = {p.src_uri for p in training_pages.pages(_context(LAYOUT, lang))}
    assert urls["vi"] == urls["en"]
    assert "m/m03/index.md" in urls["vi"]
    assert "tap-huan/index.md" in urls["vi"]
    assert site.load().site_url.startswith("http")


def test_modules_past_their_review_date_say_so_on_the_page_and_in_the_overview():
    context = _context(LAYOUT, "en")
    later = BuildContext(context.layout, "en", context.languages, context.registries,
                         dt.date(2031, 1, 1))
    pages = {p.src_uri: p.markdown for p in training_pages.pages(later)}
    module = training_model.load_modules(LAYOUT, "en", "vi")[0]
    assert "This module is due for review" in pages[module.src_uri]
    assert "(due for review)" in pages["tap-huan/index.md"]
    current = {p.src_uri: p.markdown for p in training_pages.pages(context)}
    assert "due for review" not in current[module.src_uri]
