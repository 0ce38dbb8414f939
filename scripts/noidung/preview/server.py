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

import enum
import fnmatch
import json
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import watchdog.events

# Private helpers of MkDocs' build, used as `mkdocs.commands.build.build` uses them.
from mkdocs.commands.build import (
    _build_extra_template,
    _build_page,
    _build_theme_template,
    _populate_page,
)
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer, _serve_url
from mkdocs.structure.files import Files, InclusionLevel, get_files, set_exclusions
from mkdocs.structure.nav import Navigation, get_navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import clean_directory

from noidung import site
from noidung.content.layout import POSTS_DIR, REPO_ROOT, THEME_DIR, ContentLayout
from noidung.i18n.languages import Language
from noidung.search.indexer import index_language

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


class Change(enum.Enum):
    """What an edited path asks the preview to do."""

    PAGE = "page"  # render this language's page again
    ARTICLE = "article"  # merge the article again, then render its post
    GENERATED = "generated"  # run the generators again, render the pages that changed
    ASSET = "asset"  # copy the file into the site again
    STRUCTURE = "structure"  # build the whole language again
    NONE = "none"  # nothing this language shows depends on it


def classify(rel: str, lang: str, original_lang: str) -> Change:
    """What an edit to `rel` (a path relative to the project, / separated) means for the
    preview of `lang`, whose metadata comes from `original_lang`. Whether the file was
    added or deleted is decided by the caller (that is always STRUCTURE)."""
    path = PurePosixPath(rel)
    parts = path.parts
    if not parts or any(p.startswith(".") or p.endswith("~") for p in parts):
        return Change.NONE  # editors' swap and backup files; MkDocs skips dotfiles too
    if len(parts) == 1:
        is_config = path.suffix in (".yml", ".yaml") and path.name.startswith("mkdocs")
        return Change.STRUCTURE if is_config else Change.NONE
    if parts[0] == "campaigns":
        return Change.GENERATED
    if parts[:3] == THEME_DIR.relative_to(REPO_ROOT).parts:
        return Change.STRUCTURE
    if parts[0] != "docs":
        return Change.NONE
    if parts[1] == "registries":
        return Change.STRUCTURE
    if parts[1] not in (lang, original_lang) or len(parts) < 3:
        return Change.NONE
    src = "/".join(parts[2:])
    if src.startswith(POSTS_DIR + "/") and path.suffix == ".md":
        return Change.ARTICLE
    if parts[1] != lang:
        # The original's other files reach this language only through a generator that
        # reads them (training modules take their metadata and materials from it).
        return Change.GENERATED if generators_for([rel]) else Change.NONE
    return Change.PAGE if path.suffix == ".md" else Change.ASSET


#: The generator that makes the pages an edited source feeds, by the source's path
#: (fnmatch patterns). Running only it keeps a campaign edit under a second at 2,000
#: pages; the pages other generators make from the same source (tag pages, the staff
#: translation report) wait for the full rebuild. A generated source not listed here
#: runs every generator.
SOURCE_GENERATORS: tuple[tuple[str, str], ...] = (
    ("campaigns/*", "noidung.campaigns.pages:pages"),
    ("docs/*/tap-huan/*", "noidung.training.pages:pages"),
)


def generators_for(paths: Iterable[str]) -> list[str] | None:
    """The generators to run again after edits to `paths`; None means all of them."""
    names: list[str] = []
    for rel in paths:
        name = next((g for pattern, g in SOURCE_GENERATORS if fnmatch.fnmatch(rel, pattern)),
                    None)
        if name is None:
            return None
        if name not in names:
            names.append(name)
    return names


