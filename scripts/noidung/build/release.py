"""`noidung deploy`: publish the built site/ as a new release, switched to atomically.

On the server (`<to>` is e.g. /var/www/noidung; deploy/nginx.conf serves `<to>/current`):

    <to>/releases/20261202T171518Z-d14df67/               one folder per deploy, never edited
    <to>/releases/20261201T090000Z-ab12cd3.rolled-back/   a release a rollback left
    <to>/current -> releases/20261202T171518Z-d14df67      the live release (a relative symlink)

A deploy copies site/ into `releases/.incoming-<name>-<pid>/`, compares the copy with site/ (every
path and size), renames it to `releases/<name>/`, then replaces `current` by rename(2) of a
new symlink onto it: a request sees the old release or the new one, never a mix or nothing
(`ln -sfn` would unlink, then create: a moment with no site). Then nginx is reloaded, because
it reads `current/_deploy/security-headers.conf` (this build's CSP) and `redirects.conf` only
when it (re)loads; last, releases beyond `--keep` are deleted (never the live one nor the one
a rollback would go back to).

A rollback switches `current` to the newest release older than the live one that was not
itself rolled back, and renames the release it leaves `<name>.rolled-back`: a second
rollback goes one further back, and a later deploy never rolls back to the bad release.

The same steps run on this machine (`LocalHost`, a path) or on a server (`RemoteHost`,
`user@host:/path`, through ssh and rsync or scp, each step one command list).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Protocol

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
#: rsync's rule: a colon before the first slash means a remote target. Only plain characters
#: in host and path, because both end up in command lines of a shell on the server.
REMOTE_RE = re.compile(r"^(?P<host>[A-Za-z0-9_.][A-Za-z0-9_.@-]*):(?P<path>/[A-Za-z0-9_.~+/-]*)$")
SYSTEMD_RELOAD = "systemctl reload nginx"
#: On a server the deploy user is not root: a sudoers line allows exactly this (deploy/README.md).
REMOTE_RELOAD = "sudo -n systemctl reload nginx"


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


# --- What is on the target ----------------------------------------------------------------

@dataclass(frozen=True)
class State:
    """The releases on a target, what `current` points to, and whether we may write there."""

    releases: tuple[str, ...] = ()
    current_target: str | None = None  # the symlink's text, None when there is no symlink
    current_is_folder: bool = False  # `current` exists but is a real folder or file
    writable: bool = True

    @property
    def current(self) -> str | None:
        return release_of_link(self.current_target)


def parse_state(text: str) -> State:
    """The output of `STATE_SCRIPT` (run on a server) as a `State`."""
    target, folder, writable, names = None, False, False, []
    for line in text.splitlines():
        word, _, rest = line.partition(" ")
        if word == "current":
            target = rest
        elif word == "not-a-link":
            folder = True
        elif word == "release":
            names.append(rest)
        elif word == "writable":
            writable = True
    return State(tuple(sort_releases(names)), target, folder, writable)


#: Reads a target without changing it; its argument ($1) is the target folder.
STATE_SCRIPT = r"""t=$1
if [ -L "$t/current" ]; then printf 'current %s\n' "$(readlink "$t/current")"
elif [ -e "$t/current" ]; then echo not-a-link; fi
if [ -d "$t/releases" ]; then ls -1A "$t/releases" | sed 's/^/release /'; fi
d=$t; while [ ! -e "$d" ]; do d=$(dirname "$d"); done
if [ -d "$d" ] && [ -w "$d" ] && [ -x "$d" ] && { [ ! -e "$t/releases" ] || [ -w "$t/releases" ]; }
then echo writable; fi
exit 0"""


def local_writable(root: Path) -> bool:
    """True when `root` (and its releases/) can be written, or created in an existing folder."""
    existing = root
    while not os.path.lexists(existing) and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir() or not os.access(existing, os.W_OK | os.X_OK):
        return False
    releases = root / RELEASES
    return not releases.exists() or os.access(releases, os.W_OK | os.X_OK)


def local_state(root: Path) -> State:
    """The `State` of a folder on this machine."""
    link = root / CURRENT
    target = os.readlink(link) if link.is_symlink() else None
    folder = target is None and os.path.lexists(link)
    releases = root / RELEASES
    names = os.listdir(releases) if releases.is_dir() else []
    return State(tuple(sort_releases(names)), target, folder, local_writable(root))


# --- Checking a copy ------------------------------------------------------------------------

def manifest(folder: Path) -> dict[str, int]:
    """Relative path -> size of every regular file under `folder` (symlinks not followed)."""
    found = {}
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(dirpath, name)
            if not path.is_symlink() and path.is_file():
                found[path.relative_to(folder).as_posix()] = path.stat().st_size
    return found


#: find's format for `parse_manifest`: size, space, path relative to the folder.
FIND_FORMAT = r"%s %P\n"


def parse_manifest(text: str) -> dict[str, int]:
    """`find DIR -type f -printf FIND_FORMAT` output as the mapping `manifest` returns."""
    found = {}
    for line in text.splitlines():
        size, _, path = line.partition(" ")
        if path:
            found[path] = int(size)
    return found


def manifest_problems(expected: Mapping[str, int], actual: Mapping[str, int],
                      limit: int = 5) -> list[str]:
    """What differs between site/ and its copy: missing, extra and different-size files."""
    problems = [f"missing {p}" for p in sorted(expected.keys() - actual.keys())]
    problems += [f"extra {p}" for p in sorted(actual.keys() - expected.keys())]
    problems += [f"size {p}: {expected[p]} != {actual[p]}"
                 for p in sorted(expected.keys() & actual.keys()) if expected[p] != actual[p]]
    if len(problems) > limit:
        problems = problems[:limit] + [f"... {len(problems) - limit} more"]
    return problems


def check_site(site: Path) -> dict[str, int]:
    """The manifest of a built site, or DeployError when there is none or it is incomplete."""
    if not site.is_dir():
        raise DeployError(f"không có thư mục {site}: hãy chạy `python3 make.py build` trước",
                          f"there is no {site} folder: run `python3 make.py build` first")
    missing = [name for name in REQUIRED_FILES if not (site / name).is_file()]
    if missing:
        raise DeployError(f"{site} chưa đầy đủ, thiếu {', '.join(missing)}: hãy dựng lại bằng "
                          "`python3 make.py build`",
                          f"{site} is incomplete, {', '.join(missing)} missing: rebuild it with "
                          "`python3 make.py build`")
    return manifest(site)


# --- The two kinds of target --------------------------------------------------------------

@dataclass(frozen=True)
class Target:
    """Where releases go: a folder here (`host` None) or `host:path` on a server."""

    path: str
    host: str | None = None

    @property
    def remote(self) -> bool:
        return self.host is not None

    def __str__(self) -> str:
        return f"{self.host}:{self.path}" if self.host else self.path


def parse_target(text: str) -> Target:
    """`/var/www/noidung` or `user@host:/var/www/noidung` (the rsync convention)."""
    text = text.strip()
    if not text:
        raise DeployError("thiếu đích --to", "--to is empty")
    if ":" in text.split("/", 1)[0]:
        match = REMOTE_RE.match(text.rstrip("/") or text)
        if match is None:
            raise DeployError(f"đích «{text}» không hợp lệ: viết user@host:/đường/dẫn/tuyệt/đối",
                              f"target {text!r} is not valid: write user@host:/absolute/path")
        return Target(match["path"].rstrip("/") or "/", match["host"])
    return Target(str(Path(text).absolute()))


class Host(Protocol):
    """The steps of a deploy on one kind of target; names are folders inside releases/."""

    target: Target

    def state(self) -> State: ...
    def prepare(self) -> None: ...
    def upload(self, site: Path, folder: str, link_dest: str | None) -> None: ...
    def manifest(self, folder: str) -> dict[str, int]: ...
    def rename(self, old: str, new: str) -> None: ...
    def remove(self, folder: str) -> None: ...
    def switch(self, release: str) -> None: ...
    def reload(self, command: str) -> None: ...


class LocalHost:
    """A target folder on this machine, changed with the standard library."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.target = Target(str(root))

    def _release(self, folder: str) -> Path:
        return self.root / RELEASES / folder

    def state(self) -> State:
        return local_state(self.root)

    def prepare(self) -> None:
        (self.root / RELEASES).mkdir(parents=True, exist_ok=True)

    def upload(self, site: Path, folder: str, link_dest: str | None) -> None:
        # copy2 keeps modification times: nginx's ETag and Last-Modified of an unchanged
        # file stay the same across releases, so browsers revalidate it for free.
        shutil.copytree(site, self._release(folder), symlinks=True)

    def manifest(self, folder: str) -> dict[str, int]:
        return manifest(self._release(folder))

    def rename(self, old: str, new: str) -> None:
        os.rename(self._release(old), self._release(new))  # fails if `new` exists: no overwrite

    def remove(self, folder: str) -> None:
        # Files nginx has open stay readable until closed: deleting a release is safe.
        path = self._release(folder)
        if os.path.lexists(path):
            shutil.rmtree(path)

    def switch(self, release: str) -> None:
        temporary = self.root / f".{CURRENT}.new-{os.getpid()}"
        temporary.unlink(missing_ok=True)
        os.symlink(f"{RELEASES}/{release}", temporary)
        os.replace(temporary, self.root / CURRENT)  # rename(2): atomic, no moment without it

    def reload(self, command: str) -> None:
        done = subprocess.run(["sh", "-c", command], capture_output=True, text=True)
        if done.returncode != 0:
            raise _reload_failed(command, done.stderr)


