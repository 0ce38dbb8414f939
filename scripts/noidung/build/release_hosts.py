"""Where a deploy happens: this machine (a path) or a server over ssh (`user@host:/path`).

Each host answers the same few questions (what releases it has, where `current` points,
whether a copy matches site/) and does the same few steps (copy, rename, switch, delete),
the remote one as one command list per step, so the steps can be tested without a server.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from noidung.build.release_names import (
    CURRENT,
    RELEASES,
    REQUIRED_FILES,
    DeployError,
    release_of_link,
    sort_releases,
)

#: Runs one command list; returns its standard output or raises DeployError.
Runner = Callable[[Sequence[str]], str]

#: rsync's rule: a colon before the first slash means a remote target. Only plain characters
#: in host and path, because both end up in command lines of a shell on the server.
REMOTE_RE = re.compile(r"^(?P<host>[A-Za-z0-9_.][A-Za-z0-9_.@-]*):(?P<path>/[A-Za-z0-9_.~+/-]*)$")


SYSTEMD_RELOAD = "systemctl reload nginx"


#: On a server the deploy user is not root: a sudoers line allows exactly this (deploy/README.md).
REMOTE_RELOAD = "sudo -n systemctl reload nginx"


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