@dataclass
class _Built:
    """What the last full build made, kept to render single pages again."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: object  # jinja2.Environment
    sources: frozenset[str]  # every watched file that existed, relative to the root


class Preview:
    """One language's site in `site_dir`, built once and then kept up to date."""

    def __init__(self, root: Path, lang: str, site_dir: Path, serve_url: str) -> None:
        self.root = root
        self.lang = lang
        self.config_file = site.load(root).config_files[lang]
        self.site_dir = site_dir
        self.serve_url = serve_url
        self.built: _Built | None = None
        self._started = False
        self._plugin_cache: dict = {}

    # -- configuration -------------------------------------------------------------

    def load(self) -> MkDocsConfig:
        """A fresh config, as `mkdocs serve` makes one for every full build."""
        # MkDocs keeps plugin instances between builds in one cache per process. Each
        # preview keeps its own, so that two previews in one process (tests) stay apart.
        dict(MkDocsConfig._schema)["plugins"].plugin_cache = self._plugin_cache
        config = load_config(config_file=str(self.config_file), site_dir=str(self.site_dir))
        if not self._started:  # plugins are kept between builds: start them once
            config.plugins.on_startup(command="serve", dirty=False)
            self._started = True
        config.site_url = self.serve_url
        return config

    @property
    def original_lang(self) -> str:
        plugin = self._plugin()
        return plugin.original.code if plugin else "vi"

    def _plugin(self):
        return self.built.config.plugins.get("bilingual") if self.built else None

    def watched(self) -> list[Path]:
        """What the preview watches: content, campaigns, configs and the theme."""
        layout = ContentLayout(self.root)
        paths = [layout.docs, layout.campaigns, layout.theme]
        paths += sorted(self.root.glob("mkdocs*.yml"))
        return [p for p in paths if p.exists()]

    def _sources(self) -> frozenset[str]:
        found = set()
        for top in self.watched():
            if top.is_file():
                found.add(top.relative_to(self.root).as_posix())
                continue
            for path in top.rglob("*"):
                if path.is_file():
                    found.add(path.relative_to(self.root).as_posix())
        return frozenset(found)

    # -- the full build ------------------------------------------------------------

    def build_all(self) -> bool:
        """Build the whole language, as `mkdocs.commands.build.build` does for serve
        (no strict-mode abort: a preview shows the site even with warnings; `noidung
        build` is the gate). Returns False, with the error logged, if it failed."""
        started = time.monotonic()
        self.built = None
        config = None
        try:
            sources = self._sources()
            config = self.load()
            config = config.plugins.on_config(config)
            config.plugins.on_pre_build(config=config)
            clean_directory(config.site_dir)
            files = get_files(config)
            env = config.theme.get_env()
            files.add_files_from_theme(env, config)
            files = config.plugins.on_files(files, config=config)
            set_exclusions(files, config)
            nav = get_navigation(files, config)
            nav = config.plugins.on_nav(nav, config=config, files=files)
            inclusion = InclusionLevel.is_in_serve
            for file in files.documentation_pages(inclusion=inclusion):
                if file.page is None and file.inclusion.is_not_in_nav():
                    Page(None, file, config)
                _populate_page(file.page, config, files)
            env = config.plugins.on_env(env, config=config, files=files)
            files.copy_static_files(inclusion=inclusion)
            for template in config.theme.static_templates:
                _build_theme_template(template, env, files, config, nav)
            for template in config.extra_templates:
                _build_extra_template(template, files, config, nav)
            doc_files = files.documentation_pages(inclusion=inclusion)
            for file in doc_files:
                _build_page(file.page, config, doc_files, nav, env,
                            excluded=file.inclusion.is_excluded())
            config.plugins.on_post_build(config=config)
        except Exception as error:  # noqa: BLE001 - staff see the message, the server lives
            if config is not None:
                config.plugins.on_build_error(error=error)
            _report_failure("không dựng được trang", "the site could not be built", error)
            return False
        self.built = _Built(config, files, nav, env, sources)
        self._index_search()
        pages = len(doc_files)
        print(f"Đã dựng {pages} trang trong {time.monotonic() - started:.1f} s / built "
              f"{pages} pages in {time.monotonic() - started:.1f} s", flush=True)
        return True

    def _index_search(self) -> None:
        """Give the preview's search box an index of the site as fully built (edits made
        after that are found on the next full rebuild, as the listings are)."""
        here = Language(self.lang, self.lang, "/")  # the preview serves one language at /
        try:
            index_language(self.site_dir, [here], here)
        except Exception as error:  # noqa: BLE001 - the preview works without search
            _report_failure("không tạo được chỉ mục tìm kiếm", "no search index", error)

    # -- one edit ------------------------------------------------------------------

    def update(self, changed: Iterable[str], full: bool = False) -> str:
        """Bring the site up to date after edits to `changed` (paths relative to the
        root). Never raises: a failure is printed and the previous page stays.
        Returns what was done, for the log and the tests."""
        started = time.monotonic()
        changed = sorted(set(changed))
        kinds = {rel: self._kind(rel) for rel in changed}
        relevant = [rel for rel, kind in kinds.items() if kind is not Change.NONE]
        if not relevant and not full:
            return "none"
        if full or self.built is None or Change.STRUCTURE in kinds.values():
            why = ", ".join(rel for rel in relevant if kinds[rel] is Change.STRUCTURE)
            print("Dựng lại toàn bộ / full rebuild" + (f" ({why})" if why else ""), flush=True)
            self.build_all()
            return "full"
        done: list[str] = []
        try:
            sources = [rel for rel in relevant if kinds[rel] is Change.GENERATED]
            if sources:
                done += self._update_generated(generators_for(sources))
            for rel in relevant:
                if kinds[rel] is Change.ARTICLE:
                    done += self._update_article(rel)
                elif kinds[rel] is Change.PAGE:
                    done += self._update_page(rel)
                elif kinds[rel] is Change.ASSET:
                    done += self._update_asset(rel)
        except _NeedsFullBuild as reason:
            print(f"Dựng lại toàn bộ / full rebuild ({reason})", flush=True)
            self.build_all()
            return "full"
        except Exception as error:  # noqa: BLE001 - the edited page is broken, not the server
            _report_failure(f"không dựng được {', '.join(relevant)}; trang cũ vẫn hiển thị",
                            "could not render it; the previous version stays", error)
            return "failed"
        pages = (", ".join(dict.fromkeys("/" + url.removeprefix("./") for url in done))
                 or "không trang nào thay đổi / no page changed")
        print(f"Đã cập nhật / updated in {time.monotonic() - started:.2f} s: {pages}", flush=True)
        return "pages"

    def _kind(self, rel: str) -> Change:
        kind = classify(rel, self.lang, self.original_lang)
        if kind is Change.NONE or self.built is None:
            return kind
        existed, exists = rel in self.built.sources, (self.root / rel).is_file()
        if not existed and not exists:
            return Change.NONE  # an editor's temporary file, come and gone
        if existed != exists:  # added or deleted, not saved again: the structure changed
            return Change.STRUCTURE
        if kind is Change.PAGE:
            file = self.built.files.get_file_from_path(self._src(rel))
            if file is None or file.page is None:  # not a page of the last build
                return Change.STRUCTURE
            if file.abs_src_path is None:  # a generated page replaced it (training module)
                return Change.GENERATED
        return kind

    @staticmethod
    def _src(rel: str) -> str:
        return "/".join(PurePosixPath(rel).parts[2:])  # docs/<lang>/a/b.md -> a/b.md

    def _render(self, page: Page) -> None:
        built = self.built
        assert built is not None
        _populate_page(page, built.config, built.files)
        doc_files = built.files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        _build_page(page, built.config, doc_files, built.nav, built.env,
                    excluded=page.file.inclusion.is_excluded())

    def _update_page(self, rel: str) -> list[str]:
        file = self.built.files.get_file_from_path(self._src(rel))
        self._render(file.page)
        return [file.url]

    def _update_asset(self, rel: str) -> list[str]:
        file = self.built.files.get_file_from_path(self._src(rel))
        if file is None:
            raise _NeedsFullBuild(rel)
        file.copy_file()
        return [file.url]

    def _update_article(self, rel: str) -> list[str]:
        built = self.built
        file = built.files.get_file_from_path(self._src(rel))
        if file is None:
            # Serving a translation: its original changed, but this language has no
            # text for the article yet (the stand-in page keeps its title).
            return []
        post = file.page
        blog = built.config.plugins.get("material/blog")
        self._plugin().merge_post(file)
        try:
            fresh = type(post)(file, built.config)  # reads and checks the merged front matter
        finally:
            file.page = post  # the constructor took the file for itself, even if it failed
        # Date, slug, draft and categories place the post in URLs and listings.
        moved = (blog._format_path_for_post(fresh, built.config)
                 != blog._format_path_for_post(post, built.config)
                 or blog._is_excluded(fresh) != blog._is_excluded(post)
                 or fresh.config.categories != post.config.categories)
        if moved:
            raise _NeedsFullBuild(f"{rel}: ngày, slug hoặc chuyên mục / date, slug or categories")
        post.markdown, post.meta, post.config = fresh.markdown, fresh.meta, fresh.config
        post.authors = []  # the blog plugin appends them again while rendering
        self._render(post)
        return [file.url]

    def _update_generated(self, names: list[str] | None) -> list[str]:
        built = self.built
        pages = self._plugin().generated(names)
        done = []
        for generated in pages:
            file = built.files.get_file_from_path(generated.src_uri)
            if file is None or file.page is None:
                raise _NeedsFullBuild(f"{generated.src_uri}: trang mới / a new page")
            for dest, source in generated.assets.items():
                target = Path(built.config.site_dir) / dest
                if not target.is_file() or target.stat().st_mtime < Path(source).stat().st_mtime:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(source, target)
            if file.content_string == generated.markdown:
                continue
            previous, file.content_string = file.content_string, generated.markdown
            if "<!-- material/tags" in generated.markdown:
                continue  # a tag listing: its entries are filled in by the full build only
            try:
                self._render(file.page)
            except Exception:
                file.content_string = previous  # so that the next run renders it again
                raise
            done.append(file.url)
        return done