#: Runs one command list; returns its standard output or raises DeployError.
Runner = Callable[[Sequence[str]], str]


def run_command(command: Sequence[str]) -> str:
    """Run a command (no shell here), its output captured; a failure is a DeployError."""
    try:
        done = subprocess.run(list(command), capture_output=True, text=True)
    except FileNotFoundError:
        raise DeployError(f"không tìm thấy lệnh {command[0]}: hãy cài đặt nó",
                          f"command {command[0]} not found: install it") from None
    if done.returncode != 0:
        raise DeployError(f"lệnh thất bại (mã {done.returncode}): {shlex.join(command)}",
                          f"command failed: {done.stderr.strip()[-500:]}")
    return done.stdout


class RemoteHost:
    """A target folder on a server, changed by ssh commands; files sent by rsync or scp.

    Every remote command is one argument list joined with shlex (ssh hands the server's
    shell a string), so paths are quoted once and nothing else is interpreted.
    """

    def __init__(self, target: Target, ssh_options: Sequence[str] = (),
                 upload_with: str = "rsync", run: Runner = run_command) -> None:
        assert target.host is not None
        self.target, self.host, self.path = target, target.host, target.path
        self.options, self.upload_with, self.run = list(ssh_options), upload_with, run

    def _release(self, folder: str) -> str:
        return f"{self.path}/{RELEASES}/{folder}"

    def ssh(self, *argv: str) -> list[str]:
        """The command list running `argv` on the server."""
        return ["ssh", *self.options, self.host, shlex.join(argv)]

    def upload_command(self, site: Path, folder: str, link_dest: str | None) -> list[str]:
        if self.upload_with == "scp":
            # scp -r creates the folder from site/'s contents; -p keeps times and modes.
            return ["scp", *self.options, "-rpq", str(site), f"{self.host}:{self._release(folder)}"]
        # Files unchanged since the live release become hard links to it: no second copy.
        link = [f"--link-dest={self._release(link_dest)}"] if link_dest else []
        return ["rsync", "-a", "--delete", "--chmod=Du=rwx,Dgo=rx,Fu=rw,Fgo=r",
                "-e", shlex.join(["ssh", *self.options]), *link,
                f"{site}/", f"{self.host}:{self._release(folder)}/"]

    def switch_command(self, release: str) -> list[str]:
        # mv -T renames the new link onto `current` (rename(2)); without -T, mv would move it
        # into the folder `current` points to.
        script = ('rm -f "$1/.current.new" && ln -s "$2" "$1/.current.new" && '
                  'mv -T "$1/.current.new" "$1/current"')
        return self.ssh("sh", "-c", script, "sh", self.path, f"{RELEASES}/{release}")

    def state(self) -> State:
        return parse_state(self.run(self.ssh("sh", "-c", STATE_SCRIPT, "sh", self.path)))

    def prepare(self) -> None:
        self.run(self.ssh("mkdir", "-p", f"{self.path}/{RELEASES}"))

    def upload(self, site: Path, folder: str, link_dest: str | None) -> None:
        self.run(self.upload_command(site, folder, link_dest))

    def manifest(self, folder: str) -> dict[str, int]:
        return parse_manifest(self.run(self.ssh("find", self._release(folder), "-type", "f",
                                                "-printf", FIND_FORMAT)))

    def rename(self, old: str, new: str) -> None:
        self.run(self.ssh("mv", "-T", "--no-clobber", self._release(old), self._release(new)))

    def remove(self, folder: str) -> None:
        self.run(self.ssh("rm", "-rf", "--", self._release(folder)))

    def switch(self, release: str) -> None:
        self.run(self.switch_command(release))

    def reload(self, command: str) -> None:
        try:
            self.run(["ssh", *self.options, self.host, command])  # the operator's shell command
        except DeployError as error:
            raise _reload_failed(command, error.en) from None


