"""Numbers the user sets in the environment (ACCORD_CACHE_MB, ACCORD_PARSE_TIMEOUT,
ACCORD_PARSE_MEMORY_MB): read strictly, so that a value that is not a finite number at or above
zero is one clear error (the command line's one line and status 2), never a traceback and never
silently replaced by the default."""

from __future__ import annotations

import math
import os

from parsers.errors import AccordError

# The reader process's limits (parsers.sandbox explains them), here so that reading the settings
# imports no reader.
DEFAULT_TIMEOUT = 60.0
DEFAULT_MEMORY_MB = 1024


class SettingError(AccordError):
    """An environment setting has a value Accord cannot use."""


def number_setting(name: str, default: float, *, unit: str) -> float:
    """The value of the environment variable `name` as a finite number >= 0, `default` when it is
    unset or empty; SettingError for anything else (`nan`, `inf`, `-1`, `lots`)."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0:
        shown = raw if len(raw) <= 40 else raw[:40] + "…"
        raise SettingError(f"{name} must be a number of {unit} (0 or more), not {shown!r}")
    return value
