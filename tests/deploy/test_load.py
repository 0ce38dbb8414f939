"""A short, bounded load run with Debian's wrk against nginx on loopback."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass

from tests.deploy.pages import module_page
from tests.support.tools import tool_or_skip

DURATION_S = 5
THREADS, CONNECTIONS = 2, 20


@dataclass(frozen=True)
class LoadResult:
    url: str
    requests: int
    requests_per_second: float
    errors: int  # socket errors and non-2xx/3xx responses

    def line(self) -> str:
        return (f"[load] {self.url}: {self.requests_per_second:,.0f} requests/s, "
                f"{self.requests} requests, {self.errors} errors "
                f"(wrk -t{THREADS} -c{CONNECTIONS} -d{DURATION_S}s, gzip)")


def parse_wrk(url: str, output: str) -> LoadResult:
    """Requests, requests/s and errors from wrk's text report."""
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = sum(int(n) for n in re.findall(
        r"(?:connect|read|write|timeout) (\d+)", output))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors += int(non_2xx.group(1)) if non_2xx else 0
    return LoadResult(url, requests, rate, errors)


def test_parse_wrk_counts_every_kind_of_error():
    report = """Running 5s test @ http://127.0.0.1:1/
  2 threads and 20 connections
  123456 requests in 5.00s, 1.00GB read
  Socket errors: connect 1, read 2, write 3, timeout 4
  Non-2xx or 3xx responses: 5
Requests/sec:  24691.20
"""
    assert parse_wrk("u", report) == LoadResult("u", 123456, 24691.2, 15)


def wrk_or_skip() -> str:
    return tool_or_skip("wrk")


def test_load_home_and_module_page(nginx_url, built_site, capsys):
    wrk = wrk_or_skip()
    results = []
    for path in ("/", module_page(built_site)):
        url = nginx_url.rstrip("/") + path
        run = subprocess.run(
            [wrk, f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{DURATION_S}s", "--timeout", "2s",
             "-H", "Accept-Encoding: gzip", url],
            capture_output=True, text=True, timeout=DURATION_S + 20, check=True)
        results.append(parse_wrk(url, run.stdout))
    with capsys.disabled():
        print("\n" + "\n".join(r.line() for r in results))
    for result in results:
        assert result.errors == 0, result.line()
        assert result.requests > 0, result.line()