class _NeedsFullBuild(Exception):
    """The edit changes more than single pages (raised with the reason)."""


def _report_failure(vi: str, en: str, error: Exception) -> None:
    print(f"LỖI / ERROR: {vi} / {en}:\n  {type(error).__name__}: {error}",
          file=sys.stderr, flush=True)


# -- validation ------------------------------------------------------------------------


class Checker:
    """Runs `noidung validate` on the edited files in a separate process (the preview
    does not wait for it) and prints their problems, errors first, Vietnamese first."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._process: subprocess.Popen | None = None
        self._lock = threading.Lock()

    def check(self, paths: list[str] | None) -> None:
        """Check the content files among `paths` (relative to the root); None: every file
        (after a failed full build, whose cause may be in any file)."""
        wanted = None if paths is None else [
            p for p in paths if (self.root / p).is_file()
            and (p.startswith("docs/") or p.startswith("campaigns/"))]
        if wanted == []:
            return
        with self._lock:
            if self._process and self._process.poll() is None:
                self._process.terminate()  # an older edit: its report no longer matters
            self._process = subprocess.Popen(
                [sys.executable, "-m", "noidung", "--root", str(self.root), "validate",
                 "--format", "json", *(str(self.root / p) for p in wanted or [])],
                cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
            threading.Thread(target=self._report, args=(self._process,), daemon=True).start()

    def _report(self, process: subprocess.Popen) -> None:
        out, err = process.communicate()
        if process.returncode not in (0, 1):  # terminated, or the validator could not run
            if process.returncode == 2:
                print(err.strip(), file=sys.stderr, flush=True)
            return
        try:
            text = problems_text(out)
        except ValueError:  # not the JSON report: show what the validator said
            text = (out + err).strip()
        print(text, file=sys.stderr, flush=True)

    def stop(self) -> None:
        with self._lock:
            if self._process and self._process.poll() is None:
                self._process.terminate()


#: Warnings that the `translations` report covers; repeating them on every edit is noise.
QUIET_RULES = frozenset({"translation-missing", "translation-outdated"})


def problems_text(report_json: str) -> str:
    """The validator's JSON report as lines for the terminal: errors first, then
    warnings (without the translation reminders), or one line saying all is well."""
    problems = json.loads(report_json).get("problems", [])
    shown = [p for p in problems if p["rule"] not in QUIET_RULES]
    shown.sort(key=lambda p: (p["severity"] != "error", p["path"], p["line"], p["column"]))
    if not shown:
        return "Kiểm tra: không có lỗi / check: no problems"
    errors = sum(1 for p in shown if p["severity"] == "error")
    warnings = len(shown) - errors
    lines = [f"Kiểm tra: {errors} lỗi, {warnings} cảnh báo / check: {_count(errors, 'error')}, "
             f"{_count(warnings, 'warning')}"]
    for p in shown:
        where = f"{p['path']}:{p['line']}:{p['column']}" if p["line"] else p["path"]
        level = "LỖI / ERROR" if p["severity"] == "error" else "cảnh báo / warning"
        lines.append(f"  {where}: [{level}] {p['message_vi']} / {p['message_en']} ({p['rule']})")
        if p.get("hint_vi"):
            hint = p["hint_vi"] + (f" / {p['hint_en']}" if p.get("hint_en") else "")
            lines.append(f"    → {hint}")
    return "\n".join(lines)


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


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

