"""What every message does for staff, whichever rule writes it: personal data masked,
the commands staff really type, unknown names with the closest existing ones."""

from __future__ import annotations

import json

from noidung.cli import main
from noidung.validation import build_gate, validate_project
from noidung.validation.personal import mask, mask_text, public_numbers
from noidung.validation.problem import Problem, Severity

from .helpers import edit, make_project

ARTICLE = "docs/vi/tin-bai/posts/bai-mau.md"
ARTICLE_EN = "docs/en/tin-bai/posts/bai-mau.md"
PERSONAL = ("0912 345 678", "0912345678", "001203004567", "1903 5678 9012 34",
            "lan.nguyen@gmail.com")


def _leaky(project):
    """Personal data in a text field, the body and a field that other rules quote."""
    edit(project, ARTICLE, "Gọi Tổng đài 111.",
         "Gọi chị Lan 0912 345 678, CCCD 001203004567, STK 1903 5678 9012 34, "
         "lan.nguyen@gmail.com.")
    edit(project, ARTICLE, "tags: [bao-ve-tre-em]", "tags: Gọi 0912345678")
    return project


def test_masks_keep_the_shape_and_hide_the_middle():
    assert mask("0912 345 678", "privacy-phone") == "0912 *** 678"
    assert mask("+84 912 345 678", "privacy-phone") == "+84 912 *** 678"
    assert mask("001203004567", "privacy-id-number") == "0012*****567"
    assert mask("lan.nguyen@gmail.com", "privacy-email") == "l***@gmail.com"
    assert mask_text("gọi 0912 345 678 hoặc 111") == "gọi 0912 *** 678 hoặc 111"


def test_a_problem_masks_itself_whoever_makes_it():
    made = Problem("a.md", 1, 1, "x", Severity.ERROR, "số 0912345678", "number 0912345678",
                   hint_vi="gọi 0912 345 678", hint_en="mail lan.nguyen@gmail.com")
    assert (made.message_vi, made.message_en, made.hint_vi, made.hint_en) == (
        "số 0912***678", "number 0912***678", "gọi 0912 *** 678", "mail l***@gmail.com")


def test_public_hotlines_are_not_masked():
    with public_numbers(["111", "0229 3871 234"]):
        assert mask_text("gọi 111 hoặc 0229 3871 234, không gọi 0912 345 678") == (
            "gọi 111 hoặc 0229 3871 234, không gọi 0912 *** 678")


def test_a_registry_hotline_is_neither_reported_nor_masked(tmp_path):
    project = make_project(tmp_path)
    hotlines = project / "docs/registries/hotlines.yml"
    hotlines.write_text(hotlines.read_text("utf-8") + (
        '- number: "0229 3871 234"\n  name:\n    vi: Đường dây nóng của Sở\n'
        "    en: The department's hotline\n"), "utf-8")
    edit(project, ARTICLE, "Gọi Tổng đài 111.", "Gọi 111 hoặc 0229 3871 234.")
    edit(project, ARTICLE, "tags: [bao-ve-tre-em]", "tags: Gọi 0229 3871 234")
    [only] = validate_project(project).problems
    assert only.message_vi == "«tags» phải là danh sách, đang là chữ «Gọi 0229 3871 234»"


def test_text_output_never_shows_personal_data(tmp_path, capsys):
    project = _leaky(make_project(tmp_path))
    assert main(["--root", str(project), "validate"]) == 1
    out = capsys.readouterr().out
    for detail in PERSONAL:
        assert detail not in out
    assert "«0912 *** 678»" in out and "«Gọi 0912***678»" in out and "«l***@gmail.com»" in out
    assert "«1903 **** ***2 34»" in out and "«0012*****567»" in out


def test_json_output_never_shows_personal_data(tmp_path, capsys):
    project = _leaky(make_project(tmp_path))
    assert main(["--root", str(project), "validate", "--format", "json"]) == 1
    out = capsys.readouterr().out
    for detail in PERSONAL:
        assert detail not in out
    rules = {p["rule"] for p in json.loads(out)["problems"]}
    assert {"privacy-phone", "privacy-id-number", "privacy-bank-account", "privacy-email",
            "field-type"} <= rules


def test_the_build_refusal_never_shows_personal_data(tmp_path):
    report = build_gate(_leaky(make_project(tmp_path)))
    assert report is not None and "0912 *** 678" in report
    for detail in PERSONAL:
        assert detail not in report


def _problems(tmp_path, case):
    from .cases import MUTATIONS

    project = make_project(tmp_path)
    MUTATIONS[case](project)
    return validate_project(project).problems


