"""`noidung`: the one command staff use. Messages in Vietnamese first, English second."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from noidung import site
from noidung.benchmark import runner as benchmark
from noidung.build import release as build_release
from noidung.build.pipeline import BuildError, build_site
from noidung.content import clock
from noidung.content.layout import REPO_ROOT, ContentLayout
from noidung.staff import guide, scaffold, translation_files, translation_output, translations
from noidung.validation import command as validate_command
from noidung.validation.days import parse_date

#: Why an address cannot be published (SiteConfig.address_problem), Vietnamese / English.
_ADDRESS_PROBLEMS = {
    "empty": ("đang để trống", "is empty"),
    "loopback": ("là máy này (127.0.0.1/localhost), người đọc không mở được",
                 "is this computer (127.0.0.1/localhost), which readers cannot open"),
    "placeholder": ("vẫn là địa chỉ tạm «…invalid» chưa được thay",
                    "is still the '….invalid' placeholder"),
    "not-http": ("không phải địa chỉ http(s)://", "is not an http(s):// address"),
}


def _refuse_address(config: site.SiteConfig) -> int | None:
    """`build --publish`: 2 and the message saying what to set, when the address is not
    public; None when it is. Runs before the build, so site/ is left untouched."""
    problem = config.address_problem
    if problem is None:
        return None
    vi, en = _ADDRESS_PROBLEMS[problem]
    address = config.site_url or "(trống / empty)"
    print(f"LỖI: không dựng bản để xuất bản: địa chỉ trang «{address}» {vi}. Hãy ghi địa chỉ "
          "thật của trang vào site_url trong mkdocs.yml, ví dụ site_url: !ENV [SITE_URL, "
          "\"https://ten-mien-cua-so.gov.vn/\"], hoặc đặt biến SITE_URL (trong quy trình "
          "CI/CD: biến SITE_URL của dự án), rồi chạy lại. Thư mục site/ được giữ nguyên.\n"
          f"ERROR: not building for publishing: the site address '{address}' {en}. Write the "
          "site's real address in site_url in mkdocs.yml, e.g. site_url: !ENV [SITE_URL, "
          "\"https://the-department-domain.gov.vn/\"], or set the SITE_URL variable (in the "
          "pipelines: the project's SITE_URL variable), then run it again. site/ is unchanged.",
          file=sys.stderr)
    return 2


def _build(args: argparse.Namespace) -> int:
    if args.publish:
        refused = _refuse_address(site.load(args.root))
        if refused is not None:
            return refused
    print("Đang dựng trang (tiếng Việt và tiếng Anh, song song) / building both languages…",
          flush=True)
    try:
        report = build_site(args.root, args.root / "site" if args.output is None else args.output,
                            quiet=not args.verbose,
                            progress=lambda line: print(line, file=sys.stderr, flush=True))
    except BuildError as error:
        print(f"LỖI / ERROR: {error}", file=sys.stderr)
        print("Thư mục site/ cũ được giữ nguyên / the previous site/ is unchanged.",
              file=sys.stderr)
        return 1
    print(report.summary())
    print("Xem thử / preview: python3 make.py serve  (http://127.0.0.1:8000/)")
    config = site.load(args.root)
    address = config.site_url
    if config.address_problem:
        # Short links and QR codes are absolute: printed handouts would point nowhere useful.
        print(f"Lưu ý: liên kết rút gọn và mã QR đang trỏ tới {address}; trước khi xuất bản, "
              f"hãy đặt SITE_URL (hoặc site_url trong mkdocs.yml) là địa chỉ thật rồi dựng bằng "
              f"`python3 make.py build --publish` / note: short links and QR "
              f"codes point to {address}; set SITE_URL (or site_url in mkdocs.yml) to the "
              f"public address before publishing, and build for publishing with "
              f"`python3 make.py build --publish`.")
    return 0


def _translations(args: argparse.Namespace) -> int:
    layout = ContentLayout(args.root)
    if args.mark:
        for path in args.mark:
            translation, rel, original = _translation_and_original(layout, path)
            if original is None or not original.exists() or not translation.exists():
                print(f"{path}: không tìm thấy bản dịch và bản gốc tương ứng / "
                      "no translation with an original found here", file=sys.stderr)
                return 2
            digest = translation_files.mark_up_to_date(original, translation)
            print(f"{path}: đã đánh dấu cập nhật theo bản gốc / marked up to date ({digest})")
        return 0
    if args.new:
        return _new_translation(layout, args.new)
    result = translations.full_report(layout, args.lang)
    if args.format == "json":
        print(translation_output.as_json(result.items, result.note))
    else:
        print(translation_output.as_text(result.items, args.all, result.note))
    return 0


def _new_translation(layout: ContentLayout, path: Path) -> int:
    """`translations --new docs/en/x.md`: the file to translate, from its original."""
    translation, rel, original = _translation_and_original(layout, path)
    if rel is None or original is None or not original.exists():
        print(f"{path}: không tìm thấy bản gốc tương ứng / no original found for this file",
              file=sys.stderr)
        return 2
    if translation.exists():
        print(f"{path}: tệp đã có, không ghi đè / the file exists, nothing was overwritten",
              file=sys.stderr)
        return 2
    kind = "campaign" if rel.parts[0] == "campaigns" else translations.kind_of(
        Path(*rel.parts[2:]).as_posix())
    translation_files.new_translation(kind, original, translation)
    print(f"Đã tạo / created: {rel.as_posix()}")
    print("Tiếp theo: dịch từng dòng TO WRITE (nội dung tiếng Việt đi kèm) rồi xoá chữ "
          "TO WRITE / next: translate each TO WRITE line (the Vietnamese text follows it), "
          "then delete the words TO WRITE")
    return 0


def _translation_and_original(layout: ContentLayout, path: Path
                              ) -> tuple[Path, Path | None, Path | None]:
    """A translation file given by staff: its absolute path, its path in the project (None
    outside it) and its original's path (None when it has none)."""
    translation = path.resolve()
    try:
        rel: Path | None = translation.relative_to(layout.root.resolve())
    except ValueError:
        rel = None
    return translation, rel, (_original_of(layout, rel) if rel else None)


