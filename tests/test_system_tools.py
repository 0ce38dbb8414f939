"""A fresh machine: the programs the tests need are installed where we can, else skipped
with one line that names them and the command that installs them (make.py: SYSTEM_TOOLS)."""

from __future__ import annotations

import pytest

import make
from tests.support import tools


def test_a_missing_program_skips_its_tests_and_the_summary_names_it(monkeypatch, tmp_path):
    monkeypatch.setattr(make, "TOOL_PATH", str(tmp_path))  # nothing installed
    monkeypatch.setattr(tools, "MISSING", set())
    monkeypatch.delenv("REQUIRE_TOOLS", raising=False)
    monkeypatch.delenv("REQUIRE_BROWSER", raising=False)
    for name in ("nginx", "chromium"):
        with pytest.raises(pytest.skip.Exception) as skipped:
            tools.tool_or_skip(name, "/nonexistent/" + name)
        assert f"sudo apt-get install {make.SYSTEM_TOOLS[name][0]}" in str(skipped.value)
    assert tools.summary_line() == (
        "Đã bỏ qua các kiểm thử cần chromium, nginx / skipped the tests that need chromium, "
        "nginx; cài bằng / install with: sudo apt-get install chromium nginx-light "
        "(or run python3 make.py test as root)")


def test_in_ci_a_missing_program_fails_instead(monkeypatch, tmp_path):
    monkeypatch.setattr(make, "TOOL_PATH", str(tmp_path))
    monkeypatch.setattr(tools, "MISSING", set())
    monkeypatch.setenv("REQUIRE_TOOLS", "1")
    with pytest.raises(pytest.fail.Exception, match="wrk not installed"):
        tools.tool_or_skip("wrk")


def test_without_root_make_py_says_what_it_cannot_install(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(make, "TOOL_PATH", str(tmp_path))
    monkeypatch.setattr(make.os, "geteuid", lambda: 1000)
    make.ensure_system_tools()
    line = capsys.readouterr().out.strip()
    assert line.startswith("Bỏ qua các kiểm thử cần chromium, java, nginx, wrk, npm / ")
    assert line.endswith("sudo apt-get install chromium default-jre-headless nginx-light wrk npm")
