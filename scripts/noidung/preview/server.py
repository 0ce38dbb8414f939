"""`noidung serve`: a preview of both languages that shows an edit to one page at once.

One server on one port serves Vietnamese at / and English at /en/, as the published
site does: two `Preview`s (incremental.py), one per language of SiteConfig, the
English site written into the Vietnamese one's `en/` folder, so the language switch
leads from each page to its twin both ways.

`mkdocs serve` rebuilds the whole language after any edit (30 s at 2,000 pages).
Each Preview does the first build exactly as `mkdocs.commands.build.build` does,
keeps what that build made (config, files, navigation, template environment), and
after an edit to one page reads, renders and writes only that page, through the
same plugins (ours, Material's blog and tags), so it looks as it will when built:

- a page of a language (docs/<lang>/...md): that page;
- an article (docs/vi|en/tin-bai/posts/<id>.md): its merged post, then that post,
  in both languages when the Vietnamese original (the shared metadata) changed;
- a campaign (campaigns/<id>/...) or a training module: the generators run again
  and the generated pages whose text changed are rendered again;
- an image or other file: copied;
- anything that changes the structure (a file added or deleted, mkdocs*.yml,
  docs/registries/, the theme, an article's date, slug or categories): the whole
  language is built again, as `mkdocs serve` would.

Pages that list other pages (news index, archive, categories, tag pages, the
navigation's titles) keep what the last full build put there: the banner says so.
After each edit the validator checks the edited files and their other-language
twins in a separate process (checks.py), so its messages come without delaying the
preview; the page being viewed shows its source files' problems in a banner at its
top (a script and a style sheet served by this server only, never in the build).
The terminal shows only our messages: MkDocs' log and every traceback go to
.cache/preview/preview.log, whose path is printed.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import signal
import socket
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs

import watchdog.events

# Private names of MkDocs' live-reload server (tests/preview/test_mkdocs_canary.py).
from mkdocs.livereload import LiveReloadServer, _serve_url

from noidung import site
from noidung.i18n.languages import Language
from noidung.preview import incremental
from noidung.preview.changes import page_sources
from noidung.preview.checks import Checker, Problems, banner_entry, page_problems
from noidung.preview.incremental import Preview

#: Printed when the preview starts (Vietnamese first).
BANNER = """\
Xem thử cả hai ngôn ngữ: tiếng Việt ở /, tiếng Anh ở /en/ (nút đổi ngôn ngữ dẫn sang trang
  tương ứng). Sửa một trang, bài viết, chiến dịch hay học phần thì chỉ trang đó được dựng lại
  (khoảng một giây) và trình duyệt tự tải lại. Tệp vừa sửa và bản ngôn ngữ kia của nó được
  kiểm tra: lỗi hiện ở đầu trang đang xem và in ở đây. Trang liệt kê bài (tin bài, lưu trữ,
  chuyên mục, chủ đề), tiêu đề trong menu và ô tìm kiếm chỉ cập nhật khi dựng lại toàn bộ:
  khi thêm hoặc xóa tệp, sửa mkdocs.yml hay docs/registries/, hoặc khi bấm Enter ở đây.
