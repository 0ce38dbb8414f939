"""noidung/build/publish.py, compress.py and security.py on small inputs, and their output
on the session's built site."""

from __future__ import annotations

import base64
import gzip
import hashlib

import brotli
import pytest
from bs4 import BeautifulSoup

from noidung.build import compress as build_compress
from noidung.build import publish as build_publish
from noidung.build import security as build_security
from noidung.build.compress import precompress
from noidung.build.publish import render_nginx_conf
from noidung.build.security import (
    InlineSources,
    PublishError,
    Redirect,
    content_security_policy,
    csp_hash,
    resolve_target,
    scan_page,
)

PAGE = """<!doctype html><html><head>
<meta http-equiv="refresh" content="0; url=../../tap-huan/m03/">
<script>var a = 1 < 2 && "&amp;";</script>
<script type="application/json">{"not": "code"}</script>
<script src="x.js"></script>
<style>p { color: red }</style>
</head><body><p style="color: &quot;blue&quot;">x</p></body></html>"""


def test_scan_page_collects_inline_code_and_refresh():
    found, refresh = scan_page(PAGE)
    # Script text is raw (no entity decoding); attribute values are decoded, as browsers do.
    assert found.scripts == {'var a = 1 < 2 && "&amp;";'}
    assert found.styles == {"p { color: red }"}
    assert found.style_attributes == {'color: "blue"'}
    assert refresh == "../../tap-huan/m03/"


def test_scan_page_rejects_event_handlers_and_javascript_urls():
    with pytest.raises(PublishError) as error:
        scan_page('<button onclick="go()">x</button><a href="javascript:go()">y</a>', "a.html")
    assert str(error.value) == (
        'a.html: inline event handler onclick="go()" on <button>: move it to a script file\n'
        "a.html: javascript: URL in href on <a>")


def test_csp_hash_matches_the_browsers_digest():
    # printf 'alert(1)' | openssl dgst -sha256 -binary | base64
    assert csp_hash("alert(1)") == "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"


def test_policy_allows_only_own_origin_and_hashes():
    policy = content_security_policy(InlineSources(scripts={"alert(1)"}))
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "script-src 'self' 'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='" in policy
    assert "frame-ancestors 'none'" in policy and "default-src 'self'" in policy
    assert "unsafe-hashes" not in policy
    with_attr = content_security_policy(InlineSources(style_attributes={"color: red"}), wasm=True)
    assert f"style-src 'self' 'unsafe-hashes' {csp_hash('color: red')}" in with_attr
    assert "script-src 'self' 'wasm-unsafe-eval'" in with_attr


@pytest.mark.parametrize(("source", "target", "expected"), [
    ("/m/m03/", "../../tap-huan/m03/", "/tap-huan/m03/"),
    ("/en/m/m03/", "../../tap-huan/m03/#part", "/en/tap-huan/m03/"),
    ("/old/page.html", "new/", "/old/new/"),
    ("/m/x/", "/abs/", "/abs/"),
    ("/m/x/", "https://example.org/", None),
])
def test_resolve_target(source, target, expected):
    assert resolve_target(source, target) == expected


def test_redirects_conf_answers_with_and_without_slash():
    conf = build_publish.nginx_redirects_conf([Redirect("/m/m03/", "/tap-huan/m03/")])
    assert "location = /m/m03/ { return 301 /tap-huan/m03/; }" in conf
    assert "location = /m/m03 { return 301 /tap-huan/m03/; }" in conf


def test_header_values_nginx_cannot_quote_are_refused():
    with pytest.raises(PublishError, match=r"header X-Test has a character nginx cannot quote"):
        build_publish.nginx_headers_conf({"X-Test": 'a"b'})


