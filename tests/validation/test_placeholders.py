"""Unwritten is not publishable: the field, line and advice of each placeholder problem.

test_rules.py holds the exact lines (cases.MUTATIONS "placeholder-*"); here the
field and the hint staff read under each line, which that format leaves out.
"""

from __future__ import annotations

import pytest

from noidung.validation import validate_project

from .cases import MUTATIONS
from .helpers import make_project

EXPECTED = {
    "placeholder-text-summary": (
        "docs/vi/tin-bai/posts/bai-mau.md", 4, "summary",
        "thay cả dòng mẫu bằng nội dung thật: Tóm tắt một-hai câu; nếu chưa xong, đặt lại "
        "draft: true / replace the whole placeholder with the real text: Tóm tắt một-hai câu; "
        "if it is not ready, set draft: true again"),
    "placeholder-text-list-item": (
        "docs/vi/tap-huan/hoc-phan-a.md", 10, "objectives[0]",
        "thay cả dòng mẫu bằng nội dung thật: Mục tiêu học tập / replace the whole placeholder "
        "with the real text: Mục tiêu học tập"),
    "placeholder-text-body": (
        "docs/vi/tin-bai/posts/bai-mau.md", 16, "",
        "thay cả dòng mẫu bằng nội dung thật: nội dung chính, viết bằng Markdown; nếu chưa "
        "xong, đặt lại draft: true / replace the whole placeholder with the real text: nội "
        "dung chính, viết bằng Markdown; if it is not ready, set draft: true again"),
    "placeholder-example": (
        "campaigns/chien-dich-mau/campaign.yml", 4, "lead_unit",
        "ghi giá trị đúng rồi xoá chú thích «# VÍ DỤ / EXAMPLE…» ở cuối dòng; nếu giá trị ví "
        "dụ đã đúng, chỉ cần xoá chú thích / write this item's real value, then delete the "
        "'# VÍ DỤ / EXAMPLE…' comment at the end of the line; if the example is right, just "
        "delete the comment"),
    "placeholder-example-list": (
        "docs/vi/tin-bai/posts/bai-mau.md", 7, "categories", None),
}


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_placeholder_names_file_line_field_and_what_to_write(tmp_path, case):
    project = make_project(tmp_path)
    MUTATIONS[case](project)
    (found,) = validate_project(project).errors
    path, line, field, hint = EXPECTED[case]
    assert (found.path, found.line, found.field) == (path, line, field)
    assert found.rule.startswith("placeholder-")
    if hint is not None:
        assert found.hint == hint