Preview of both languages: Vietnamese at /, English at /en/ (the language switch leads to
  the same page). An edit to one page, article, campaign or module rebuilds only that page
  (about a second) and the browser reloads. The edited file and its other-language twin are
  checked: problems show at the top of the page you are viewing and are printed here. Pages
  that list articles (news, archive, categories, topics), menu titles and search change only
  on a full rebuild: when a file is added or deleted, mkdocs.yml or docs/registries/ change,
  or when you press Enter here."""


#: Served while the site could not be built; it asks again every two seconds.
NOT_BUILT = """<!doctype html>
<html lang="vi"><meta charset="utf-8"><meta http-equiv="refresh" content="2">
<title>Chưa dựng được trang / The site could not be built</title>
<p>Chưa dựng được trang: xem lỗi trong cửa sổ lệnh, sửa tệp và lưu lại.</p>
<p lang="en">The site could not be built: see the error in the terminal, fix the file and
save it.</p>
</html>
"""

#: The preview's own files, served under PREVIEW_PREFIX (never part of the site).
ASSETS = Path(__file__).with_name("assets")
PREVIEW_PREFIX = "/_preview/"
ASSET_TYPES = {"problems.js": "application/javascript; charset=utf-8",
               "problems.css": "text/css; charset=utf-8"}
#: Added to every HTML page the preview serves, before </head>: files, no inline script.
HEAD_TAGS = (b'<link rel="stylesheet" href="/_preview/problems.css">'
             b'<script src="/_preview/problems.js" defer></script>')

#: The log of MkDocs' messages and our tracebacks, under the project.
LOG_FILE = Path(".cache") / "preview" / "preview.log"


# -- what the page being viewed shows ---------------------------------------------------


@dataclass
class PreviewSite:
    """Both languages' previews, served together: which page a URL path is, which source
    files it comes from, and their current problems."""

    root: Path
    languages: tuple[Language, ...]
    previews: dict[str, Preview]
    problems: Problems

    def language_of(self, path: str) -> tuple[Language, str]:
        """The language of a served path and the page's URL inside it
        ("/en/lien-he/" -> English, "lien-he/"; "/" -> Vietnamese, "")."""
        path = path if path.endswith("/") or "." in path.rsplit("/", 1)[-1] else path + "/"
        by_depth = sorted(self.languages, key=lambda x: len(x.root), reverse=True)
        language = next(x for x in by_depth if path.startswith(x.root))
        url = path[len(language.root):]
        return language, url.removesuffix("index.html")

    def sources(self, path: str) -> list[str]:
        """The source files of the page at `path`, Vietnamese first ([] if no such page)."""
        language, url = self.language_of(path)
        src_uri = self.previews[language.code].page_source(url)
        if src_uri is None:
            return []
        return page_sources(self.root, src_uri, [x.code for x in self.languages])

    def report(self, path: str) -> dict:
        """The banner of the page at `path`: its source files' problems, Vietnamese first."""
        failures: dict[str, str] = {}
        for preview in self.previews.values():
            failures.update(preview.failures)
        found = [banner_entry(p) for p in page_problems(
            self.sources(path), self.problems, failures, incremental.log_file())]
        return {"problems": found, **banner_titles(found)}


def banner_titles(problems: list[dict]) -> dict[str, str]:
    """The banner's heading and note, in both languages, for `problems` (banner_entry)."""
    errors = sum(1 for p in problems if p["severity"] == "error")
    warnings_ = len(problems) - errors
    counts_en = ", ".join(
        f"{n} {word}{'' if n == 1 else 's'}"
        for n, word in ((errors, "error"), (warnings_, "warning")) if n)
    counts_vi = ", ".join(f"{n} {word}" for n, word in ((errors, "lỗi"), (warnings_, "cảnh báo"))
                          if n)
    return {
        "title_vi": f"Tệp nguồn của trang này có {counts_vi}" if problems else "",
        "title_en": f"This page's source files have {counts_en}" if problems else "",
        "note_vi": "Sửa tệp rồi lưu lại: thông báo này tự mất khi hết lỗi. Chỉ hiện khi "
                   "xem thử, không có trên trang thật." if problems else "",
        "note_en": "Fix the file and save it: this notice goes away once it is fixed. Shown "
                   "in the preview only, never on the published site." if problems else "",
    }


def inject_head(content: bytes) -> bytes:
    """An HTML page as the preview serves it: with the banner's style sheet and script."""
    at = content.find(b"</head>")
    return content if at < 0 else content[:at] + HEAD_TAGS + content[at:]


# -- the server ------------------------------------------------------------------------