def _reload_failed(command: str, detail: str) -> DeployError:
    return DeployError(f"bản mới đã chạy nhưng nạp lại nginx thất bại ({command}): nginx vẫn "
                       "gửi tiêu đề CSP của bản trước; hãy sửa rồi chạy lại lệnh này bằng tay",
                       f"the new release is live but reloading nginx failed ({command}): nginx "
                       f"still sends the previous build's CSP; fix it and run it by hand. "
                       f"{detail.strip()[-300:]}")


# --- ssh from a pipeline -------------------------------------------------------------------

def _secret(value: str | None) -> str | None:
    """A CI variable's text: given as is, or as the path of a file (GitLab's "File" type)."""
    if not value:
        return None
    if "\n" not in value and os.path.isfile(value):
        value = Path(value).read_text("utf-8")
    # ssh refuses a key without its final newline, and one pasted with Windows line ends.
    return value.replace("\r\n", "\n").rstrip("\n") + "\n"


@contextmanager
def ssh_options(env: Mapping[str, str]) -> Iterator[list[str]]:
    """ssh options for this run; `DEPLOY_SSH_KEY`, `DEPLOY_KNOWN_HOSTS` come from CI variables.

    The key is written to a private temporary file (ssh refuses a key others can read) that
    is deleted at the end. BatchMode: a missing key fails at once instead of asking for a
    password nobody will type.
    """
    options = ["-o", "BatchMode=yes"]
    with tempfile.TemporaryDirectory(prefix="noidung-ssh-") as folder:
        key, known = _secret(env.get("DEPLOY_SSH_KEY")), _secret(env.get("DEPLOY_KNOWN_HOSTS"))
        if key:
            path = os.path.join(folder, "key")
            with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as f:
                f.write(key)
            options += ["-i", path, "-o", "IdentitiesOnly=yes"]
        if known:
            path = os.path.join(folder, "known_hosts")
            Path(path).write_text(known, "utf-8")
            options += ["-o", f"UserKnownHostsFile={path}", "-o", "StrictHostKeyChecking=yes"]
        yield options


