"""The validator beside the preview: run on the edited files in its own process, its
messages (Vietnamese first) printed after the reload instead of delaying it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

# Private helpers of MkDocs' build, used as `mkdocs.commands.build.build` uses them.
from noidung.content.layout import REPO_ROOT

# -- validation ------------------------------------------------------------------------


class Checker:
    """Runs `noidung validate` on the edited files in a separate process (the preview
    does not wait for it) and prints their problems, errors first, Vietnamese first."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._process: subprocess.Popen | None = None
        self._lock = threading.Lock()

    def check(self, paths: list[str] | None) -> None:
        """Check the content files among `paths` (relative to the root); None: every file
        (after a failed full build, whose cause may be in any file)."""
        wanted = None if paths is None else [
            p for p in paths if (self.root / p).is_file()
            and (p.startswith("docs/") or p.startswith("campaigns/"))]
        if wanted == []:
            return
        with self._lock:
            if self._process and self._process.poll() is None:
                self._process.terminate()  # an older edit: its report no longer matters
            self._process = subprocess.Popen(
                [sys.executable, "-m", "noidung", "--root", str(self.root), "validate",
                 "--format", "json", *(str(self.root / p) for p in wanted or [])],
                cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
            threading.Thread(target=self._report, args=(self._process,), daemon=True).start()

    def _report(self, process: subprocess.Popen) -> None:
        out, err = process.communicate()
        if process.returncode not in (0, 1):  # terminated, or the validator could not run
            if process.returncode == 2:
                print(err.strip(), file=sys.stderr, flush=True)
            return
        try:
            text = problems_text(out)
        except ValueError:  # not the JSON report: show what the validator said
            text = (out + err).strip()
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
