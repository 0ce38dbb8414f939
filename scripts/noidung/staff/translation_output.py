"""The translations report as staff read it: terminal text, JSON, and the internal page
(noi-bo/ban-dich/), summary and actionable items first.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Iterator
from dataclasses import asdict

from noidung.campaigns.model import is_draft_campaign
from noidung.generate.context import BuildContext, GeneratedPage
from noidung.i18n.languages import format_date
from noidung.news.articles import language_articles
from noidung.staff import worddiff
from noidung.staff.translation_history import History
from noidung.staff.translations import (
    COMMAND,
    KIND_LABELS,
    KIND_ORDER,
    MISSING,
    ORPHAN,
    OUTDATED,
    STATUS_ORDER,
    SUMMARY_WORDS,
    TRANSLATED,
    Change,
    TranslationItem,
    report,
)

# --- Output: terminal, JSON, the internal page -------------------------------------

def summary_line(items: list[TranslationItem]) -> str:
    """"1 bản chưa dịch, 2 bản cần cập nhật, 29 bản đã theo kịp / 1 missing, …"; items
    without an original are counted only when there are some."""
    counts = {s: sum(1 for i in items if i.status == s) for s in STATUS_ORDER}
    shown = [s for s in STATUS_ORDER if s != ORPHAN or counts[s]]
    vi = ", ".join(f"{counts[s]} {SUMMARY_WORDS[s][0]}" for s in shown)
    en = ", ".join(f"{counts[s]} {SUMMARY_WORDS[s][1]}" for s in shown)
    return f"{vi} / {en}"


def _groups(items: list[TranslationItem], status: str
            ) -> Iterator[tuple[str, list[TranslationItem]]]:
    for kind in KIND_ORDER:
        group = [i for i in items if i.status == status and i.kind == kind]
        if group:
            yield kind, group


HEADINGS = {
    MISSING: "Chưa dịch / Missing",
    OUTDATED: "Cần cập nhật / Outdated",
    ORPHAN: "Không có bản gốc / No original",
    TRANSLATED: "Đã theo kịp / Up to date",
}


def _heading(status: str, count: int) -> str:
    return f"{HEADINGS[status]} ({count})"


def _action(item: TranslationItem, code: str = "{}") -> str:
    """What to do next; `code` formats the command ("`{}`" in Markdown)."""
    command = code.format(item.command)
    if item.status == MISSING and item.command:
        return f"tạo tệp để dịch / create the file to translate: {command}"
    if item.status == MISSING:
        return "viết nốt các dòng TO WRITE / fill in the TO WRITE lines"
    if item.status == OUTDATED:
        return f"sửa xong thì đánh dấu / when edited, mark it: {command}"
    return ("xoá tệp, hoặc đổi tên cho khớp bản gốc / delete the file, or rename it "
            "to match its original")


def as_text(items: list[TranslationItem], show_all: bool = False,
            note: str | None = None) -> str:
    """The terminal report: summary line, actionable items by state and kind, with the
    file, the command and what changed; up-to-date items counted (listed with show_all)."""
    lines = [summary_line(items)]
    if note:
        lines.append(f"Lưu ý / note: {note}")
    for status in (MISSING, OUTDATED, ORPHAN):
        count = sum(1 for i in items if i.status == status)
        if not count:
            continue
        lines += ["", _heading(status, count)]
        for kind, group in _groups(items, status):
            lines.append(f"  {KIND_LABELS[kind]}")
            for item in group:
                lines.append(f"    {item.translation}")
                if item.status == OUTDATED:
                    lines.append(f"      bản gốc / original: {item.original}")
                if item.note:
                    lines.append(f"      {item.note}")
                if item.change is not None:
                    lines += _change_lines(item.change, "      ")
                lines.append(f"      {_action(item)}")
    done = [i for i in items if i.status == TRANSLATED]
    lines.append("")
    if show_all:
        lines.append(_heading(TRANSLATED, len(done)))
        for kind, group in _groups(items, TRANSLATED):
            lines.append(f"  {KIND_LABELS[kind]}")
            lines += [f"    {i.translation}" for i in group]
    else:
        lines.append(f"{_heading(TRANSLATED, len(done))}: xem danh sách / list them: "
                     f"{COMMAND} --all")
    return "\n".join(lines)


def _change_lines(change: Change, indent: str) -> list[str]:
    if change.base is None:
        return [f"{indent}{change.note}"]
    lines = [f"{indent}{_since(change)}:"]
    if not change.fields:
        lines.append(f"{indent}  chỉ đổi khoảng trắng / white space only")
    for label, hunks in change.fields.items():
        rendered = worddiff.as_terminal(hunks)
        name = _field_label(label)
        if len(rendered) == 1:
            lines.append(f"{indent}  {name}: {rendered[0]}")
        else:
            lines.append(f"{indent}  {name}:")
            lines += [f"{indent}    {line}" for line in rendered]
    return lines


def _since(change: Change, code: str = "{}") -> str:
    """"bản gốc đã đổi so với bản ngày 6/1/2026 (commit 1a2b3c4) / changed in the
    original since its version of 6 January 2026 (commit 1a2b3c4)"."""
    commit = code.format(change.base)
    if change.base_date is None:
        return (f"bản gốc đã đổi so với bản {commit} / changed in the original since "
                f"version {commit}")
    day = dt.date.fromisoformat(change.base_date)
    return (f"bản gốc đã đổi so với bản ngày {format_date(day, 'vi')} (commit {commit}) / "
            f"changed in the original since its version of {format_date(day, 'en')} "
            f"(commit {commit})")


