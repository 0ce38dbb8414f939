"""The content in this repository passes the validator with no error."""

from __future__ import annotations

from noidung.content.layout import REPO_ROOT
from noidung.validation import text_report, validate_project


def test_shipped_content_has_no_errors():
    result = validate_project(REPO_ROOT)
    assert result.files > 50
    assert result.errors == [], text_report(result)
