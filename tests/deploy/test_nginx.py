"""The shipped deploy/nginx.conf, run by Debian's nginx over the built site."""

from __future__ import annotations

import gzip
import http.client
import re
from urllib.parse import urlsplit

import pytest

from noidung.build.publish import prepare_site
from tests.deploy.nginx import run_nginx
from tests.deploy.pages import module_page, redirects_of

SECURITY_HEADERS = ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy",
                    "Permissions-Policy")
IMMUTABLE = "public, max-age=31536000, immutable"


def fetch(base: str, path: str, method: str = "GET", **headers: str):
    """One request, redirects not followed; returns (status, headers, body as sent)."""
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.request(method, path, headers=headers)
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def html_lang(body: bytes) -> str:
    head = body[:400].decode("utf-8", "replace")
    return head.split('<html lang="', 1)[1].split('"', 1)[0]


@pytest.mark.parametrize(("path", "lang"), [("/", "vi"), ("/en/", "en")])
def test_home_pages(nginx_url, path, lang):
    status, headers, body = fetch(nginx_url, path)
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert html_lang(body) == lang


@pytest.mark.parametrize(("path", "lang"), [
    ("/khong-co-trang-nay/", "vi"), ("/tin-bai/khong-co/", "vi"),
    ("/en/no-such-page/", "en"), ("/en/tin-bai/no-such/", "en"),
])
def test_missing_page_gets_its_languages_404(nginx_url, built_site, path, lang):
    status, headers, body = fetch(nginx_url, path)
    assert status == 404
    own_404 = built_site / ("en/404.html" if lang == "en" else "404.html")
    assert body == own_404.read_bytes()
    assert html_lang(body) == lang
    for name in SECURITY_HEADERS:
        assert headers[name], name


def test_directory_without_slash_redirects_relatively(nginx_url):
    status, headers, _ = fetch(nginx_url, "/en/tin-bai")
    assert status == 301 and headers["Location"] == "/en/tin-bai/"


def test_gzip_when_asked(nginx_url, built_site):
    status, headers, body = fetch(nginx_url, "/en/", **{"Accept-Encoding": "gzip"})
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in headers["Vary"]
    assert gzip.decompress(body) == (built_site / "en" / "index.html").read_bytes()
    status, headers, body = fetch(nginx_url, "/en/")
    assert headers["Content-Encoding"] is None
    assert body == (built_site / "en" / "index.html").read_bytes()


def test_security_headers(nginx_url):
    _, headers, _ = fetch(nginx_url, "/")
    csp = headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "'sha256-" in csp and "unsafe-inline" not in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in headers["Permissions-Policy"]
    assert headers["Server"] == "nginx"  # no version


def test_cache_headers_by_file_type(nginx_url, built_site):
    bundle = next(built_site.glob("assets/javascripts/bundle.*.min.js"))
    css = next(built_site.glob("en/assets/stylesheets/main.*.min.css"))
    cases = {
        "/": "public, max-age=300",
        "/en/tin-bai/": "public, max-age=300",
        "/" + bundle.relative_to(built_site).as_posix(): IMMUTABLE,
        "/" + css.relative_to(built_site).as_posix(): IMMUTABLE,
        "/assets/favicon.svg": "public, max-age=86400",
        "/assets/stylesheets/site.css": "public, max-age=86400",
    }
    index = sorted(built_site.glob("search/*/b/0.json"))
    if index:  # the search index: a folder named by its hash (meta.json is revalidated)
        cases["/" + index[0].relative_to(built_site).as_posix()] = IMMUTABLE
        cases["/search/meta.json"] = "public, max-age=300"
    for path, expected in cases.items():
        status, headers, _ = fetch(nginx_url, path)
        assert (status, headers["Cache-Control"]) == (200, expected), path


