"""Build the whole bilingual site: one MkDocs build per language, in parallel, then join.

The build is atomic: everything is written to a temporary folder beside the
output, and `site/` is replaced only when every step succeeded. A failed build
leaves the previous `site/` exactly as it was and raises BuildError.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from noidung import search, site
from noidung.build import postbuild
from noidung.build import publish as build_publish
from noidung.build import security as build_security
from noidung.content.layout import REPO_ROOT
from noidung.search.indexer import SearchIndexError
from noidung.validation import SchemaError, build_gate


class BuildError(RuntimeError):
    """Raised by `build_site` when a language build or a later step fails."""


@dataclass(frozen=True)
class LanguageBuild:
    """One language's MkDocs configuration file."""

    lang: str
    config_file: Path


@dataclass
class BuildReport:
    pages: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    warnings: int = 0
    sitemap_entries: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        counts = ", ".join(f"{lang}: {n}" for lang, n in self.pages.items())
        return (f"Đã dựng {sum(self.pages.values())} trang ({counts}) trong {self.seconds:.1f} s, "
                f"{self.warnings} cảnh báo / built {sum(self.pages.values())} pages "
                f"in {self.seconds:.1f} s, {self.warnings} warnings")


def language_builds(root: Path = REPO_ROOT) -> list[LanguageBuild]:
    """Each language's MkDocs configuration file, the default language first."""
    config = site.load(root)
    return [LanguageBuild(code, path) for code, path in config.config_files.items()]


def _start_builds(builds: list[LanguageBuild], out: Path, root: Path
                  ) -> list[tuple[LanguageBuild, subprocess.Popen]]:
    """Start every language's MkDocs build at once, each in its own process."""
    procs = []
    for b in builds:
        cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file",
               str(b.config_file), "--site-dir", str(out / b.lang)]
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_CACHE_DIR": str(out / "cache")}
        procs.append((b, subprocess.Popen(
            cmd, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )))
    return procs


def _stop_builds(procs: list[tuple[LanguageBuild, subprocess.Popen]]) -> None:
    for _, proc in procs:
        proc.kill()
        proc.communicate()


def _finish_builds(procs: list[tuple[LanguageBuild, subprocess.Popen]], quiet: bool
                   ) -> list[str]:
    """Wait for the builds; return the output of each (warnings counted)."""
    # Read every pipe at once: a build whose output filled its pipe while we waited on
    # another would stop (MkDocs lists every page left out of the nav: 50 KB at 2,000).
    with ThreadPoolExecutor(max_workers=len(procs)) as readers:
        texts = list(readers.map(lambda item: item[1].communicate()[0], procs))
    outputs, failed = [], []
    for (b, proc), text in zip(procs, texts, strict=True):
        outputs.append(text)
        if not quiet or proc.returncode:
            for line in text.splitlines():
                if "WARNING" in line or "ERROR" in line or "Error" in line or not quiet:
                    print(f"[{b.lang}] {line}", file=sys.stderr)
        if proc.returncode:
            failed.append(b.lang)
    if failed:
        raise BuildError(
            "Dựng trang thất bại cho ngôn ngữ: " + ", ".join(failed)
            + " (xem thông báo ở trên) / the build failed for: " + ", ".join(failed)
        )
    return outputs


def build_site(
    root: Path = REPO_ROOT, output: Path | None = None, quiet: bool = True,
    progress: Callable[[str], None] | None = None,
) -> BuildReport:
    """Build every language and replace `output` (default: root/site) atomically.

    `progress`, when given, receives one line per step as the build goes.
    """
    started = time.perf_counter()
    # Absolute from here on: the MkDocs processes run in `root`, and Material reads our
    # generated authors file relative to docs_dir, so a relative path would point elsewhere.
    root = root.absolute()

    def step(vi: str, en: str) -> None:
        if progress:
            progress(f"[{time.perf_counter() - started:5.1f} s] {vi} / {en}")

    output = (output or root / "site").absolute()
    remover = _remove_previous_site(output)
    config = site.load(root)
    languages = list(config.languages)
    builds = language_builds(root)
    output.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".site-build-", dir=output.parent))
    try:
        step("kiểm tra nội dung; dựng " + ", ".join(b.lang for b in builds) + " song song",
             "validating the content; building " + ", ".join(b.lang for b in builds)
             + " in parallel")
        # The builds write only into `work`, so they start at once and the same checks
        # as `noidung validate` run beside them (one core would wait otherwise). On an
        # error the builds are stopped and the previous site/ is never touched.
        procs = _start_builds(builds, work, root)
        try:
            refused = build_gate(root)
        except SchemaError as error:
            _stop_builds(procs)
            raise BuildError(
                f"mô hình nội dung hỏng / the content model is broken: {error}") from None
        except BaseException:
            _stop_builds(procs)
            raise
        if refused:
            _stop_builds(procs)
            raise BuildError(refused)
        outputs = _finish_builds(procs, quiet)
        joined = work / builds[0].lang
        shutil.rmtree(work / "cache", ignore_errors=True)
        for b, language in zip(builds[1:], languages[1:], strict=True):
            shutil.move(str(work / b.lang), str(joined / language.root.strip("/")))
        report = BuildReport()
        report.warnings = sum(text.count("WARNING") for text in outputs)
        step("liên kết ngôn ngữ, sitemap", "language links and sitemaps")
        postbuild.disable_material_alternate_lookup(joined)
        postbuild.resolve_language_links(joined, languages)
        report.sitemap_entries = postbuild.write_sitemaps(joined, languages, config.site_url)
        pages = postbuild.built_pages(joined, languages)
        report.pages = {code: len(p) for code, p in pages.items()}
        step("chỉ mục tìm kiếm", "search index")
        try:
            search.index_site(joined, languages)  # our index, one per language, in parallel
        except SearchIndexError as error:
            raise BuildError(str(error)) from error
        # Must stay LAST before the swap: it hashes the final inline scripts for the CSP
        # and precompresses the final bytes; any step that edits files goes above it.
        step("nén sẵn, chính sách bảo mật", "precompression and security policy")
        try:
            build_publish.prepare_site(joined)
        except build_security.PublishError as error:
            raise BuildError(str(error)) from error
        remover.join()
        _replace(joined, output)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report.seconds = time.perf_counter() - started
    return report


def previous_site(output: Path) -> Path:
    """Where the site a build replaced waits until the next build deletes it."""
    return output.with_name(f".{output.name}.old")


def _remove_previous_site(output: Path) -> threading.Thread:
    """Delete the site the last build replaced, in the background, while this one builds.

    Deleting a 2,000-page site (15,000 files) took 1.8-2.4 s, nearly all of it waiting
    on the disk; done during the MkDocs builds, which wait on the processor, it is free.
    """
    remover = threading.Thread(target=shutil.rmtree, args=(previous_site(output), True),
                               name="remove-previous-site", daemon=True)
    remover.start()
    return remover


def _replace(new: Path, output: Path) -> None:
    """Swap the finished folder in; the old site becomes previous_site(output)."""
    old = previous_site(output)
    shutil.rmtree(old, ignore_errors=True)  # normally already gone: _remove_previous_site
    if output.exists():
        output.rename(old)
    new.rename(output)
