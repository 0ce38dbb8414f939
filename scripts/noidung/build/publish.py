"""Make the joined site ready for a web server: security headers, redirects, precompression.

`prepare_site(site)` is the last post-build step (scripts/noidung/build/pipeline.py). It:
1. reads every built HTML page once and collects
   - the inline scripts, inline styles and style="" attributes, whose sha256
     hashes go into the Content-Security-Policy (no 'unsafe-inline');
   - the redirect pages (a `<meta http-equiv="refresh" content="0; url=...">`,
     e.g. module short links `/m/<code>/` and old URLs), so that a web server
     can answer them with a real 301 while static hosts keep the HTML page:
     the built pages are the one truth, whatever registry they came from;
2. writes, inside the site but never served (deploy/nginx.conf denies them):
   `_deploy/security-headers.conf` and `_deploy/redirects.conf` (nginx
   includes), plus `_headers` and `_redirects` (the format of Netlify and
   Cloudflare Pages);
3. writes `<file>.gz` and `<file>.br` next to every text file, byte-for-byte
   reproducible (gzip mtime 0, fixed levels), on every core.

Compression reads the final bytes, so it must stay the very last step.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import multiprocessing
import os
import posixpath
import re
import time
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import brotli
import lxml.html
from lxml import etree

from noidung.content.layout import REPO_ROOT

#: Folder inside the built site for web server includes; deploy/nginx.conf refuses to serve it.
DEPLOY_DIR = "_deploy"
HEADERS_CONF = "security-headers.conf"
REDIRECTS_CONF = "redirects.conf"
#: Where deploy/nginx.conf expects the site (the live release's symlink, noidung/build/release.py);
#: `render_nginx_conf` replaces it.
DEFAULT_SITE_ROOT = "/var/www/noidung/current"
NGINX_TEMPLATE = REPO_ROOT / "deploy" / "nginx.conf"

COMPRESSIBLE_SUFFIXES = frozenset(
    {".html", ".css", ".js", ".json", ".xml", ".svg", ".ics", ".txt", ".webmanifest"}
)
#: Level 9 made the HTML 0.35 % smaller than 6 and took 2.5 times as long.
GZIP_LEVEL = 6
#: Measured on the theme's 1.2 MB of unique JS/CSS: quality 6 gives 298 KB in 0.4 s,
#: quality 11 gives 264 KB (-12%) in 11 s on a busy 2-core machine: not worth it per build.
BROTLI_QUALITY = 6

#: script types a browser executes; any other type (application/json, ld+json) is a data block.
EXECUTABLE_SCRIPT_TYPES = frozenset(
    {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}
)

#: Headers that do not depend on the built pages. The CSP is added by `security_headers`.
STATIC_HEADERS: dict[str, str] = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    # Only features Chromium and Firefox know: an unknown name is a console error.
    "Permissions-Policy": (
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
        "microphone=(), payment=(), usb=()"
    ),
    # frame-ancestors in the CSP is the rule; X-Frame-Options covers old browsers.
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}

META_REFRESH_RE = re.compile(r"^\s*0\s*[;,]\s*url\s*=\s*['\"]?([^'\"\s]+)", re.IGNORECASE)
SAFE_PATH_RE = re.compile(r"^/[A-Za-z0-9._~/%-]*$")
#: Below this many pages per worker, a worker process costs more than it saves.
SCAN_CHUNK = 200


class PublishError(ValueError):
    """Raised by `prepare_site` when a page cannot be served under the site's CSP."""


@dataclass
class InlineSources:
    """Everything inline in the built pages that the CSP must allow by hash."""

    scripts: set[str] = field(default_factory=set)
    styles: set[str] = field(default_factory=set)
    style_attributes: set[str] = field(default_factory=set)

    def update(self, other: InlineSources) -> None:
        self.scripts |= other.scripts
        self.styles |= other.styles
        self.style_attributes |= other.style_attributes


@dataclass(frozen=True)
class Redirect:
    """`source` (a URL path of a redirect page) answers with a 301 to `target` (a path)."""

    source: str
    target: str


@dataclass(frozen=True)
class CompressionReport:
    files: int
    original_bytes: int
    gzip_bytes: int
    brotli_bytes: int
    seconds: float

    def summary(self) -> str:
        def mb(n: int) -> str:
            return f"{n / 1e6:.2f} MB"
        return (f"precompressed {self.files} files in {self.seconds:.2f} s: "
                f"{mb(self.original_bytes)} -> gzip {mb(self.gzip_bytes)}, "
                f"brotli {mb(self.brotli_bytes)}")


