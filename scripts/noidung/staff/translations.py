"""Which items are translated, missing or outdated; what changed; marking a translation.

How "up to date" is decided, for a translation whose original exists:

1. A translation that records `source_hash` (written by `python3 make.py translations
   --mark`) is up to date when it equals the hash of the original's translatable text
   now (title, summary and the other text fields, and the body; white space and
   shared fields such as tags do not count). The recorded hash always wins: editing
   the translation does not clear "outdated", marking it does.
2. A translation with no `source_hash` is up to date when it was last changed at the
   same time as, or after, the original's last change. "Last changed" is the last
   git commit touching the file; for a file with uncommitted changes, or when the
   project is not a git repository, the file's modification time. An original
   changed later still counts as up to date when its translatable text is the same
   as in the version the translation was made from (only shared fields changed).
   In a shallow clone (CI), a file whose last commit is the clone's first commit may
   have changed earlier: such an original is dated no later than that commit; a
   translation with such a date is outdated, by at least the changes shown when the
   original changed after that commit, else with a note saying it cannot be dated
   (`git fetch --unshallow` gives the whole history).
3. A translation that still has the scaffold's "TO WRITE:" lines counts as missing.

What changed: an outdated translation shows a word diff (scripts/worddiff.py) of
the original since the version it was translated from: the version whose hash is
the recorded `source_hash`, or the original as it was in the translation's last
commit (the last commit of the original before the translation's modification time
when the translation is uncommitted). When that version cannot be found the report
says so.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import os
import re
import subprocess
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from noidung.content import frontmatter
from noidung.content.layout import POSTS_DIR, SECTIONS, ContentLayout
from noidung.content.text import nfc
from noidung.generate.context import BuildContext, GeneratedPage
from noidung.i18n.languages import format_date
from noidung.staff import worddiff
from noidung.validation.schemas import load_schema

TRANSLATION_SCHEMAS = ("article-translation", "module-translation", "campaign-text")
#: The translation schema of each kind of item (plain pages have none).
KIND_SCHEMAS = {"article": "article-translation", "module": "module-translation",
                "campaign": "campaign-text"}
#: The scaffold's mark for text still to write (scripts/scaffold.py:TO_WRITE).
TO_WRITE_RE = re.compile(r"\b(?:TO WRITE|CẦN VIẾT):")
COMMAND = "python3 make.py translations"


@cache
def text_fields() -> tuple[frozenset[str], frozenset[str]]:
    """Fields holding text to translate, and the text keys inside list items.

    Read from the translation schemas (the fields a translation may carry), so
    the content model stays the one definition; plain pages add `description`.
    """
    fields, item_keys = {"title", "description"}, set()
    for kind in TRANSLATION_SCHEMAS:
        for name, spec in load_schema(kind).properties.items():
            if name == "source_hash":
                continue
            fields.add(name)
            for key, sub in ((spec.get("items") or {}).get("properties") or {}).items():
                if sub.get("x-text") or sub.get("x-alt"):
                    item_keys.add(key)
    return frozenset(fields), frozenset(item_keys)

TRANSLATED, MISSING, OUTDATED, ORPHAN = "translated", "missing", "outdated", "orphan"
STATUS_LABELS = {
    TRANSLATED: "đã dịch / translated",
    MISSING: "chưa dịch / missing",
    OUTDATED: "cần cập nhật / outdated",
    ORPHAN: "không có bản gốc / no original",
}
#: Order of the report: what to do first, up-to-date items last.
STATUS_ORDER = (MISSING, OUTDATED, ORPHAN, TRANSLATED)
#: Counts in the summary line: (Vietnamese, English) after the number.
SUMMARY_WORDS = {
    MISSING: ("bản chưa dịch", "missing"),
    OUTDATED: ("bản cần cập nhật", "outdated"),
    ORPHAN: ("bản không có bản gốc", "without an original"),
    TRANSLATED: ("bản đã theo kịp", "up to date"),
}
KIND_ORDER = ("article", "module", "campaign", "page")
KIND_LABELS = {
    "article": "Bài viết / Articles",
    "module": "Học phần / Training modules",
    "campaign": "Chiến dịch / Campaigns",
    "page": "Trang / Pages",
}


@dataclass(frozen=True)
class Change:
    """What changed in the original since the translation, as word-diff hunks per field.

    `base` is the commit of the version compared with (7 hex digits) and `base_date`
    its date (YYYY-MM-DD); when `base` is None the version was not found and `note`
    says why.
    """

    base: str | None
    base_date: str | None = None
    fields: dict[str, list[worddiff.Hunk]] = field(default_factory=dict)
    note: str | None = None


@dataclass(frozen=True)
class TranslationItem:
    """One translatable item and the state of its translation into one language.

    `basis` says how the state was decided: "source_hash", "git", "mtime" (file
    modification times), "git+mtime", or "" (missing files). `command` is what staff
    run next; `note` explains an uncertain state.
    """

    kind: str
    id: str
    lang: str
    status: str
    original: str
    translation: str
    basis: str = ""
    note: str | None = None
    command: str | None = None
    change: Change | None = None


def _translatable(meta: dict) -> dict:
    fields, item_keys = text_fields()
    result = {}
    for key in sorted(fields):
        if key not in meta:
            continue
        value = meta[key]
        if isinstance(value, list):
            value = [
                {k: v for k, v in item.items() if k in item_keys}
                if isinstance(item, dict) else item
                for item in value
            ]
        result[key] = value
    return result


def source_hash(original_text: str) -> str:
    """Hash of an original's translatable text (12 hex digits); whitespace-insensitive."""
    doc = frontmatter.parse(nfc(original_text))
    payload = json.dumps(_translatable(doc.meta), ensure_ascii=False, sort_keys=True,
                         default=str)
    body = re.sub(r"\s+", " ", doc.body).strip()
    return hashlib.sha256((payload + "\n" + body).encode("utf-8")).hexdigest()[:12]


