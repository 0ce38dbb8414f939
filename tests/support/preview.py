"""`noidung serve` running on a project copy, as staff start it, for the staff tests."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tests.support.server import free_port


def get(url: str) -> str:
    """The page's text, also for an error status; "" when nothing answers yet."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.read().decode("utf-8")
    except OSError:
        return ""


@dataclass
class RunningPreview:
    process: subprocess.Popen
    base: str
    lines: list[str] = field(default_factory=list)

    @property
    def output(self) -> str:
        return "".join(self.lines)

    def wait(self, condition: Callable[[], bool], seconds: float) -> bool:
        """Poll `condition` until it holds; fail at once if the server stopped."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if condition():
                return True
            assert self.process.poll() is None, "serve stopped:\n" + self.output
            time.sleep(0.2)
        return False

    def wait_for_page(self, path: str, text: str, seconds: float) -> bool:
        return self.wait(lambda: text in get(self.base + path), seconds)

    def wait_for_output(self, text: str, seconds: float) -> bool:
        return self.wait(lambda: text in self.output, seconds)


@contextmanager
def running_preview(project: Path, *args: str) -> Iterator[RunningPreview]:
    """Start `noidung serve *args` in `project` (relative root, as staff run it); stop it
    after the test. Its terminal output is collected in the background."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "noidung", "--root", ".", "serve", *args,
         "--addr", f"127.0.0.1:{port}"],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    preview = RunningPreview(process, f"http://127.0.0.1:{port}")
    threading.Thread(target=lambda: preview.lines.extend(process.stdout), daemon=True).start()
    try:
        yield preview
    finally:
        process.terminate()
        process.wait(timeout=20)
