"""SiteConfig: the one reader of mkdocs.yml / mkdocs.<lang>.yml."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from noidung import site
from noidung.content.layout import PACKAGE_DIR, REPO_ROOT, SECTIONS


def _project(tmp_path: Path) -> Path:
    for name in ("mkdocs.yml", "mkdocs.en.yml"):
        shutil.copy(REPO_ROOT / name, tmp_path / name)
    return tmp_path


def test_languages_docs_folders_and_config_files_come_from_the_mkdocs_files():
    config = site.load(REPO_ROOT)
    assert config.language_codes == ("vi", "en")
    assert config.default_language.root == "/" and config.language("en").root == "/en/"
    assert config.config_files == {"vi": REPO_ROOT / "mkdocs.yml",
                                   "en": REPO_ROOT / "mkdocs.en.yml"}
    assert config.docs_dirs == {"vi": REPO_ROOT / "docs/vi", "en": REPO_ROOT / "docs/en"}
    assert config.sections is SECTIONS


def test_site_url_follows_the_SITE_URL_variable(monkeypatch, tmp_path):
    root = _project(tmp_path)
    monkeypatch.delenv("SITE_URL", raising=False)
    # Until the department's address is known, mkdocs.yml holds a marked placeholder.
    assert site.load(root).address_problem == "placeholder"
    monkeypatch.setenv("SITE_URL", "http://127.0.0.1:8000/")
    assert site.load(root).is_local and site.load(root).address_problem == "loopback"
    monkeypatch.setenv("SITE_URL", "https://giadinh.example.gov.vn/")
    config = site.load(root)
    assert config.site_url == "https://giadinh.example.gov.vn/" and not config.is_local
    assert config.address_problem is None


@pytest.mark.parametrize(("address", "problem"), [
    ("", "empty"), ("http://localhost:8000/", "loopback"), ("http://127.0.1.1/", "loopback"),
    ("http://[::1]:8000/", "loopback"), ("https://dia-chi-trang-chua-dat.invalid/", "placeholder"),
    ("giadinh.gov.vn", "not-http"), ("https://giadinh.ninhbinh.gov.vn/", None),
])
def test_which_addresses_cannot_be_published(address, problem):
    config = site.SiteConfig(REPO_ROOT, address, (), {}, {})
    assert config.address_problem == problem


def test_a_blog_folder_that_differs_from_the_sections_is_refused_by_name(tmp_path):
    root = _project(tmp_path)
    text = (root / "mkdocs.yml").read_text("utf-8")
    (root / "mkdocs.yml").write_text(text.replace("blog_dir: tin-bai", "blog_dir: tin-tuc"),
                                     "utf-8")
    with pytest.raises(site.SiteConfigError, match=r"blog\.blog_dir là «tin-tuc», nhưng mục "
                                                   r"của trang là «tin-bai»"):
        site.load(root)


def test_a_missing_language_file_is_named(tmp_path):
    root = _project(tmp_path)
    (root / "mkdocs.en.yml").unlink()
    with pytest.raises(site.SiteConfigError, match="mkdocs.en.yml"):
        site.load(root)


def test_no_other_module_reads_the_mkdocs_configuration():
    """Only site.py reads mkdocs*.yml; the preview hands the file to MkDocs' own build."""
    readers = re.compile(r"yaml_load|load_config\(|read_text\([^)]*\)[^\n]*mkdocs|"
                         r"/ \"mkdocs\.yml\"|open\([^)]*mkdocs")
    found = []
    for path in PACKAGE_DIR.rglob("*.py"):
        rel = path.relative_to(PACKAGE_DIR).as_posix()
        if rel in {"site.py", "benchmark/corpus.py"}:
            continue
        for line in path.read_text("utf-8").splitlines():
            if readers.search(line) and "config_file=str(self.config_file)" not in line:
                found.append(f"{rel}: {line.strip()}")
    assert found == []
