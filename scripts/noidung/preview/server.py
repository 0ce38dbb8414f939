"""`noidung serve`: a preview of one language that shows an edit to one page at once.

`mkdocs serve` rebuilds the whole language after any edit (30 s at 2,000 pages).
This server does the first build exactly as `mkdocs.commands.build.build` does,
keeps what that build made (config, files, navigation, template environment), and
after an edit to one page reads, renders and writes only that page, through the
same plugins (ours, Material's blog and tags), so it looks as it will when built:

- a page of this language (docs/<lang>/...md): that page;
- an article (docs/vi|en/tin-bai/posts/<id>.md): its merged post, then that post;
- a campaign (campaigns/<id>/...) or a training module: the generators run again
  and the generated pages whose text changed are rendered again;
- an image or other file of this language: copied;
- anything that changes the structure (a file added or deleted, mkdocs*.yml,
  docs/registries/, the theme, an article's date, slug or categories): the whole
  language is built again, as `mkdocs serve` would.

Pages that list other pages (news index, archive, categories, tag pages, the
navigation's titles) keep what the last full build put there: the banner says so.
After each edit the validator checks the edited files in a separate process, so
its messages come without delaying the preview.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import socket
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlsplit

import watchdog.events

# Private helpers of MkDocs' build, used as `mkdocs.commands.build.build` uses them.
from mkdocs.livereload import LiveReloadServer, _serve_url

from noidung.preview.checks import Checker
from noidung.preview.incremental import Preview

#: Printed when the preview starts (Vietnamese first).
BANNER = """\
Xem thử: sửa một trang, bài viết, chiến dịch hay học phần thì chỉ trang đó được dựng lại
  (khoảng một giây) và trình duyệt tự tải lại; lỗi của tệp vừa sửa được in ở đây. Trang liệt
  kê bài (tin bài, lưu trữ, chuyên mục, chủ đề), tiêu đề trong menu và ô tìm kiếm chỉ cập
  nhật khi dựng lại toàn bộ: khi thêm hoặc xóa tệp, sửa mkdocs.yml hay docs/registries/,
  hoặc khi bấm Enter ở đây.
Preview: an edit to one page, article, campaign or module rebuilds only that page (about a
  second) and the browser reloads; problems in the edited file are printed here. Pages that
  list articles (news, archive, categories, topics), menu titles and search change only on a
  full rebuild: when a file is added or deleted, mkdocs.yml or docs/registries/ change, or
  when you press Enter here."""


#: Served while the site could not be built; it asks again every two seconds.
NOT_BUILT = """<!doctype html>
<html lang="vi"><meta charset="utf-8"><meta http-equiv="refresh" content="2">
<title>Chưa dựng được trang / The site could not be built</title>
<p>Chưa dựng được trang: xem lỗi trong cửa sổ lệnh, sửa tệp và lưu lại.</p>
<p lang="en">The site could not be built: see the error in the terminal, fix the file and
save it.</p>
</html>
"""


# -- the server ------------------------------------------------------------------------


class _Server(LiveReloadServer):
    """MkDocs' live-reload server, remembering which files changed (its own watcher
    only says that something did)."""

    def __init__(self, *args, project: Path, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.project = project
        self.changed: set[str] = set()
        self.full_requested = False

    def watch(self, path: str, func=None, *, recursive: bool = True) -> None:
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
        with self._rebuild_cond:
            changed, full = sorted(self.changed), self.full_requested
            self.changed.clear()
            self.full_requested = False
        return changed, full

    def request_full_build(self) -> None:
        with self._rebuild_cond:
            self.full_requested = True
            self._want_rebuild = True
            self._rebuild_cond.notify_all()


def _relative(name: str | bytes, root: Path) -> str:
    # abspath, not resolve: the theme may be reached through a symlinked scripts/.
    path = Path(os.path.abspath(os.fsdecode(name)))
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def serve(root: Path, lang: str, addr: str) -> int:
    """Serve `lang` at `addr` (host:port) until Ctrl+C; returns the exit status."""
    _setup_logging()
    root = Path(os.path.abspath(root))
    host, _, port = addr.rpartition(":")
    if not _port_free(host, int(port)):
        print(f"LỖI / ERROR: cổng {port} đang được dùng; chọn cổng khác, ví dụ --addr "
              f"{host}:{int(port) + 1} / port {port} is in use; choose another with --addr",
              file=sys.stderr)
        return 1
    site_dir = Path(tempfile.mkdtemp(prefix="noidung-preview-"))
    preview = Preview(root, lang, site_dir, "")
    checker = Checker(root)
    mount_path = urlsplit(preview.load().site_url or "/").path
    preview.serve_url = _serve_url(host, int(port), mount_path)
    server: _Server | None = None

    def builder() -> None:
        assert server is not None, "the server is made before its first build"
        changed, full = server.take_changes()
        if preview.update(changed, full) != "none":
            checker.check(changed if preview.built else None)

    server = _Server(builder=builder, host=host, port=int(port), root=str(site_dir),
                     mount_path=mount_path, project=root)

    def error_page(code: int) -> bytes | None:
        if preview.built is None:
            return NOT_BUILT.encode("utf-8")
        page = site_dir / f"{code}.html"
        return page.read_bytes() if code in (404, 500) and page.is_file() else None

    server.error_handler = error_page
    print(f"Xem thử bản {lang} tại / previewing {lang} at {preview.serve_url} "
          "(Ctrl+C để dừng / to stop)", flush=True)
    print(BANNER, flush=True)
    # Stopped by a signal (a test, a process manager): clean up as after Ctrl+C.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        if not preview.build_all():
            checker.check(None)
        for path in preview.watched():
            server.watch(str(path))
        if sys.stdin.isatty():
            threading.Thread(target=_read_enter, args=(server,), daemon=True).start()
        server.serve()
    except KeyboardInterrupt:
        print("Đã dừng / stopped", flush=True)
    finally:
        server.shutdown()
        checker.stop()
        if preview.built is not None:
            preview.built.config.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)
    return 0


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


def _setup_logging() -> None:
    """MkDocs' messages (warnings about links, plugin errors) in the terminal."""
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)
