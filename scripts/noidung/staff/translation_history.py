"""When each file last changed: git history (one git log, one git status), file times without git,
and what a shallow clone cannot tell. The translations report dates originals and translations
with it, and finds the version of an original that a translation was made from.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

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
