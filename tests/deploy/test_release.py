"""`noidung deploy` (noidung/build/release.py): releases, the atomic switch, rollback, pruning.

The local-folder target is tested for real, once under load behind the shipped nginx;
the user@host:/path target by the command lists it runs, and by running those same ssh
commands' shell text on this machine.
"""

from __future__ import annotations

import datetime as dt
import gzip
import http.client
import os
import shlex
import shutil
import stat
import subprocess
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from noidung import cli
from noidung.build import compress as build_compress
from noidung.build import release_hosts as build_release_hosts
from noidung.build import release_names as build_release_names
from noidung.build.release import deploy, format_listing, rollback
from noidung.build.release_hosts import (
    FIND_FORMAT,
    STATE_SCRIPT,
    LocalHost,
    RemoteHost,
    State,
    Target,
    local_state,
    manifest,
    manifest_problems,
    parse_manifest,
    parse_state,
    parse_target,
)
from noidung.build.release_names import (
    REQUIRED_FILES,
    DeployError,
    new_release_name,
    previous_release,
    releases_to_prune,
)
from tests.deploy.nginx import reload_command, run_nginx
from tests.deploy.pages import module_page

T0 = dt.datetime(2026, 12, 2, 17, 0, 0, tzinfo=dt.UTC)
A, B, C = "20261201T090000Z-aaaaaaa", "20261202T090000Z-bbbbbbb", "20261203T090000Z-ccccccc"


def tiny_site(folder: Path, text: str = "v1") -> Path:
    """The smallest folder `check_site` accepts, each page saying `text`."""
    for name in REQUIRED_FILES:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"<!doctype html><title>{text}</title>{name}\n")
    (folder / "assets").mkdir()
    (folder / "assets" / "site.css").write_text("body{}\n")
    return folder


def snapshot(tree: Path) -> dict[str, object]:
    """Every entry under `tree`: symlinks by target, files by bytes, folders by name."""
    if not os.path.lexists(tree):
        return {}
    found: dict[str, object] = {}
    for dirpath, dirs, files in os.walk(tree):
        for name in dirs + files:
            path = Path(dirpath, name)
            rel = path.relative_to(tree).as_posix()
            if path.is_symlink():
                found[rel] = ("link", os.readlink(path))
            elif path.is_dir():
                found[rel] = ("dir", stat.S_IMODE(path.stat().st_mode))
            else:
                found[rel] = ("file", path.read_bytes())
    return found


def quiet_deploy(host, site: Path, minutes: int = 0, **kw) -> str:
    return deploy(host, site, now=T0 + dt.timedelta(minutes=minutes), **kw)


# --- Pure functions -------------------------------------------------------------------------

def test_release_names_sort_after_every_existing_release():
    assert new_release_name(T0, "d14df67", []) == "20261202T170000Z-d14df67"
    assert new_release_name(T0, "not a commit", []) == "20261202T170000Z-local"
    same_second = new_release_name(T0, "abcdef1", ["20261202T170000Z-d14df67"])
    assert same_second == "20261202T170000Z.1-abcdef1"
    assert new_release_name(T0, "abcdef1", [same_second]) == "20261202T170000Z.2-abcdef1"
    # The clock went back: the name still sorts last, because rollback goes by order.
    later = "20261203T000000Z-d14df67.rolled-back"
    assert new_release_name(T0, "abcdef1", [later]) == "20261203T000000Z.1-abcdef1"
    assert build_release_names.sort_releases([same_second, "junk", ".incoming-x", later,
                                  "20261202T170000Z-d14df67"]) == [
        "20261202T170000Z-d14df67", same_second, later]


def test_previous_release_skips_rolled_back_ones():
    assert previous_release([A, B, C], C) == B
    assert previous_release([A, B + ".rolled-back", C], C) == A
    assert previous_release([A, B, C], A) is None
    assert previous_release([A, B, C], None) is None


def test_pruning_keeps_the_newest_the_live_and_the_rollback_target():
    names = [f"2026120{d}T000000Z-aaaaaaa" for d in range(1, 8)]
    assert releases_to_prune(names, names[-1], keep=3) == names[:4]
    # Rolled back to the 2nd: it and the 1st (its rollback target) stay whatever --keep says.
    assert releases_to_prune(names, names[1], keep=2) == names[2:5]
    assert releases_to_prune(names[:2], names[1], keep=1) == []