#: case → (field, hint) of its one problem: the hint names where the full list is.
UNKNOWN_HINTS = {
    "registry-value-diacritics-and-case": (
        "tags[0]",
        "dùng một mã có trong danh mục, hoặc thêm mục mới vào danh mục; danh sách đầy đủ: "
        "docs/registries/topics.yml / use an id of the registry, or add the entry there; "
        "full list: docs/registries/topics.yml"),
    "ref-missing-prerequisite": (
        "prerequisites[0]",
        "kiểm tra chính tả mã, hoặc tạo mục đó trước; danh sách đầy đủ: docs/vi/tap-huan/ / "
        "check the id's spelling, or create that item first; full list: docs/vi/tap-huan/"),
    "ref-link": (
        "",
        "sửa đường dẫn (tính từ thư mục của tệp này) hoặc bỏ liên kết; danh sách đầy đủ: thư "
        "mục docs/vi/tap-huan/ / fix the path (relative to this file's folder) or remove the "
        "link; full list: the folder docs/vi/tap-huan/"),
    "translation-orphan": (
        "",
        "tạo bản gốc trước, hoặc đặt tên tệp bản dịch trùng tên bản gốc; danh sách đầy đủ: "
        "docs/vi/tin-bai/posts/ / write the original first, or give this file the original's "
        "name; full list: docs/vi/tin-bai/posts/"),
}


def test_unknown_names_say_where_the_full_list_is(tmp_path):
    for case, expected in UNKNOWN_HINTS.items():
        [found] = _problems(tmp_path / case, case)
        assert (found.field, found.hint) == expected, case


def test_a_new_registry_gets_the_suggestions_for_free(tmp_path, monkeypatch):
    from noidung.validation.suggest import did_you_mean

    advice = did_you_mean("Tre-Em", ["tre-em", "cha-me"], "docs/registries/audiences.yml")
    assert (advice.vi, advice.where_en) == (
        "; có phải ý bạn là «tre-em»?", "full list: docs/registries/audiences.yml")
    assert did_you_mean("zzz", ["tre-em"], "x").vi == ""


#: case → (field, hint): a date hint offers a line to copy that is itself a real day.
DATE_HINTS = {
    "date-format": (
        "start_date",
        "viết «start_date: 2025-06-28» (năm-tháng-ngày) / write 'start_date: 2025-06-28' "
        "(year-month-day)"),
    "date-format-day-that-does-not-exist": (
        "end_date",
        "kiểm tra lại ngày; ví dụ, nếu ý bạn là ngày cuối tháng 6: «end_date: 2025-06-30» / "
        "check the day; for example, if you meant the last day of June: "
        "'end_date: 2025-06-30'"),
    "date-not-a-leap-year": (
        "date",
        "kiểm tra lại ngày; ví dụ, nếu ý bạn là ngày cuối tháng 2: «date: 2025-02-28» / "
        "check the day; for example, if you meant the last day of February: "
        "'date: 2025-02-28'"),
    "date-month-13": (
        "last_reviewed",
        "kiểm tra lại ngày; ví dụ, nếu ngày và tháng bị viết đảo: «last_reviewed: 2025-09-15» "
        "/ check the day; for example, if the day and month are swapped: "
        "'last_reviewed: 2025-09-15'"),
    "dates-order": (
        "end_date",
        "nếu hai ngày bị ghi ngược, đổi chỗ cho nhau: «start_date: 2025-05-31» (dòng 2) và "
        "«end_date: 2025-06-01» (dòng 3); nếu không, sửa end_date thành một ngày từ "
        "2025-06-01 trở đi / if the two dates are the wrong way round, swap them: "
        "'start_date: 2025-05-31' (line 2) and 'end_date: 2025-06-01' (line 3); otherwise set "
        "end_date to 2025-06-01 or later"),
}


def test_date_hints_suggest_only_real_days(tmp_path):
    for case, expected in DATE_HINTS.items():
        [found] = _problems(tmp_path / case, case)
        assert (found.field, found.hint) == expected, case


def test_new_campaign_with_a_day_that_does_not_exist(tmp_path, capsys):
    project = make_project(tmp_path)
    code = main(["--root", str(project), "new", "chien-dich", "--title", "Tuần lễ",
                 "--start", "2027-06-01", "--end", "2027-06-31"])
    assert code == 1
    assert capsys.readouterr().err == (
        "LỖI / ERROR: ngày «2027-06-31» không có trong lịch: tháng 6 chỉ có 30 ngày; ví dụ, "
        "nếu ý bạn là ngày cuối tháng 6: 2027-06-30 / 2027-06-31 does not exist: June has 30 "
        "days; for example, if you meant the last day of June: 2027-06-30\n")
    assert not (project / "campaigns/tuan-le").exists()


