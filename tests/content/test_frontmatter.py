"""Reading front matter: parsed once per version of a file, and a changed file read again."""

from __future__ import annotations

import os

from noidung.content import frontmatter


def test_a_file_is_parsed_once_until_it_changes(tmp_path):
    path = tmp_path / "bai.md"
    path.write_text("---\ntitle: Gia đình\n---\n\nNội dung.\n", "utf-8")
    first = frontmatter.read(path)
    assert first.meta == {"title": "Gia đình"} and first.body == "\nNội dung.\n"
    assert frontmatter.read(path) is first
    # An edit while `noidung serve` runs, of the same size in bytes: the later time counts.
    path.write_text("---\ntitle: Bé gái..\n---\n\nNội dung.\n", "utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert frontmatter.read(path).meta == {"title": "Bé gái.."}


def test_a_byte_order_mark_does_not_hide_the_front_matter(tmp_path):
    path = tmp_path / "bom.md"
    path.write_bytes("\ufeff---\ntitle: Có BOM\n---\n\nA\n".encode())
    assert frontmatter.read(path).meta == {"title": "Có BOM"}