def _hash_or_none(text: str | None) -> str | None:
    if text is None:
        return None
    try:
        return source_hash(text)
    except (frontmatter.FrontMatterError, yaml.YAMLError):
        return None


# --- When files last changed: git history, or modification times -----------------------

@dataclass(frozen=True)
class Dated:
    """When a file last changed: `time` (POSIX seconds), from `source`.

    `source` is "git" (the last commit touching it, `commit`), "mtime" (the file is
    uncommitted or there is no git) or "shallow" (the last commit found is the first
    commit of a shallow clone: the file changed then or earlier).
    """

    time: float
    source: str
    commit: str | None = None


class History:
    """Last commits of the content files, read with one `git log` (none without git)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.top: Path | None = None
        self.last: dict[Path, tuple[str, float]] = {}
        self.dirty: set[Path] = set()
        self.boundary: set[str] = set()
        self.note: str | None = None
        top = self._git("rev-parse", "--show-toplevel")
        if top is None:
            self.note = ("không có lịch sử git: so theo thời gian sửa tệp / "
                         "no git history: file modification times are compared")
            return
        self.top = Path(top.strip()).resolve()
        if (self._git("rev-parse", "--is-shallow-repository") or "").strip() == "true":
            shallow = (self._git("rev-parse", "--git-path", "shallow") or "").strip()
            path = Path(shallow) if os.path.isabs(shallow) else root / shallow
            if path.is_file():
                self.boundary = set(path.read_text().split())
            self.note = ("bản sao git nông (shallow clone): ngày sửa trước lần commit đầu "
                         "tiên của bản sao không biết được; chạy `git fetch --unshallow` để có "
                         "đủ lịch sử / shallow clone: changes before its first commit have no "
                         "known date; `git fetch --unshallow` gives the whole history")
        paths = [p for p in ("docs", "campaigns") if (root / p).exists()]
        log = self._git("log", "--format=%x01%H %ct", "--name-only", "--", *paths) or ""
        commit, when = "", 0.0
        for line in log.splitlines():
            if line.startswith("\x01"):
                commit, _, stamp = line[1:].partition(" ")
                when = float(stamp)
            elif line:
                self.last.setdefault(self.top / line, (commit, when))
        status = self._git("status", "--porcelain", "-z", "--untracked-files=all", "--",
                           *paths) or ""
        entries = status.split("\0")
        index = 0
        while index < len(entries):
            entry = entries[index]
            index += 1
            if len(entry) > 3:
                self.dirty.add(self.top / entry[3:])
                if entry[0] in "RC":
                    index += 1  # the old name of a rename or copy follows

    def _git(self, *args: str) -> str | None:
        try:
            result = subprocess.run(["git", "-c", "core.quotepath=off", *args],
                                    cwd=self.root, capture_output=True, text=True,
                                    encoding="utf-8", check=False)
        except OSError:
            return None
        return result.stdout if result.returncode == 0 else None

    def dated(self, path: Path) -> Dated:
        """When `path` last changed (see Dated)."""
        resolved = path.resolve()
        found = self.last.get(resolved)
        if self.top is None or found is None or resolved in self.dirty:
            return Dated(path.stat().st_mtime, "mtime")
        commit, when = found
        return Dated(when, "shallow" if commit in self.boundary else "git", commit)

    def _rel(self, path: Path) -> str | None:
        if self.top is None:
            return None
        try:
            return path.resolve().relative_to(self.top).as_posix()
        except ValueError:
            return None

    def show(self, commit: str, path: Path) -> str | None:
        """The file as it was in `commit`, or None."""
        rel = self._rel(path)
        return None if rel is None else self._git("show", f"{commit}:{rel}")

    def commit_date(self, commit: str) -> str | None:
        """The commit's date, YYYY-MM-DD."""
        return (self._git("show", "-s", "--format=%cs", commit) or "").strip() or None

    def commits(self, path: Path, before: float | None = None, limit: int = 100) -> list[str]:
        """Commits touching `path`, newest first (those at or before `before` only)."""
        rel = self._rel(path)
        if rel is None:
            return []
        args = ["log", f"--max-count={limit}", "--format=%H"]
        if before is not None:
            args.append(f"--before=@{int(before)}")
        return (self._git(*args, "--", rel) or "").split()


