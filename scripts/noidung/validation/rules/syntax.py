"""Syntax: the file is UTF-8 text without BOM, in Unicode NFC, with valid YAML front matter.

Reading problems are found once, while each file is parsed (validation/source.py);
this family adds those about the overall shape: front matter present and a mapping.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..problem import Position, Problem, Severity, problem
from ..project import Project, new_command
from . import Rule

E = Severity.ERROR
RULES = (
    Rule("encoding", E, "tệp phải là văn bản UTF-8", "the file must be UTF-8 text",
         bad="(tệp lưu bằng Windows-1258)", good="(tệp lưu bằng UTF-8)"),
    Rule("bom", E, "tệp không được bắt đầu bằng BOM", "no byte-order mark at the start",
         bad="\\ufeff---", good="---"),
    Rule("nfc", E, "chữ Việt phải ở dạng dựng sẵn (Unicode NFC); `--fix` tự sửa",
         "Vietnamese must be in Unicode NFC; `--fix` converts it",
         bad="title: Gia đình (d + dấu tách rời)", good="title: Gia đình"),
    Rule("yaml-syntax", E, "YAML phải đúng cú pháp", "the YAML must parse",
         bad="title: Họp: tổng kết", good='title: "Họp: tổng kết"'),
    Rule("yaml-duplicate-key", E, "mỗi trường chỉ ghi một lần", "each field only once",
         bad="title: A\ntitle: B", good="title: B"),
    Rule("yaml-too-complex", E, "YAML không dùng bí danh lặp vòng hay lồng quá sâu",
         "no recursive aliases or extreme nesting", bad="a: &x [*x]", good="a: [1]"),
    Rule("yaml-structure", E, "tệp phải có đúng dạng (danh sách hay các trường)",
         "the file must have the expected shape (list or fields)",
         bad="- title: A   (trong front matter)", good="title: A"),
    Rule("front-matter-unclosed", E, "front matter mở bằng '---' phải đóng bằng '---'",
         "front matter opened by '---' must be closed by '---'",
         bad="---\ntitle: A\n# Nội dung", good="---\ntitle: A\n---\n# Nội dung"),
    Rule("front-matter-missing", E, "tin bài, học phần, văn bản chiến dịch cần front matter",
         "articles, modules and campaign texts need front matter",
         bad="# Tiêu đề", good="---\ntitle: Tiêu đề\n---"),
    Rule("file-unreadable", E, "tệp phải đọc được", "the file must be readable"),
)

_NEEDS_FRONT_MATTER = {"article", "article-translation", "module", "module-translation",
                       "campaign-text"}


def check(project: Project) -> Iterator[Problem]:
    for source in project.files.values():
        yield from source.problems
        if source.text is None or source.doc is None:
            continue
        if source.kind in _NEEDS_FRONT_MATTER and not source.has_front_matter:
            yield problem(
                source.rel, Position(1, 1), "front-matter-missing",
                "thiếu phần thông tin đầu trang (front matter) giữa hai dòng '---'",
                "the front matter between two '---' lines is missing",
                hint_vi=f"tạo tệp bằng {new_command(source.kind)}, hoặc chép phần đầu của một "
                "tệp cùng loại",
                hint_en=f"create the file with {new_command(source.kind)}, or copy the header "
                "of a similar file",
            )
        elif source.kind == "page" and source.data is not None and not isinstance(
                source.data, dict):
            yield problem(
                source.rel, source.doc.at(()), "yaml-structure",
                "front matter phải là các dòng «trường: giá trị»",
                "the front matter must be 'field: value' lines",
            )
