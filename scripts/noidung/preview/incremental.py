"""One language's site, built once step by step and then kept up to date page by page.

The first build follows `mkdocs.commands.build.build` and keeps what it made
(config, files, navigation, template environment); an edit then renders only
its pages through the same plugins (see tests/preview/test_mkdocs_canary.py
for the MkDocs names this leans on).

One concern at a little over 400 lines: the first build and each kind of update share the
kept state (`_Built`) and MkDocs' private steps; split apart, each piece would need the whole.
"""

from __future__ import annotations

import logging
import shutil
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import jinja2

# Private helpers of MkDocs' build, used as `mkdocs.commands.build.build` uses them.
from mkdocs.commands.build import (
    _build_extra_template,
    _build_page,
    _build_theme_template,
    _populate_page,
)
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, InclusionLevel, get_files, set_exclusions
from mkdocs.structure.nav import Navigation, get_navigation
from mkdocs.structure.pages import Page

from noidung import site
from noidung.build import postbuild
from noidung.content.layout import ContentLayout
from noidung.i18n.languages import Language
from noidung.preview.changes import Change, classify, generators_for, is_page_source
from noidung.search.indexer import index_language

#: Said when an edit changed no page (a campaign's material no page shows, say).
NO_PAGE_CHANGED = "không trang nào thay đổi / no page changed"

#: Where the preview writes tracebacks (server.py gives it a file under .cache/).
log = logging.getLogger("noidung.preview")
log.addHandler(logging.NullHandler())  # never Python's last-resort output in the terminal