def test_new_with_a_day_month_year_date_gets_the_iso_form(tmp_path, capsys):
    project = make_project(tmp_path)
    assert main(["--root", str(project), "new", "bai-viet", "--title", "Tin",
                 "--date", "28/6/2025"]) == 1
    assert capsys.readouterr().err == (
        "LỖI / ERROR: ngày «28/6/2025» phải có dạng YYYY-MM-DD: viết 2025-06-28 / dates are "
        "written YYYY-MM-DD: write 2025-06-28\n")


def _messages_in(path):
    """String constants of a module that are not docstrings (what it can print)."""
    import ast

    tree = ast.parse(path.read_text("utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
                  and node.body and isinstance(node.body[0], ast.Expr)}
    return [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant)
            and isinstance(node.value, str) and id(node) not in docstrings]


def test_messages_name_the_commands_staff_type():
    from noidung.content.layout import PACKAGE_DIR, REPO_ROOT, SCHEMA_DIR

    modules = [*sorted((PACKAGE_DIR / "validation").rglob("*.py")),
               PACKAGE_DIR / "staff" / "scaffold.py", PACKAGE_DIR / "cli.py"]
    said = {str(m.relative_to(REPO_ROOT)): text for m in modules for text in _messages_in(m)
            if "noidung " in text}
    assert said == {}
    for name in ("article-translation", "campaign-text", "module-translation"):
        assert "noidung" not in (SCHEMA_DIR / f"{name}.yml").read_text("utf-8")


def test_hints_give_the_new_command_of_the_kind(tmp_path):
    [found] = _problems(tmp_path, "front-matter-missing")
    assert found.hint_vi == ('tạo tệp bằng `python3 make.py new bai-viet --title "…"`, hoặc '
                             "chép phần đầu của một tệp cùng loại")
    hints = {p.hint_en for p in _problems(tmp_path / "c", "campaign-files")}
    assert hints == {'create campaigns with `python3 make.py new chien-dich --title "…" '
                     '--start YYYY-MM-DD --end YYYY-MM-DD`, or copy an existing folder'}


def test_usage_names_make_py(capsys):
    import pytest

    with pytest.raises(SystemExit):
        main(["new", "bai-hoc"])
    assert capsys.readouterr().err.startswith("usage: python3 make.py new ")


def test_new_kinds_match_the_scaffold():
    from noidung.staff import scaffold
    from noidung.validation.project import NEW_KINDS

    for kind, name in NEW_KINDS.items():
        assert kind in (scaffold.KINDS[name].shared_schema, scaffold.KINDS[name].text_schema)


ALT_HINTS = {
    "alt-missing-cover-en": ("cover_alt", "thêm dòng «cover_alt: <ảnh cho thấy gì>» / add a "
                             "line 'cover_alt: <what the image shows>'"),
    "alt-missing-cover-vi": ("cover.alt", "thêm «alt: <ảnh cho thấy gì>» vào cover (mục có "
                             "file: anh/bia.png) / add 'alt: <what the image shows>' to cover "
                             "(the entry with file: anh/bia.png)"),
    "alt-missing-material": ("materials[0].alt", "thêm «alt: <ảnh cho thấy gì>» vào "
                             "materials[0] (mục có file: poster.png) / add 'alt: <what the image "
                             "shows>' to materials[0] (the entry with file: poster.png)"),
}


def test_a_missing_alt_hint_names_the_missing_field(tmp_path):
    for case, expected in ALT_HINTS.items():
        [found] = _problems(tmp_path / case, case)
        assert (found.field, found.hint) == expected, case
    found = {p.field: p.hint_en for p in _problems(tmp_path / "m", "alt-missing-material-vi")}
    assert found == {
        "materials": "add an entry '- file: anh.png' with 'alt: <what the image shows>' to "
                     "materials",
        "materials[0].alt": "add 'alt: <what the image shows>' to materials[0] (the entry with "
                            "file: anh.png)"}


def test_every_hint_that_says_add_names_its_own_field(tmp_path):
    import re

    from .cases import MUTATIONS

    for case in MUTATIONS:
        for found in _problems(tmp_path / case, case):
            if not found.field or not re.match(r"thêm|add", found.hint_vi + found.hint_en):
                continue
            key = [k for k in re.split(r"[.\[\]]", found.field) if k and not k.isdigit()][-1]
            assert key in found.hint_vi and key in found.hint_en, (case, found)