# --- The state of each item ---------------------------------------------------------

def kind_of(rel: str) -> str:
    """"article", "module" or "page", from a path under docs/<lang>/."""
    if rel.startswith(f"{POSTS_DIR}/"):
        return "article"
    if rel.startswith(f"{SECTIONS.training}/") and rel != f"{SECTIONS.training}/index.md":
        return "module"
    return "page"


def item_pairs(layout: ContentLayout, lang: str, original_lang: str = "vi"
               ) -> Iterator[tuple[str, str, Path, Path]]:
    """(kind, id, original path, translation path) for every item of the site."""
    originals = layout.language_docs(original_lang)
    translations = layout.language_docs(lang)
    rels = set()
    for folder in (originals, translations):
        if folder.is_dir():
            rels |= {p.relative_to(folder).as_posix() for p in folder.rglob("*.md")}
    for rel in sorted(rels):
        yield kind_of(rel), rel.removesuffix(".md"), originals / rel, translations / rel
    if layout.campaigns.is_dir():
        for folder in sorted(p for p in layout.campaigns.iterdir() if p.is_dir()):
            yield ("campaign", folder.name, folder / f"{original_lang}.md",
                   folder / f"{lang}.md")


@dataclass(frozen=True)
class Report:
    """Every item's state, in the report's order, and a note on the history used."""

    items: list[TranslationItem]
    note: str | None = None

    def of(self, status: str) -> list[TranslationItem]:
        return [i for i in self.items if i.status == status]


def report(layout: ContentLayout, lang: str = "en", original_lang: str = "vi",
           history: History | None = None) -> list[TranslationItem]:
    """The state of every item's translation into `lang`, actionable items first."""
    return full_report(layout, lang, original_lang, history).items


def full_report(layout: ContentLayout, lang: str = "en", original_lang: str = "vi",
                history: History | None = None) -> Report:
    """`report` with the note on the history it used (no git, shallow clone)."""
    history = history or History(layout.root)
    items = [_item(history, layout.root, kind, ident, lang, original, translation)
             for kind, ident, original, translation in item_pairs(layout, lang, original_lang)]
    items.sort(key=lambda i: (STATUS_ORDER.index(i.status), KIND_ORDER.index(i.kind),
                              i.translation))
    return Report(items, history.note)


