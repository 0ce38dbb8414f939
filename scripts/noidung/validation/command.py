"""`noidung validate [paths] [--format text|json] [--fix]`: the validator for staff and CI.

Exit status: 0 no errors (warnings allowed), 1 errors, 2 the tool could not run.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path

from .report import json_report, text_report
from .runner import fix_files, validate_project
from .schemas import SchemaError


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the `validate` subcommand on the `noidung` parser."""
    parser = sub.add_parser(
        "validate",
        help="kiểm tra nội dung (thông tin đầu trang, danh mục, liên kết, quyền riêng tư) "
        "/ validate content",
        description="Kiểm tra toàn bộ nội dung; chỉ báo lỗi của các tệp được nêu (nếu có). "
        "/ Validates all content; reports only the given files (if any).",
    )
    parser.add_argument("paths", nargs="*", type=Path, metavar="ĐƯỜNG_DẪN",
                        help="tệp hoặc thư mục cần báo (mặc định: tất cả) / files or folders")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="định dạng kết quả (mặc định: text) / output format")
    parser.add_argument("--fix", action="store_true",
                        help="tự sửa chữ không ở dạng NFC và dấu BOM / fix NFC text and BOMs")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    if not (root / "docs").is_dir() and not (root / "campaigns").is_dir():
        print(f"LỖI / ERROR: {root} không phải thư mục dự án (không có docs/, campaigns/) / "
              "is not a project folder (no docs/ or campaigns/)", file=sys.stderr)
        return 2
    paths: list[str] | None = None
    if args.paths:
        paths = []
        for given in args.paths:
            full = given.resolve()
            if not full.is_relative_to(root):
                print(f"LỖI / ERROR: {given} nằm ngoài dự án {root} / is outside the project",
                      file=sys.stderr)
                return 2
            paths.append(full.relative_to(root).as_posix())
    try:
        result = validate_project(root, paths)
        if args.fix:
            for rel in fix_files(root, result):
                print(f"Đã chuyển sang UTF-8 NFC / converted to UTF-8 NFC: {rel}",
                      file=sys.stderr)
            result = validate_project(root, paths)
    except SchemaError as error:
        print(f"LỖI / ERROR: mô hình nội dung hỏng / the content model is broken: {error}",
              file=sys.stderr)
        return 2
    except Exception:  # never a traceback for staff; keep it for the developers' log
        print("LỖI / ERROR: trình kiểm tra không chạy được / the validator could not run:\n"
              + traceback.format_exc(limit=3), file=sys.stderr)
        return 2
    print(json_report(result) if args.format == "json" else text_report(result))
    return result.exit_code