@dataclass
class _Built:
    """What the last full build made, kept to render single pages again."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: jinja2.Environment
    sources: frozenset[str]  # every watched file that existed, relative to the root


class Preview:
    """One language's site in `site_dir`, built once and then kept up to date.

    `site_root` is the folder of the whole bilingual site when the languages are
    served together (the default language's site_dir, each other language in its
    root's folder, `en/`); the default language's full build then leaves the other
    languages' folders alone, and each search index leaves out the other languages.
    """

    def __init__(self, root: Path, lang: str, site_dir: Path, serve_url: str,
                 site_root: Path | None = None) -> None:
        self.root = root
        self.lang = lang
        config = site.load(root)
        self.config_file = config.config_files[lang]
        self.site_dir = site_dir
        self.site_root = site_root
        self.serve_url = serve_url
        self.built: _Built | None = None
        #: Why the last full build failed (None: it did not), for the page's banner.
        self.build_failure: str | None = None
        #: Source files (relative to the root) whose page could not be rendered, and why.
        self.failures: dict[str, str] = {}
        #: The paths (as served) of the pages the last update rendered again.
        self.updated: list[str] = []
        self._started = False
        self._plugin_cache: dict = {}

    # -- configuration -------------------------------------------------------------

    def load(self) -> MkDocsConfig:
        """A fresh config, as `mkdocs serve` makes one for every full build."""
        # MkDocs keeps plugin instances between builds in one cache per process. Each
        # preview keeps its own, so that two previews in one process (tests) stay apart.
        # A private name of MkDocs' config (tests/preview/test_mkdocs_canary.py watches it).
        dict(MkDocsConfig._schema)["plugins"].plugin_cache = self._plugin_cache  # type: ignore[attr-defined]
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
            self._clean(Path(config.site_dir))
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
                assert file.page is not None  # every documentation page has one by now
                _populate_page(file.page, config, files)
            env = config.plugins.on_env(env, config=config, files=files)
            files.copy_static_files(inclusion=inclusion)
            for template in config.theme.static_templates:
                _build_theme_template(template, env, files, config, nav)
            for template in config.extra_templates:
                _build_extra_template(template, files, config, nav)
            doc_files = files.documentation_pages(inclusion=inclusion)
            for file in doc_files:
                assert file.page is not None
                _build_page(file.page, config, doc_files, nav, env,
                            excluded=file.inclusion.is_excluded())
            config.plugins.on_post_build(config=config)
        except Exception as error:  # noqa: BLE001 - staff see the message, the server lives
            if config is not None:
                config.plugins.on_build_error(error=error)
            self.build_failure = _report_failure("không dựng được trang",
                                                 "the site could not be built", error)
            return False
        self.built = _Built(config, files, nav, env, sources)
        self.build_failure = None
        self.failures.clear()
        if self.site_root is not None:
            self._as_published()
        self._index_search()
        pages = len(doc_files)
        seconds = time.monotonic() - started
        print(f"Đã dựng {pages} trang ({self.lang}) trong {seconds:.1f} s / built {pages} "
              f"pages ({self.lang}) in {seconds:.1f} s", flush=True)
        return True

    def _as_published(self) -> None:
        """With both languages served, the language switch behaves as on the published
        site: Material's sitemap lookup is removed from its script as the build does."""
        lookup = postbuild.MATERIAL_ALTERNATE_LOOKUP
        for bundle in (self.site_dir / "assets" / "javascripts").glob("bundle.*.min.js"):
            text = bundle.read_text("utf-8")
            if lookup in text:  # only this language's bundle: the other one is nested
                bundle.write_text(text.replace(lookup, "", 1), "utf-8")

    def _clean(self, site_dir: Path) -> None:
        """Empty `site_dir` as MkDocs' clean_directory does (dotfiles stay), except the
        other languages' folders when they are nested in it."""
        keep = {x.root.strip("/") for x in site.load(self.root).languages
                if x.code != self.lang and x.root.strip("/")}
        if self.site_root is None or site_dir != self.site_root:
            keep = set()
        if not site_dir.is_dir():
            return
        for entry in site_dir.iterdir():
            if entry.name.startswith(".") or entry.name in keep:
                continue
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)

    def _index_search(self) -> None:
        """Give the preview's search box an index of the site as fully built (edits made
        after that are found on the next full rebuild, as the listings are)."""
        if self.site_root is None:  # this language alone, served at /
            here = Language(self.lang, self.lang, "/")
            where, languages = self.site_dir, [here]
        else:
            languages = list(site.load(self.root).languages)
            here = next(x for x in languages if x.code == self.lang)
            where = self.site_root
        try:
            index_language(where, languages, here)
        except Exception as error:  # noqa: BLE001 - the preview works without search
            _report_failure("không tạo được chỉ mục tìm kiếm", "no search index", error)

    def page_source(self, url: str) -> str | None:
        """The `src_uri` of this language's page at `url` ("" for the home page,
        "lien-he/", "404.html"), or None when the last build has no such page."""
        if self.built is None:
            return None
        wanted = url.split("#", 1)[0].split("?", 1)[0]
        for file in self.built.files.documentation_pages(inclusion=InclusionLevel.is_in_serve):
            if file.url.removeprefix("./") == wanted:
                return file.src_uri
        return None

    # -- one edit ------------------------------------------------------------------

    def update(self, changed: Iterable[str], full: bool = False) -> str:
        """Bring the site up to date after edits to `changed` (paths relative to the
        root). Never raises: a failure is printed and the previous page stays.
        Returns what was done, for the log and the tests."""
        started = time.monotonic()
        self.updated = []
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
            why = _report_failure(f"không dựng được {', '.join(relevant)} ({self.lang}); trang "
                                  "cũ vẫn hiển thị", f"could not render it ({self.lang}); the "
                                  "previous version stays", error)
            self.failures.update(dict.fromkeys(relevant, why))
            return "failed"
        for rel in relevant:
            self.failures.pop(rel, None)
        self.updated = list(dict.fromkeys(self._served_root() + url.removeprefix("./")
                                          for url in done))
        if self.updated or self.site_root is None:  # with others: the server says "none"
            pages = ", ".join(self.updated) or NO_PAGE_CHANGED
            print(f"Đã cập nhật / updated in {time.monotonic() - started:.2f} s: {pages}",
                  flush=True)
        return "pages"

    def _served_root(self) -> str:
        """Where this language is served: "/" alone, its own root ("/en/") with the others."""
        return "/" if self.site_root is None else site.load(self.root).language(self.lang).root

    def _kind(self, rel: str) -> Change:
        kind = classify(rel, self.lang, self.original_lang)
        if kind is Change.NONE and self.built is not None and is_page_source(
                rel, site.load(self.root).language_codes):
            if (rel in self.built.sources) != (self.root / rel).is_file():
                # Another language's page added or deleted: this language's stand-in for
                # it (and its switcher) comes or goes with it.
                return Change.STRUCTURE
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

    @property
    def kept(self) -> _Built:
        """The kept build that an update works on (the first build made it)."""
        if self.built is None:
            raise _NeedsFullBuild("chưa dựng lần nào / not built yet")
        return self.built

    def _render(self, page: Page) -> None:
        built = self.kept
        _populate_page(page, built.config, built.files)
        doc_files = built.files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        _build_page(page, built.config, doc_files, built.nav, built.env,
                    excluded=page.file.inclusion.is_excluded())

    def _update_page(self, rel: str) -> list[str]:
        file = self.kept.files.get_file_from_path(self._src(rel))
        if file is None or file.page is None:
            raise _NeedsFullBuild(rel)
        self._render(file.page)
        return [file.url]

    def _update_asset(self, rel: str) -> list[str]:
        file = self.kept.files.get_file_from_path(self._src(rel))
        if file is None:
            raise _NeedsFullBuild(rel)
        file.copy_file()
        return [file.url]

    def _update_article(self, rel: str) -> list[str]:
        built = self.kept
        file = built.files.get_file_from_path(self._src(rel))
        if file is None:
            # Serving a translation: its original changed, but this language has no
            # text for the article yet (the stand-in page keeps its title).
            return []
        post: Any = file.page  # Material's Post: its config and authors are the blog's own
        blog: Any = built.config.plugins.get("material/blog")
        self._plugin().merge_post(file)
        try:
            fresh: Any = type(post)(file, built.config)  # reads and checks the merged front matter
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
        built = self.kept
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
            for dest, content in generated.files.items():  # made in memory (a calendar feed)
                target = Path(built.config.site_dir) / dest
                data = content.encode("utf-8") if isinstance(content, str) else content
                if not target.is_file() or target.read_bytes() != data:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(data)
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


def _report_failure(vi: str, en: str, error: Exception) -> str:
    """Print what failed, in one line per language and the error's own message (no
    traceback: that goes to the log, whose path is printed when it has one); returns
    the error's message for the page's banner."""
    log.error("%s / %s", vi, en, exc_info=error)
    where = log_file()
    print(f"LỖI / ERROR: {vi} / {en}:\n  {type(error).__name__}: {error}"
          + (f"\n  Chi tiết / details: {where}" if where else ""), file=sys.stderr, flush=True)
    return f"{type(error).__name__}: {error}"


def log_file() -> Path | None:
    """The file the preview's log goes to, if it has one."""
    for handler in log.handlers:
        if isinstance(handler, logging.FileHandler):
            return Path(handler.baseFilename)
    return None