def _item(history: History, root: Path, kind: str, ident: str, lang: str,
          original: Path, translation: Path) -> TranslationItem:
    rel_o, rel_t = _rel(original, root), _rel(translation, root)

    def item(status: str, basis: str = "", note: str | None = None,
             change: Change | None = None) -> TranslationItem:
        command = None if status == MISSING and translation.exists() else _command(
            status, rel_t)
        return TranslationItem(kind, ident, lang, status, rel_o, rel_t, basis, note,
                               command, change)

    if not original.exists():
        return item(ORPHAN)
    if not translation.exists():
        return item(MISSING)
    text = translation.read_text("utf-8-sig")
    if TO_WRITE_RE.search(text):
        return item(MISSING, note="bản dịch còn dòng TO WRITE chưa viết / the translation "
                                  "still has TO WRITE lines")
    current_text = original.read_text("utf-8-sig")
    current = source_hash(current_text)
    recorded = _recorded_hash(translation)
    if recorded is not None:
        if recorded == current:
            return item(TRANSLATED, "source_hash")
        base = _version_with_hash(history, original, recorded)
        return item(OUTDATED, "source_hash",
                    change=_change(base, current_text, history))
    o, t = history.dated(original), history.dated(translation)
    basis = "+".join(sorted({"mtime" if d.source == "mtime" else "git" for d in (o, t)}))
    if t.source == "shallow":
        # The translation changed at the clone's first commit or before it.
        base = _version_at(history, original, t) if o.source != "shallow" else None
        if base is None or _hash_or_none(base[1]) == current:
            return item(OUTDATED, basis, note=_UNDATED, change=Change(None, note=_NO_BASE_SHALLOW))
        # The original changed after that commit: outdated, by at least these changes.
        change = _change(base, current_text, history)
        return item(OUTDATED, basis, note=_AT_LEAST, change=change)
    if o.time <= t.time:
        return item(TRANSLATED, basis)
    base = _version_at(history, original, t)
    if base is not None and _hash_or_none(base[1]) == current:
        return item(TRANSLATED, basis)  # only shared fields (tags, dates) changed
    return item(OUTDATED, basis, change=_change(base, current_text, history))


_UNDATED = ("không biết bản dịch làm trước hay sau lần sửa bản gốc gần nhất (bản sao git "
            "nông); nếu bản dịch đã theo kịp, hãy đánh dấu / cannot tell whether the "
            "translation is older than the original's last change (shallow clone); if it is "
            "up to date, mark it")
_AT_LEAST = ("bản sao git nông: bản gốc có thể còn đổi cả trước những chỗ dưới đây / shallow "
             "clone: the original may also have changed before the changes below")


_NO_BASE = ("không tìm thấy bản gốc lúc dịch nên không chỉ ra được chỗ thay đổi; hãy so "
            "bản dịch với toàn bộ bản gốc / the original as it was when translated was not "
            "found, so what changed cannot be shown; compare the whole original")
_NO_BASE_SHALLOW = ("không tìm thấy bản gốc lúc dịch (bản sao git nông) nên không chỉ ra "
                    "được chỗ thay đổi / the original as it was when translated was not found "
                    "(shallow clone), so what changed cannot be shown")
_NO_BASE_NO_GIT = ("không có lịch sử git nên không chỉ ra được chỗ thay đổi; hãy so bản dịch "
                   "với toàn bộ bản gốc / no git history, so what changed cannot be shown; "
                   "compare the whole original")


def _version_with_hash(history: History, original: Path, digest: str
                       ) -> tuple[str, str] | None:
    """(commit, text) of the newest committed version of `original` with hash `digest`."""
    for commit in history.commits(original):
        text = history.show(commit, original)
        if text is not None and _hash_or_none(text) == digest:
            return commit, text
    return None


def _version_at(history: History, original: Path, translated: Dated
                ) -> tuple[str, str] | None:
    """(commit, text) of `original` as it was when the translation last changed."""
    if translated.commit is not None:
        text = history.show(translated.commit, original)
        return None if text is None else (translated.commit, text)
    for commit in history.commits(original, before=translated.time, limit=1):
        text = history.show(commit, original)
        if text is not None:
            return commit, text
    return None


def _change(base: tuple[str, str] | None, current_text: str, history: History) -> Change:
    """The change from `base` (commit, text) to the current original, or why there is none."""
    if base is None:
        if history.top is None:
            return Change(None, note=_NO_BASE_NO_GIT)
        return Change(None, note=_NO_BASE_SHALLOW if history.boundary else _NO_BASE)
    return Change(base[0][:7], history.commit_date(base[0]),
                  changed_fields(base[1], current_text))


def _flat(meta: dict) -> Iterator[tuple[str, str]]:
    """(label, text) of every translatable text in front matter: `title`, `objectives[2]`,
    `materials[1].alt`."""
    for key, value in _translatable(meta).items():
        if isinstance(value, list):
            for index, entry in enumerate(value, 1):
                if isinstance(entry, dict):
                    for sub, text in entry.items():
                        yield f"{key}[{index}].{sub}", str(text)
                else:
                    yield f"{key}[{index}]", str(entry)
        elif value is not None:
            yield key, str(value)


