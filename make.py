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
#: The project folder this .venv was made for.
OWNER = VENV / ".project-folder"
NPM_LOCK = ROOT / "package-lock.json"

#: Programs the tests use beside Python, with the Debian package that brings each and what
#: needs it. The one list: `make.py test` installs them (as root, with apt), and the tests
#: that still lack one are skipped with one line saying so (tests/support/tools.py).
SYSTEM_TOOLS: dict[str, tuple[str, str]] = {
    "chromium": ("chromium", "browser tests (headless Chromium)"),
    "java": ("default-jre-headless", "the HTML checker (vnu-jar)"),
    "nginx": ("nginx-light", "web server tests"),
    "wrk": ("wrk", "the load test"),
    "npm": ("npm", "axe-core and vnu-jar for the quality gates"),
}
#: nginx lives in /usr/sbin, which a non-root PATH often lacks.
TOOL_PATH = os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin", "/sbin"])
NPM_STAMP = ROOT / "node_modules" / ".installed-lock-sha256"


def _lock_digest() -> str:
    """What .venv was made from: the locks and this folder (a copied project has another)."""
    text = LOCK.read_bytes() + (ROOT / "pyproject.toml").read_bytes() + str(ROOT).encode()
    return hashlib.sha256(text).hexdigest()


def _made_for_another_folder() -> bool:
    """A .venv copied with its project (cp -a, a moved folder) still runs the original's
    code: its editable install and its scripts point at the folder it was made in."""
    if OWNER.exists():
        return OWNER.read_text("utf-8").strip() != str(ROOT)
    cfg = VENV / "pyvenv.cfg"  # made before OWNER existed: `python -m venv` notes its path
    text = cfg.read_text("utf-8") if cfg.exists() else ""
    return any(line.startswith("command") and str(VENV) not in line
               for line in text.splitlines())


def ensure_environment() -> None:
    """Create .venv and install the locked dependencies, once per lock file change."""
    if sys.version_info < (3, 11):  # noqa: UP036 - make.py runs before anything is installed
        sys.exit("Cần Python 3.11 trở lên / Python 3.11 or newer is required.")
    if STAMP.exists() and STAMP.read_text().strip() == _lock_digest():
        return
    if _made_for_another_folder():
        print("Thư mục .venv được tạo cho thư mục khác: tạo lại / .venv was made for another "
              "folder: making it again", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    elif not (BIN / "python").exists():
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
    OWNER.write_text(str(ROOT), "utf-8")


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


def missing_tools() -> list[str]:
    return [name for name in SYSTEM_TOOLS if shutil.which(name, path=TOOL_PATH) is None]


def ensure_system_tools() -> None:
    """Install the programs the tests need where we can (root with apt), else say what the
    tests will skip and how to install it, in one line."""
    missing = missing_tools()
    if missing and os.name == "posix" and os.geteuid() == 0 and shutil.which("apt-get"):
        packages = [SYSTEM_TOOLS[name][0] for name in missing]
        print(f"Cài đặt / installing: {' '.join(packages)}", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], env=env, check=False)
        subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages],
                       env=env, check=False)
        missing = missing_tools()
    if missing:
        needs = "; ".join(f"{name}: {SYSTEM_TOOLS[name][1]}" for name in missing)
        packages = " ".join(SYSTEM_TOOLS[name][0] for name in missing)
        print(f"Bỏ qua các kiểm thử cần {', '.join(missing)} / skipping the tests that need "
              f"them ({needs}); cài bằng / install with: sudo apt-get install {packages}",
              flush=True)


def main(argv: list[str]) -> int:
    if argv[:1] == ["lock"]:
        ensure_environment()
        return subprocess.call(
            [str(BIN / "pip-compile"), "--quiet", "--generate-hashes", "--strip-extras",
             "--allow-unsafe", "--no-emit-index-url", "--no-emit-find-links",
             "-o", str(LOCK), str(ROOT / "requirements.in")], cwd=ROOT)
    ensure_environment()
    if argv[:1] == ["test"]:
        ensure_system_tools()
    ensure_node_tools()
    if argv[:1] == ["test"]:
        return subprocess.call([str(BIN / "python"), "-m", "pytest", *argv[1:]], cwd=ROOT)
    # This folder's own package and content, whatever folder the command is typed in.
    return subprocess.call([str(BIN / "python"), "-m", "noidung", "--root", str(ROOT),
                            *(argv or ["build"])], cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
