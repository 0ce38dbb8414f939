"""The build date: today, unless SITE_BUILD_DATE (YYYY-MM-DD) fixes it for a test or a preview."""

from __future__ import annotations

import datetime as dt
import os


def today() -> dt.date:
    fixed = os.environ.get("SITE_BUILD_DATE")
    return dt.date.fromisoformat(fixed) if fixed else dt.date.today()


def as_date(value: object) -> dt.date:
    """A metadata date as a date: YAML gives date objects, quoted ISO strings stay strings.

    Raises ValueError for anything that is not an ISO date (the validator reports
    such values before a build; callers that run without it turn this into their message).
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))