class _Server(LiveReloadServer):
    """MkDocs' live-reload server, remembering which files changed (its own watcher
    only says that something did), serving the preview's banner files and report under
    /_preview/ and each language's own 404 page."""

    def __init__(self, *args, project: Path,
                 report: Callable[[str], dict] | None = None,
                 not_found: Callable[[str], bytes | None] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.project = project
        self.changed: set[str] = set()
        self.full_requested = False
        self.report = report
        self.not_found = not_found
        self._request = threading.local()
        self.error_handler = self._error_page

    def watch(self, path: str, func: None = None, *, recursive: bool = True) -> None:
        """Watch `path` as MkDocs does, remembering each changed file's path."""
        path = os.path.abspath(path)
        if path in self._watched_paths:
            return
        self._watched_paths[path] = 1

        def callback(event: watchdog.events.FileSystemEvent) -> None:
            if event.is_directory:
                return
            with self._rebuild_cond:
                for name in (event.src_path, getattr(event, "dest_path", "")):
                    if name:
                        self.changed.add(_relative(name, self.project))
                self._want_rebuild = True
                self._rebuild_cond.notify_all()

        handler = watchdog.events.FileSystemEventHandler()
        handler.on_any_event = callback  # type: ignore[method-assign]
        self._watch_refs[path] = self.observer.schedule(handler, path, recursive=recursive)

    def take_changes(self) -> tuple[list[str], bool]:
        """The files changed since the last call, and whether a full build was asked for."""
        with self._rebuild_cond:
            changed, full = sorted(self.changed), self.full_requested
            self.changed.clear()
            self.full_requested = False
        return changed, full

    def request_full_build(self) -> None:
        """Enter in the terminal: build everything again on the next round."""
        with self._rebuild_cond:
            self.full_requested = True
            self._want_rebuild = True
            self._rebuild_cond.notify_all()

    # -- requests --------------------------------------------------------------------

    def _serve_request(self, environ: dict, start_response: Callable) -> Iterable[bytes] | None:
        """/_preview/… from the preview itself, everything else as MkDocs serves it."""
        path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore")
        self._request.path = path
        if path.startswith(PREVIEW_PREFIX):
            return self._serve_preview(path[len(PREVIEW_PREFIX):],
                                       environ.get("QUERY_STRING", ""), start_response)
        return super()._serve_request(environ, start_response)

    def _serve_preview(self, name: str, query: str,
                       start_response: Callable) -> list[bytes] | None:
        """The banner's report of a page (JSON), its script or its style sheet."""
        if name == "problems" and self.report is not None:
            page = (parse_qs(query).get("path") or ["/"])[0]
            body = json.dumps(self.report(page), ensure_ascii=False).encode("utf-8")
            kind = "application/json; charset=utf-8"
        elif name in ASSET_TYPES:
            body, kind = (ASSETS / name).read_bytes(), ASSET_TYPES[name]
        else:
            return None  # not found
        start_response("200 OK", [("Content-Type", kind), ("Content-Length", str(len(body))),
                                  ("Cache-Control", "no-store")])
        return [body]

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        """MkDocs' reload script, and the banner's style sheet and script."""
        return inject_head(super()._inject_js_into_html(content, epoch))

    def _error_page(self, code: int) -> bytes | None:
        """The 404 page of the requested path's language (MkDocs' error_handler)."""
        if self.not_found is None:
            return None
        return self.not_found(getattr(self._request, "path", "/")) if code == 404 else None

    def handle_error(self, request, client_address) -> None:
        """A request that failed (a browser closing early): in the log, not the terminal."""
        incremental.log.debug("request from %s failed", client_address, exc_info=True)


def _relative(name: str | bytes, root: Path) -> str:
    # abspath, not resolve: the theme may be reached through a symlinked scripts/.
    path = Path(os.path.abspath(os.fsdecode(name)))
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def serve(root: Path, addr: str) -> int:
    """Serve every language (Vietnamese at /, English at /en/) at `addr` (host:port)
    until Ctrl+C; returns the exit status."""
    root = Path(os.path.abspath(root))
    log_path = setup_logging(root)
    host, _, port = addr.rpartition(":")
    if not _port_free(host, int(port)):
        print(f"LỖI / ERROR: cổng {port} đang được dùng; chọn cổng khác, ví dụ --addr "
              f"{host}:{int(port) + 1} / port {port} is in use; choose another with --addr",
              file=sys.stderr)
        return 1
    config = site.load(root)
    languages = config.languages
    site_root = Path(tempfile.mkdtemp(prefix="noidung-preview-"))
    serve_url = _serve_url(host, int(port), "/")
    previews = {x.code: Preview(root, x.code, site_root / x.root.strip("/"), serve_url,
                                site_root=site_root) for x in languages}
    problems = Problems()
    checker = Checker(root, [x.code for x in languages], problems)
    served = PreviewSite(root, languages, previews, problems)
    server: _Server | None = None

    def builder() -> None:
        assert server is not None, "the server is made before its first build"
        changed, full = server.take_changes()
        try:
            done = [preview.update(changed, full) for preview in previews.values()]
        except Exception as error:  # noqa: BLE001 - update never raises; the server lives on
            incremental._report_failure("lỗi trong bản xem thử", "preview error", error)
            return
        if "pages" in done and not any(p.updated for p in previews.values()) and all(
                what in ("pages", "none") for what in done):
            print(f"Đã cập nhật / updated: {incremental.NO_PAGE_CHANGED}", flush=True)
        if any(what != "none" for what in done):
            all_built = all(p.built is not None for p in previews.values())
            checker.check(changed if all_built else None)

    def not_found(path: str) -> bytes | None:
        language, _url = served.language_of(path)
        preview = previews[language.code]
        if preview.built is None:
            return NOT_BUILT.encode("utf-8")
        page = preview.site_dir / "404.html"
        return page.read_bytes() if page.is_file() else None

    server = _Server(builder=builder, host=host, port=int(port), root=str(site_root),
                     mount_path="/", project=root, report=served.report, not_found=not_found)
    print(BANNER, flush=True)
    print(f"Nhật ký chi tiết / detailed log: {log_path}", flush=True)
    # Stopped by a signal (a test, a process manager): clean up as after Ctrl+C.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        built = [preview.build_all() for preview in previews.values()]
        if not all(built):
            checker.check(None)
        for path in previews[languages[0].code].watched():
            server.watch(str(path))
        if sys.stdin.isatty():
            threading.Thread(target=_read_enter, args=(server,), daemon=True).start()
        print(ready_message(serve_url, languages), flush=True)
        server.serve()
    except KeyboardInterrupt:
        print("Đã dừng / stopped", flush=True)
    finally:
        server.shutdown()
        checker.stop()
        for preview in previews.values():
            if preview.built is not None:
                preview.built.config.plugins.on_shutdown()
        shutil.rmtree(site_root, ignore_errors=True)
    return 0


def ready_message(serve_url: str, languages: Iterable[Language]) -> str:
    """Where each language is served, Vietnamese first."""
    base = serve_url.rstrip("/")
    where = ", ".join(f"{x.name} {base}{x.root}" for x in languages)
    return (f"Đang xem thử tại / previewing at {where} "
            "(Ctrl+C để dừng / to stop)")


def _port_free(host: str, port: int) -> bool:
    """Checked before the first build, so staff do not wait for it to learn the port is taken."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server binds
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def _interrupt(_signum, _frame) -> None:
    raise KeyboardInterrupt


def _read_enter(server: _Server) -> None:
    """Enter in the terminal asks for a full rebuild (listings up to date)."""
    for _line in sys.stdin:
        server.request_full_build()


def setup_logging(root: Path) -> Path:
    """Send MkDocs' messages (its list of pages not in the nav, INFO lines, warnings),
    Python's warnings and our tracebacks to the log file under the project's .cache/,
    never to the terminal; returns the file's path."""
    path = root / LOG_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(path, mode="w", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)-7s %(name)s: %(message)s"))
    top = logging.getLogger()
    for old in list(top.handlers):
        if isinstance(old, logging.StreamHandler) and not isinstance(old, logging.FileHandler):
            top.removeHandler(old)
    top.addHandler(handler)
    top.setLevel(logging.INFO)
    for name in ("mkdocs", incremental.log.name):
        logger = logging.getLogger(name)
        logger.setLevel(logging.INFO)
        logger.propagate = False
        logger.handlers = [handler]
    logging.captureWarnings(True)
    return path
