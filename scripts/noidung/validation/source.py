"""Reading one file, once: bytes → text → front matter → YAML values with their positions.

Every problem found while reading (encoding, byte-order mark, Unicode NFC, YAML
syntax, unclosed front matter) becomes a Problem; nothing here raises.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problem import Position, Problem, problem
from .yamlhelp import Finding, explain, field_at, invisible

try:  # the C parser is ten times faster; PyYAML without libyaml still works
    _BaseLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _BaseLoader = yaml.SafeLoader

#: Path of a value inside a document: keys and list indexes.
FieldPath = tuple[str | int, ...]

#: Beyond this many values (aliases counted as expanded) a document is refused.
MAX_VALUES = 20_000
MAX_DEPTH = 60


class _Loader(_BaseLoader):
    """Safe YAML, except that dates stay strings: the schema checks their form itself."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

# The line that closes the front matter: "---" (or YAML's "...") alone on its line.
_FRONT_MATTER_CLOSE = re.compile(r"\n(?:---|\.\.\.)[ \t]*\r?(?:\n|\Z)")


@dataclass
class Document:
    """The metadata of one file: values plus where each value and key starts."""

    data: Any = None
    #: Position of the value at each path; () is the whole document.
    positions: dict[FieldPath, Position] = field(default_factory=dict)
    #: Position of the key naming each mapping value.
    key_positions: dict[FieldPath, Position] = field(default_factory=dict)
    #: Line in the file of the first line of the YAML text.
    first_line: int = 1

    def at(self, path: FieldPath, *, key: bool = False) -> Position:
        """Best known position of a field: its key or value, else its nearest parent."""
        table = self.key_positions if key else self.positions
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.positions:
                return self.positions[probe]
            probe = probe[:-1]
        return self.positions.get((), Position(self.first_line, 1))


@dataclass
class SourceFile:
    """A file as read: its text, metadata document and body, and reading problems."""

    path: Path
    rel: str
    kind: str
    text: str | None = None
    doc: Document | None = None
    body: str = ""
    body_line: int = 1
    has_front_matter: bool = False
    problems: list[Problem] = field(default_factory=list)

    @property
    def data(self) -> Any:
        return self.doc.data if self.doc else None

    @property
    def meta(self) -> dict[str, Any]:
        """The metadata mapping ({} when missing or not a mapping)."""
        data = self.data
        return data if isinstance(data, dict) else {}