# --- The three operations ------------------------------------------------------------------

def _check_target(state: State, target: Target) -> None:
    if not state.writable:
        raise DeployError(f"không ghi được vào {target} (quyền, hoặc không phải thư mục)",
                          f"cannot write to {target} (permissions, or not a folder)")
    if state.current_is_folder:
        raise DeployError(f"{target}/{CURRENT} là thư mục thật, không phải liên kết: hãy chuyển "
                          "nó đi một lần (xem deploy/README.md)",
                          f"{target}/{CURRENT} is a real folder, not a symlink: move it away "
                          "once (see deploy/README.md)")


def _reload(host: Host, command: str | None) -> None:
    if command is None:
        say("Chưa nạp lại nginx: hãy chạy `systemctl reload nginx` (hoặc `nginx -s reload`) "
            "để nginx đọc tiêu đề CSP và chuyển hướng của bản này",
            "nginx not reloaded: run `systemctl reload nginx` (or `nginx -s reload`) so that it "
            "reads this release's CSP header and redirects")
        return
    host.reload(command)
    say(f"Đã nạp lại nginx ({command})", f"nginx reloaded ({command})")


def deploy(host: Host, site: Path, *, commit: str = "local", keep: int = DEFAULT_KEEP,
           reload: str | None = None, now: dt.datetime | None = None) -> str:
    """Copy `site` into a new release, check it, switch to it, reload, prune. Returns its name.

    Every refusal comes before the first change; a copy that fails its check is deleted.
    """
    expected = check_site(site)
    state = host.state()
    _check_target(state, host.target)
    name = new_release_name(now or dt.datetime.now(dt.UTC), commit, state.releases)
    # The process id too: a second deploy at the same moment cannot write into this copy.
    incoming = f"{INCOMING}{name}-{os.getpid()}"
    say(f"Sao chép {len(expected)} tệp vào {host.target}/{RELEASES}/{name}",
        f"copying {len(expected)} files into {host.target}/{RELEASES}/{name}")
    host.prepare()
    try:
        host.upload(site, incoming, state.current)
        problems = manifest_problems(expected, host.manifest(incoming))
        if problems:
            raise DeployError("bản sao khác site/, không chuyển sang: " + "; ".join(problems),
                              "the copy differs from site/, not switched: " + "; ".join(problems))
        host.rename(incoming, name)
    except BaseException:
        try:
            host.remove(incoming)  # nothing half-copied stays behind
        except (OSError, DeployError):
            pass  # the first error is the one to report
        raise
    host.switch(name)
    say(f"Đang chạy: {name}", f"live now: {name}")
    _reload(host, reload)
    for old in releases_to_prune((*state.releases, name), name, keep):
        host.remove(old)
        say(f"Đã xóa bản cũ {old}", f"deleted old release {old}")
    say(f"Quay lui nếu cần: python3 make.py deploy --to {host.target} --rollback",
        f"to roll back: python3 make.py deploy --to {host.target} --rollback")
    return name