#: case → (field, hint): a clash tells the newer item to change, never the published one.
CLASH_HINTS = {
    "id-unique-newer-by-date": (
        "id",
        "đổi id và tên thư mục của chiến dịch này (mới hơn) thành một mã chưa dùng, ví dụ "
        "«chien-dich-mau-2»; giữ nguyên docs/vi/tin-bai/posts/chien-dich-mau.md: đường dẫn của "
        "nó đã công bố / give this (newer) campaign an unused id and folder name, e.g. "
        "'chien-dich-mau-2'; keep docs/vi/tin-bai/posts/chien-dich-mau.md as it is: its URL is "
        "published"),
    "id-unique-newer-not-committed": (
        "id",
        "đổi id và tên tệp của tệp này (mới hơn) thành một mã chưa dùng, ví dụ «bai-mau-2»; "
        "giữ nguyên docs/vi/tin-bai/posts/bai-mau.md: đường dẫn của nó đã công bố / give this "
        "(newer) file an unused id and file name, e.g. 'bai-mau-2'; keep "
        "docs/vi/tin-bai/posts/bai-mau.md as it is: its URL is published"),
    "id-unique-code-not-committed": (
        "code",
        "đổi code của tệp này (mới hơn) thành giá trị chưa dùng, ví dụ «M03»; giữ nguyên code "
        "của docs/vi/tap-huan/hoc-phan-a.md: nó đã được công bố / give this (newer) file an "
        "unused code, e.g. 'M03'; keep the code of docs/vi/tap-huan/hoc-phan-a.md: it is "
        "published"),
    "id-filename": (
        "id",
        "sửa id thành «bai-mau» cho trùng tên tệp; không đổi tên tệp: nó tạo nên đường dẫn đã "
        "công bố / set id to 'bai-mau' to match the file name; do not rename: it makes the "
        "published URL"),
}


def test_a_clash_tells_the_newer_one_to_change(tmp_path):
    for case, expected in CLASH_HINTS.items():
        found = [p for p in _problems(tmp_path / case, case) if p.rule.startswith("id-")]
        assert [(p.field, p.hint) for p in found] == [expected], case


def _fix(line, text):
    return f"sửa dòng {line} thành «{text}» / change line {line} to '{text}'"


#: case → (field, hint): a YAML mistake names its field and gives the line to copy.
YAML_HINTS = {
    "yaml-syntax": ("title", _fix(3, 'title: "Họp: tổng kết"')),
    "yaml-unclosed-quote": ("summary", _fix(4, 'summary: "Tóm tắt bài mẫu."')),
    "yaml-unclosed-bracket": ("tags", _fix(8, "tags: [bao-ve-tre-em]")),
    "yaml-missing-colon": ("summary", _fix(4, "summary: Tóm tắt bài mẫu.")),
    "yaml-indentation": ("summary", _fix(4, "summary: Tóm tắt bài mẫu.")),
    "yaml-tab": ("cover.alt", _fix(12, "  alt: Ảnh bìa")),
    "yaml-tab-in-registry": ("[1].name", _fix(9, "  name:")),
    "yaml-no-break-space": ("cover.alt", _fix(12, "  alt: Ảnh bìa")),
    "yaml-no-break-space-after-colon": ("summary", _fix(4, "summary: Tóm tắt bài mẫu.")),
    "yaml-zero-width-space": ("summary", _fix(4, "summary: Tóm tắt bài mẫu.")),
    "yaml-bom-inside": ("summary", _fix(4, "summary: Tóm tắt bài mẫu.")),
    "yaml-smart-quotes": ("title", _fix(3, 'title: "Họp: tổng kết"')),
    "yaml-full-width-colon": ("summary", _fix(4, "summary: Tóm tắt bài mẫu.")),
}


def test_yaml_mistakes_name_the_field_and_give_the_line_to_copy(tmp_path):
    for case, expected in YAML_HINTS.items():
        [found] = _problems(tmp_path / case, case)
        assert (found.rule, found.field, found.hint) == ("yaml-syntax", *expected), case


def test_invisible_characters_in_text_values_are_left_alone(tmp_path):
    project = make_project(tmp_path)
    edit(project, ARTICLE, "summary: Tóm tắt bài mẫu.", "summary: Chủ đề “Gia đình” năm\u00a02025")
    assert validate_project(project).problems == []


def test_the_text_line_names_the_field_when_the_message_does_not():
    bare = Problem("a.yml", 5, 3, "ref-file", Severity.ERROR, "không thấy tệp «x.png»",
                   "file 'x.png' not found", field="materials[0].file")
    named = Problem("a.yml", 5, 3, "field-type", Severity.ERROR, "«tags» phải là danh sách",
                    "'tags' must be a list", field="tags")
    assert bare.to_text() == ("a.yml:5:3: [error] «materials[0].file»: không thấy tệp «x.png» "
                              "/ file 'x.png' not found (ref-file)")
    assert named.to_text() == ("a.yml:5:3: [error] «tags» phải là danh sách / 'tags' must be a "
                               "list (field-type)")
