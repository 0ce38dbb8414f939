"""Safety: no raw HTML that runs code or loads other sites inside our pages.

Staff paste snippets from social networks and video sites; one `<script>` or
`onclick=` in a public government page is an injection point, and a `data:`
or `javascript:` link can hide anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from noidung.validation.markdown import links, tags
from noidung.validation.problem import Problem, Severity, problem
from noidung.validation.project import Project
from noidung.validation.source import SourceFile, dotted, position_in_text

from . import Rule

E = Severity.ERROR
RULES = (
    Rule("unsafe-html", E, "không dùng HTML <script>, <iframe>, <object>, <embed> hay on...=",
         "no <script>, <iframe>, <object>, <embed> or on...= event handlers",
         bad='<iframe src="https://video.example/..."></iframe>',
         good="[Xem video](https://video.example/...)"),
    Rule("unsafe-url", E, "không dùng liên kết javascript: hay data:",
         "no javascript: or data: URLs", bad="[bấm](javascript:alert(1))",
         good="[bấm](https://...)"),
)

_DANGEROUS_TAGS = {"script", "iframe", "object", "embed", "frame", "frameset", "applet", "base"}
_URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset",
              "background"}
_BAD_SCHEME = re.compile(r"^\s*(javascript|vbscript|data)\s*:", re.I)
_SCRIPT_OPEN = re.compile(r"<\s*(script|iframe)\b", re.I)


def check(project: Project) -> Iterator[Problem]:
    for source in project.files.values():
        if source.rel.endswith(".md") and source.text is not None:
            yield from _body(project, source)
        if source.doc is not None:
            yield from _text_fields(project, source)


def _text_fields(project: Project, source: SourceFile) -> Iterator[Problem]:
    """Titles and summaries end up in HTML too (listings, feeds, social cards)."""
    assert source.doc is not None
    for path, value, _sub in project.annotated(source, "x-text"):
        if not isinstance(value, str) or ("<" not in value and ":" not in value):
            continue
        bad: list[str] = []
        for tag in tags(value):
            if tag.name in _DANGEROUS_TAGS:
                bad.append(f"<{tag.name}>")
            bad += [f"<{tag.name} {a}=>" for a in sorted(tag.attrs) if a.startswith("on")]
            bad += [(tag.attrs[a] or "").strip().split(":", 1)[0].lower() + ":"
                    for a in sorted(_URL_ATTRS & tag.attrs.keys())
                    if _BAD_SCHEME.match(tag.attrs[a] or "")]
        bad += [link.target.strip().split(":", 1)[0].lower() + ":" for link in links(value)
                if _BAD_SCHEME.match(link.target)]
        if bad:
            yield problem(
                source.rel, source.doc.at(path), "unsafe-html",
                f"«{dotted(path)}» chứa mã HTML/liên kết bị cấm: {', '.join(bad)}",
                f"'{dotted(path)}' holds forbidden HTML or links: {', '.join(bad)}",
                field=dotted(path), hint_vi="chỉ viết chữ thường, không chèn mã HTML",
                hint_en="write plain text, no HTML",
            )


def _body(project: Project, source: SourceFile) -> Iterator[Problem]:
    body = source.body
    lower = body.lower()
    if "<" not in body and "script:" not in lower and "data:" not in lower:
        return
    masked = project.masked_body(source)
    reported: set[int] = set()
    for tag in tags(masked):
        pos = position_in_text(body, tag.offset, source.body_line)
        if tag.name in _DANGEROUS_TAGS:
            reported.add(tag.offset)
            yield problem(
                source.rel, pos, "unsafe-html", f"thẻ HTML <{tag.name}> bị cấm trên trang",
                f"the HTML tag <{tag.name}> is not allowed",
                hint_vi="dùng liên kết thường tới video/bài gốc thay cho mã nhúng",
                hint_en="link to the video or post instead of embedding it",
            )
        handlers = sorted(a for a in tag.attrs if a.startswith("on"))
        if handlers:
            yield problem(
                source.rel, pos, "unsafe-html",
                f"thẻ <{tag.name}> có thuộc tính chạy mã {', '.join(handlers)}=",
                f"<{tag.name}> has the event handler {', '.join(handlers)}=",
                hint_vi="xóa thuộc tính đó", hint_en="remove that attribute",
            )
        for attr in sorted(_URL_ATTRS & tag.attrs.keys()):
            value = tag.attrs[attr] or ""
            if _BAD_SCHEME.match(value):
                yield _bad_url(source, pos, value)
    for match in _SCRIPT_OPEN.finditer(masked):  # broken tags the tag pattern misses
        if match.start() not in reported:
            yield problem(
                source.rel, position_in_text(body, match.start(), source.body_line),
                "unsafe-html", f"thẻ HTML <{match.group(1).lower()}> bị cấm trên trang",
                f"the HTML tag <{match.group(1).lower()}> is not allowed",
                hint_vi="dùng liên kết thường thay cho mã nhúng",
                hint_en="use a plain link instead of embedded code",
            )
    for link in links(masked):
        if _BAD_SCHEME.match(link.target):
            yield _bad_url(source, position_in_text(body, link.target_offset, source.body_line),
                           link.target)


def _bad_url(source: SourceFile, pos, value: str) -> Problem:
    scheme = value.strip().split(":", 1)[0].lower()
    return problem(
        source.rel, pos, "unsafe-url",
        f"liên kết dùng «{scheme}:» bị cấm", f"a '{scheme}:' URL is not allowed",
        hint_vi="ảnh: lưu thành tệp và dẫn tới tệp; liên kết: dùng https://",
        hint_en="images: save as a file and link it; links: use https://",
    )