def test_parse_target():
    assert parse_target("deploy@web1.local:/var/www/noidung/") == Target(
        "/var/www/noidung", "deploy@web1.local")
    assert parse_target("/var/www/noidung") == Target("/var/www/noidung")
    assert parse_target("./www:1").host is None  # a colon after a slash: a local folder
    for wrong in ("web1:relative/path", "-oProxyCommand=x:/p", "host:/a b", ""):
        with pytest.raises(DeployError):
            parse_target(wrong)


def test_parse_state_and_manifest():
    state = parse_state(f"current releases/{B}\nrelease {A}\nrelease .incoming-x\n"
                        f"release {B}\nwritable\n")
    assert state == State((A, B), f"releases/{B}", False, True) and state.current == B
    assert parse_state("not-a-link\n") == State((), None, True, False)
    assert parse_manifest("12 index.html\n3 en/a b.html\n") == {"index.html": 12,
                                                                "en/a b.html": 3}
    assert manifest_problems({"a": 1, "b": 2, "c": 3}, {"a": 1, "b": 5, "d": 1}) == [
        "missing c", "extra d", "size b: 2 != 5"]


def test_ssh_options_write_a_private_key_from_a_ci_variable(tmp_path):
    key_file = tmp_path / "from-gitlab"
    key_file.write_text("-----BEGIN KEY-----\r\nabc\r\n-----END KEY-----")
    with build_release_hosts.ssh_options({"DEPLOY_SSH_KEY": str(key_file),
                              "DEPLOY_KNOWN_HOSTS": "web1 ssh-ed25519 AAAA"}) as options:
        key = Path(options[options.index("-i") + 1])
        assert stat.S_IMODE(key.stat().st_mode) == 0o600
        assert key.read_text() == "-----BEGIN KEY-----\nabc\n-----END KEY-----\n"
        known = next(o for o in options if o.startswith("UserKnownHostsFile="))
        assert Path(known.split("=", 1)[1]).read_text() == "web1 ssh-ed25519 AAAA\n"
        assert options[:2] == ["-o", "BatchMode=yes"] and "StrictHostKeyChecking=yes" in options
    assert not key.exists()
    with build_release_hosts.ssh_options({}) as options:
        assert options == ["-o", "BatchMode=yes"]


# --- A local folder, for real ----------------------------------------------------------------

def test_deploy_switch_list_and_rollback(tmp_path):
    www, host = tmp_path / "www", LocalHost(tmp_path / "www")
    one, two = tiny_site(tmp_path / "one", "v1"), tiny_site(tmp_path / "two", "v2")
    first = quiet_deploy(host, one, commit="aaaaaaa")
    assert os.readlink(www / "current") == f"releases/{first}"  # relative: the folder may move
    assert (www / "current" / "index.html").read_text().startswith("<!doctype html><title>v1")
    second = quiet_deploy(host, two, 1, commit="bbbbbbb")
    assert manifest(www / "releases" / second) == manifest(two)
    assert sorted(os.listdir(www)) == ["current", "releases"]  # no temporary link left
    listing = format_listing(local_state(www), host.target)
    back = "(--rollback về bản này / --rollback goes here)"
    assert listing.splitlines()[1:] == [f"* {second}  (đang chạy / live)", f"  {first}  {back}"]
    assert rollback(host) == first
    assert (www / "current" / "index.html").read_text().startswith("<!doctype html><title>v1")
    assert sorted(os.listdir(www / "releases")) == [first, second + ".rolled-back"]
    # A deploy after a rollback: its rollback target is the good release, not the bad one.
    third = quiet_deploy(host, two, 2, commit="ccccccc")
    assert previous_release(local_state(www).releases, third) == first


def test_keep_prunes_old_releases(tmp_path):
    host, site = LocalHost(tmp_path / "www"), tiny_site(tmp_path / "site")
    names = [quiet_deploy(host, site, minute, keep=3) for minute in range(5)]
    assert list(local_state(tmp_path / "www").releases) == names[2:]
    rollback(host)
    rollback(host)  # live: names[2], the oldest left; nothing older to protect
    names.append(quiet_deploy(host, site, 9, keep=2))
    state = local_state(tmp_path / "www")
    assert state.current == names[-1]
    # Kept: the new one, its rollback target names[2] (older than --keep allows) and the
    # newest rolled-back one; the older rolled-back one went.
    assert list(state.releases) == [names[2], names[4] + ".rolled-back", names[-1]]


