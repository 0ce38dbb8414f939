"""Child privacy (Law on Children 2016 art. 6; Decree 56/2017/ND-CP art. 33).

Flags what could identify a person, above all a child: phone numbers other than
the public hotlines of docs/registries/hotlines.yml, 9- or 12-digit personal ID
numbers (old and new identity cards), bank account numbers, personal e-mail
addresses (free webmail), and images marked `shows_children: true` without a `consent_ref`.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..personal import find, public_set
from ..problem import Position, Problem, Severity, problem
from ..project import Project
from ..source import SourceFile, dotted, position_in_text
from . import Rule
from .fields import schema_of

E = Severity.ERROR
LAW_VI = "Luật Trẻ em 2016 Điều 6, Nghị định 56/2017 Điều 33"
LAW_EN = "Law on Children 2016 art. 6, Decree 56/2017 art. 33"
RULES = (
    Rule("privacy-phone", E, "chỉ ghi số điện thoại công khai có trong hotlines.yml",
         "only public numbers listed in hotlines.yml", bad="gọi chị Lan 0912 345 678",
         good="gọi Tổng đài 111"),
    Rule("privacy-id-number", E, "không ghi số CMND/CCCD (9 hoặc 12 chữ số)",
         "no identity card numbers (9 or 12 digits)", bad="CCCD 001203004567",
         good="(không ghi)"),
    Rule("privacy-bank-account", E, "không ghi số tài khoản ngân hàng của cá nhân",
         "no personal bank account numbers", bad="ủng hộ vào STK 1903 5678 9012 34",
         good="ủng hộ qua tài khoản của Quỹ Bảo trợ trẻ em tỉnh (ghi trên trang của Quỹ)"),
    Rule("privacy-email", E, "không ghi e-mail cá nhân (gmail, yahoo...)",
         "no personal e-mail addresses (gmail, yahoo...)", bad="lan.nguyen@gmail.com",
         good="e-mail công vụ của cơ quan / the agency's official address"),
    Rule("privacy-consent", E, "ảnh có trẻ em (shows_children: true) cần consent_ref",
         "images showing children need consent_ref",
         bad="shows_children: true", good="shows_children: true\nconsent_ref: DY-2025-014"),
)


def check(project: Project) -> Iterator[Problem]:
    allowed = public_set(list(project.registry("hotlines")))
    for source in project.files.values():
        if source.text is None:
            continue
        schema = schema_of(source)
        if schema is not None and source.doc is not None and source.data is not None:
            if source.kind.startswith("registry-"):
                continue  # registries hold the public numbers themselves
            for path, value, _sub in project.annotated(source, "x-text"):
                if isinstance(value, str):
                    for _offset, rule, vi, en in scan(value, allowed):
                        yield _found(source, source.doc.at(path), rule, vi, en, dotted(path))
        elif source.kind == "page" and isinstance(source.data, dict):
            for key in ("title", "description", "summary"):
                value = source.data.get(key)
                if isinstance(value, str) and source.doc is not None:
                    for _o, rule, vi, en in scan(value, allowed):
                        yield _found(source, source.doc.at((key,)), rule, vi, en, key)
        if source.rel.endswith(".md") and source.body:
            body = source.body
            for offset, rule, vi, en in scan(body, allowed):
                yield _found(source, position_in_text(body, offset, source.body_line), rule,
                             vi, en, "")


def scan(text: str, allowed: set[str] | frozenset[str]) -> Iterator[tuple[int, str, str, str]]:
    """(offset, rule, what in Vietnamese, what in English) for each private detail, the
    value already masked (personal.find holds the patterns)."""
    for item in find(text, allowed):
        vi, en = item.what()
        yield item.offset, item.rule, vi, en


_HINTS = {
    "privacy-phone": (
        "chỉ ghi tổng đài công khai (111, 113, 115 hoặc số trong docs/registries/hotlines.yml); "
        "số của cá nhân thì bỏ đi",
        "only public hotlines (111, 113, 115 or numbers in docs/registries/hotlines.yml); "
        "remove personal numbers"),
    "privacy-id-number": (
        "xóa số giấy tờ tùy thân; nếu là số văn bản, viết kèm ký hiệu (ví dụ 123/QĐ-UBND)",
        "remove identity numbers; for a document number, write it with its code (123/QD-UBND)"),
    "privacy-bank-account": (
        "xóa số tài khoản; nếu cần kêu gọi ủng hộ, dẫn tới trang chính thức của quỹ hoặc cơ quan",
        "remove the account number; for donations, link to the fund's or agency's official page"),
    "privacy-email": (
        "dùng địa chỉ công vụ của cơ quan (…@ninhbinh.gov.vn) thay cho e-mail cá nhân",
        "use the agency's official address instead of a personal one"),
}


def _found(source: SourceFile, pos: Position, rule: str, vi: str, en: str, field: str) -> Problem:
    hint_vi, hint_en = _HINTS[rule]
    return problem(
        source.rel, pos, rule, f"{vi} có thể làm lộ thông tin cá nhân ({LAW_VI})",
        f"{en} may expose private information ({LAW_EN})", field=field,
        hint_vi=hint_vi, hint_en=hint_en,
    )
