"""A short word diff of two texts: what changed, with a few lines of context.

Used by the translation report to show what changed in an original since its
translation was last brought up to date. Words are compared with difflib; runs
of white space count as equal whatever they are made of (a reflowed paragraph is
not a change, as for `scripts.translations.source_hash`), and the new text's
spacing is shown.

A result is a list of hunks; a hunk is a list of lines; a line is a list of
(op, text) pieces, op being "=", "-" or "+". `as_terminal` writes them as
`[-old-]{+new+}`, `as_html` with `<del>` and `<ins>`.
"""

from __future__ import annotations

import difflib
import html
import re

Piece = tuple[str, str]
Line = list[Piece]
Hunk = list[Line]

TOKEN_RE = re.compile(r"\s+|\w+|[^\w\s]")
#: Lines of context kept around a changed line, and words kept around a change in a line.
CONTEXT_LINES = 1
CONTEXT_WORDS = 6
#: Unchanged text is cut only when that saves more than this many words.
SLACK_WORDS = 4
ELLIPSIS = "…"


def _tokens(text: str) -> list[str]:
    return TOKEN_RE.findall(text)


def _key(token: str) -> str:
    if token.isspace():
        return "\n" if "\n" in token else " "
    return token


def _pieces(old: str, new: str) -> list[Piece]:
    a, b = _tokens(old), _tokens(new)
    matcher = difflib.SequenceMatcher(None, [_key(t) for t in a], [_key(t) for t in b],
                                      autojunk=False)
    pieces: list[Piece] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            pieces.append(("=", "".join(b[j1:j2])))
            continue
        if op in ("delete", "replace"):
            pieces.append(("-", "".join(a[i1:i2])))
        if op in ("insert", "replace"):
            pieces.append(("+", "".join(b[j1:j2])))
    return pieces


def _lines(pieces: list[Piece]) -> list[Line]:
    """Split pieces at line ends; a change over several lines is marked on each line."""
    lines: list[Line] = [[]]
    for op, text in pieces:
        if op == "-" and "\n" in text and not text.strip():
            continue  # a removed line break: the new text's lines are shown
        parts = text.split("\n")
        for index, part in enumerate(parts):
            if index:
                if op == "-":
                    lines[-1].append(("=", " "))  # removed text stays on the line it was on
                    continue
                lines.append([])
            if part:
                lines[-1].append((op, part))
    return lines


def _changed(line: Line) -> bool:
    return any(op != "=" and text.strip() for op, text in line)


def _shorten(line: Line, words: int) -> Line:
    """Unchanged text longer than `words` words on each side of a change becomes "…"."""
    result: Line = []
    last = len(line) - 1
    for index, (op, text) in enumerate(line):
        if op != "=":
            result.append((op, text))
            continue
        tokens = [t for t in re.split(r"(\s+)", text) if t]
        count = sum(1 for t in tokens if not t.isspace())
        if count <= (2 * words if 0 < index < last else words) + SLACK_WORDS:
            result.append((op, text))
            continue
        head = _first_words(tokens, words) if index > 0 else ""
        tail = _first_words(tokens[::-1], words, reverse=True) if index < last else ""
        result.append((op, head + ELLIPSIS + tail))
    return result


def _first_words(tokens: list[str], words: int, reverse: bool = False) -> str:
    kept, seen = [], 0
    for token in tokens:
        if not token.isspace():
            if seen == words:
                break
            seen += 1
        kept.append(token)
    if reverse:
        kept.reverse()
    return "".join(kept)


def diff(old: str, new: str, context: int = CONTEXT_LINES,
         words: int = CONTEXT_WORDS) -> list[Hunk]:
    """The changed lines of `new` against `old`, with `context` lines around each change."""
    # Blank lines (between Markdown paragraphs) are neither shown nor counted as context.
    lines = [line for line in _lines(_pieces(old, new))
             if "".join(t for _, t in line).strip()]
    changed = [i for i, line in enumerate(lines) if _changed(line)]
    keep = sorted({j for i in changed
                   for j in range(max(0, i - context), min(len(lines), i + context + 1))})
    hunks: list[Hunk] = []
    previous = None
    for index in keep:
        if previous is None or index > previous + 1:
            hunks.append([])
        line = lines[index]
        hunks[-1].append(_shorten(line, words) if _changed(line) else _shorten_context(line,
                                                                                      words))
        previous = index
    return hunks


def _shorten_context(line: Line, words: int) -> Line:
    text = "".join(t for _, t in line)
    tokens = [t for t in re.split(r"(\s+)", text) if t]
    if sum(1 for t in tokens if not t.isspace()) <= 2 * words + SLACK_WORDS:
        return [("=", text)]
    return [("=", _first_words(tokens, words).rstrip() + " " + ELLIPSIS)]


def as_terminal(hunks: list[Hunk], indent: str = "") -> list[str]:
    """Lines for the terminal: `[-old-]{+new+}`; "⋮" between hunks."""
    out: list[str] = []
    for number, hunk in enumerate(hunks):
        if number:
            out.append(indent + "⋮")
        for line in hunk:
            out.append(indent + "".join(
                text if op == "=" else f"[-{text}-]" if op == "-" else f"{{+{text}+}}"
                for op, text in line))
    return out


def as_html(hunks: list[Hunk]) -> list[str]:
    """Lines of HTML: `<del>old</del><ins>new</ins>`, text escaped; "⋮" between hunks."""
    out: list[str] = []
    for number, hunk in enumerate(hunks):
        if number:
            out.append("⋮")
        for line in hunk:
            out.append("".join(
                html.escape(text) if op == "=" else
                f"<del>{html.escape(text)}</del>" if op == "-" else
                f"<ins>{html.escape(text)}</ins>"
                for op, text in line))
    return out
