"""Which page stands for each kind: the browser gates load one per kind and language."""

from __future__ import annotations

from noidung.quality.page_kinds import kind_of, page_url, pages_by_kind


def test_kinds_by_path():
    assert kind_of("index.html") == "home"
    assert kind_of("404.html") == "404"
    assert kind_of("tin-bai/2024/12/phoi-hop/index.html") == "article"
    assert kind_of("tin-bai/trang/2/index.html") == "blog index page"
    assert kind_of("tin-bai/the/gia-dinh/index.html") == "tag"
    assert kind_of("chien-dich/lich/index.html") == "calendar"
    assert kind_of("chien-dich/ngay-gia-dinh-2027/index.html") == "campaign"
    assert kind_of("tap-huan/index.html") == "module overview"
    assert kind_of("tap-huan/m01/index.html") == "module"
    # A kind nobody named yet is still checked, as its own kind.
    assert kind_of("su-kien/2027/hoi-thao/index.html") == "other:su-kien/3"


def test_first_page_of_each_kind_per_language_skipping_redirects(tmp_path):
    for rel, body in {
        "index.html": "<p>home</p>",
        "en/index.html": "<p>home</p>",
        "tap-huan/b/index.html": "<p>b</p>",
        "tap-huan/a/index.html": "<p>a</p>",
        "m/m01/index.html": '<meta http-equiv="refresh" content="0; url=../../tap-huan/a/">',
    }.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(body)
    assert pages_by_kind(tmp_path) == {
        ("en", "home"): "en/index.html",
        ("vi", "home"): "index.html",
        ("vi", "module"): "tap-huan/a/index.html",
    }
    assert page_url("tap-huan/a/index.html") == "tap-huan/a/"
    assert page_url("404.html") == "404.html"