def changed_fields(old_text: str, new_text: str) -> dict[str, list[worddiff.Hunk]]:
    """Word diffs of the changed text fields and of the body ("body"), in file order."""
    try:
        old, new = frontmatter.parse(nfc(old_text)), frontmatter.parse(nfc(new_text))
    except (frontmatter.FrontMatterError, yaml.YAMLError):
        old, new = frontmatter.MarkdownDocument({}, old_text), frontmatter.parse(new_text)
    before, after = dict(_flat(old.meta)), dict(_flat(new.meta))
    result: dict[str, list[worddiff.Hunk]] = {}
    for label in [*after, *(k for k in before if k not in after)]:
        hunks = worddiff.diff(before.get(label, ""), after.get(label, ""))
        if hunks:
            result[label] = hunks
    body = worddiff.diff(old.body, new.body)
    if body:
        result["body"] = body
    return result


def _command(status: str, translation: str) -> str | None:
    if status == MISSING:
        return f"{COMMAND} --new {translation}"
    if status == OUTDATED:
        return f"{COMMAND} --mark {translation}"
    return None


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _recorded_hash(path: Path) -> str | None:
    try:
        meta = frontmatter.read(path).meta
    except Exception:  # broken files are reported by the validator
        return None
    value = meta.get("source_hash")
    return str(value) if value is not None else None


HASH_LINE_RE = re.compile(r"^source_hash:.*$", re.M)


def mark_up_to_date(original: Path, translation: Path) -> str:
    """Record the original's current hash in the translation; returns the hash.

    Only the `source_hash` line is written, so the rest of the staff's file is
    left exactly as they typed it.
    """
    digest = source_hash(original.read_text("utf-8-sig"))
    text = translation.read_text("utf-8-sig")
    header, _, _ = frontmatter.split(text)
    line = f"source_hash: {digest}"
    if header is None:
        new = f"---\n{line}\n---\n\n{text}"
    elif HASH_LINE_RE.search(header):
        new = text.replace(header, HASH_LINE_RE.sub(line, header), 1)
    else:
        end = text.index("\n", 3) + 1  # after the opening '---' line
        new = text[:end] + line + "\n" + text[end:]
    translation.write_text(new, "utf-8")
    return digest


def new_translation(kind: str, original: Path, translation: Path) -> None:
    """Write a translation to fill in: the original's text fields and body, each under a
    "TO WRITE:" mark, so the item counts as missing until every mark is gone."""
    doc = frontmatter.parse(nfc(original.read_text("utf-8-sig")))
    schema = KIND_SCHEMAS.get(kind)
    if schema:
        properties = {k: v for k, v in load_schema(schema).properties.items()
                      if k != "source_hash"}
    else:
        properties = {"title": {}, "description": {}}
    meta: dict[str, Any] = {}
    for key, spec in properties.items():
        if key not in doc.meta:
            continue
        value = doc.meta[key]
        if isinstance(value, list):
            subs = (spec.get("items") or {}).get("properties") or {}
            meta[key] = [
                {k: _to_write(v) if subs[k].get("x-text") else v
                 for k, v in entry.items() if k in subs}
                if isinstance(entry, dict) else _to_write(entry)
                for entry in value]
        elif isinstance(value, str):
            meta[key] = _to_write(value)
    body = ("TO WRITE: dịch đoạn dưới đây rồi xoá dòng này / translate the text below, "
            "then delete this line.\n\n" + doc.body.lstrip())
    header = yaml.dump(meta, Dumper=_StaffDumper, allow_unicode=True, sort_keys=False,
                       default_flow_style=False, width=10_000)
    translation.parent.mkdir(parents=True, exist_ok=True)
    translation.write_text(f"---\n{header}---\n\n{body}", "utf-8")


class _StaffDumper(yaml.SafeDumper):
    """YAML as staff would type it: text on one line, several lines as a `|` block."""


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_StaffDumper.add_representer(str, _represent_text)


def _to_write(value: Any) -> Any:
    return f"TO WRITE: {value}" if isinstance(value, str) else value


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
        return as_markdown(items, context.lang, history.note)

    return [GeneratedPage(STAFF_PAGE, markdown, title="Bản dịch / Translations")]
