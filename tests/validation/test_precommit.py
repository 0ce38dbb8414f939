"""The pre-commit hook runs the validator on the content files being committed."""

from __future__ import annotations

import re

import yaml

from noidung.content.layout import REPO_ROOT


def test_hook_runs_the_validator_on_content_files_only():
    config = yaml.safe_load((REPO_ROOT / ".pre-commit-config.yaml").read_text("utf-8"))
    hooks = {h["id"]: h for repo in config["repos"] for h in repo["hooks"]}
    hook = hooks["noidung-validate"]
    assert hook["entry"] == "python3 make.py validate" and hook["pass_filenames"] is True
    files = re.compile(hook["files"])
    for path in ("docs/vi/tin-bai/posts/a.md", "campaigns/a/campaign.yml",
                 "docs/registries/units.yml", "docs/en/tap-huan/a.md"):
        assert files.search(path), path
    for path in ("scripts/noidung/cli.py", "README.md", "docs/vi/anh/a.png", "mkdocs.yml"):
        assert not files.search(path), path


def test_hooks_run_ruff_and_mypy_on_code_only():
    config = yaml.safe_load((REPO_ROOT / ".pre-commit-config.yaml").read_text("utf-8"))
    hooks = {h["id"]: h for repo in config["repos"] for h in repo["hooks"]}
    assert set(hooks) == {"noidung-validate", "ruff", "mypy"}
    for name in ("ruff", "mypy"):
        files = re.compile(hooks[name]["files"])
        assert files.search("scripts/noidung/cli.py") and not files.search("docs/vi/a.md")
    assert "ruff check" in hooks["ruff"]["entry"] and "mypy -p noidung" in hooks["mypy"]["entry"]
