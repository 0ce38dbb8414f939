"""Dates as staff write them: why a day does not exist, and a valid day to suggest.

Used by the validator (date fields) and by `python3 make.py new` (--date, --start,
--end), so both say the same thing: "2027-06-31" is refused because June has 30
days, and the example offered (the last day of that month) is itself a real day.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

MONTHS_EN = ("", "January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
_ISO = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*")
_DMY = re.compile(r"\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*")


@dataclass(frozen=True)
class DateAdvice:
    """What is wrong with a written date and what to write instead.

    `iso` is the date in YYYY-MM-DD when it exists ("28/6/2025" → "2025-06-28");
    otherwise `why_vi`/`why_en` say why the day does not exist and `example` is a
    real day to offer, marked as an example (the last day of that month, or the
    day with day and month swapped), "" when none fits."""

    written: str
    iso: str = ""
    why_vi: str = ""
    why_en: str = ""
    example: str = ""
    example_vi: str = ""
    example_en: str = ""

    @property
    def exists(self) -> bool:
        return bool(self.iso)


def _why(year: int, month: int, day: int) -> tuple[str, str, str, str, str]:
    """(why vi, why en, example, what the example is vi, en) for a day that does not exist."""
    if not 1 <= month <= 12:
        example = f"{year:04d}-{day:02d}-{month:02d}" if 1 <= day <= 12 and \
            1 <= month <= calendar.monthrange(year, day)[1] else ""
        return (f"không có tháng {month} (tháng từ 01 đến 12)",
                f"there is no month {month} (months are 01 to 12)", example,
                "nếu ngày và tháng bị viết đảo", "if the day and month are swapped")
    last = calendar.monthrange(year, month)[1]
    example = f"{year:04d}-{month:02d}-{last:02d}"
    what_vi = f"nếu ý bạn là ngày cuối tháng {month}"
    what_en = f"if you meant the last day of {MONTHS_EN[month]}"
    if day == 0:
        return "không có ngày 00 (ngày từ 01)", "there is no day 00 (days start at 01)", \
            example, what_vi, what_en
    if month == 2 and day == 29:
        return (f"năm {year} không nhuận nên tháng 2 chỉ có 28 ngày",
                f"{year} is not a leap year, so February has 28 days", example, what_vi, what_en)
    if month == 2:
        return (f"tháng 2 năm {year} chỉ có {last} ngày",
                f"February {year} has {last} days", example, what_vi, what_en)
    return (f"tháng {month} chỉ có {last} ngày", f"{MONTHS_EN[month]} has {last} days",
            example, what_vi, what_en)


def advise(text: str) -> DateAdvice | None:
    """Advice for a date written YYYY-MM-DD or day/month/year; None for anything else."""
    match = _ISO.fullmatch(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = _DMY.fullmatch(text)
        if not match:
            return None
        day, month, year = (int(g) for g in match.groups())
    try:
        return DateAdvice(text, dt.date(year, month, day).isoformat())
    except ValueError:
        return DateAdvice(text, "", *_why(year, month, day))


def parse_date(text: str) -> dt.date:
    """A YYYY-MM-DD date from the command line; ValueError with a bilingual message
    (why the day does not exist, a real day as an example) otherwise."""
    advice = advise(text)
    if advice is not None and advice.exists and _ISO.fullmatch(text):
        return dt.date.fromisoformat(advice.iso)
    if advice is None:
        raise ValueError(f"ngày «{text}» phải có dạng YYYY-MM-DD, ví dụ 2025-06-28 / "
                         "dates are written YYYY-MM-DD, e.g. 2025-06-28")
    if advice.exists:
        raise ValueError(f"ngày «{text}» phải có dạng YYYY-MM-DD: viết {advice.iso} / "
                         f"dates are written YYYY-MM-DD: write {advice.iso}")
    example_vi = f"; ví dụ, {advice.example_vi}: {advice.example}" if advice.example else ""
    example_en = f"; for example, {advice.example_en}: {advice.example}" if advice.example \
        else ""
    raise ValueError(f"ngày «{text}» không có trong lịch: {advice.why_vi}{example_vi} / "
                     f"{text} does not exist: {advice.why_en}{example_en}")