def _field_label(label: str) -> str:
    return "nội dung / body" if label == "body" else label


def as_json(items: list[TranslationItem], note: str | None = None) -> str:
    """{"summary": counts and the summary line, "items": [...] in the report's order};
    a change's fields hold its word diff as terminal lines."""
    counts = {s: sum(1 for i in items if i.status == s) for s in STATUS_ORDER}
    summary = {"text": summary_line(items), **counts, "total": len(items), "note": note}
    rows = []
    for item in items:
        row = asdict(item)
        if item.change is not None:
            row["change"] = {"base": item.change.base, "base_date": item.change.base_date,
                             "note": item.change.note,
                             "fields": {k: worddiff.as_terminal(v)
                                        for k, v in item.change.fields.items()}}
        rows.append(row)
    return json.dumps({"summary": summary, "items": rows}, ensure_ascii=False, indent=2)


def as_markdown(items: list[TranslationItem], lang_of_page: str,
                note: str | None = None) -> str:
    """The staff page: the summary line, actionable items by state and kind with their
    command and word diff (<del>/<ins>), and the up-to-date items folded away."""
    heading = ("Tình trạng bản dịch tiếng Anh" if lang_of_page == "vi"
               else "State of the English translation")
    lines = [
        "---", "search:", "  exclude: true", "robots: noindex", "hide:", "  - navigation",
        "---", "", f"# {heading}", "", f"**{summary_line(items)}**", "",
    ]
    if note:
        lines += [f"Lưu ý / note: {_md_escape(note)}", ""]
    for status in (MISSING, OUTDATED, ORPHAN):
        count = sum(1 for i in items if i.status == status)
        if not count:
            continue
        lines += [f"## {_heading(status, count)}", ""]
        for kind, group in _groups(items, status):
            lines += [f"### {KIND_LABELS[kind]}", ""]
            for item in group:
                lines += _markdown_item(item)
    done = [i for i in items if i.status == TRANSLATED]
    if done:
        lines += [f"## {_heading(TRANSLATED, len(done))}", "", "<details>",
                  "<summary>Xem danh sách / show the list</summary>", "<ul>"]
        lines += [f"<li><code>{html.escape(i.translation)}</code></li>" for i in done]
        lines += ["</ul>", "</details>", ""]
    if not any(i.status != TRANSLATED for i in items):
        lines += ["Mọi mục đã dịch và cập nhật. / Everything is translated and up to date.", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _md_escape(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", text)


def _markdown_item(item: TranslationItem) -> list[str]:
    """One item of the staff page; an outdated one gets a heading, its diff and command."""
    note = [f"{_md_escape(item.note)}", ""] if item.note else []
    if item.status != OUTDATED:
        lines = [f"- `{item.translation}`"]
        if item.note:
            lines.append(f"    - {_md_escape(item.note)}")
        return [*lines, f"    - {_action(item, '`{}`')}", ""]
    lines = [f"#### `{item.translation}`", "",
             f"bản gốc / original: `{item.original}`", "", *note]
    change = item.change
    if change is not None and change.base is None:
        lines += [_md_escape(change.note or ""), ""]
    elif change is not None:
        lines.append(f'<div class="translation-diff"><p>{_since(change, "<code>{}</code>")}:'
                     "</p>")
        for label, hunks in change.fields.items():
            # Lines in a paragraph, not <pre>: long lines wrap instead of scrolling.
            body = "<br>\n".join(worddiff.as_html(hunks))
            lines.append(f"<p><strong>{html.escape(_field_label(label))}</strong><br>\n"
                         f"{body}</p>")
        lines += ["</div>", ""]
    return [*lines, _action(item, "`{}`"), ""]


STAFF_PAGE = "noi-bo/ban-dich.md"


def staff_page(context: BuildContext) -> list[GeneratedPage]:
    """Generator (scripts/noidung/generate/context.py): the staff's translation report, kept out of
    the public navigation, out of search, and marked noindex."""
    others = [x.code for x in context.languages if x.code != context.original_lang]

    def markdown() -> str:
        history = History(context.layout.root)
        items = [i for lang in others
                 for i in report(context.layout, lang, context.original_lang, history)]
        return as_markdown(_published_only(items, context), context.lang, history.note)

    return [GeneratedPage(STAFF_PAGE, markdown, title="Bản dịch / Translations")]


def _published_only(items: list[TranslationItem], context: BuildContext) -> list[TranslationItem]:
    """The page is part of the published site: drafts and future articles, and draft
    campaigns, are left out of it (the terminal report, and the preview, still list them)."""
    if context.include_drafts:
        return items
    published = {a.id for a in language_articles(context.layout, context.original_lang,
                                                 context.original_lang, context.today)}
    return [i for i in items
            if not (i.kind == "article" and i.id not in published)
            and not (i.kind == "campaign" and is_draft_campaign(context.layout, i.id))]