def test_rollback_without_a_previous_release_is_refused_and_changes_nothing(tmp_path, capsys):
    www = tmp_path / "www"
    quiet_deploy(LocalHost(www), tiny_site(tmp_path / "site"))
    before = snapshot(www)
    assert cli.main(["--root", str(tmp_path), "deploy", "--to", str(www), "--rollback",
                     "--reload-command", "false"]) == 1
    error = capsys.readouterr().err
    assert error.startswith("LỖI: không có bản nào cũ hơn ")
    assert " / ERROR: nothing to roll back to" in error
    assert snapshot(www) == before
    empty = tmp_path / "empty"
    assert cli.main(["deploy", "--to", str(empty), "--rollback"]) == 1
    assert "no release is live" in capsys.readouterr().err and not empty.exists()


def _refusals(tmp_path: Path):
    """(project root, target, what the message must say) for each refused deploy."""
    no_site = tmp_path / "no-site"
    no_site.mkdir()
    incomplete = tmp_path / "incomplete"
    tiny_site(incomplete / "site")
    (incomplete / "site" / "en" / "index.html").unlink()
    good = tmp_path / "good"
    tiny_site(good / "site")
    a_file = tmp_path / "a-file"
    a_file.write_text("not a folder")
    yield no_site, tmp_path / "www", "run `python3 make.py build` first"
    yield incomplete, tmp_path / "www", "en/index.html missing"
    yield good, a_file / "www", "cannot write to"
    if os.geteuid() != 0:  # root may write into a read-only folder
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o555)
        yield good, locked, "cannot write to"


def test_refused_deploys_say_why_and_change_nothing(tmp_path, capsys):
    www = tmp_path / "www"
    quiet_deploy(LocalHost(www), tiny_site(tmp_path / "live", "live"))
    for root, target, reason in list(_refusals(tmp_path)):
        before = snapshot(target)
        code = cli.main(["--root", str(root), "deploy", "--to", str(target), "--no-reload"])
        error = capsys.readouterr().err
        assert code == 1, (root, target)
        assert error.startswith("LỖI: ") and " / ERROR: " in error and reason in error, error
        assert snapshot(target) == before, target


def test_a_copy_that_differs_is_deleted_and_not_switched(tmp_path, monkeypatch):
    www, host = tmp_path / "www", LocalHost(tmp_path / "www")
    quiet_deploy(host, tiny_site(tmp_path / "one"))
    before = snapshot(www)
    real = LocalHost.manifest
    monkeypatch.setattr(LocalHost, "manifest",
                        lambda self, folder: {k: v for k, v in real(self, folder).items()
                                              if k != "404.html"})
    with pytest.raises(DeployError, match="missing 404.html"):
        quiet_deploy(host, tiny_site(tmp_path / "two", "v2"), 1)
    assert snapshot(www) == before


