"""The blog plugin adapters answer exactly as Material would, and still apply to its code."""

from __future__ import annotations

import inspect

import yaml
from material.plugins.blog import structure as blog_structure
from material.plugins.blog.plugin import BlogPlugin
from material.plugins.blog.structure import Post, View
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from noidung.news import blog_speedups
from noidung.news.blog_speedups import PostList


def page(cls, src: str, title: str):
    """A page object without reading any file: only what Page.__eq__ looks at."""
    made = cls.__new__(cls)
    made.file = File(src, "/docs", "/site", use_directory_urls=True)
    made.title = title
    return made


def test_membership_agrees_with_material_list_scan():
    posts = [page(Post, f"tin-bai/posts/bai-{i}.md", f"Bài {i}") for i in range(5)]
    fast = PostList(posts)
    equal_copy = page(Post, "tin-bai/posts/bai-3.md", "Bài 3")
    other_post = page(Post, "tin-bai/posts/khac.md", "Khác")
    same_file_page = page(Page, "tin-bai/posts/bai-1.md", "Bài 1")
    a_view = page(View, "tin-bai/index.md", "Tin bài")
    for candidate in [*posts, equal_copy, other_post, same_file_page, a_view, None, "bai-1"]:
        assert (candidate in fast) == (candidate in posts), candidate
    assert list(fast) == posts


def test_index_post_membership_wraps_the_blog_list_once():
    blog = type("Blog", (), {})()
    blog.posts = [page(Post, "tin-bai/posts/a.md", "A")]
    plugin = type("Plugin", (), {"blog": blog})()
    blog_speedups.index_post_membership(plugin)
    wrapped = blog.posts
    assert isinstance(wrapped, PostList)
    blog_speedups.index_post_membership(plugin)
    assert blog.posts is wrapped
    blog_speedups.index_post_membership(None)  # a build without the blog: nothing to do


def test_material_still_asks_what_the_adapters_answer():
    """If a Material update changes these lines, the adapters no longer apply: look again."""
    for hook in (BlogPlugin.on_page_markdown, BlogPlugin.on_page_content):
        assert "page not in self.blog.posts" in inspect.getsource(hook)
    assert "yaml.load(match.group(1), SafeLoader)" in inspect.getsource(Post.__init__)


def test_posts_are_read_with_libyaml_and_give_the_same_values():
    blog_speedups.read_posts_with_libyaml()
    assert blog_structure.SafeLoader is yaml.CSafeLoader
    text = ("title: \"Ngày Gia đình Việt Nam\"\ndate:\n  created: 2025-06-28\n"
            "categories: [Gia đình, Trẻ em]\ndraft: false\nreadtime: 3\n")
    assert yaml.load(text, yaml.CSafeLoader) == yaml.load(text, yaml.SafeLoader)
