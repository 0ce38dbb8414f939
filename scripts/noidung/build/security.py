"""What the built pages allow and where they send readers: every inline script and style is
hashed for the Content-Security-Policy (no 'unsafe-inline'), and every redirect page
(meta refresh: module short links, old URLs) is collected so a web server can answer it
with a real 301. The built pages are the one truth for both.
"""

from __future__ import annotations

import base64
import hashlib
import multiprocessing
import os
import posixpath
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html
from lxml import etree

#: script types a browser executes; any other type (application/json, ld+json) is a data block.
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

EXECUTABLE_SCRIPT_TYPES = frozenset(
    {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}
)


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