def dotted(path: FieldPath) -> str:
    """('materials', 0, 'alt') → 'materials[0].alt'."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def position_in_text(text: str, offset: int, first_line: int = 1) -> Position:
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    return Position(first_line + line, offset - start + 1)


def read_source(path: Path, rel: str, kind: str, *, markdown: bool) -> SourceFile:
    """Read and parse one file; problems are collected on the returned SourceFile."""
    source = SourceFile(path, rel, kind)
    try:
        raw = path.read_bytes()
    except OSError as error:
        source.problems.append(problem(
            rel, None, "file-unreadable",
            f"không đọc được tệp ({error.strerror})", f"the file cannot be read ({error.strerror})",
        ))
        return source
    text = _decode(raw, source)
    if text is None:
        return source
    source.text = text
    _check_nfc(text, source)
    if markdown:
        _parse_markdown(text, source)
    else:
        source.doc = parse_yaml(text, source, first_line=1)
    return source


def _decode(raw: bytes, source: SourceFile) -> str | None:
    rel = source.rel
    if b"\x00" in raw[:8000]:
        source.problems.append(problem(
            rel, None, "encoding",
            "tệp không phải văn bản (có byte NUL, có thể là tệp nhị phân)",
            "the file is not text (it contains NUL bytes, maybe a binary file)",
            hint_vi="chỉ đặt tệp Markdown/YAML ở đây; ảnh, PDF để trong thư mục tài liệu",
            hint_en="only Markdown/YAML belong here; keep images and PDFs in a materials folder",
        ))
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        source.problems.append(problem(
            rel, Position(1, 1), "bom",
            "tệp bắt đầu bằng dấu BOM (U+FEFF), cần UTF-8 không BOM",
            "the file starts with a byte-order mark (U+FEFF), expected UTF-8 without BOM",
            hint_vi="chạy `python3 make.py validate --fix` hoặc lưu lại với mã hóa «UTF-8» "
            "(không BOM)",
            hint_en="run `python3 make.py validate --fix` or save it as 'UTF-8' (without BOM)",
        ))
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        good = raw[: error.start].decode("utf-8", errors="replace")
        pos = position_in_text(good, len(good))
        source.problems.append(problem(
            rel, pos, "encoding",
            f"tệp không phải UTF-8 (byte 0x{raw[error.start]:02x} không hợp lệ)",
            f"the file is not UTF-8 (invalid byte 0x{raw[error.start]:02x})",
            hint_vi="mở tệp và lưu lại với mã hóa «UTF-8» (không dùng Windows-1258 hay TCVN3)",
            hint_en="open the file and save it as 'UTF-8' (not Windows-1258 or TCVN3)",
        ))
        return None


def _check_nfc(text: str, source: SourceFile) -> None:
    # normalize() == text is ~15x faster than is_normalized() on Vietnamese (measured).
    if text.isascii() or unicodedata.normalize("NFC", text) == text:
        return
    bad_lines = [
        i for i, line in enumerate(text.split("\n"), 1)
        if not unicodedata.is_normalized("NFC", line)
    ]
    first = bad_lines[0]
    line_text = text.split("\n")[first - 1]
    col = next(
        (i + 1 for i, ch in enumerate(line_text) if unicodedata.combining(ch)), 1
    )
    # Report the column of the letter the first combining mark belongs to.
    col = max(1, col - 1)
    word = _word_at(line_text, col - 1)
    more = len(bad_lines) - 1
    extra_vi = f" (và {more} dòng khác)" if more else ""
    extra_en = f" (and {more} more lines)" if more else ""
    source.problems.append(problem(
        source.rel, Position(first, col), "nfc",
        f"chữ «{unicodedata.normalize('NFC', word)}» gõ dạng tổ hợp (dấu tách rời), "
        f"cần Unicode dựng sẵn NFC{extra_vi}",
        f"the word '{unicodedata.normalize('NFC', word)}' is typed with combining marks, "
        f"expected Unicode NFC{extra_en}",
        hint_vi="chạy `python3 make.py validate --fix` để chuyển cả tệp sang NFC "
        "(chữ trông giống hệt nhưng tìm kiếm được)",
        hint_en="run `python3 make.py validate --fix` to convert the file to NFC",
    ))


def _word_at(line: str, index: int) -> str:
    start = index
    while start > 0 and not line[start - 1].isspace():
        start -= 1
    end = index
    while end < len(line) and not line[end].isspace():
        end += 1
    return line[start:end][:40]


def _parse_markdown(text: str, source: SourceFile) -> None:
    first = text.split("\n", 1)[0]
    if first.rstrip("\r").rstrip() != "---":
        source.body, source.body_line = text, 1
        source.doc = Document({}, {(): Position(1, 1)}, {}, 1)
        return
    closing = _FRONT_MATTER_CLOSE.search(text, len(first))
    if closing is None:
        source.problems.append(problem(
            source.rel, Position(1, 1), "front-matter-unclosed",
            "phần thông tin đầu trang (front matter) mở bằng '---' nhưng không có dòng '---' đóng",
            "the front matter opened by '---' is never closed by a '---' line",
            hint_vi="thêm một dòng chỉ có '---' sau trường cuối cùng, trước nội dung bài",
            hint_en="add a line with only '---' after the last field, before the body",
        ))
        return
    source.has_front_matter = True
    header = text[len(first) + 1:closing.start() + 1]
    source.doc = parse_yaml(header, source, first_line=2)
    source.body = text[closing.end():]
    source.body_line = text.count("\n", 0, closing.end()) + 1


# -- YAML with positions ----------------------------------------------------------------

def parse_yaml(text: str, source: SourceFile, first_line: int) -> Document | None:
    """Parse YAML text; on a syntax error add a problem and return None.

    Invisible or look-alike characters that change the structure (a tab or no-break
    space in the indentation, curly quotes, a full-width colon...) are reported
    with the line corrected, and the corrected text is what is parsed, so the other
    rules check what was meant."""
    doc = Document(first_line=first_line)
    lines = text.split("\n")
    findings = invisible(lines)
    for found in findings:
        source.problems.append(_syntax_problem(source, lines, found, first_line))
        if found.fixed:
            lines[found.line] = found.fixed
    if findings:
        text = "\n".join(lines)
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                doc.positions[()] = Position(first_line, 1)
                return doc
            _walk(node, (), doc, first_line, source, {}, 0)
            doc.data = loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        source.problems.append(_syntax_problem(
            source, lines, explain(lines, error, _list_fields(source.kind)), first_line))
        return None
    except (yaml.YAMLError, ValueError, TypeError, RecursionError, OverflowError) as error:
        source.problems.append(problem(
            source.rel, Position(first_line, 1), "yaml-syntax",
            f"YAML không đọc được ({type(error).__name__}: {str(error)[:120]})",
            f"the YAML cannot be read ({type(error).__name__}: {str(error)[:120]})",
        ))
        return None
    except _TooComplex as error:
        source.problems.append(problem(
            source.rel, error.pos, "yaml-too-complex",
            "YAML quá sâu, quá lớn hoặc có bí danh (&, *) lặp vòng",
            "the YAML is too deep, too large or has self-referencing aliases (&, *)",
            hint_vi="viết giá trị trực tiếp, không dùng & và *",
            hint_en="write values out; do not use & and *",
        ))
        return None
    return doc


def _syntax_problem(source: SourceFile, lines: list[str], found: Finding,
                    first_line: int) -> Problem:
    """A yaml-syntax problem at the line where it starts, naming its field, with the
    corrected line to copy when there is one."""
    number = first_line + found.line
    if found.fixed:
        hint_vi = f"sửa dòng {number} thành «{found.fixed}»"
        hint_en = f"change line {number} to '{found.fixed}'"
    else:
        hint_vi = ("xem dòng này và dòng ngay trên nó; giá trị có ':' '#' '[' '{' nên đặt "
                   "trong ngoặc kép")
        hint_en = ("look at this line and the one above it; quote values that contain ':' '#' "
                   "'[' '{'")
    meant = lines[:found.line] + [found.fixed] + lines[found.line + 1:] if found.fixed \
        else lines
    name = field_at(meant, found.line)  # of the line as meant (an indented key is not nested)
    vi, en = found.vi, found.en
    if name and f"«{name}»" not in vi:
        vi, en = f"«{name}»: {vi}", f"'{name}': {en}"
    return problem(source.rel, Position(number, found.column + 1), "yaml-syntax", vi, en,
                   field=name, hint_vi=hint_vi, hint_en=hint_en)


class _TooComplex(Exception):
    def __init__(self, pos: Position) -> None:
        self.pos = pos


def _walk(node: yaml.Node, path: FieldPath, doc: Document, first_line: int,
          source: SourceFile, sizes: dict[int, int], depth: int) -> int:
    """Record positions; count values with aliases expanded (refuses alias bombs)."""
    pos = Position(first_line + node.start_mark.line, node.start_mark.column + 1)
    if depth > MAX_DEPTH:
        raise _TooComplex(pos)
    known = id(node) in sizes
    if known:
        if sizes[id(node)] < 0:  # still being walked: a recursive alias
            raise _TooComplex(pos)
        return sizes[id(node)]
    doc.positions.setdefault(path, pos)
    sizes[id(node)] = -1
    total = 1
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, Position] = {}
        for key_node, value_node in node.value:
            key: Any = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
            key_pos = Position(first_line + key_node.start_mark.line,
                               key_node.start_mark.column + 1)
            if key in seen and key != "<<":
                source.problems.append(problem(
                    source.rel, key_pos, "yaml-duplicate-key",
                    f"trường «{key}» được ghi hai lần (lần đầu ở dòng {seen[key].line}); "
                    "chỉ giá trị sau được dùng",
                    f"field '{key}' appears twice (first on line {seen[key].line}); "
                    "only the last value counts",
                    field=dotted((*path, key)),
                    hint_vi="xóa một trong hai dòng", hint_en="delete one of the two",
                ))
            seen.setdefault(key, key_pos)
            doc.key_positions.setdefault((*path, key), key_pos)
            total += _walk(value_node, (*path, key), doc, first_line, source, sizes, depth + 1)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            total += _walk(item, (*path, i), doc, first_line, source, sizes, depth + 1)
    if total > MAX_VALUES:
        raise _TooComplex(pos)
    sizes[id(node)] = total
    return total


def _list_fields(kind: str) -> frozenset[str]:
    """The top-level fields of a kind whose value is a list (none when the kind is unknown)."""
    from .schemas import SchemaError, load_schema  # schemas imports this module

    try:
        properties = load_schema(kind).properties
    except (SchemaError, KeyError, OSError):
        return frozenset()
    return frozenset(name for name, spec in properties.items()
                     if isinstance(spec, dict) and spec.get("type") == "array")
