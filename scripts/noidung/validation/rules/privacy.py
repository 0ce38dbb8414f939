"""Child privacy (Law on Children 2016 art. 6; Decree 56/2017/ND-CP art. 33).

Flags what could identify a person, above all a child: phone numbers other than
the public hotlines of docs/registries/hotlines.yml, 9- or 12-digit personal ID
numbers (old and new identity cards), personal e-mail addresses (free webmail),
and images marked `shows_children: true` without a `consent_ref`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from noidung.validation.markdown import mask_code
from noidung.validation.problem import Position, Problem, Severity, problem
from noidung.validation.project import Project
from noidung.validation.source import SourceFile, dotted, position_in_text

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
    Rule("privacy-email", E, "không ghi e-mail cá nhân (gmail, yahoo...)",
         "no personal e-mail addresses (gmail, yahoo...)", bad="lan.nguyen@gmail.com",
         good="e-mail công vụ của cơ quan / the agency's official address"),
    Rule("privacy-consent", E, "ảnh có trẻ em (shows_children: true) cần consent_ref",
         "images showing children need consent_ref",
         bad="shows_children: true", good="shows_children: true\nconsent_ref: DY-2025-014"),
)

FREE_MAIL = {
    "gmail.com", "googlemail.com", "yahoo.com", "yahoo.com.vn", "ymail.com", "hotmail.com",
    "outlook.com", "outlook.com.vn", "live.com", "msn.com", "icloud.com", "me.com", "aol.com",
    "proton.me", "protonmail.com", "zoho.com", "mail.com", "gmx.com", "yandex.com", "mail.ru",
}
# URL pieces start with a literal ("://", "](") so the engine skips ahead fast; two
# patterns, because an alternation is tried at every position.
_URL = re.compile(r"://[^\s)>\]\"']+")
_LINK_TARGET = re.compile(r"\]\((?!mailto:)[^)\s]*")
# Runs of at least 7 digits, spaces, dots or hyphens (on bytes: about 3x faster than str).
_NUMBER = re.compile(rb"[0-9][0-9 .\-]{5,16}[0-9]")
_CANDIDATE = re.compile(r"\d{3}|@")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@((?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,})")


def check(project: Project) -> Iterator[Problem]:
    allowed = {_digits(n) for n in project.registry("hotlines")}
    allowed |= {"84" + n[1:] for n in allowed if n.startswith("0")}
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


def _digits(text: str) -> str:
    return re.sub(r"\D", "", str(text))


def scan(text: str, allowed: set[str]) -> Iterator[tuple[int, str, str, str]]:
    """(offset, rule, what in Vietnamese, what in English) for each private detail."""
    if not _CANDIDATE.search(text):
        return
    # URLs carry long numbers that identify pages, not people.
    clean = mask_code(text) if "`" in text else text
    for pattern, marker in ((_URL, "://"), (_LINK_TARGET, "](")):
        if marker in clean:
            clean = pattern.sub(lambda m: " " * len(m.group(0)), clean)
    data = clean.encode("utf-8")
    for m in _NUMBER.finditer(data):
        before = data[m.start() - 1:m.start()]
        after = data[m.end():m.end() + 2]
        if before and (before.isalnum() or before in b"/.,-_") and before != b"+":
            continue  # part of a code, a version or an amount
        if after[:1] and (after[:1].isalnum() or after[:1] in b"/-_" or (
                after[:1] in b".," and after[1:2].isdigit())):
            continue
        raw = m.group(0).decode().rstrip(" .-")
        if before == b"+":
            raw = "+" + raw
        digits = _digits(raw)
        offset = len(data[:m.start()].decode("utf-8", "replace")) - (before == b"+")
        if digits in allowed:
            continue
        contiguous = raw.isdigit()
        if (digits.startswith("0") and len(digits) in (10, 11)) or (
                digits.startswith("84") and len(digits) == 11 and not contiguous) or \
                raw.startswith("+84"):
            yield offset, "privacy-phone", f"số điện thoại «{raw}»", f"phone number '{raw}'"
        elif contiguous and len(digits) in (9, 12):
            yield offset, "privacy-id-number", f"dãy {len(digits)} chữ số «{raw}» (giống số " \
                "CMND/CCCD)", f"a {len(digits)}-digit number '{raw}' (like an identity card)"
    if "@" in clean:
        for m in _EMAIL.finditer(clean):
            if m.group(1).lower() in FREE_MAIL:
                yield m.start(), "privacy-email", f"e-mail cá nhân «{m.group(0)}»", \
                    f"personal e-mail address '{m.group(0)}'"


_HINTS = {
    "privacy-phone": (
        "chỉ ghi tổng đài công khai (111, 113, 115 hoặc số trong docs/registries/hotlines.yml); "
        "số của cá nhân thì bỏ đi",
        "only public hotlines (111, 113, 115 or numbers in docs/registries/hotlines.yml); "
        "remove personal numbers"),
    "privacy-id-number": (
        "xóa số giấy tờ tùy thân; nếu là số văn bản, viết kèm ký hiệu (ví dụ 123/QĐ-UBND)",
        "remove identity numbers; for a document number, write it with its code (123/QD-UBND)"),
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
