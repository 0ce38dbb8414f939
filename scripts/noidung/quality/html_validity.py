"""Valid HTML: the Nu HTML Checker (npm `vnu-jar`, needs Java) over a built site.

Every error fails, except the few that Material for MkDocs writes in markup we cannot
override without copying its templates; those are listed in KNOWN_MATERIAL_ERRORS, each
matched on the exact message AND the offending markup, with the reason it is kept.
"""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from noidung.quality import Problem


@dataclass(frozen=True)
class KnownError:
    """An error in Material's own markup that the gate tolerates, and why."""

    message: str  # the checker's message, exactly
    markup: re.Pattern[str]  # must match the highlighted markup of the error
    reason: str


KNOWN_MATERIAL_ERRORS = (
    KnownError(
        message="Attribute “autocomplete” is only allowed when the input type is “color”, "
        "“date”, “datetime-local”, “email”, “hidden”, “month”, “number”, “password”, "
        "“range”, “search”, “tel”, “text”, “time”, “url”, or “week”.",
        markup=re.compile(r'<input class="md-toggle" data-md-toggle="(drawer|search)" '
                          r'type="checkbox" id="__(drawer|search)" autocomplete="off">'),
        reason="Material's base.html writes its drawer and search toggles outside any "
        "block; autocomplete=off keeps Firefox from restoring their state on back navigation.",
    ),
    KnownError(
        message="Bad value “” for attribute “tabindex” on element “label”: "
        "The empty string is not a valid integer.",
        markup=re.compile(r'<label class="md-nav__link[^"]*" for="__nav_[\d_]+" '
                          r'id="__nav_[\d_]+_label" tabindex="">'),
        reason="Material's partials/nav-item.html writes tabindex=\"\" on the label of a "
        "navigation section; browsers ignore the empty value.",
    ),
    KnownError(
        message="The value of the “for” attribute of the “label” element must be the ID of "
        "a non-hidden form control.",
        markup=re.compile(r'<label class="md-nav__title" for="__toc">'),
        reason="Material's partials/toc.html always labels the table of contents toggle, "
        "which partials/nav-item.html writes only for pages in the navigation (blog posts "
        "are not); the label then toggles nothing, which is harmless.",
    ),
)


@dataclass
class ValidityReport:
    """Pages checked, errors tolerated (by known error) and errors that fail."""

    pages: int = 0
    tolerated: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def vnu_command(vnu_jar: Path, targets: list[Path], java: str = "java") -> list[str]:
    """The checker's command line: errors and warnings both count (--Werror)."""
    return [java, "-jar", str(vnu_jar), "--skip-non-html", "--Werror", "--format", "json",
            *map(str, targets)]


def _highlight(message: dict) -> str:
    extract = message.get("extract", "")
    start = message.get("hiliteStart", 0)
    return extract[start:start + message.get("hiliteLength", len(extract))]


def known_error(message: dict) -> KnownError | None:
    """The KnownError this checker message is an instance of, if any."""
    for known in KNOWN_MATERIAL_ERRORS:
        if message.get("message") == known.message and known.markup.search(_highlight(message)):
            return known
    return None


def parse_messages(messages: list[dict], site: Path) -> ValidityReport:
    """The checker's messages about files under `site`, as problems named by page."""
    site = site.resolve()
    report = ValidityReport(pages=sum(1 for _ in site.rglob("*.html")))
    for message in messages:
        path = Path(unquote(urlsplit(message.get("url", "")).path))
        if not path.is_relative_to(site):
            continue
        if message.get("type") == "info" and message.get("subType") != "warning":
            continue
        known = known_error(message)
        if known is not None:
            report.tolerated[known.message] = report.tolerated.get(known.message, 0) + 1
            continue
        where = f"line {message['lastLine']}: " if "lastLine" in message else ""
        snippet = _highlight(message).strip()
        report.problems.append(Problem(
            path.relative_to(site).as_posix(), "html-" + message.get("type", "error"),
            f"{where}{message.get('message', '')}" + (f" — {snippet}" if snippet else "")))
    return report


def run_vnu(vnu_jar: Path, roots: list[Path], java: str = "java") -> list[dict]:
    """Run the Nu HTML Checker once over every HTML file under `roots`; its messages.

    One Java process for all folders: starting the JVM is the slow part.
    """
    completed = subprocess.run(vnu_command(vnu_jar, [r.resolve() for r in roots], java),
                               capture_output=True, text=True, check=False)
    # The checker prints its JSON on stderr and exits 1 when it found errors.
    output = completed.stderr.strip() or completed.stdout.strip()
    if not output.startswith("{"):
        raise RuntimeError(f"vnu.jar failed (exit {completed.returncode}): {output[:500]}")
    return json.loads(output)["messages"]


def check_html(site: Path, vnu_jar: Path, java: str = "java") -> ValidityReport:
    """Run the Nu HTML Checker over every HTML file under `site`."""
    return parse_messages(run_vnu(vnu_jar, [site], java), site)