def test_precompress_is_deterministic_and_lossless(tmp_path):
    body = ("<p>Gia đình hạnh phúc, trẻ em an toàn.</p>\n" * 200).encode()
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_bytes(body)
    (tmp_path / "assets" / "a.js").write_bytes(b"var x = 1;\n" * 300)
    (tmp_path / "tiny.json").write_bytes(b"{}")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG" * 100)
    (tmp_path / "_deploy").mkdir()
    (tmp_path / "_deploy" / "x.xml").write_bytes(b"<x/>" * 100)
    first = precompress(tmp_path, workers=2)
    snapshot = {p.name: p.read_bytes() for p in tmp_path.rglob("*.*[rz]")}
    precompress(tmp_path, workers=1)
    assert {p.name: p.read_bytes() for p in tmp_path.rglob("*.*[rz]")} == snapshot
    assert gzip.decompress((tmp_path / "index.html.gz").read_bytes()) == body
    assert brotli.decompress((tmp_path / "index.html.br").read_bytes()) == body
    assert (tmp_path / "index.html.gz").read_bytes()[4:8] == b"\0\0\0\0"  # mtime 0
    # Not smaller: not written. Not text, or not part of the site: not compressed.
    assert not (tmp_path / "tiny.json.gz").exists()
    assert not (tmp_path / "photo.png.gz").exists()
    assert not (tmp_path / "_deploy" / "x.xml.gz").exists()
    assert first.files == 3 and first.gzip_bytes < first.original_bytes


def test_render_nginx_conf_points_at_the_given_site(tmp_path):
    text = render_nginx_conf(tmp_path / "site", listen="127.0.0.1:8123")
    assert build_publish.DEFAULT_SITE_ROOT not in text
    assert f"root {tmp_path / 'site'};" in text
    assert f"include {tmp_path / 'site'}/_deploy/security-headers.conf;" in text
    assert [line.strip() for line in text.splitlines()
            if line.strip().startswith("listen ")] == ["listen 127.0.0.1:8123;"]


# --- On the real built site ------------------------------------------------------------

def _bs4_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_built_csp_covers_every_inline_script(built_site):
    """An independent parse (BeautifulSoup) finds no inline code the CSP leaves out."""
    conf = (built_site / "_deploy" / "security-headers.conf").read_text()
    policy = next(line for line in conf.splitlines() if "Content-Security-Policy" in line)
    assert "unsafe-inline" not in policy
    checked = 0
    for file in built_site.rglob("*.html"):
        soup = BeautifulSoup(file.read_text("utf-8"), "html.parser")
        for script in soup.find_all("script", src=False):
            if script.get("type", "").lower() in ("", "text/javascript", "module"):
                assert _bs4_hash(script.string or "") in policy, f"{file}: {script}"[:300]
                checked += 1
        for tag in soup.find_all(style=True):
            assert _bs4_hash(tag["style"]) in policy, f"{file}: {tag}"[:300]
        for style in soup.find_all("style"):
            assert _bs4_hash(style.string or "") in policy, f"{file}: {style}"[:300]
    assert checked > 0


def test_built_site_is_precompressed(built_site):
    missing = []
    for file in build_compress.compressible_files(built_site):
        gz = file.with_name(file.name + ".gz")
        if gz.exists():
            assert gzip.decompress(gz.read_bytes()) == file.read_bytes(), file
        elif file.stat().st_size > 1024:
            missing.append(file)
    assert not missing, missing[:5]
    assert (built_site / "index.html.br").exists()
    assert (built_site / "en" / "index.html.gz").exists()


def test_webassembly_is_detected_by_name(tmp_path):
    assert not build_security.uses_webassembly(tmp_path)
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "meta.json").write_text("{}")
    assert not build_security.uses_webassembly(tmp_path)
    (tmp_path / "search" / "engine.wasm").write_bytes(b"\0asm")
    assert build_security.uses_webassembly(tmp_path)


def test_a_page_the_csp_would_break_stops_with_its_file_named(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<p onmouseover="x()">hi</p>')
    (tmp_path / "index.html").write_text("<p>fine</p>")
    with pytest.raises(PublishError) as error:
        build_publish.prepare_site(tmp_path)
    assert str(error.value) == (
        "Trang không an toàn với CSP / pages the CSP would break:\n"
        'a/index.html: inline event handler onmouseover="x()" on <p>: '
        "move it to a script file")
    assert not (tmp_path / build_publish.DEPLOY_DIR).exists()
