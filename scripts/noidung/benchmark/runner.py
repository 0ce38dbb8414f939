"""Measure what the site costs to build and to read, for corpora of several sizes.

For each size: generate the corpus (`corpus.generate`), validate it (when the
validator exists), build it `runs` times with `noidung build`, and time how
long `noidung serve` takes to show an edited page. One JSON line per size goes
to stdout; progress goes to stderr. Timed figures are medians of the runs.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from noidung.content.layout import REPO_ROOT

from . import corpus

DEFAULT_SIZES = (200, 1000, 2000)
DEFAULT_WORKDIR = Path("/tmp/noidung-bench")
#: Every key of a result line, in order (the test checks that all are present).
FIELDS = (
    "size", "seed", "runs", "commit", "pages", "pages_by_lang", "items", "untranslated_items",
    "validate_seconds", "validate_note", "build_wall_seconds", "build_wall_seconds_all",
    "cpu_seconds", "peak_memory_mb", "ms_per_page", "output_bytes", "html_bytes",
    "median_html_bytes", "search_index_bytes", "search_index_kind", "heaviest_query_bytes",
    "heaviest_queries", "edit_to_preview_seconds", "edit_to_preview_note", "load_average",
    "cpu_count",
)
#: Fixed search queries (common syllables first: they fetch the most index).
QUERIES = (("vi", "gia đình"), ("vi", "trẻ em"), ("vi", "bạo lực gia đình"), ("vi", "bao luc"),
           ("vi", "tre em"), ("vi", "dinh"), ("vi", "111"), ("vi", "tổng đài"), ("vi", "xã"),
           ("vi", "ninh binh"), ("vi", "tập huấn"), ("en", "family"), ("en", "children"),
           ("en", "hotline"), ("en", "the"), ("vi", "phòng chống bạo lực gia đình trẻ em"),
           ("vi", "phong chong bao luc gia dinh tre em"), ("vi", "cán bộ văn hóa xã hội"),
           ("vi", "bao luc gia dinh"), ("en", "domestic violence"))


def _log(message: str) -> None:
    print(f"[benchmark {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _env() -> dict[str, str]:
    return {**os.environ, "SITE_BUILD_DATE": corpus.BUILD_DATE, "NO_MKDOCS_2_WARNING": "1"}


def _measured(command: list[str], cwd: Path, check: bool = True) -> dict[str, Any]:
    """Run `command` under measure.py; raise RuntimeError if it fails (and `check`)."""
    wrapper = [sys.executable, "-m", "noidung.benchmark.measure", *command]
    proc = subprocess.run(wrapper, cwd=REPO_ROOT, env=_env(), capture_output=True, text=True)
    lines = proc.stdout.strip().splitlines()
    if proc.returncode or not lines:
        raise RuntimeError(f"measuring {command} failed: {proc.stderr[-2000:]}")
    result = json.loads(lines[-1])
    if check and result["returncode"]:
        raise RuntimeError(f"{' '.join(command)} failed:\n{proc.stderr[-4000:]}")
    return result


def _cli(root: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "noidung.cli", "--root", str(root), *args]


def _has_validate_command() -> bool:
    proc = subprocess.run([sys.executable, "-m", "noidung.cli", "validate", "--help"],
                          cwd=REPO_ROOT, capture_output=True, text=True, env=_env())
    return proc.returncode == 0


def site_figures(site: Path) -> dict[str, Any]:
    """Sizes of a built site: pages, bytes, median page, search index."""
    html = sorted(p.stat().st_size for p in site.rglob("*.html"))
    by_lang = {
        "en": sum(1 for _ in (site / "en").rglob("*.html")) if (site / "en").is_dir() else 0,
    }
    by_lang = {"vi": len(html) - by_lang["en"], **by_lang}
    own = [d for d in (site / "search", site / "en" / "search") if (d / "meta.json").is_file()]
    pagefind = [d for d in (site / "pagefind", site / "en" / "pagefind") if d.is_dir()]
    if own or pagefind:
        # Our own index (scripts/noidung/search/index.py), or Pagefind's in older checkouts;
        # the precompressed .gz/.br twins are not counted.
        kind = "own" if own else "pagefind"
        index = sum(f.stat().st_size for d in own or pagefind for f in d.rglob("*")
                    if f.is_file() and f.suffix not in (".gz", ".br"))
    else:
        kind = "lunr"
        index = sum(p.stat().st_size for p in (site / "search" / "search_index.json",
                                                site / "en" / "search" / "search_index.json")
                    if p.exists())
    return {
        "pages": len(html),
        "pages_by_lang": by_lang,
        "output_bytes": sum(f.stat().st_size for f in site.rglob("*") if f.is_file()),
        "html_bytes": sum(html),
        "median_html_bytes": int(statistics.median(html)) if html else 0,
        "search_index_bytes": index,
        "search_index_kind": kind,
    }


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, predicate, timeout: float, proc: subprocess.Popen) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        body = _fetch(url)
        if body is not None and predicate(body):
            return True
        time.sleep(0.05)
    return False


def edit_to_preview(info: corpus.CorpusInfo, runs: int, timeout: float = 900) -> list[float]:
    """Seconds from saving an edit to one page until `noidung serve` serves the new text.

    Starts `noidung serve` (both languages, live reload) on a free port, waits
    for the first build, then `runs` times appends a unique word to one plain
    page and polls that page's URL every 50 ms until the word appears.
    """
    root = info.root
    port = _free_port()
    env = {**_env(), "SITE_CACHE_DIR": str(root / ".cache-serve")}
    log = (root / "serve.log").open("w")
    proc = subprocess.Popen(
        _cli(root, "serve", "--addr", f"127.0.0.1:{port}"), cwd=REPO_ROOT, env=env,
        stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/{info.sample_url}"
    page = root / info.sample_page
    original = page.read_text("utf-8")
    times: list[float] = []
    try:
        if not _wait_for(url, lambda body: True, timeout, proc):
            raise RuntimeError(f"noidung serve did not start; see {root / 'serve.log'}")
        for i in range(runs):
            time.sleep(1.5)  # let the file watcher settle after the previous build
            marker = f"benchmarkedit{i}x{time.time_ns()}"
            started = time.perf_counter()
            page.write_text(f"{original}\n{marker}\n", encoding="utf-8")
            if not _wait_for(url, lambda body, m=marker: m in body, timeout, proc):
                raise RuntimeError(f"the edit never reached the preview; see {root / 'serve.log'}")
            times.append(time.perf_counter() - started)
    finally:
        page.write_text(original, encoding="utf-8")
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
    return times


def benchmark_size(size: int, runs: int, seed: int, workdir: Path, preview: bool = True,
                   queries: tuple[tuple[str, str], ...] = QUERIES,
                   source: Path = REPO_ROOT) -> dict[str, Any]:
    """Generate, validate, build and preview one corpus; return its result line."""
    load = os.getloadavg()[0]
    _log(f"size {size}: generating the corpus in {workdir / f'bench-{size}'}")
    info = corpus.generate(workdir / f"bench-{size}", size, seed, source=source)
    result: dict[str, Any] = {"size": size, "seed": seed, "runs": runs, "commit": info.commit,
                              "items": info.counts,
                              "untranslated_items": info.untranslated}
    if _has_validate_command():
        _log(f"size {size}: validating")
        validations = [_measured(_cli(info.root, "validate"), info.root, check=False)
                       for _ in range(runs)]
        result["validate_seconds"] = round(
            statistics.median(v["wall_seconds"] for v in validations), 3)
        last = validations[-1]
        result["validate_note"] = (f"noidung validate (whole process), exit "
                                   f"{last['returncode']}: {last['last_line']}")
    else:
        result["validate_seconds"] = None
        result["validate_note"] = "no `noidung validate` command in this checkout yet"
    builds, loads = [], [load]
    for run in range(runs):
        _log(f"size {size}: build {run + 1}/{runs}")
        loads.append(os.getloadavg()[0])
        builds.append(_measured(_cli(info.root, "build", "--output", str(info.root / "site")),
                                info.root))
        _log(f"size {size}: build {run + 1}/{runs} took {builds[-1]['wall_seconds']:.1f} s")
    walls = [b["wall_seconds"] for b in builds]
    result["build_wall_seconds"] = round(statistics.median(walls), 2)
    result["build_wall_seconds_all"] = [round(w, 2) for w in walls]
    result["cpu_seconds"] = round(statistics.median(b["cpu_seconds"] for b in builds), 2)
    result["peak_memory_mb"] = round(statistics.median(b["peak_memory_mb"] for b in builds), 1)
    result.update(site_figures(info.root / "site"))
    result["ms_per_page"] = round(result["build_wall_seconds"] * 1000 / max(result["pages"], 1),
                                  2)
    result["heaviest_query_bytes"], result["heaviest_queries"] = None, []
    if queries and result["search_index_kind"] in ("own", "pagefind"):
        _log(f"size {size}: measuring {len(queries)} search queries in Chromium")
        from .search_cost import heaviest_queries
        heaviest = heaviest_queries(info.root / "site", queries, top=5)
        result["heaviest_queries"] = heaviest
        result["heaviest_query_bytes"] = heaviest[0]["bytes"] if heaviest else None
    if preview:
        _log(f"size {size}: timing edit-to-preview with noidung serve")
        times = edit_to_preview(info, runs)
        result["edit_to_preview_seconds"] = round(statistics.median(times), 2)
        result["edit_to_preview_note"] = (
            "noidung serve (vi), live reload: from saving one page to the served page "
            f"containing the edit; all runs {[round(t, 2) for t in times]}")
    else:
        result["edit_to_preview_seconds"] = None
        result["edit_to_preview_note"] = "not measured (--no-preview)"
    # The machine is shared: the 1-minute load average before each step shows the noise.
    result["load_average"] = [round(x, 2) for x in loads]
    result["cpu_count"] = os.cpu_count()
    return {key: result.get(key) for key in FIELDS}


def summary(results: list[dict[str, Any]]) -> str:
    parts = [f"{r['size']}: {r['build_wall_seconds']} s, {r['ms_per_page']} ms/page, "
             f"median page {r['median_html_bytes'] / 1024:.0f} KB" for r in results]
    line = "; ".join(parts)
    if len(results) > 1 and results[0]["ms_per_page"]:
        ratio = results[-1]["ms_per_page"] / results[0]["ms_per_page"]
        line += f"; ms/page ratio {results[-1]['size']}/{results[0]['size']} = {ratio:.2f}"
    return line


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)),
                        help="source pages of both languages, comma-separated (200,1000,2000)")
    parser.add_argument("--runs", type=int, default=3, help="runs per size (median reported)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR,
                        help="where corpora are written (outside the repository's content)")
    parser.add_argument("--no-preview", action="store_true", help="skip the noidung serve timing")
    parser.add_argument("--queries", type=int, default=len(QUERIES),
                        help="how many of the fixed search queries to measure")


def run(args: argparse.Namespace, source: Path = REPO_ROOT) -> int:
    """Benchmark every size of `args.sizes`; one JSON line each on stdout."""
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    results = []
    for size in sizes:
        result = benchmark_size(size, args.runs, args.seed, args.workdir,
                                preview=not args.no_preview, queries=QUERIES[:args.queries],
                                source=source)
        print(json.dumps(result, ensure_ascii=False), flush=True)
        results.append(result)
    print(summary(results), file=sys.stderr)
    return 0


def add_parser(sub) -> None:
    """The `noidung benchmark` subcommand (scripts/noidung/cli.py); --root is the project copied."""
    parser = sub.add_parser("benchmark", help="đo chi phí dựng trang / measure the build's cost",
                            description=__doc__)
    _add_arguments(parser)
    parser.set_defaults(func=lambda args: run(args, source=args.root))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m noidung.benchmark", description=__doc__)
    _add_arguments(parser)
    return run(parser.parse_args(argv))
