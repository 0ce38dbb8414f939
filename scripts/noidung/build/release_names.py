"""Release folders by name: how they are named, ordered, pruned and rolled back to (pure).

A release is `releases/<UTC time>[.<n>]-<commit>/`; the order comes from the name, not
from sorting text, and a release a rollback left is `<name>.rolled-back`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import PurePosixPath

RELEASES = "releases"


CURRENT = "current"


INCOMING = ".incoming-"


ROLLED_BACK = ".rolled-back"


DEFAULT_KEEP = 5


#: A build without these is not a site (the two home pages, the two 404 pages, the nginx
#: includes of deploy/nginx.conf: without them nginx would not even reload).
REQUIRED_FILES = ("index.html", "en/index.html", "404.html", "en/404.html",
                  "_deploy/security-headers.conf", "_deploy/redirects.conf")


STAMP_FORMAT = "%Y%m%dT%H%M%SZ"


#: `<UTC time>[.<n>]-<short commit or local>[.rolled-back]`; `.n` when two deploys share a second.
RELEASE_RE = re.compile(r"^(?P<stamp>\d{8}T\d{6}Z)(?:\.(?P<seq>\d+))?-(?:[0-9a-f]{4,40}|local)"
                        r"(?:\.rolled-back)?$")


class DeployError(Exception):
    """A refused or failed step, with the message in Vietnamese and in English."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(f"{vi} / {en}")
        self.vi, self.en = vi, en

    def message(self) -> str:
        return f"LỖI: {self.vi} / ERROR: {self.en}"


def say(vi: str, en: str) -> None:
    """Print one message, Vietnamese first, like the rest of the staff command."""
    print(f"{vi} / {en}", flush=True)


# --- Names and order of releases (pure) ---------------------------------------------------

def release_key(name: str) -> tuple[str, int]:
    """Sort key of a release folder name: its time, then its sequence number in that second."""
    match = RELEASE_RE.match(name)
    if match is None:
        raise ValueError(f"not a release name: {name!r}")
    return match["stamp"], int(match["seq"] or 0)


def is_release(name: str) -> bool:
    return RELEASE_RE.match(name) is not None


def is_rolled_back(name: str) -> bool:
    return name.endswith(ROLLED_BACK)


def sort_releases(names: Iterable[str]) -> list[str]:
    """Release folders, oldest first; anything else (an interrupted copy, a stray file) left out."""
    return sorted((n for n in names if is_release(n)), key=release_key)


def new_release_name(now: dt.datetime, commit: str, existing: Iterable[str]) -> str:
    """`<UTC time>-<commit>`, sorting after every existing release.

    Rollback goes by order, so a deploy in the same second as the last one (or after the
    clock went back) takes the newest time with the next sequence number instead.
    """
    commit = commit if re.fullmatch(r"[0-9a-f]{4,40}", commit) else "local"
    stamp, seq = now.astimezone(dt.UTC).strftime(STAMP_FORMAT), 0
    newest = max((release_key(n) for n in existing if is_release(n)), default=None)
    if newest is not None and newest >= (stamp, 0):
        stamp, seq = newest[0], newest[1] + 1
    return f"{stamp}{f'.{seq}' if seq else ''}-{commit}"


def previous_release(releases: Iterable[str], current: str | None) -> str | None:
    """Where a rollback goes: the newest release older than `current`, not rolled back."""
    if current is None or not is_release(current):
        return None
    older = [r for r in sort_releases(releases)
             if release_key(r) < release_key(current) and not is_rolled_back(r)]
    return older[-1] if older else None


def releases_to_prune(releases: Iterable[str], current: str | None, keep: int) -> list[str]:
    """Releases beyond the `keep` newest, except the live one and the rollback target."""
    ordered = sort_releases(releases)
    protected = {current, previous_release(ordered, current)}
    return [r for r in ordered[:-keep] if r not in protected] if keep > 0 else []


def release_of_link(target: str | None) -> str | None:
    """The release a `current` symlink points to (`releases/<name>`, relative or absolute)."""
    if not target:
        return None
    path = PurePosixPath(target.rstrip("/"))
    return path.name if path.parent.name == RELEASES and is_release(path.name) else None
