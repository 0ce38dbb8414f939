"""The validator beside the preview: run on the edited files and their other-language
twins in its own process, its messages (Vietnamese first) printed after the reload
instead of delaying it, and kept per file for the banner of the page being viewed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path

from noidung.content.layout import REPO_ROOT
from noidung.preview.changes import twins

# -- validation ------------------------------------------------------------------------


class Problems:
    """The current problems of each source file (relative to the project, / separated):
    what the validator said the last time it checked that file."""

    def __init__(self) -> None:
        self._by_path: dict[str, list[dict]] = {}
        self._lock = threading.Lock()

    def replace(self, checked: Iterable[str] | None, problems: Iterable[dict]) -> None:
        """The validator checked `checked` (None: every file) and found `problems`: those
        files' earlier problems are gone, these are now theirs (translation reminders
        left out, as in the terminal)."""
        with self._lock:
            if checked is None:
                self._by_path.clear()
            else:
                for rel in checked:
                    self._by_path.pop(rel, None)
            for problem in problems:
                if problem["rule"] not in QUIET_RULES:
                    self._by_path.setdefault(problem["path"], []).append(problem)

    def of(self, paths: Iterable[str]) -> list[dict]:
        """The problems of `paths`, file by file in that order, errors first in each."""
        with self._lock:
            found = []
            for rel in dict.fromkeys(paths):
                found += sorted(self._by_path.get(rel, []), key=lambda p: (
                    p["severity"] != "error", p["line"], p["column"]))
            return found


class Checker:
    """Runs `noidung validate` on the edited files and their twins in a separate process
    (the preview does not wait for it), prints their problems, errors first, Vietnamese
    first, and keeps them in `problems` for the page's banner."""

    def __init__(self, root: Path, languages: Iterable[str] = ("vi", "en"),
                 problems: Problems | None = None) -> None:
        self.root = root
        self.languages = tuple(languages)
        self.problems = problems if problems is not None else Problems()
        self._process: subprocess.Popen | None = None
        self._pending: list[str] | None = []  # what the running process checks
        self._lock = threading.Lock()

    def wanted(self, paths: Iterable[str]) -> list[str]:
        """The content files to check after edits to `paths`: each one and its twins in
        the other languages (docs/vi/x.md and docs/en/x.md; a campaign's vi.md, en.md
        and campaign.yml), deleted ones included (their problems are cleared)."""
        found: dict[str, None] = {}
        for rel in paths:
            if rel.startswith(("docs/", "campaigns/")):
                found.update(dict.fromkeys(twins(rel, self.languages)))
        return list(found)

    def check(self, paths: list[str] | None) -> None:
        """Check the content files among `paths` (relative to the root) and their twins;
        None: every file (after a failed full build, whose cause may be in any file)."""
        wanted = None if paths is None else self.wanted(paths)
        if wanted == []:
            return
        with self._lock:
            if self._process and self._process.poll() is None:
                # An older edit: check its files again with these ones.
                self._process.terminate()
                if wanted is not None and self._pending is not None:
                    wanted = list(dict.fromkeys(self._pending + wanted))
                elif self._pending is None:
                    wanted = None
            existing = None if wanted is None else [
                p for p in wanted if (self.root / p).is_file()]
            self._pending = wanted
            if existing == []:  # only deleted files: nothing to run, nothing left to show
                self.problems.replace(wanted, [])
                self._process = None
                return
            self._process = subprocess.Popen(
                [sys.executable, "-m", "noidung", "--root", str(self.root), "validate",
                 "--format", "json", *(str(self.root / p) for p in existing or [])],
                cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
            threading.Thread(target=self._report, args=(self._process, wanted),
                             daemon=True).start()

    def _report(self, process: subprocess.Popen, checked: list[str] | None) -> None:
        out, err = process.communicate()
        if process.returncode not in (0, 1):  # terminated, or the validator could not run
            if process.returncode == 2:
                print(err.strip(), file=sys.stderr, flush=True)
            return
        try:
            problems = json.loads(out).get("problems", [])
            text = problems_text(out)
        except ValueError:  # not the JSON report: show what the validator said
            print((out + err).strip(), file=sys.stderr, flush=True)
            return
        self.problems.replace(checked, problems)
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


# -- the banner of the page being viewed -----------------------------------------------


def internal_problem(rel: str, why: str, log: Path | None) -> dict:
    """A page that could not be rendered, as a problem of its source file `rel`."""
    where = str(log) if log else "cửa sổ lệnh"
    return {
        "path": rel, "line": 0, "column": 0, "rule": "internal-error", "severity": "error",
        "message_vi": f"không dựng được trang từ tệp này, trang đang hiển thị là bản trước "
                      f"({why})",
        "message_en": f"the page could not be rendered from this file; you see the previous "
                      f"version ({why})",
        "hint_vi": f"sửa tệp rồi lưu lại; chi tiết lỗi ghi trong {where}",
        "hint_en": f"fix the file and save it; the details are in "
                   f"{log if log else 'the terminal'}",
    }


def page_problems(sources: list[str], problems: Problems, failures: Mapping[str, str],
                  log: Path | None) -> list[dict]:
    """What the banner of a page shows: for each of its source files (Vietnamese first),
    the page that could not be rendered from it, then the validator's problems."""
    found = []
    for rel in dict.fromkeys(sources):
        if rel in failures:
            found.append(internal_problem(rel, failures[rel], log))
        found += problems.of([rel])
    return found


def banner_entry(problem: dict) -> dict:
    """One problem as the banner's script shows it (only what it needs)."""
    where = f"{problem['path']}:{problem['line']}" if problem.get("line") else problem["path"]
    error = problem["severity"] == "error"
    return {"where": where, "severity": problem["severity"], "rule": problem["rule"],
            "level_vi": "Lỗi" if error else "Cảnh báo", "level_en": "Error" if error else "Warning",
            "message_vi": problem["message_vi"], "message_en": problem["message_en"],
            "hint_vi": problem.get("hint_vi") or "", "hint_en": problem.get("hint_en") or ""}