def rollback(host: Host, *, reload: str | None = None) -> str:
    """Switch `current` back to the previous release, reload, mark the one left. Returns it."""
    state = host.state()
    _check_target(state, host.target)
    current = state.current
    if current is None:
        raise DeployError(f"không có bản nào đang chạy trong {host.target}",
                          f"no release is live in {host.target}")
    previous = previous_release(state.releases, current)
    if previous is None:
        raise DeployError(f"không có bản nào cũ hơn {current} để quay lui",
                          f"nothing to roll back to: no release older than {current}")
    host.switch(previous)
    say(f"Đã quay lui. Đang chạy: {previous} (thay cho {current})",
        f"rolled back. Live now: {previous} (instead of {current})")
    _reload(host, reload)
    if not is_rolled_back(current):
        # After the switch nothing reads the old folder any more (nginx goes through current).
        host.rename(current, current + ROLLED_BACK)
    return previous


def format_listing(state: State, target: Target) -> str:
    """The releases, newest first, the live one marked with `*`."""
    if not state.releases:
        return f"Chưa có bản nào trong {target} / no releases in {target} yet"
    back = previous_release(state.releases, state.current)
    lines = [f"Các bản trong {target}/{RELEASES} (* đang chạy) / releases (* live):"]
    for name in reversed(state.releases):
        notes = []
        if name == state.current:
            notes.append("đang chạy / live")
        if name == back:
            notes.append("--rollback về bản này / --rollback goes here")
        if is_rolled_back(name):
            notes.append("đã bị quay lui, không dùng lại / rolled back, never reused")
        mark = "*" if name == state.current else " "
        lines.append(f"{mark} {name}" + (f"  ({'; '.join(notes)})" if notes else ""))
    if state.current is None:
        lines.append(f"  {CURRENT} không trỏ tới bản nào / {CURRENT} points to no release")
    return "\n".join(lines)


