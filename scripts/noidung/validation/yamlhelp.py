"""YAML mistakes told as staff see them: the line where the problem starts, its field,
the character by what it looks like, and the corrected line to copy.

Two jobs, both for source.parse_yaml:

- `invisible(lines)`: characters YAML does not read as staff expect, where they
  change the structure: a tab, a no-break space or a zero-width space in the
  indentation, the field name or after its ':'; a byte-order mark inside the file;
  curly quotes “ ” ‘ ’ around a value; a full-width colon '：'. Each comes with the
  line corrected, and the caller parses the corrected text so that the other rules
  see what was meant (and do not report "unknown field '\u00a0alt'" as well).
- `explain(lines, error)`: a PyYAML error told from where it starts (the opening
  quote or bracket, not the end of the file where the parser gave up).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

#: character → (Vietnamese name, English name, what replaces it in the fixed line).
CHARACTERS: dict[str, tuple[str, str, str]] = {
    "\t": ("ký tự tab", "a tab character", "  "),
    "\u00a0": ("dấu cách không ngắt (U+00A0)", "a no-break space (U+00A0)", " "),
    "\u202f": ("dấu cách hẹp không ngắt (U+202F)", "a narrow no-break space (U+202F)", " "),
    "\u200b": ("dấu cách vô hình, rộng bằng 0 (U+200B)", "a zero-width space (U+200B)", ""),
    "\u200c": ("ký tự vô hình U+200C", "an invisible zero-width non-joiner (U+200C)", ""),
    "\u200d": ("ký tự vô hình U+200D", "an invisible zero-width joiner (U+200D)", ""),
    "\u2060": ("ký tự vô hình U+2060", "an invisible word joiner (U+2060)", ""),
    "\ufeff": ("dấu BOM vô hình (U+FEFF)", "an invisible byte-order mark (U+FEFF)", ""),
    "\u3000": ("dấu cách toàn khổ (U+3000)", "a full-width space (U+3000)", " "),
}
QUOTES = {"“": ("”", '"'), "”": ("”", '"'), "‘": ("’", "'"), "’": ("’", "'"),
          "„": ("“", '"')}
QUOTE_NAMES = ("dấu ngoặc kép cong “ ” (YAML chỉ hiểu ngoặc thẳng \" hoặc ')",
               "curly quotes “ ” (YAML only understands straight quotes \" or ')")
FULL_COLON = "："
_SPACES = "".join(c for c in CHARACTERS if CHARACTERS[c][2].strip() == "") + " "
# indentation, list dashes, a field name, then ':' (or the full-width '：') and a space.
_LINE = re.compile(r"^(?P<indent>[ " + _SPACES + r"]*)(?P<dash>(?:-[ " + _SPACES + r"]+)*)"
                   r"(?P<key>[^\s:#'\"\[\]{}，：][^:：#]*?)(?P<colon>[:：])"
                   r"(?P<sep>[" + _SPACES + r"]*)(?P<value>.*)$")


_ANY = re.compile("[" + "".join(CHARACTERS) + "".join(QUOTES) + FULL_COLON + "]")


@dataclass(frozen=True)
class Finding:
    """One line to point at: 0-based line and column, what is wrong, the line fixed."""

    line: int
    column: int
    vi: str
    en: str
    fixed: str = ""


def _plain(text: str) -> str:
    return "".join(CHARACTERS[c][2] if c in CHARACTERS else c for c in text)


def invisible(lines: list[str]) -> list[Finding]:
    """Special characters in the structure of YAML lines (see the module docstring)."""
    found = []
    for number, line in enumerate(lines):
        if not _ANY.search(line):
            continue
        finding = _invisible_in(number, line)
        if finding is not None:
            found.append(finding)
    return found


def _invisible_in(number: int, line: str) -> Finding | None:
    match = _LINE.match(line)
    stripped = line.lstrip(" ")
    if match is None:
        # A line with no field: only its indentation and a BOM anywhere matter.
        col = next((i for i, c in enumerate(line) if c in CHARACTERS and
                    (c == "\ufeff" or not line[:i].strip(_SPACES))), None)
        if col is None:
            return None
        name_vi, name_en, _ = CHARACTERS[line[col]]
        return Finding(number, col, f"dòng này có {name_vi} ở đầu dòng",
                       f"this line has {name_en} at its start",
                       _plain(line[:len(line) - len(stripped)]) + _plain(stripped))
    indent, dash, key, colon, sep, value = (match.group(g) for g in (
        "indent", "dash", "key", "colon", "sep", "value"))
    clean_key = _plain(key).strip()
    fixed_value = value
    what: tuple[int, str, str] | None = None
    opening = value[:1]
    if opening in QUOTES:
        closing, straight = QUOTES[opening]
        end = value.rstrip()
        body = end[1:-1] if len(end) > 1 and end[-1] in (closing, "”", "’", '"', "'") else \
            end[1:]
        fixed_value = straight + body + straight
        what = (len(indent) + len(dash) + len(key) + 1 + len(sep),
                f"giá trị của «{clean_key}» đặt trong {QUOTE_NAMES[0]}",
                f"the value of '{clean_key}' is in {QUOTE_NAMES[1]}")
    for part, offset, where_vi, where_en in (
            (indent + dash, 0, "ở đầu dòng, trước tên trường", "at the start of the line"),
            (key, len(indent) + len(dash), f"trong tên trường «{clean_key}» (tên trông đúng "
             "nhưng không khớp)", f"inside the field name '{clean_key}' (it looks right but "
             "does not match)"),
            (sep, len(indent) + len(dash) + len(key) + 1, f"sau dấu ':' của «{clean_key}» "
             "(YAML cần một dấu cách thường)", f"after the ':' of '{clean_key}' (YAML needs a "
             "plain space)")):
        col = next((i for i, c in enumerate(part) if c in CHARACTERS), None)
        if col is not None:
            name_vi, name_en, _ = CHARACTERS[part[col]]
            what = (offset + col, f"dòng này có {name_vi} {where_vi}",
                    f"this line has {name_en} {where_en}")
            break
    if colon == FULL_COLON:
        what = (len(indent) + len(dash) + len(key),
                f"«{clean_key}» viết với dấu hai chấm toàn khổ «：» (của bộ gõ tiếng Trung, "
                "Nhật); YAML cần dấu hai chấm thường ':' và một dấu cách",
                f"'{clean_key}' is followed by a full-width colon '：'; YAML needs a plain ':' "
                "and a space")
    if what is None:
        bom = line.find("\ufeff")
        if bom < 0:
            return None
        what = (bom, f"dòng này có {CHARACTERS[chr(0xFEFF)][0]}",
                f"this line has {CHARACTERS[chr(0xFEFF)][1]}")
        fixed_value = value.replace("\ufeff", "")
    col, vi, en = what
    fixed = (_plain(indent) + _plain(dash) + clean_key + ":" + (" " if value else "")
             + fixed_value.replace("\ufeff", ""))
    return Finding(number, col, vi, en, fixed.rstrip())


# -- syntax errors -------------------------------------------------------------------------

#: Parser contexts whose mark is where the problem starts (an opening quote or bracket,
#: a line that should have been "field: value").
_START_CONTEXTS = ("while scanning a quoted scalar", "while parsing a flow sequence",
                   "while parsing a flow mapping", "while scanning a simple key")


def explain(lines: list[str], error: yaml.MarkedYAMLError,
            list_fields: frozenset[str] = frozenset()) -> Finding:
    """Where a syntax error starts (0-based), in plain words, with the line fixed.

    `list_fields` are the fields whose value is a list (from the file's schema): an unclosed
    '[' there lacks its ']'; anywhere else it is text that begins with '[' and needs quotes."""
    problem = error.problem or str(error)
    context = error.context or ""
    mark = error.problem_mark
    if context in _START_CONTEXTS and error.context_mark is not None:
        mark = error.context_mark
    number = min(mark.line, len(lines) - 1) if mark is not None and lines else 0
    col = mark.column if mark is not None else 0
    line = lines[number] if lines else ""
    match = _LINE.match(line)
    key = match.group("key").strip() if match else ""
    head = (match.group("indent") + match.group("dash") + key + ": ") if match else ""
    value = match.group("value") if match else line.strip()

    if context == "while scanning a quoted scalar":
        quote = line[col:col + 1] or '"'
        where_vi = f"giá trị của «{key}»" if key else "giá trị"
        where_en = f"the value of '{key}'" if key else "a value"
        return Finding(
            number, col, f"{where_vi} mở ngoặc {quote} ở dòng này nhưng không đóng",
            f"{where_en} opens a quote {quote} on this line but never closes it",
            line.rstrip() + quote)
    if context in ("while parsing a flow sequence", "while parsing a flow mapping"):
        opening, closing = ("[", "]") if "sequence" in context else ("{", "}")
        return Finding(
            number, col, f"dấu «{opening}» mở ở dòng này nhưng không có «{closing}» đóng "
            f"(hoặc một giá trị trong đó có dấu phẩy, dấu hai chấm cần đặt trong ngoặc kép)",
            f"the '{opening}' opened on this line is never closed by '{closing}' (or a value "
            "inside it holds a comma or colon and needs quotes)",
            head + _double_quoted(value) if match and key not in list_fields and opening == "["
            else line.rstrip() + closing if line.count(opening) > line.count(closing) else "")
    if context == "while scanning a simple key":
        words = re.match(r"^(\s*(?:-\s+)?)([A-Za-z_]+)\s+(\S.*)$", line)
        return Finding(
            number, 0, "dòng này thiếu dấu ':' sau tên trường (cần «tên: giá trị»)",
            "this line lacks the ':' after the field name (expected 'name: value')",
            f"{words.group(1)}{words.group(2)}: {words.group(3)}" if words else "")
    if "mapping values are not allowed" in problem:
        colon_col = len(head) - 2 if match else -1
        if match and col == colon_col and number > 0 and match.group("indent"):
            # "  title: B" under "id: a": the line is indented as if inside the value above.
            return Finding(number, 0, f"«{key}» thụt lề sai: dòng này lùi vào như thể nằm "
                           "trong giá trị của dòng trên",
                           f"'{key}' is indented as if it were part of the value above",
                           line.lstrip(" "))
        return Finding(
            number, col, f"giá trị của «{key}» có dấu ':' nên cần đặt trong ngoặc kép",
            f"the value of '{key}' contains ':' and must be quoted",
            head + _double_quoted(value) if match else "")
    if "found undefined alias" in problem or "cannot start any token" in problem:
        return Finding(
            number, col, f"giá trị của «{key}» bắt đầu bằng ký tự đặc biệt "
            f"«{line[col:col + 1]}», cần đặt trong ngoặc kép",
            f"the value of '{key}' starts with the special character '{line[col:col + 1]}' "
            "and must be quoted", head + _double_quoted(value) if match else "")
    if "unknown escape character" in problem:
        inner = value.strip()[1:-1] if value.strip()[:1] == '"' else value.strip()
        return Finding(
            number, col, f"giá trị của «{key}» có dấu '\\' trong ngoặc kép: dùng ngoặc đơn",
            f"the value of '{key}' has a '\\' inside double quotes: use single quotes",
            head + "'" + inner.replace("'", "''") + "'" if match else "")
    if "expected <block end>" in problem or "did not find expected key" in problem or \
            "did not find expected '-'" in problem:
        return Finding(number, col, "thụt lề của dòng này không khớp với các dòng trên",
                       "this line's indentation does not match the lines above")
    return Finding(number, col, f"YAML không hợp lệ ({problem})", f"invalid YAML ({problem})")


def _double_quoted(value: str) -> str:
    text = value.strip()
    if len(text) > 1 and text[0] == text[-1] and text[0] in "\"'":
        text = text[1:-1]
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


# -- the field a line belongs to ---------------------------------------------------------

_KEY_LINE = re.compile(r"^(?P<indent> *)(?P<dash>(?:- +)*)(?P<key>[^\s:#'\"\[\]{}-][^:#]*?)"
                       r"\s*:(?:\s|$)")
_DASH_LINE = re.compile(r"^(?P<indent> *)(?P<dash>(?:- +)+)")


def _shape(line: str) -> tuple[int, int | None, int | None, str] | None:
    """(start column, dash column or None, key column or None, key) of a YAML line."""
    if not line.strip() or line.lstrip().startswith("#"):
        return None
    match = _KEY_LINE.match(line)
    if match:
        indent, dash = len(match.group("indent")), match.group("dash")
        return (indent, indent if dash else None, indent + len(dash), match.group("key"))
    match = _DASH_LINE.match(line)
    if match:
        indent = len(match.group("indent"))
        return (indent, indent, None, "")
    return (len(line) - len(line.lstrip(" ")), None, None, "")


def field_at(lines: list[str], number: int) -> str:
    """The dotted field (`materials[0].alt`) that line `number` (0-based) writes."""
    lines = [_plain(line) for line in lines]
    shape = _shape(lines[number]) if number < len(lines) else None
    if shape is None:
        return ""
    parts: list[str | int] = []
    start, dash, keycol, key = shape
    current = start
    if key:
        parts.append(key)
        current = keycol if keycol is not None else start
    i = number
    pending_dash = dash  # an item that starts on line i, at this column
    while i >= 0:
        if pending_dash is not None:
            index, i = _item_index(lines, i, pending_dash)
            parts.insert(0, index)
            current, pending_dash = pending_dash, None
        i -= 1
        after_item = bool(parts) and isinstance(parts[0], int)
        while i >= 0:
            shape = _shape(lines[i])
            if shape is not None and (shape[0] < current or (
                    shape[1] is not None and shape[2] == current and not after_item) or (
                    after_item and shape[0] == current and shape[1] is None and shape[3])):
                break  # the parent ("materials:" above "- file:", even at the same column)
            i -= 1
        if i < 0:
            break
        start, dash, keycol, key = shape  # type: ignore[misc]
        if dash is not None and keycol == current:
            pending_dash = dash  # a sibling key on the line that starts our list item
            continue
        if key:
            parts.insert(0, key)
        current = keycol if key and keycol is not None and dash is None else start
        pending_dash = dash
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _item_index(lines: list[str], i: int, column: int) -> tuple[int, int]:
    """(index of the list item starting on line i at `column`, line i)."""
    index = 0
    j = i - 1
    while j >= 0:
        shape = _shape(lines[j])
        if shape is not None:
            if shape[0] < column or (shape[0] == column and shape[1] is None and shape[3]):
                break
            if shape[1] == column:
                index += 1
        j -= 1
    return index, i