@dataclass(frozen=True)
class PublishReport:
    csp: str
    redirects: list[Redirect]
    compression: CompressionReport
    scan_seconds: float


# --- Reading the built pages -------------------------------------------------------------

#: Attributes a CSP cannot allow by hash: inline event handlers and javascript: URLs.
_UNSAFE_ATTRIBUTES = etree.XPath(
    "//@*[starts-with(name(), 'on') or ((name() = 'href' or name() = 'src' or name() = 'action')"
    " and starts-with(translate(normalize-space(.), 'JAVSCRIPT', 'javscript'), 'javascript:'))]"
)
_STYLE_ATTRIBUTES = etree.XPath("//@style")
_INLINE_SCRIPTS = etree.XPath("//script[not(@src)]")
_INLINE_STYLES = etree.XPath("//style")
_REFRESH = etree.XPath("//meta[translate(@http-equiv, 'REFSH', 'refsh') = 'refresh']/@content")


def scan_page(html: str | bytes, where: str = "<page>") -> tuple[InlineSources, str | None]:
    """Inline scripts/styles/style attributes of one page, and its meta-refresh target.

    Raises PublishError for inline event handlers and javascript: URLs, which a
    CSP can only allow with 'unsafe-inline' or 'unsafe-hashes' for scripts.
    Parsed by libxml2 through XPath: the pure-Python HTMLParser took twice as long,
    and scanning is on the critical path of every build.
    """
    found, refresh = InlineSources(), None
    if not html.strip():
        return found, refresh
    root = lxml.html.document_fromstring(html)
    problems = []
    for attribute in _UNSAFE_ATTRIBUTES(root):
        name, tag = attribute.attrname, attribute.getparent().tag
        if name.startswith("on"):
            problems.append(f'{where}: inline event handler {name}="{attribute[:40]}" '
                            f"on <{tag}>: move it to a script file")
        else:
            problems.append(f"{where}: javascript: URL in {name} on <{tag}>")
    if problems:
        raise PublishError("\n".join(problems))
    found.style_attributes.update(str(value) for value in _STYLE_ATTRIBUTES(root))
    found.scripts.update(script.text or "" for script in _INLINE_SCRIPTS(root)
                         if script.get("type", "").strip().lower() in EXECUTABLE_SCRIPT_TYPES)
    found.styles.update(style.text or "" for style in _INLINE_STYLES(root))
    for content in _REFRESH(root):
        match = META_REFRESH_RE.match(content)
        if match:
            refresh = match.group(1)
    return found, refresh


def url_path_of(file: Path, site: Path) -> str:
    """The URL path a page is served at (`a/b/index.html` -> `/a/b/`)."""
    rel = file.relative_to(site).as_posix()
    if rel == "index.html":
        return "/"
    if rel.endswith("/index.html"):
        return "/" + rel[: -len("index.html")]
    return "/" + rel


def resolve_target(source: str, target: str) -> str | None:
    """An absolute path for a refresh target relative to `source`; None for other origins."""
    if re.match(r"^[a-z][a-z0-9+.-]*:|^//", target, re.IGNORECASE):
        return None
    path = target.split("#", 1)[0]
    base = source if source.endswith("/") else posixpath.dirname(source) + "/"
    joined = posixpath.normpath(posixpath.join(base, path)) if not path.startswith("/") else path
    if path.endswith("/") and not joined.endswith("/"):
        joined += "/"
    return joined


# --- Headers -------------------------------------------------------------------------------