# --- The staff command ---------------------------------------------------------------------

def git_commit(root: Path) -> str:
    """The short commit of the checkout, or 'local' outside git."""
    try:
        done = subprocess.run(["git", "-C", str(root), "rev-parse", "--short=7", "HEAD"],
                              capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return "local"
    commit = done.stdout.strip()
    return commit if done.returncode == 0 and re.fullmatch(r"[0-9a-f]{4,40}", commit) else "local"


def default_reload(remote: bool) -> str | None:
    """`systemctl reload nginx` where systemd runs (over ssh with sudo -n), else None."""
    if remote:
        return REMOTE_RELOAD
    if shutil.which("systemctl") and os.path.isdir("/run/systemd/system"):
        return SYSTEMD_RELOAD
    return None


@contextmanager
def open_host(target: Target, upload_with: str | None = None,
              env: Mapping[str, str] = os.environ) -> Iterator[Host]:
    """The `Host` for a target; a remote one holds its ssh options for the block."""
    if not target.remote:
        yield LocalHost(Path(target.path))
        return
    with ssh_options(env) as options:
        yield RemoteHost(target, options, upload_with or ("rsync" if shutil.which("rsync")
                                                          else "scp"))


def _keep(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("--keep phải từ 1 trở lên / --keep must be at least 1")
    return value


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the `deploy` subcommand on the `noidung` parser."""
    parser = sub.add_parser(
        "deploy",
        help="đưa site/ đã dựng lên trang thật, quay lui, liệt kê / publish site/, roll back, list",
        description="Sao chép site/ vào một bản mới trong ĐÍCH/releases/, kiểm tra, rồi chuyển "
        "ĐÍCH/current sang bản đó trong một bước và nạp lại nginx. / Copies site/ into a new "
        "release in TARGET/releases/, checks it, switches TARGET/current to it in one step and "
        "reloads nginx.",
    )
    parser.add_argument("--to", required=True, metavar="ĐÍCH",
                        help="thư mục trên máy này hoặc user@host:/đường/dẫn / a folder here or "
                        "user@host:/path (e.g. /var/www/noidung)")
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--rollback", action="store_true",
                        help="quay về bản trước / switch back to the previous release")
    action.add_argument("--list", action="store_true",
                        help="liệt kê các bản / list the releases")
    parser.add_argument("--keep", type=_keep, default=DEFAULT_KEEP, metavar="N",
                        help=f"giữ N bản mới nhất (mặc định {DEFAULT_KEEP}) / keep N releases")
    parser.add_argument("--site", type=Path, default=None, metavar="THƯ_MỤC",
                        help="thư mục đã dựng (mặc định: site/) / the built folder")
    parser.add_argument("--reload-command", metavar="LỆNH",
                        help="lệnh nạp lại nginx, chạy trên máy có trang (mặc định: "
                        f"`{SYSTEMD_RELOAD}` nếu có systemd; qua ssh: `{REMOTE_RELOAD}`) / "
                        "shell command reloading nginx where the site is")
    parser.add_argument("--no-reload", action="store_true",
                        help="không nạp lại nginx, chỉ nhắc / do not reload, print what to run")
    parser.add_argument("--upload", choices=("rsync", "scp"), default=None,
                        help="cách gửi tệp lên máy chủ (mặc định: rsync nếu có) / how files go "
                        "to a server (default: rsync when installed, else scp)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """`noidung deploy`: 0 done, 1 refused or failed (the message says what changed)."""
    root = Path(args.root)
    try:
        target = parse_target(args.to)
        reload = None if args.no_reload else (args.reload_command or default_reload(target.remote))
        with open_host(target, args.upload) as host:
            if args.list:
                print(format_listing(host.state(), host.target))
            elif args.rollback:
                rollback(host, reload=reload)
            else:
                deploy(host, args.site or root / "site", commit=git_commit(root),
                       keep=args.keep, reload=reload)
    except DeployError as error:
        print(error.message(), file=sys.stderr)
        return 1
    return 0
