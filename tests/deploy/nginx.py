"""Debian's nginx running the shipped deploy/nginx.conf over a built site, on 127.0.0.1."""

from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from noidung.build.publish import render_nginx_conf
from tests.support.server import free_port
from tests.support.tools import tool_or_skip

NGINX = os.environ.get("NGINX", "/usr/sbin/nginx")
MIME_TYPES = Path("/etc/nginx/mime.types")


def nginx_or_skip() -> str:
    """The nginx binary, or skip (fail with REQUIRE_TOOLS=1, as in CI)."""
    path = tool_or_skip("nginx", NGINX)
    if not MIME_TYPES.exists():
        pytest.fail(f"nginx is at {path} but {MIME_TYPES} is missing: reinstall nginx-light")
    return path


def main_conf(prefix: Path, site_conf: Path) -> str:
    """A minimal main nginx.conf like Debian's, everything under `prefix`."""
    temp = "\n".join(f"    {name}_temp_path {prefix / name};"
                     for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    # As root, workers would switch to 'nobody' and could not read a 0700 temp folder.
    user = "user root;\n" if os.geteuid() == 0 else ""
    return f"""{user}worker_processes 2;
pid {prefix / 'nginx.pid'};
error_log {prefix / 'error.log'} warn;
events {{ worker_connections 1024; }}
http {{
    include {MIME_TYPES};
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    access_log off;
{temp}
    include {site_conf};
}}
"""


def _wait_for_port(port: int, proc: subprocess.Popen, log: Path, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"nginx exited with {proc.returncode}:\n{log.read_text()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nginx did not listen on {port} within {timeout} s:\n{log.read_text()}")


def nginx_command(binary: str, prefix: Path) -> list[str]:
    """nginx with the configuration `run_nginx` writes under `prefix` (add -t, -s reload…)."""
    return [binary, "-p", str(prefix), "-c", str(prefix / "nginx.conf"),
            "-e", str(prefix / "error.log")]


def reload_command(prefix: Path) -> list[str]:
    """Reload the nginx that `run_nginx` started under `prefix` (it rereads its includes)."""
    return [*nginx_command(nginx_or_skip(), prefix), "-s", "reload"]


@contextmanager
def run_nginx(site: Path, prefix: Path) -> Iterator[str]:
    """Run nginx in the foreground until the block ends; yields the base URL."""
    binary = nginx_or_skip()
    prefix.mkdir(parents=True, exist_ok=True)
    port = free_port()
    site_conf = prefix / "site.conf"
    # absolute(), not resolve(): a `current` symlink stays one, followed on every request.
    site_conf.write_text(render_nginx_conf(site.absolute(), listen=f"127.0.0.1:{port}"))
    conf = prefix / "nginx.conf"
    conf.write_text(main_conf(prefix, site_conf))
    log = prefix / "error.log"
    cmd = nginx_command(binary, prefix)
    check = subprocess.run([*cmd, "-t", "-q"], capture_output=True, text=True)
    assert check.returncode == 0, f"nginx -t failed:\n{check.stderr}{log.read_text()}"
    proc = subprocess.Popen([*cmd, "-g", "daemon off;"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for_port(port, proc, log)
        yield f"http://127.0.0.1:{port}/"
    finally:
        proc.terminate()  # SIGTERM: fast shutdown of the master and its workers
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