def csp_hash(text: str) -> str:
    """The CSP source expression for an inline script, style or style attribute."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(sources: InlineSources, wasm: bool = False) -> str:
    """A policy allowing only the site's own origin, plus the given inline code by hash.

    `wasm` adds 'wasm-unsafe-eval' (WebAssembly only, not eval), for a site that
    ships WebAssembly (ours does not since its search is plain JavaScript).
    """
    scripts = ["'self'"] + (["'wasm-unsafe-eval'"] if wasm else [])
    scripts += sorted(csp_hash(s) for s in sources.scripts)
    styles = ["'self'"] + sorted(csp_hash(s) for s in sources.styles)
    if sources.style_attributes:
        # style="" needs 'unsafe-hashes': it allows exactly these attribute values, nothing else.
        styles += ["'unsafe-hashes'"] + sorted(csp_hash(s) for s in sources.style_attributes)
    directives = [
        "default-src 'self'",
        "script-src " + " ".join(scripts),
        "style-src " + " ".join(styles),
        # data: for the SVG icons inlined in Material's stylesheet (mask-image).
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
    return "; ".join(directives)


def security_headers(csp: str) -> dict[str, str]:
    return {"Content-Security-Policy": csp, **STATIC_HEADERS}


def nginx_headers_conf(headers: dict[str, str]) -> str:
    lines = ["# Generated by the site build (python3 make.py build): do not edit.",
             "# Included by deploy/nginx.conf inside its server block."]
    for name, value in headers.items():
        if '"' in value or "\n" in value:
            raise PublishError(f"header {name} has a character nginx cannot quote: {value!r}")
        lines.append(f'add_header {name} "{value}" always;')
    return "\n".join(lines) + "\n"


def nginx_redirects_conf(redirects: Iterable[Redirect]) -> str:
    lines = ["# Generated by the site build from the built redirect pages: do not edit."]
    for r in redirects:
        for source in sorted({r.source, r.source.rstrip("/")} - {""}):
            lines.append(f"location = {source} {{ return 301 {r.target}; }}")
    return "\n".join(lines) + "\n"


def static_host_headers(headers: dict[str, str]) -> str:
    """`_headers` for Netlify / Cloudflare Pages: the same headers on every path."""
    return "/*\n" + "".join(f"  {name}: {value}\n" for name, value in headers.items())


def static_host_redirects(redirects: Iterable[Redirect]) -> str:
    """`_redirects` for Netlify / Cloudflare Pages."""
    return "".join(f"{r.source} {r.target} 301\n" for r in redirects)


# --- Precompression ------------------------------------------------------------------------

def compressible_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*")
                  if p.suffix in COMPRESSIBLE_SUFFIXES and p.is_file()
                  and DEPLOY_DIR not in p.relative_to(site).parts[:1])


def compressed(data: bytes) -> tuple[bytes, bytes]:
    """gzip and brotli forms of `data`, reproducible byte for byte (no time stamp)."""
    return (gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0),
            brotli.compress(data, quality=BROTLI_QUALITY))


def _write_variants(path: Path, data: bytes, variants: tuple[bytes, bytes]) -> tuple[int, int, int]:
    """Write path.gz and path.br when smaller than the file; return the three sizes.

    A variant that would not be smaller is not written (nginx then sends the file).
    """
    sizes = [len(data)]
    for suffix, packed in zip((".gz", ".br"), variants, strict=True):
        target = path.with_name(path.name + suffix)
        if len(packed) < len(data):
            target.write_bytes(packed)
            sizes.append(len(packed))
        else:
            target.unlink(missing_ok=True)
            sizes.append(len(data))
    return sizes[0], sizes[1], sizes[2]


def compress_files(paths: list[Path]) -> list[tuple[int, int, int]]:
    """Compress files of identical content once (the first one), write every one's variants."""
    data = paths[0].read_bytes()
    variants = compressed(data)
    return [_write_variants(p, data, variants) for p in paths]


def precompress(site: Path, workers: int | None = None) -> CompressionReport:
    """Precompress every text file of `site` (zlib and brotli release the GIL: threads).

    Assets with the same content are compressed once: each language build carries its
    own copy of the theme's assets.
    """
    started = time.perf_counter()
    groups: dict[bytes | str, list[Path]] = {}
    for path in compressible_files(site):
        if path.suffix == ".html":
            # Pages are not copies of each other: no need to read 80 MB twice to learn it.
            groups[str(path)] = [path]
        else:
            groups.setdefault(hashlib.sha256(path.read_bytes()).digest(), []).append(path)
    # Largest first, so that the threads finish at about the same time.
    work = sorted(groups.values(), key=lambda paths: -paths[0].stat().st_size)
    with ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 1) as pool:
        sizes = [s for group in pool.map(compress_files, work) for s in group]
    return CompressionReport(
        files=len(sizes),
        original_bytes=sum(s[0] for s in sizes),
        gzip_bytes=sum(s[1] for s in sizes),
        brotli_bytes=sum(s[2] for s in sizes),
        seconds=time.perf_counter() - started,
    )


# --- The build step ------------------------------------------------------------------------

