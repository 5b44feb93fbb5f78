"""Clark names of WordprocessingML tags ("w:p" → "{http://…/main}p"), memoised: the readers
look up the same few dozen names hundreds of thousands of times, and python-docx's `qn` splits
the string on every call. Also the reading of integer attribute values shared by the readers."""

from __future__ import annotations

from functools import cache

from docx.oxml.ns import qn as _qn


@cache
def qn(tag: str) -> str:
    return _qn(tag)


def int_value(value: str | None) -> int | None:
    """An integer attribute value (`w:val="3"`), or None when absent or not a number (or longer
    than any number Word writes: int() of 4,300 digits raises with Python's own advice)."""
    if value is not None and len(value) > 20:
        return None
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None
