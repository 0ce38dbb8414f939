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
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from noidung.build.release_hosts import (
    REMOTE_RELOAD,
    SYSTEMD_RELOAD,
    Host,
    LocalHost,
    RemoteHost,
    State,
    Target,
    check_site,
    manifest_problems,
    parse_target,
    ssh_options,
)
from noidung.build.release_names import (
    CURRENT,
    DEFAULT_KEEP,
    INCOMING,
    RELEASES,
    ROLLED_BACK,
    DeployError,
    is_rolled_back,
    new_release_name,
    previous_release,
    releases_to_prune,
    say,
)

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
