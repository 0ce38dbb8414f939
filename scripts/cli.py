"""`noidung`: the one command staff use. Messages in Vietnamese first, English second."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from . import translations
from .build import BuildError, build_site
from .layout import REPO_ROOT, ContentLayout


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


def _translations(args: argparse.Namespace) -> int:
    layout = ContentLayout(args.root)
    if args.mark:
        for path in args.mark:
            translation = path.resolve()
            try:
                rel = translation.relative_to(layout.root.resolve())
            except ValueError:
                rel = None
            original = _original_of(layout, rel) if rel else None
            if original is None or not original.exists() or not translation.exists():
                print(f"{path}: không tìm thấy bản dịch và bản gốc tương ứng / "
                      "no translation with an original found here", file=sys.stderr)
                return 2
            digest = translations.mark_up_to_date(original, translation)
            print(f"{path}: đã đánh dấu cập nhật theo bản gốc / marked up to date ({digest})")
        return 0
    items = translations.report(layout, args.lang)
    print(translations.as_json(items) if args.format == "json" else translations.as_text(items))
    return 0


def _original_of(layout: ContentLayout, rel: Path) -> Path | None:
    """docs/en/x.md -> docs/vi/x.md; campaigns/<id>/en.md -> campaigns/<id>/vi.md."""
    parts = rel.parts
    if parts[:1] == ("docs",) and len(parts) > 2:
        return layout.language_docs("vi").joinpath(*parts[2:])
    if parts[:1] == ("campaigns",) and len(parts) == 3:
        return layout.campaigns / parts[1] / "vi.md"
    return None


def _serve(args: argparse.Namespace) -> int:
    config = "mkdocs.yml" if args.lang == "vi" else f"mkdocs.{args.lang}.yml"
    print(f"Xem thử bản {args.lang} tại / previewing {args.lang} at http://{args.addr}/ "
          "(Ctrl+C để dừng / to stop)", flush=True)
    command = [sys.executable, "-m", "mkdocs", "serve", "--config-file", config,
               "--dev-addr", args.addr, "--livereload"]
    return subprocess.call(command, cwd=args.root,
                           env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


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

    report = sub.add_parser("translations",
                            help="tình trạng bản dịch / which translations are missing or outdated")
    report.add_argument("--lang", default="en", help="ngôn ngữ bản dịch (mặc định: en)")
    report.add_argument("--format", choices=("text", "json"), default="text")
    report.add_argument("--mark", type=Path, nargs="+", metavar="TỆP",
                        help="đánh dấu bản dịch đã cập nhật theo bản gốc / mark up to date")
    report.set_defaults(func=_translations)

    serve = sub.add_parser("serve", help="xem thử một ngôn ngữ, tự tải lại khi sửa / preview")
    serve.add_argument("--lang", default="vi", choices=("vi", "en"),
                       help="ngôn ngữ xem thử (mặc định: vi)")
    serve.add_argument("--addr", default="127.0.0.1:8000", help="địa chỉ:cổng / address:port")
    serve.set_defaults(func=_serve)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
