"""Gate: page weight, on the built files compressed as a web server sends them.

Fails when the home page (HTML + CSS + JS + fonts + images needed to render it) exceeds
300 KB gzipped, or the median page exceeds 60 KB of uncompressed HTML.
"""

from __future__ import annotations

import gzip

from noidung.quality.weight import html_sizes, page_weight, transfer_size

HOME_LIMIT = 300 * 1024
MEDIAN_HTML_LIMIT = 60 * 1024


def _kb(size: float) -> str:
    return f"{size / 1024:.1f} KB"


def test_home_page_weight(built_site):
    lines = []
    for home in ("index.html", "en/index.html"):
        weight = page_weight(built_site, built_site / home)
        kinds = ", ".join(f"{kind} {_kb(size)}" for kind, size in sorted(weight.by_kind().items()))
        lines.append(f"{home}: {_kb(weight.total)} gzipped in {len(weight.files)} files ({kinds})")
        assert weight.missing == [], f"{home} needs files that are not built: {weight.missing}"
        assert weight.total <= HOME_LIMIT, (
            f"{home} weighs {_kb(weight.total)} > {_kb(HOME_LIMIT)}: " + str(weight.files))
    print("\n[weight] " + "\n[weight] ".join(lines))


def test_median_page_html(built_site):
    sizes = html_sizes(built_site)
    print(f"\n[weight] median HTML over {sizes.pages} pages: {_kb(sizes.median)} uncompressed; "
          f"largest {sizes.largest[0]} {_kb(sizes.largest[1])}")
    assert sizes.median <= MEDIAN_HTML_LIMIT


def test_text_is_gzipped_and_images_are_not(tmp_path):
    text = tmp_path / "a.css"
    text.write_text("body{color:red}\n" * 200)
    image = tmp_path / "a.png"
    image.write_bytes(b"\x89PNG" + bytes(range(256)) * 4)
    assert transfer_size(text) == len(gzip.compress(text.read_bytes(), 6, mtime=0)) < 200
    assert transfer_size(image) == image.stat().st_size
    (tmp_path / "a.css.gz").write_bytes(b"x" * 7)  # a precompressed twin is what is sent
    assert transfer_size(text) == 7


def test_weight_follows_stylesheets_to_fonts(tmp_path):
    (tmp_path / "css").mkdir()
    (tmp_path / "index.html").write_text(
        '<link rel="stylesheet" href="css/s.css"><img src="i.png" alt="">'
        '<script src="https://elsewhere.example/x.js"></script>')
    (tmp_path / "css" / "s.css").write_text(
        '@font-face{src:url("../f.woff2")} a{background:url(data:image/png;base64,AA==)}')
    (tmp_path / "f.woff2").write_bytes(b"w" * 1000)
    weight = page_weight(tmp_path, tmp_path / "index.html")
    assert sorted(weight.files) == ["css/s.css", "f.woff2", "index.html"]
    assert weight.files["f.woff2"] == 1000
    assert weight.missing == ["i.png"]
