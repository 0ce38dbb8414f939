"""Canary: the private names of MkDocs and Material that the preview leans on.

The preview (scripts/noidung/preview/) renders single pages with MkDocs' own build
helpers, extends MkDocs' live-reload server, and asks Material's blog plugin where a
post goes. None of these is public API: when an upgrade moves or changes one, this
test fails and names it, instead of the preview breaking for staff.
"""

from __future__ import annotations

import inspect
import threading

import pytest
from material.plugins.blog.plugin import BlogPlugin
from mkdocs import livereload
from mkdocs.commands import build
from mkdocs.config.defaults import MkDocsConfig


def _parameters(function) -> list[str]:
    return list(inspect.signature(function).parameters)


@pytest.mark.parametrize(("name", "parameters"), [
    ("_populate_page", ["page", "config", "files", "dirty"]),
    ("_build_page", ["page", "config", "doc_files", "nav", "env", "dirty", "excluded"]),
    ("_build_theme_template", ["template_name", "env", "files", "config", "nav"]),
    ("_build_extra_template", ["template_name", "files", "config", "nav"]),
])
def test_build_helpers_the_preview_calls(name, parameters):
    """incremental.py builds as mkdocs.commands.build.build does, then page by page."""
    assert _parameters(getattr(build, name)) == parameters


def test_live_reload_server_names_the_preview_extends():
    """server.py: its own watcher callback, /_preview/ requests, the injected tags."""
    assert _parameters(livereload._serve_url) == ["host", "port", "path"]
    server_class = livereload.LiveReloadServer
    assert _parameters(server_class._serve_request) == ["self", "environ", "start_response"]
    assert _parameters(server_class._inject_js_into_html) == ["self", "content", "epoch"]
    server = server_class(builder=lambda: None, host="127.0.0.1", port=0, root=".")
    try:
        assert isinstance(server._watched_paths, dict)
        assert isinstance(server._watch_refs, dict)
        assert isinstance(server._rebuild_cond, type(threading.Condition()))
        assert server._want_rebuild is False
        assert hasattr(server.observer, "schedule")
        assert callable(server.error_handler)
        # What the page gets injected: the reload script, before </body>.
        html = server._inject_js_into_html(b"<html><body><p>x</p></body></html>", 1)
        assert html.startswith(b"<html><body><p>x</p><script>")
    finally:
        server.server_close()


def test_plugin_cache_of_the_config_schema():
    """incremental.Preview.load keeps one plugin cache per preview."""
    assert hasattr(dict(MkDocsConfig._schema)["plugins"], "plugin_cache")


def test_blog_plugin_names_the_article_update_uses():
    """incremental.Preview._update_article: does an edit move the post?"""
    assert _parameters(BlogPlugin._format_path_for_post) == ["self", "post", "config"]
    assert _parameters(BlogPlugin._is_excluded) == ["self", "post"]
