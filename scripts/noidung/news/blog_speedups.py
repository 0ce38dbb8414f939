"""Two costs of Material's blog plugin that grow with the number of articles, removed.

Material 9.x is in maintenance mode (ARCHITECTURE.md, stack notes §5), so these are adapters
here rather than fixes upstream. Both leave what the plugin does unchanged; the build's output is
the same byte for byte (checked on the 2,000-page benchmark corpus when they were added).

1. The plugin asks `page in blog.posts` for every page, twice. That is a list scan
   calling MkDocs' Python-level `Page.__eq__` once per post: n pages x n posts, about
   1.7 million calls and 0.6 s per language at 2,000 pages. `PostList` answers the
   same question by identity first.
2. The plugin reads every post's front matter with PyYAML's pure-Python SafeLoader
   (0.9 s per language at 2,000 pages). The posts it reads are the merged files our
   plugin writes (scripts/noidung/news/articles.py), so libyaml's CSafeLoader, which builds the
   same values with the same safe constructors, reads them five times faster.
"""

from __future__ import annotations

from typing import Any

import yaml
from material.plugins.blog import structure as blog_structure
from material.plugins.blog.structure import Post


class PostList(list):
    """A blog's posts, with a membership test that does not compare every post.

    `Page.__eq__` is true only for a page of the same class with the same title and
    file, and MkDocs makes one page object per file: a post is in the list when that
    very object is. Anything that is not a Post is never equal to one.
    """

    def __contains__(self, page: object) -> bool:
        if not isinstance(page, Post):
            return False
        return any(post is page for post in self) or list.__contains__(self, page)


def index_post_membership(blog_plugin: Any) -> None:
    """Give the blog plugin's post list the fast membership test (after its on_files)."""
    blog = getattr(blog_plugin, "blog", None)
    if blog is not None and not isinstance(blog.posts, PostList):
        blog.posts = PostList(blog.posts)


def read_posts_with_libyaml() -> None:
    """Make the blog plugin parse post front matter with libyaml, when PyYAML has it."""
    if getattr(yaml, "CSafeLoader", None) is not None:
        blog_structure.SafeLoader = yaml.CSafeLoader
