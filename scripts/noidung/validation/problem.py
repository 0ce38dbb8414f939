"""The one value every rule produces: a problem found at a place in a file."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any, NamedTuple

from .personal import mask_text


class Severity(StrEnum):
    """An error stops the build; a warning is reported and the build goes on."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One finding: where it is, which rule, and what to do, in Vietnamese then English.

    `line` and `column` are 1-based; 0 means "the whole file" (no position known).
    `field` is the dotted path of the metadata field (`materials[0].alt`), or "".
    Phone, identity and bank account numbers and personal e-mail addresses in the
    messages and hints are masked on creation (personal.mask_text).
    """

    path: str
    line: int
    column: int
    rule: str
    severity: Severity
    message_vi: str
    message_en: str
    field: str = ""
    hint_vi: str = ""
    hint_en: str = ""

    def __post_init__(self) -> None:
        # Personal data found in content is never printed back, whichever rule quotes it:
        # masked here, where every Problem is made (text, JSON and the build's output).
        for name in ("message_vi", "message_en", "hint_vi", "hint_en"):
            value = getattr(self, name)
            masked = mask_text(value)
            if masked is not value:
                object.__setattr__(self, name, masked)

    @property
    def message(self) -> str:
        return f"{self.message_vi} / {self.message_en}"

    @property
    def hint(self) -> str:
        if not self.hint_vi:
            return ""
        return f"{self.hint_vi} / {self.hint_en}" if self.hint_en else self.hint_vi

    def location(self) -> str:
        return f"{self.path}:{self.line}:{self.column}" if self.line else self.path

    def to_text(self) -> str:
        """`path:line:col: [error] vi / en (rule-id)`, with `«field»: ` before the message
        when the message does not name its field itself."""
        named = f"«{self.field}»: " if self.field and not self._names_field() else ""
        return f"{self.location()}: [{self.severity.value}] {named}{self.message} ({self.rule})"

    def _names_field(self) -> bool:
        key = re.sub(r"\[\d+\]", "", self.field).rsplit(".", 1)[-1]
        return not key or key in self.message_vi

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data


class Position(NamedTuple):
    """A 1-based line and column in a file (a tuple: one is made for every YAML value)."""

    line: int = 1
    column: int = 1


def problem(
    path: str, pos: Position | None, rule: str, vi: str, en: str, *,
    field: str = "", hint_vi: str = "", hint_en: str = "",
    severity: Severity = Severity.ERROR,
) -> Problem:
    """Shorthand used by the rules (position None = the whole file)."""
    line, column = (pos.line, pos.column) if pos else (0, 0)
    return Problem(path, line, column, rule, severity, vi, en, field, hint_vi, hint_en)
