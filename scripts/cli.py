"""`noidung`: the one command staff use. Messages in Vietnamese first, English second."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .build import BuildError, build_site
from .layout import REPO_ROOT


def _build(args: argparse.Namespace) -> int:
    print("Đang dựng trang (tiếng Việt và tiếng Anh, song song) / building both languages…",
          flush=True)
    try:
        report = build_site(args.root, args.root / "site" if args.output is None else args.output,
                            quiet=not args.verbose)
    except BuildError as error:
        print(f"LỖI / ERROR: {error}", file=sys.stderr)
        print("Thư mục site/ cũ được giữ nguyên / the previous site/ is unchanged.",
              file=sys.stderr)
        return 1
    print(report.summary())
    print("Xem thử / preview: python3 make.py serve  (http://127.0.0.1:8000/)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="noidung",
        description="Công cụ nội dung của trang / the site's content tool",
    )
    parser.add_argument("--root", type=Path, default=REPO_ROOT,
                        help="thư mục dự án (mặc định: kho này) / project folder")
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="kiểm tra và dựng toàn bộ trang / validate and build")
    build.add_argument("-v", "--verbose", action="store_true", help="in toàn bộ nhật ký MkDocs")
    build.add_argument("--output", type=Path, default=None,
                       help="thư mục kết quả (mặc định: site/) / output folder")
    build.set_defaults(func=_build)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