def _scan_files(site: Path, files: list[Path]) -> tuple[InlineSources, list[Redirect], list[str]]:
    """Inline sources, redirects and problems of some pages (one worker's share)."""
    sources, redirects, problems = InlineSources(), [], []
    for file in files:
        source = url_path_of(file, site)
        try:
            found, refresh = scan_page(file.read_bytes(), file.relative_to(site).as_posix())
        except PublishError as error:
            problems.append(str(error))
            continue
        sources.update(found)
        target = resolve_target(source, refresh) if refresh else None
        if target and target != source:
            if not SAFE_PATH_RE.match(target) or not SAFE_PATH_RE.match(source):
                problems.append(f"{source}: redirect target {target!r} is not a plain URL path")
            else:
                redirects.append(Redirect(source, target))
    return sources, redirects, problems


def scan_site(site: Path, workers: int | None = None) -> tuple[InlineSources, list[Redirect]]:
    """Inline code of every page and every redirect page of the built site.

    Parsing holds the GIL, so the pages are shared among worker processes (forkserver:
    the build may already run threads, which fork would copy in an unknown state).
    """
    files = sorted(site.rglob("*.html"))
    workers = max(1, min(workers or os.cpu_count() or 1, len(files) // SCAN_CHUNK + 1))
    shares = [files[i::workers] for i in range(workers)]
    if workers == 1:
        results = [_scan_files(site, files)]
    else:
        context = multiprocessing.get_context("forkserver")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            results = list(pool.map(_scan_files, [site] * workers, shares))
    sources, redirects, problems = InlineSources(), [], []
    for found, moved, wrong in results:
        sources.update(found)
        redirects.extend(moved)
        problems.extend(wrong)
    if problems:
        raise PublishError("Trang không an toàn với CSP / pages the CSP would break:\n"
                           + "\n".join(sorted(problems)))
    return sources, sorted(redirects, key=lambda r: r.source)


def uses_webassembly(site: Path) -> bool:
    """True when the site ships WebAssembly (`*.wasm` files)."""
    return any(p.is_file() for p in site.rglob("*.wasm"))


def prepare_site(site: Path, workers: int | None = None) -> PublishReport:
    """Write the web server files for `site` and precompress it (the last build step)."""
    started = time.perf_counter()
    # Compression (zlib, brotli: no GIL) runs while the pages are parsed (GIL): the two
    # overlap on two cores. Both only read the pages, so the order does not matter.
    with ThreadPoolExecutor(max_workers=1) as background:
        compressing = background.submit(precompress, site, workers)
        try:
            sources, redirects = scan_site(site)
            scan_seconds = time.perf_counter() - started
        finally:
            compression = compressing.result()
    wasm = uses_webassembly(site)
    csp = content_security_policy(sources, wasm=wasm)
    headers = security_headers(csp)
    deploy = site / DEPLOY_DIR
    deploy.mkdir(exist_ok=True)
    (deploy / HEADERS_CONF).write_text(nginx_headers_conf(headers), "utf-8")
    (deploy / REDIRECTS_CONF).write_text(nginx_redirects_conf(redirects), "utf-8")
    (site / "_headers").write_text(static_host_headers(headers), "utf-8")
    (site / "_redirects").write_text(static_host_redirects(redirects), "utf-8")
    return PublishReport(csp, redirects, compression, scan_seconds)


def render_nginx_conf(site_root: Path | str, listen: str | None = None,
                      template: Path = NGINX_TEMPLATE) -> str:
    """deploy/nginx.conf with the site's folder (and optionally the listen address) replaced."""
    text = template.read_text("utf-8").replace(DEFAULT_SITE_ROOT, str(site_root).rstrip("/"))
    if listen:
        lines = text.splitlines()
        first = next(i for i, line in enumerate(lines) if line.strip().startswith("listen "))
        indent = lines[first][: len(lines[first]) - len(lines[first].lstrip())]
        lines = [line for line in lines if not line.strip().startswith("listen ")]
        lines.insert(first, f"{indent}listen {listen};")
        text = "\n".join(lines) + "\n"
    return text


def main(argv: list[str] | None = None) -> int:
    """`python -m noidung.build.publish nginx-conf SITE_ROOT`: print the nginx configuration."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    if len(args) == 2 and args[0] == "nginx-conf":
        # absolute(), not resolve(): `current` is a symlink nginx must follow on every request.
        sys.stdout.write(render_nginx_conf(Path(args[1]).absolute()))
        return 0
    print("usage: python -m noidung.build.publish nginx-conf /path/to/current", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