def test_content_types(nginx_url, built_site):
    expected = {".xml": "text/xml; charset=utf-8", ".json": "application/json; charset=utf-8",
                ".ics": "text/calendar; charset=utf-8", ".svg": "image/svg+xml; charset=utf-8"}
    seen = set()
    for file in sorted(built_site.rglob("*")):
        if file.suffix in expected and file.suffix not in seen and "_deploy" not in file.parts:
            path = "/" + file.relative_to(built_site).as_posix()
            status, headers, _ = fetch(nginx_url, path, method="HEAD")
            assert (status, headers["Content-Type"]) == (200, expected[file.suffix]), path
            seen.add(file.suffix)
    assert {".xml", ".json", ".svg"} <= seen


def test_deploy_files_are_not_served(nginx_url):
    for path in ("/_deploy/security-headers.conf", "/_headers", "/_redirects"):
        assert fetch(nginx_url, path)[0] == 404, path


def test_module_page_is_served(nginx_url, built_site):
    assert fetch(nginx_url, module_page(built_site))[0] == 200


def test_built_short_links_and_old_urls_redirect(nginx_url, built_site):
    """Every redirect page of the build answers 301 to a page that exists."""
    redirects = redirects_of(built_site)
    if not any(s.startswith(("/m/", "/en/m/")) for s in redirects):
        pytest.skip("the built site has no short link pages /m/<code>/ yet (issue 5)")
    for source, target in redirects.items():
        status, headers, _ = fetch(nginx_url, source)
        assert (status, headers["Location"]) == (301, target), source
        status, _, body = fetch(nginx_url, target)
        assert status == 200, target
        if source.startswith("/en/"):
            assert target.startswith("/en/"), (source, target)
        if source.startswith(("/m/", "/en/m/")):
            # The right module: the page it leads to prints this very short link.
            link = re.search(rb'<a href="([^"]+)"[^>]*data-short-link', body)
            assert link and link.group(1).decode().endswith(source), (source, target)


def test_redirect_pages_become_301s(tmp_path):
    """The mechanism on a small site: a short link in each language and an old URL."""
    site = tmp_path / "site"

    def page(rel: str, lang: str, body: str = "", refresh: str | None = None) -> None:
        head = f'<meta http-equiv="refresh" content="0; url={refresh}">' if refresh else ""
        file = site / rel
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(f'<!doctype html><html lang="{lang}"><head>{head}'
                        f"<script>var lang='{lang}'</script></head><body>{body}</body></html>")

    for prefix, lang in (("", "vi"), ("en/", "en")):
        page(prefix + "index.html", lang)
        page(prefix + "404.html", lang, "404")
        page(prefix + "tap-huan/m03-an-toan/index.html", lang, "module")
        page(prefix + "m/m03/index.html", lang, refresh="../../tap-huan/m03-an-toan/")
    page("tap-huan/cu/index.html", "vi", refresh="/tap-huan/m03-an-toan/")
    (site / "lich.ics").write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" * 100)
    report = prepare_site(site)
    assert len(report.redirects) == 3
    with run_nginx(site, tmp_path / "nginx") as url:
        for source, target in [("/m/m03/", "/tap-huan/m03-an-toan/"),
                               ("/m/m03", "/tap-huan/m03-an-toan/"),
                               ("/en/m/m03/", "/en/tap-huan/m03-an-toan/"),
                               ("/tap-huan/cu/", "/tap-huan/m03-an-toan/")]:
            status, headers, _ = fetch(url, source)
            assert (status, headers["Location"]) == (301, target), source
            assert headers["Content-Security-Policy"], source
        assert fetch(url, "/en/tap-huan/m03-an-toan/")[2].endswith(b"module</body></html>")
        status, headers, body = fetch(url, "/lich.ics", **{"Accept-Encoding": "gzip"})
        assert (status, headers["Content-Type"], headers["Content-Encoding"]) == (
            200, "text/calendar; charset=utf-8", "gzip")
        status, _, body = fetch(url, "/en/m/m99/")
        assert status == 404 and b'lang="en"' in body
