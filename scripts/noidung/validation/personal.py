"""Personal data in text: found for the privacy rule, masked in every message we print.

The same patterns do both jobs, so whatever the privacy rule reports is exactly
what is never printed back: phone numbers other than the public hotlines,
9- or 12-digit identity numbers, bank account numbers (after "STK", "số tài
khoản", "account"...) and personal e-mail addresses (free webmail).

    find(text, public)   -> Found items (offset, rule, raw text)
    mask_text(text)      -> the text with each item masked: "0912 *** 678"

`Problem` (problem.py) masks its messages and hints itself when it is created,
with the public numbers set for the run by `public_numbers()` (runner.py).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

from .markdown import mask_code

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
_NUMBER = re.compile(rb"[0-9][0-9 .\-]{5,22}[0-9]")
_CANDIDATE = re.compile(r"\d{3}|@")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@((?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,})")
#: Words that make the number after them a bank account ("STK: 1903 5678 9012 34").
_BANK_WORDS = re.compile(
    r"(?:\bstk|số tài khoản|tài khoản|\btk|account(?: number| no\.?)?|\ba/c|ngân hàng"
    r"|bank)\W{0,4}$", re.I)

RULES = ("privacy-phone", "privacy-id-number", "privacy-bank-account", "privacy-email")


@dataclass(frozen=True)
class Found:
    """One personal detail in a text: where it starts, which privacy rule, as written."""

    offset: int
    rule: str
    raw: str

    @property
    def masked(self) -> str:
        return mask(self.raw, self.rule)

    def what(self) -> tuple[str, str]:
        """(Vietnamese, English) words for it, with the value masked."""
        shown = self.masked
        if self.rule == "privacy-phone":
            return f"số điện thoại «{shown}»", f"phone number '{shown}'"
        if self.rule == "privacy-id-number":
            n = len(_digits(self.raw))
            return (f"dãy {n} chữ số «{shown}» (giống số CMND/CCCD)",
                    f"a {n}-digit number '{shown}' (like an identity card)")
        if self.rule == "privacy-bank-account":
            return f"số tài khoản ngân hàng «{shown}»", f"bank account number '{shown}'"
        return f"e-mail cá nhân «{shown}»", f"personal e-mail address '{shown}'"


def _digits(text: str) -> str:
    return re.sub(r"\D", "", str(text))


def public_set(numbers: Collection[str]) -> frozenset[str]:
    """Digits of the public numbers, also in their +84 form."""
    allowed = {_digits(n) for n in numbers}
    allowed |= {"84" + n[1:] for n in allowed if n.startswith("0")}
    return frozenset(allowed)


def find(text: str, public: Collection[str] = frozenset()) -> Iterator[Found]:
    """Each personal detail of `text`; `public` are digits never reported (public_set)."""
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
        if digits in public:
            continue
        contiguous = raw.isdigit()
        if (digits.startswith("0") and len(digits) in (10, 11)) or (
                digits.startswith("84") and len(digits) == 11 and not contiguous) or \
                raw.startswith("+84"):
            yield Found(offset, "privacy-phone", raw)
        elif 8 <= len(digits) <= 19 and _BANK_WORDS.search(clean[max(0, offset - 24):offset]):
            yield Found(offset, "privacy-bank-account", raw)
        elif contiguous and len(digits) in (9, 12):
            yield Found(offset, "privacy-id-number", raw)
    if "@" in clean:
        for mail in _EMAIL.finditer(clean):
            if mail.group(1).lower() in FREE_MAIL:
                yield Found(mail.start(), "privacy-email", mail.group(0))


def mask(raw: str, rule: str) -> str:
    """'0912 345 678' → '0912 *** 678'; 'lan.nguyen@gmail.com' → 'l***@gmail.com'.

    Numbers keep their spacing, their first digits
    (4, 3 for nine, else 2) and their last 3; a leading +84 stays."""
    if rule == "privacy-email":
        name, _, domain = raw.partition("@")
        return f"{name[:1]}***@{domain}"
    body, prefix = (raw[3:], raw[:3]) if raw.startswith("+84") else (raw, "")
    digits = _digits(body)
    keep_start = 4 if len(digits) >= 10 else 3 if len(digits) == 9 else 2
    keep_end = 3
    out, seen = [], 0
    for ch in body:
        if ch.isdigit():
            hidden = keep_start <= seen < len(digits) - keep_end
            out.append("*" if hidden else ch)
            seen += 1
        else:
            out.append(ch)
    return prefix + "".join(out)


_PUBLIC: ContextVar[frozenset[str]] = ContextVar("public_numbers", default=frozenset())


@contextmanager
def public_numbers(numbers: Collection[str]) -> Iterator[None]:
    """Within the block, messages leave these public numbers (hotlines) unmasked."""
    token = _PUBLIC.set(public_set(numbers))
    try:
        yield
    finally:
        _PUBLIC.reset(token)


def mask_text(text: str, public: Collection[str] | None = None) -> str:
    """`text` with every personal detail masked (public numbers of the run kept)."""
    if not text or not _CANDIDATE.search(text):
        return text
    allowed = _PUBLIC.get() if public is None else public_set(public)
    found = sorted(find(text, allowed), key=lambda f: f.offset, reverse=True)
    for item in found:
        start = text.find(item.raw, item.offset)
        if start < 0:
            continue
        text = text[:start] + item.masked + text[start + len(item.raw):]
    return text


def hotline_numbers(root: Path) -> list[str]:
    """The numbers of docs/registries/hotlines.yml ([] when missing or broken)."""
    import yaml

    path = root / "docs" / "registries" / "hotlines.yml"
    try:
        rows = yaml.safe_load(path.read_text("utf-8"))
    except (OSError, ValueError, yaml.YAMLError):
        return []
    if not isinstance(rows, list):
        return []
    return [str(r["number"]) for r in rows if isinstance(r, dict) and r.get("number")]
