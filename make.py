#!/usr/bin/env python3
"""Bootstrap and task runner: the two commands of the README's quick start.

    python3 make.py build   # install everything into .venv, validate, build site/
    python3 make.py test    # install if needed, then run the whole test suite

Any other argument list is passed to the staff command `noidung` inside .venv
(e.g. `python3 make.py serve`, `python3 make.py new bai-viet`).
Only the standard library is used here, because nothing is installed yet.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
LOCK = ROOT / "requirements.lock"
STAMP = VENV / ".installed-lock-sha256"
NPM_LOCK = ROOT / "package-lock.json"
NPM_STAMP = ROOT / "node_modules" / ".installed-lock-sha256"


def _lock_digest() -> str:
    text = LOCK.read_bytes() + (ROOT / "pyproject.toml").read_bytes()
    return hashlib.sha256(text).hexdigest()


def ensure_environment() -> None:
    """Create .venv and install the locked dependencies, once per lock file change."""
    if sys.version_info < (3, 11):  # noqa: UP036 - make.py runs before anything is installed
        sys.exit("Cần Python 3.11 trở lên / Python 3.11 or newer is required.")
    if STAMP.exists() and STAMP.read_text().strip() == _lock_digest():
        return
    if not (BIN / "python").exists():
        print("Tạo môi trường ảo .venv / creating virtual environment .venv", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    python = str(BIN / "python")
    print("Cài đặt thư viện đã khoá / installing locked dependencies", flush=True)
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "--require-hashes", "-r", str(LOCK)],
        check=True,
    )
    # Our own package, without dependencies (they all come from the lock file).
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "--no-deps", "--no-build-isolation", "-e", str(ROOT)],
        check=True,
    )
    STAMP.write_text(_lock_digest())


def ensure_node_tools() -> None:
    """Install the pinned npm checkers (axe-core, vnu-jar) once per package-lock.json change.

    Only the quality gate tests (tests/gates) use them; without npm they skip or fail there.
    Install scripts are not run: vnu-jar's would download a Java runtime (we use the system's).
    """
    if not NPM_LOCK.exists():
        return
    digest = hashlib.sha256(NPM_LOCK.read_bytes()).hexdigest()
    if NPM_STAMP.exists() and NPM_STAMP.read_text().strip() == digest:
        return
    npm = shutil.which("npm")
    if npm is None:
        print("npm không có: bỏ qua axe-core, vnu-jar / npm not found: skipping axe-core, vnu-jar",
              flush=True)
        return
    print("Cài đặt công cụ npm đã khoá / installing locked npm tools", flush=True)
    subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts"],
                   cwd=ROOT, check=True)
    NPM_STAMP.write_text(digest)


def main(argv: list[str]) -> int:
    if argv[:1] == ["lock"]:
        ensure_environment()
        return subprocess.call(
            [str(BIN / "pip-compile"), "--quiet", "--generate-hashes", "--strip-extras",
             "--allow-unsafe", "--no-emit-index-url", "--no-emit-find-links",
             "-o", str(LOCK), str(ROOT / "requirements.in")], cwd=ROOT)
    ensure_environment()
    ensure_node_tools()
    if argv[:1] == ["test"]:
        return subprocess.call([str(BIN / "python"), "-m", "pytest", *argv[1:]], cwd=ROOT)
    return subprocess.call([str(BIN / "noidung"), *(argv or ["build"])], cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