def _original_of(layout: ContentLayout, rel: Path) -> Path | None:
    """docs/en/x.md -> docs/vi/x.md; campaigns/<id>/en.md -> campaigns/<id>/vi.md."""
    parts = rel.parts
    if parts[:1] == ("docs",) and len(parts) > 2:
        return layout.language_docs("vi").joinpath(*parts[2:])
    if parts[:1] == ("campaigns",) and len(parts) == 3:
        return layout.campaigns / parts[1] / "vi.md"
    return None


def _serve(args: argparse.Namespace) -> int:
    from noidung.preview import server as preview_server  # MkDocs' server: only this command

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    if args.lang is not None:
        print(LANG_GONE, flush=True)
    return preview_server.serve(args.root, args.addr)


#: `serve --lang` from before both languages were served together: said, then ignored.
LANG_GONE = ("Lưu ý: không cần --lang nữa, bản xem thử có cả hai ngôn ngữ (tiếng Việt ở /, "
             "tiếng Anh ở /en/) / note: --lang is no longer needed, the preview serves both "
             "languages (Vietnamese at /, English at /en/)")


def _new(args: argparse.Namespace) -> int:
    layout = ContentLayout(args.root)
    title = args.title or _ask("Tiêu đề tiếng Việt / Vietnamese title: ")
    title_en = args.title_en
    if title_en is None and sys.stdin.isatty():
        title_en = _ask("Tiêu đề tiếng Anh (Enter để bỏ qua) / English title (Enter to skip): ")
    try:
        request = scaffold.Request(args.kind, title or "", title_en or None,
                                   _date(args.date or args.start), _date(args.end))
        paths = scaffold.create(layout, request, clock.today())
    except (scaffold.ScaffoldError, ValueError) as error:
        print(f"LỖI / ERROR: {error}", file=sys.stderr)
        return 1
    for path in paths:
        print(f"Đã tạo / created: {path.relative_to(layout.root)}")
    print("Tiếp theo: viết các dòng CẦN VIẾT, thay các giá trị có chú thích «# VÍ DỤ / "
          "EXAMPLE», rồi chạy `python3 make.py validate` và `python3 make.py serve` / next: "
          "fill in the TO WRITE lines, replace the values marked '# VÍ DỤ / EXAMPLE', then "
          "validate and preview")
    print(_publish_note(args.kind))
    return 0


def _publish_note(kind: str) -> str:
    """How what `new` made gets published (scaffold.plan: articles and campaigns are drafts)."""
    if kind == "hoc-phan":
        return ("Học phần không có bản nháp: trang không dựng được cho đến khi viết xong mọi "
                "dòng CẦN VIẾT và giá trị VÍ DỤ / modules have no draft state: the site does "
                "not build until every TO WRITE line and EXAMPLE value is done.")
    return ("Đây là bản nháp (draft: true): chỉ hiện khi xem thử, chưa đăng lên trang. Viết "
            "xong thì đổi thành draft: false để đăng / this is a draft (draft: true): shown in "
            "the preview only, not published. When it is done, set draft: false to publish it.")


def _ask(prompt: str) -> str:
    return input(prompt).strip() if sys.stdin.isatty() else ""


def _date(text: str | None) -> dt.date | None:
    """A --date/--start/--end value; ValueError saying why it is no day (and a real one)."""
    return parse_date(text) if text else None


