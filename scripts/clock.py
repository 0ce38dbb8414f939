"""The build date: today, unless SITE_BUILD_DATE (YYYY-MM-DD) fixes it for a test or a preview."""

from __future__ import annotations

import datetime as dt
import os


def today() -> dt.date:
    fixed = os.environ.get("SITE_BUILD_DATE")
    return dt.date.fromisoformat(fixed) if fixed else dt.date.today()
