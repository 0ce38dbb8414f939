"""Run one command and print its resource use as JSON (wall, CPU and peak memory).

The benchmark starts every measured build through this small process, so that
RUSAGE_CHILDREN covers exactly that build and its MkDocs processes, and peak
memory of one run is not hidden by an earlier, larger run of the same benchmark.
Usage: python -m noidung.benchmark.measure COMMAND [ARG...]
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time


def main(argv: list[str]) -> int:
    started = time.perf_counter()
    proc = subprocess.run(argv, capture_output=True, text=True)
    wall = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode:
        sys.stderr.write(proc.stderr[-4000:])
    print(json.dumps({
        "returncode": proc.returncode,
        "wall_seconds": wall,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        # ru_maxrss is in KiB on Linux: the largest single process (not a sum).
        "peak_memory_mb": usage.ru_maxrss / 1024,
        # The command's own summary (its last line of output), for the benchmark's notes.
        "last_line": (proc.stdout.strip().splitlines() or [""])[-1],
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