def test_cli_list_marks_the_live_release(tmp_path, capsys):
    www = tmp_path / "www"
    assert cli.main(["deploy", "--to", str(www), "--list"]) == 0
    assert "no releases" in capsys.readouterr().out
    tiny_site(tmp_path / "site")
    for _ in range(2):
        assert cli.main(["--root", str(tmp_path), "deploy", "--to", str(www),
                         "--reload-command", "true"]) == 0
    out = capsys.readouterr().out
    assert "Đã nạp lại nginx (true) / nginx reloaded (true)" in out
    assert cli.main(["deploy", "--to", str(www), "--list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    current = local_state(www).current
    assert lines[1] == f"* {current}  (đang chạy / live)" and current.endswith("-local")
    assert len(lines) == 3 and lines[2].startswith("  ")


def test_a_failed_reload_says_the_new_release_is_live(tmp_path, capsys):
    www = tmp_path / "www"
    tiny_site(tmp_path / "site")
    assert cli.main(["--root", str(tmp_path), "deploy", "--to", str(www),
                     "--reload-command", "echo no nginx here >&2; exit 3"]) == 1
    error = capsys.readouterr().err
    assert error.startswith("LỖI: bản mới đã chạy nhưng nạp lại nginx thất bại")
    assert "ERROR: the new release is live but reloading nginx failed" in error
    assert "no nginx here" in error
    assert (www / "current" / "index.html").is_file()
    with pytest.raises(SystemExit):
        cli.main(["deploy", "--to", str(www), "--keep", "0"])
    assert "--keep must be at least 1" in capsys.readouterr().err


def test_switch_is_never_without_a_current_folder(tmp_path):
    """Readers during 300 switches: `ln -sfn` (unlink, then create) fails this, rename does not."""
    host = LocalHost(tmp_path / "www")
    site = tiny_site(tmp_path / "site")
    names = [quiet_deploy(host, site, minute) for minute in range(2)]
    index, stop, failures = tmp_path / "www" / "current" / "index.html", threading.Event(), []

    def read() -> None:
        while not stop.is_set():
            try:
                index.stat()
            except OSError as error:
                failures.append(error)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for i in range(300):
            host.switch(names[i % 2])
    finally:
        stop.set()
        reader.join(timeout=5)
    assert failures == []


# --- A server: the command lists, and their shell text run here ------------------------------

P, HOST, OPTS = "/var/www/noidung", "deploy@web1", ["-o", "BatchMode=yes"]


class Recorder:
    """A Runner that records each command and answers the two that read the server."""

    def __init__(self, state: str, files: dict[str, int] | None = None) -> None:
        self.state, self.files, self.commands = state, files or {}, []

    def __call__(self, command):
        self.commands.append(list(command))
        remote = command[-1]
        if "readlink" in remote:
            return self.state
        if remote.startswith("find "):
            return "".join(f"{size} {path}\n" for path, size in self.files.items())
        return ""


def decoded(command: list[str]) -> list[str]:
    """An ssh command with its remote string split back into words, to compare readably."""
    return command[:-1] + shlex.split(command[-1]) if command[0] == "ssh" else command


def ssh(*argv: str) -> list[str]:
    return ["ssh", *OPTS, HOST, *argv]


SWITCH = ('rm -f "$1/.current.new" && ln -s "$2" "$1/.current.new" && '
          'mv -T "$1/.current.new" "$1/current"')


def test_remote_deploy_runs_these_commands(tmp_path):
    site = tiny_site(tmp_path / "site")
    runner = Recorder(f"current releases/{B}\nrelease {A}\nrelease {B}\nwritable\n",
                      manifest(site))
    host = RemoteHost(Target(P, HOST), OPTS, "rsync", runner)
    name = deploy(host, site, commit="ccccccc", keep=1, reload="sudo -n systemctl reload nginx",
                  now=T0)
    new = f"{P}/releases/{name}"
    incoming = f"{P}/releases/.incoming-{name}-{os.getpid()}"
    assert [decoded(c) for c in runner.commands] == [
        ssh("sh", "-c", STATE_SCRIPT, "sh", P),
        ssh("mkdir", "-p", f"{P}/releases"),
        ["rsync", "-a", "--delete", "--chmod=Du=rwx,Dgo=rx,Fu=rw,Fgo=r",
         "-e", "ssh -o BatchMode=yes", f"--link-dest={P}/releases/{B}",
         f"{site}/", f"{HOST}:{incoming}/"],
        ssh("find", incoming, "-type", "f", "-printf", FIND_FORMAT),
        ssh("mv", "-T", "--no-clobber", incoming, new),
        ssh("sh", "-c", SWITCH, "sh", P, f"releases/{name}"),
        ssh("sudo", "-n", "systemctl", "reload", "nginx"),
        ssh("rm", "-rf", "--", f"{P}/releases/{A}"),  # B, the rollback target, stays
    ]
    assert runner.commands[-2][-1] == "sudo -n systemctl reload nginx"  # as given, one string


def test_remote_upload_with_scp_and_refusals(tmp_path):
    site = tiny_site(tmp_path / "site")
    host = RemoteHost(Target(P, HOST), OPTS, "scp", Recorder("writable\n"))
    assert host.upload_command(site, ".incoming-x", None) == [
        "scp", *OPTS, "-rpq", str(site), f"{HOST}:{P}/releases/.incoming-x"]
    for state, reason in [("", "cannot write"), ("not-a-link\nwritable\n", "real folder")]:
        runner = Recorder(state)
        with pytest.raises(DeployError, match=reason):
            deploy(RemoteHost(Target(P, HOST), OPTS, "rsync", runner), site)
        assert len(runner.commands) == 1  # read the state, changed nothing


def test_remote_rollback_runs_these_commands():
    runner = Recorder(f"current releases/{C}\nrelease {A}\nrelease {B}\nrelease {C}\nwritable\n")
    assert rollback(RemoteHost(Target(P, HOST), OPTS, "rsync", runner), reload=None) == B
    assert [decoded(c) for c in runner.commands] == [
        ssh("sh", "-c", STATE_SCRIPT, "sh", P),
        ssh("sh", "-c", SWITCH, "sh", P, f"releases/{B}"),
        ssh("mv", "-T", "--no-clobber", f"{P}/releases/{C}", f"{P}/releases/{C}.rolled-back"),
    ]
    runner = Recorder(f"current releases/{A}\nrelease {A}\nwritable\n")
    with pytest.raises(DeployError, match="nothing to roll back to"):
        rollback(RemoteHost(Target(P, HOST), OPTS, "rsync", runner))
    assert len(runner.commands) == 1


def test_remote_shell_text_works_on_a_real_folder(tmp_path):
    """The ssh commands' remote strings, run by this machine's sh (uploads done by copying)."""
    def here(command):
        if command[0] == "ssh":
            done = subprocess.run(["sh", "-c", command[-1]], capture_output=True, text=True)
            assert done.returncode == 0, (command, done.stderr)
            return done.stdout
        destination = command[-1].split(":", 1)[1].rstrip("/")
        shutil.copytree(command[-2].rstrip("/"), destination)  # what scp would do
        return ""

    www = tmp_path / "www"
    host = RemoteHost(Target(str(www), HOST), OPTS, "scp", here)
    assert host.state() == State(writable=True)
    one, two = tiny_site(tmp_path / "one", "v1"), tiny_site(tmp_path / "two", "v2")
    first = deploy(host, one, commit="aaaaaaa", now=T0)
    second = deploy(host, two, commit="bbbbbbb", now=T0 + dt.timedelta(minutes=1))
    assert host.state() == local_state(www)
    assert local_state(www).current == second and sorted(os.listdir(www)) == ["current",
                                                                              "releases"]
    assert rollback(host) == first
    assert (www / "current" / "index.html").read_text().startswith("<!doctype html><title>v1")
    assert local_state(www).releases == (first, second + ".rolled-back")
    assert host.state() == local_state(www)


# --- Under load, behind the shipped nginx ---------------------------------------------------

MAX_REQUESTS = 5000
CLIENT_SECONDS = 8.0  # hard limit of the client loop, whatever happens
THREADS = 4
#: Each client pauses this long between requests, so that copying release B (about a
#: second) does not use up MAX_REQUESTS before the switch.
PAUSE_S = 0.004


def marked_copy(site: Path, folder: Path, tag: str) -> Path:
    """A copy of the built site whose every page, and its header include, names `tag`."""
    shutil.copytree(site, folder, symlinks=True)
    for page in folder.rglob("*.html"):
        if "_deploy" in page.parts:
            continue
        html = page.read_bytes()
        marker = f"<!--release:{tag}-->".encode()
        head = html.find(b"<head>")
        at = head + len(b"<head>") if head >= 0 else 0
        # Different lengths too: a body mixing both releases could equal neither.
        page.write_bytes(html[:at] + marker + html[at:] + marker * (2 if tag == "B" else 1))
        # Fresh .gz/.br twins, or gzip_static sends the old ones.
        build_compress.compress_files([page])
    headers = folder / "_deploy" / "security-headers.conf"
    headers.write_text(headers.read_text() + f'add_header X-Release "{tag}" always;\n')
    return folder


def page_file(site: Path, url: str) -> Path:
    return site / (url.lstrip("/") + "index.html" if url.endswith("/") else url.lstrip("/"))


class Switches(LocalHost):
    """A LocalHost that notes when each switch is done (monotonic clock)."""

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.begun: list[float] = []
        self.done: list[float] = []

    def switch(self, name: str) -> None:
        self.begun.append(time.monotonic())
        super().switch(name)
        self.done.append(time.monotonic())


def test_deploy_and_rollback_under_load(built_site, tmp_path, capsys):
    urls = [u for u in ("/", "/en/", "/tin-bai/", "/en/tin-bai/", "/tap-huan/",
                        module_page(built_site)) if page_file(built_site, u).is_file()]
    sites = {tag: marked_copy(built_site, tmp_path / tag, tag) for tag in "AB"}
    bodies = {u: {page_file(sites[t], u).read_bytes(): t for t in "AB"} for u in urls}
    host = Switches(tmp_path / "www")
    deploy(host, sites["A"], commit="aaaaaaa", now=T0)
    # start, end, url, release of the body, release of the headers
    results: list[tuple[float, float, str, str | None, str | None]] = []
    errors: list[str] = []
    lock, stop = threading.Lock(), threading.Event()

    with run_nginx(tmp_path / "www" / "current", tmp_path / "nginx") as base:
        reload = shlex.join(reload_command(tmp_path / "nginx"))
        parts = urlsplit(base)
        deadline = time.monotonic() + CLIENT_SECONDS

        def client(number: int) -> None:
            for i in range(number, MAX_REQUESTS, THREADS):
                if stop.is_set() or time.monotonic() > deadline:
                    return
                url, zipped = urls[i % len(urls)], (i // THREADS) % 2 == 1
                started = time.monotonic()
                try:
                    # One connection per request, as many readers are: a reload closes idle
                    # keep-alive connections, which browsers retry and http.client does not.
                    connection = http.client.HTTPConnection(parts.hostname, parts.port,
                                                            timeout=2)
                    connection.request("GET", url,
                                       headers={"Accept-Encoding": "gzip"} if zipped else {})
                    response = connection.getresponse()
                    body = response.read()
                    connection.close()
                except (OSError, http.client.HTTPException) as error:
                    with lock:
                        errors.append(f"{url}: {error!r}")
                    continue
                finally:
                    time.sleep(PAUSE_S)
                if response.getheader("Content-Encoding") == "gzip":
                    body = gzip.decompress(body)
                tag = bodies[url].get(body)
                with lock:
                    if response.status != 200:
                        errors.append(f"{url}: status {response.status}")
                    elif tag is None:
                        errors.append(f"{url}: a body from neither release "
                                      f"(A markers {body.count(b'release:A')}, "
                                      f"B markers {body.count(b'release:B')})")
                    results.append((started, time.monotonic(), url, tag,
                                    response.getheader("X-Release")))

        def wait_for(condition, seconds: float = 4.0) -> None:
            until = time.monotonic() + seconds
            while not condition() and time.monotonic() < until:
                time.sleep(0.02)

        def seen(tag: str, after: float) -> bool:
            with lock:
                return any(r[0] > after and r[4] == tag for r in results)

        threads = [threading.Thread(target=client, args=(n,)) for n in range(THREADS)]
        for thread in threads:
            thread.start()
        try:
            wait_for(lambda: len(results) >= 100, 2.0)
            deploy(host, sites["B"], commit="bbbbbbb", reload=reload, now=T0 + dt.timedelta(1))
            wait_for(lambda: seen("B", host.done[-1]))  # the reload gave B's headers
            time.sleep(0.3)
            rollback(host, reload=reload)
            wait_for(lambda: seen("A", host.done[-1]))
            time.sleep(0.3)
        finally:
            stop.set()
            for thread in threads:
                thread.join(timeout=CLIENT_SECONDS)
        final = http.client.HTTPConnection(parts.hostname, parts.port, timeout=2)
        final.request("GET", "/")
        response = final.getresponse()
        final_body, final_header = response.read(), response.getheader("X-Release")

    count = {t: sum(1 for r in results if r[3] == t) for t in "AB"}
    with capsys.disabled():
        print(f"\n[release-load] {len(results) + len(errors)} requests on {len(urls)} pages "
              f"({count['A']} from A, {count['B']} from B), {len(errors)} errors, "
              f"{THREADS} threads, deploy B then rollback to A")
    assert errors == []
    assert count["A"] and count["B"]
    # Requests sent after a switch returned, and answered before the next one began, see
    # only the release switched to.
    assert {r[3] for r in results if host.done[1] < r[0] and r[1] < host.begun[2]} == {"B"}
    assert {r[3] for r in results if r[0] > host.done[2]} == {"A"}
    assert bodies["/"][final_body] == "A" and final_header == "A"
    assert sorted(os.listdir(tmp_path / "www" / "releases")) == [
        "20261202T170000Z-aaaaaaa", "20261203T170000Z-bbbbbbb.rolled-back"]