def _guide(args: argparse.Namespace) -> int:
    changed = guide.update_guides(args.root)
    for path in changed:
        print(f"Đã cập nhật / updated: {path.name}")
    if not changed:
        print("Hướng dẫn đã khớp với schema / the guides match the schemas")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python3 make.py",  # what staff type (make.py runs .venv/bin/noidung)
        description="Công cụ nội dung của trang / the site's content tool",
    )
    parser.add_argument("--root", type=Path, default=None,
                        help="thư mục dự án (mặc định: thư mục đang đứng) / project folder "
                        "(default: the one you are in)")
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="kiểm tra và dựng toàn bộ trang / validate and build")
    build.add_argument("-v", "--verbose", action="store_true", help="in toàn bộ nhật ký MkDocs")
    build.add_argument("--output", type=Path, default=None,
                       help="thư mục kết quả (mặc định: site/) / output folder")
    build.add_argument("--publish", action="store_true",
                       help="dựng để xuất bản: từ chối nếu site_url là 127.0.0.1, trống hoặc "
                       "địa chỉ tạm / build for publishing: refuse a loopback, empty or "
                       "placeholder site_url")
    build.set_defaults(func=_build)
    validate_command.add_parser(sub)
    benchmark.add_parser(sub)
    build_release.add_parser(sub)

    report = sub.add_parser("translations",
                            help="tình trạng bản dịch / which translations are missing or outdated")
    report.add_argument("--lang", default="en", help="ngôn ngữ bản dịch (mặc định: en)")
    report.add_argument("--format", choices=("text", "json"), default="text")
    report.add_argument("--mark", type=Path, nargs="+", metavar="TỆP",
                        help="đánh dấu bản dịch đã cập nhật theo bản gốc / mark up to date")
    report.add_argument("--new", type=Path, metavar="TỆP",
                        help="tạo bản dịch từ bản gốc để dịch / create a translation to fill in")
    report.add_argument("--all", action="store_true",
                        help="liệt kê cả bản đã theo kịp / list up-to-date items too")
    report.set_defaults(func=_translations)

    serve = sub.add_parser(
        "serve", help="xem thử cả hai ngôn ngữ (tiếng Việt ở /, tiếng Anh ở /en/), tự tải lại "
        "khi sửa, lỗi hiện ở đầu trang / preview both languages, reloads on save, shows "
        "problems on the page",
        description="Xem thử cả hai ngôn ngữ trên một cổng: tiếng Việt ở /, tiếng Anh ở /en/ / "
        "preview both languages on one port: Vietnamese at /, English at /en/")
    serve.add_argument("--lang", default=None, choices=("vi", "en"),
                       help="không còn dùng: cả hai ngôn ngữ luôn được xem thử / no longer "
                       "used: both languages are always served")
    serve.add_argument("--addr", default="127.0.0.1:8000", help="địa chỉ:cổng / address:port")
    serve.set_defaults(func=_serve)

    new = sub.add_parser("new", help="tạo nội dung mới / create new content")
    new.add_argument("kind", choices=sorted(scaffold.KINDS),
                     help="bai-viet (bài viết), hoc-phan (học phần), chien-dich (chiến dịch)")
    new.add_argument("--title", help="tiêu đề tiếng Việt / Vietnamese title")
    new.add_argument("--title-en", help="tiêu đề tiếng Anh / English title")
    new.add_argument("--date", help="ngày đăng hoặc bắt đầu, YYYY-MM-DD (mặc định: hôm nay)")
    new.add_argument("--start", help="ngày bắt đầu chiến dịch / campaign start, YYYY-MM-DD")
    new.add_argument("--end", help="ngày kết thúc chiến dịch / campaign end, YYYY-MM-DD")
    new.set_defaults(func=_new)

    sub.add_parser("guide", help="cập nhật danh sách trường trong hướng dẫn / regenerate the "
                   "guide's field reference").set_defaults(func=_guide)
    args = parser.parse_args(argv)
    args.root = args.root or project_root(Path.cwd())
    if os.environ.get("SITE_URL") == "":
        # A pipeline passes an unset variable as "": that means "not set", so mkdocs.yml's
        # site_url counts (MkDocs' !ENV would otherwise take the empty text).
        del os.environ["SITE_URL"]
    return args.func(args)


def project_root(start: Path) -> Path:
    """The project folder a command acts on: the nearest folder from `start` upwards that
    holds mkdocs.yml, so a copied project acts on itself, never on the original."""
    for folder in (start, *start.parents):
        if (folder / site.DEFAULT_CONFIG).is_file():
            return folder
    return REPO_ROOT


if __name__ == "__main__":
    sys.exit(main())
