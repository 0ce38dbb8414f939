"""The MkDocs plugin `bilingual`: translates MkDocs events into calls of our modules.

Each language is its own MkDocs build (mkdocs.yml, mkdocs.en.yml). This plugin
gives every build what it needs to know about the other language, and nothing
here holds logic that a test cannot call directly in the modules it uses.
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from noidung.content import assets, clock
from noidung.content.layout import POSTS_DIR, ContentLayout
from noidung.content.registries import Registries, load_registries
from noidung.generate import hotlines, nav_sections
from noidung.generate.catalogue import source_pages
from noidung.generate.context import BuildContext, GeneratedPage, generated_pages
from noidung.i18n import languages as i18n
from noidung.i18n import strings
from noidung.news import articles, blog_speedups
from noidung.news.section import NewsSection, shorten_excerpts

log = logging.getLogger("mkdocs.plugins.bilingual")


class BilingualConfig(Config):
    #: Repository root that holds docs/ and campaigns/ (default: the config file's folder).
    content_root = config_options.Optional(config_options.Dir(exists=True))


class BilingualPlugin(BasePlugin[BilingualConfig]):
    def __init__(self) -> None:
        self.is_serve = False
        #: URLs at which each other language's build shows only a stand-in page.
        self._stand_ins: dict[str, set[str]] = {}
        #: The menu page marked current while a page outside the menu renders.
        self._section: Page | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.is_serve = command == "serve"

    # Runs before Material's blog plugin reads its authors file and categories.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = self.config.content_root or str(Path(config.config_file_path).parent)
        # Absolute: the blog plugin joins relative paths to docs_dir (`mkdocs -f mkdocs.yml`).
        self.layout = ContentLayout(Path(root).resolve())
        self.languages = i18n.languages_from_alternate(config.extra["alternate"])
        self.lang = config.theme["language"]
        self.language = next(x for x in self.languages if x.code == self.lang)
        self.original = self.languages[0]
        # site_url in mkdocs.yml is the root of the whole bilingual site.
        self.root_site_url = config.site_url or "/"
        config.site_url = i18n.language_site_url(self.root_site_url, self.language)
        self.registries: Registries = load_registries(self.layout.registries)
        self.hotline_numbers = self.registries.hotline_numbers()
        self.today = clock.today()
        config.watch.extend(str(p) for p in (self.layout.docs, self.layout.campaigns) if p.is_dir())
        self._configure_blog(config)
        # toc's ¶ link is titled "Permanent link" in every language otherwise.
        config.mdx_configs.setdefault("toc", {})["permalink_title"] = (
            strings.text(self.lang, "site", "permalink_title"))
        blog_speedups.read_posts_with_libyaml()
        self.news = NewsSection(self.layout, self.language, self.languages, self.registries,
                                self.today, include_drafts=self.is_serve)
        self.news.configure_tags(config)
        return config

    # Before the blog plugin (-50) collects posts, so it reads the merged files.
    @event_priority(100)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self._add_shared_files(files, config)
        self._merge_posts(files, config)
        for problem in self.news.load():
            log.warning(problem)
        self._add_generated_pages(files, config)
        self._add_untranslated_pages(files, config)
        return files

    # The blog plugin made its list of posts in on_files; no page is rendered yet.
    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        blog_speedups.index_post_membership(config.plugins.get("material/blog"))
        return nav

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files):
        return hotlines.link_hotlines(html, self.hotline_numbers)

    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        context["i18n"] = self._page_languages(page.url, bool(page.meta.get("untranslated")))
        context.update(self.news.page_context(page, config))
        # A generated page outside the menu: mark its section's tab as current while the
        # page renders (MkDocs resets `active` after each page; on_post_page undoes ours).
        self._section = None
        if nav is not None and not any(item.active for item in nav.items):
            self._section = nav_sections.section_page(page.url, nav_sections.menu_pages(nav.items))
            if self._section is not None:
                self._section.active = True
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self._section is not None:
            self._section.active = False
            self._section = None
        return output

    # Every page is rendered by now and no blog listing is yet (news.py says why).
    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        shorten_excerpts(config)
        return env

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.news.write_feeds(config)

    # The 404 page is a theme template, not a page: it gets its context here.
    def on_template_context(self, context, *, template_name: str, config: MkDocsConfig):
        if template_name == "404.html":
            context["i18n"] = self._page_languages("404.html", False)
            context.update(self.news.not_found_context(config))
        return context

    # -- configure ---------------------------------------------------------------

    def _configure_blog(self, config: MkDocsConfig) -> None:
        blog = config.plugins.get("material/blog")
        if blog is None:
            return
        cache = self.layout.cache / "build" / self.lang
        cache.mkdir(parents=True, exist_ok=True)
        authors = cache / "authors.yml"
        authors.write_text(
            yaml.safe_dump(articles.authors_file(self.registries, self.lang), allow_unicode=True),
            encoding="utf-8",
        )
        blog.config.authors_file = str(authors)
        # Post dates in the same style as every other date of the site (i18n.DATE_PATTERNS).
        blog.config.post_date_format = i18n.DATE_PATTERNS.get(self.lang, "long")
        names = {e.label(self.lang): e.id for e in self.registries.entries("categories")}
        # Category pages get the registry id as their path, the same in both languages.
        blog.config.categories_slugify = lambda name, _separator: names.get(name, name)
        blog.config.categories_allowed = list(names)

    # -- files -------------------------------------------------------------------

    def _add_shared_files(self, files: Files, config: MkDocsConfig) -> None:
        """Photos and materials are stored once, in the original's tree: a translation's
        build adds the ones its own tree lacks, so both languages' files use the same
        reference (content/assets.py; the validator resolves references the same way)."""
        if self.lang == self.original.code:
            return
        for src_uri, path in assets.shared_files(self.layout, self.lang,
                                                 self.original.code).items():
            if files.get_file_from_path(src_uri) is None:
                files.append(File.generated(config, src_uri, abs_src_path=str(path)))

    def _merge_posts(self, files: Files, config: MkDocsConfig) -> None:
        for file in list(files.documentation_pages()):
            if file.src_uri.startswith(POSTS_DIR + "/"):
                self.merge_post(file)

    def merge_post(self, file: File) -> None:
        """Write one article's merged post and point `file` at it (also called by the
        preview, scripts/noidung/preview/server.py, after an edit to either language's source)."""
        cache = self.layout.cache / "build" / self.lang / "posts"
        cache.mkdir(parents=True, exist_ok=True)
        article_id = Path(file.src_uri).stem
        article = articles.load_article(self.layout, article_id, self.lang, self.original.code)
        merged = cache / f"{article_id}.md"
        text = articles.merged_post(article, self.registries, self.today)
        if not merged.exists() or merged.read_text("utf-8") != text:
            merged.write_text(text, encoding="utf-8")
        # The blog plugin reads the post from abs_src_path: point it at the merged text.
        file.abs_src_path = str(merged)

    def generated(self, names: list[str] | None = None) -> list[GeneratedPage]:
        """This language's generated pages (of the generators `names`), made again from
        the sources for the preview."""
        return generated_pages(self._context(self.lang), names)

    def _context(self, lang: str) -> BuildContext:
        return BuildContext(self.layout, lang, self.languages, self.registries, self.today,
                            include_drafts=self.is_serve, site_url=self.root_site_url)

    def _add_generated_pages(self, files: Files, config: MkDocsConfig) -> None:
        self._generated = generated_pages(self._context(self.lang))  # reused by the catalogue
        for page in self._generated:
            _replace_file(files, File.generated(config, page.src_uri, content=page.markdown))
            for dest, source in page.assets.items():
                _replace_file(files, File.generated(config, dest, abs_src_path=source))
            for dest, content in page.files.items():
                _replace_file(files, File.generated(config, dest, content=content))

    def _add_untranslated_pages(self, files: Files, config: MkDocsConfig) -> None:
        mine = source_pages(self._context(self.lang), self._generated)
        self._stand_ins = {}
        for other in self.languages:
            if other.code == self.lang:
                continue
            theirs = source_pages(self._context(other.code))
            self._stand_ins[other.code] = {url for url in mine if url not in theirs}
            for url, page in theirs.items():
                if url in mine:
                    continue
                href = i18n.relative_href(url, self.language.root, other.root, url)
                text = i18n.untranslated_page(self.lang, other.code, page.title, href)
                files.append(File.generated(config, i18n.url_to_src(url), content=text))
                mine[url] = page

    # -- templates ---------------------------------------------------------------

    def _page_languages(self, url: str, untranslated: bool) -> dict:
        is_404 = url == "404.html"
        alternates = []
        for lang in self.languages:
            target = "" if is_404 else url
            alternates.append({
                "lang": lang.code,
                "name": lang.name,
                "current": lang.code == self.lang,
                # A 404 page is shown at any depth, so it links by absolute path.
                "href": urlsplit(i18n.absolute_url(self.root_site_url, lang.root, "")).path
                if is_404 else i18n.relative_href(url, self.language.root, lang.root, target),
                "url": i18n.absolute_url(self.root_site_url, lang.root, target),
                # A stand-in is not a translation: no hreflang link to it (the switcher
                # still leads there, where the reader finds the original).
                "stand_in": url in self._stand_ins.get(lang.code, ()),
            })
        return {
            "lang": self.lang,
            "alternates": alternates,
            "x_default": alternates[0]["url"],
            "is_404": is_404,
            "untranslated": untranslated,
            "t": strings.section(self.lang, "site"),
        }


def _replace_file(files: Files, file: File) -> None:
    """Add `file`; a generated page replaces the source file of the same path
    (e.g. a training module's Markdown, merged with its original's metadata)."""
    existing = files.get_file_from_path(file.src_uri)
    if existing is not None:
        files.remove(existing)
    files.append(file)
