"""`noidung validate`: exit status, text and JSON output, paths, --fix, and no traceback."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata

from noidung.cli import main

from .helpers import edit, make_project


def _run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_clean_project_exits_0_with_counts(tmp_path, capsys):
    project = make_project(tmp_path)
    code, out, _ = _run(capsys, "--root", str(project), "validate")
    assert code == 0
    assert out.startswith("Đã kiểm tra 17 tệp: 0 lỗi, 0 cảnh báo / checked 17 files: 0 errors, "
                          "0 warnings (")


def test_errors_exit_1_all_listed_with_hints_and_counted(tmp_path, capsys):
    project = make_project(tmp_path)
    edit(project, "campaigns/chien-dich-mau/campaign.yml", "end_date: 2025-06-30",
         "end_date: 2025-05-31")
    edit(project, "docs/vi/tin-bai/posts/bai-mau.md", "tags: [bao-ve-tre-em]", "tags: gia-dinh, x")
    (project / "docs/en/tap-huan/hoc-phan-b.md").unlink()
    code, out, _ = _run(capsys, "--root", str(project), "validate")
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == ("campaigns/chien-dich-mau/campaign.yml:3:11: [error] end_date 2025-05-31 "
                        "trước start_date 2025-06-01 / end_date is before start_date (dates-order)")
    assert lines[1] == (
        "    → nếu hai ngày bị ghi ngược, đổi chỗ cho nhau: «start_date: 2025-05-31» (dòng 2) và "
        "«end_date: 2025-06-01» (dòng 3); nếu không, sửa end_date thành một ngày từ 2025-06-01 "
        "trở đi / if the two dates are the wrong way round, swap them: 'start_date: 2025-05-31' "
        "(line 2) and 'end_date: 2025-06-01' (line 3); otherwise set end_date to 2025-06-01 or "
        "later")
    assert ("    → viết dạng danh sách: [gia-dinh, x] (hoặc mỗi giá trị một dòng bắt đầu "
            "bằng '- ') / write a list: [gia-dinh, x] (or one item per line starting with "
            "'- ')") in lines
    assert ("Chưa dịch / not yet translated (1): docs/vi/tap-huan/hoc-phan-b.md") in lines
    assert lines[-1].startswith("Đã kiểm tra 16 tệp: 2 lỗi, 1 cảnh báo / checked 16 files: "
                                "2 errors, 1 warning")


def test_json_format(tmp_path, capsys):
    project = make_project(tmp_path)
    edit(project, "campaigns/chien-dich-mau/campaign.yml", "end_date: 2025-06-30",
         "end_date: 2025-05-31")
    code, out, _ = _run(capsys, "--root", str(project), "validate", "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert data["errors"] == 1 and data["warnings"] == 0 and data["files"] == 17
    assert data["problems"][0] == {
        "path": "campaigns/chien-dich-mau/campaign.yml", "line": 3, "column": 11,
        "rule": "dates-order", "severity": "error",
        "message_vi": "end_date 2025-05-31 trước start_date 2025-06-01",
        "message_en": "end_date is before start_date", "field": "end_date",
        "hint_vi": "nếu hai ngày bị ghi ngược, đổi chỗ cho nhau: «start_date: 2025-05-31» "
        "(dòng 2) và «end_date: 2025-06-01» (dòng 3); nếu không, sửa end_date thành một ngày "
        "từ 2025-06-01 trở đi",
        "hint_en": "if the two dates are the wrong way round, swap them: 'start_date: "
        "2025-05-31' (line 2) and 'end_date: 2025-06-01' (line 3); otherwise set end_date to "
        "2025-06-01 or later",
    }


def test_paths_limit_the_report_but_references_see_the_whole_project(tmp_path, capsys,
                                                                    monkeypatch):
    project = make_project(tmp_path)
    edit(project, "campaigns/chien-dich-mau/campaign.yml", "end_date: 2025-06-30",
         "end_date: 2025-05-31")
    monkeypatch.chdir(project)
    code, out, _ = _run(capsys, "--root", str(project), "validate", "docs/vi/tin-bai")
    assert code == 0  # the campaign's error is not in the files asked for
    assert "checked 1 file: 0 errors, 0 warnings" in out


def test_fix_converts_to_nfc_and_removes_the_bom(tmp_path, capsys):
    project = make_project(tmp_path)
    page = project / "docs/vi/index.md"
    page.write_bytes(b"\xef\xbb\xbf" + unicodedata.normalize("NFD", "# Trang chủ\n").encode())
    code, _, err = _run(capsys, "--root", str(project), "validate", "--fix")
    assert code == 0
    assert "docs/vi/index.md" in err
    assert page.read_bytes() == "# Trang chủ\n".encode()


def test_path_outside_the_project_exits_2(tmp_path, capsys):
    project = make_project(tmp_path / "p")
    code, _, err = _run(capsys, "--root", str(project), "validate", str(tmp_path))
    assert code == 2
    assert "nằm ngoài dự án" in err


def test_broken_schema_exits_2_without_traceback(tmp_path, monkeypatch, capsys):
    from noidung.validation import schemas

    project = make_project(tmp_path / "p")
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "campaign.yml").write_text("type: [", "utf-8")
    monkeypatch.setattr(schemas, "SCHEMA_DIR", tmp_path / "schemas")
    schemas.load_schema.cache_clear()
    try:
        code, _, err = _run(capsys, "--root", str(project), "validate")
    finally:
        schemas.load_schema.cache_clear()
    assert code == 2
    assert "mô hình nội dung hỏng / the content model is broken" in err
    assert "Traceback" not in err


def test_a_binary_file_is_a_message_not_a_traceback(tmp_path):
    project = make_project(tmp_path)
    (project / "docs/vi/tin-bai/posts/bai-mau.md").write_bytes(bytes(range(256)))
    result = subprocess.run([sys.executable, "-m", "noidung", "--root", str(project), "validate"],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert "docs/vi/tin-bai/posts/bai-mau.md: [error] tệp không phải văn bản" in result.stdout


def test_a_folder_without_content_exits_2(tmp_path, capsys):
    code, _, err = _run(capsys, "--root", str(tmp_path), "validate")
    assert code == 2
    assert "không phải thư mục dự án" in err and "is not a project folder" in err
