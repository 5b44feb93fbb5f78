"""Clark names of WordprocessingML tags ("w:p" → "{http://…/main}p"), memoised: the readers
look up the same few dozen names hundreds of thousands of times, and python-docx's `qn` splits
the string on every call."""

from __future__ import annotations

from functools import cache

from docx.oxml.ns import qn as _qn


@cache
def qn(tag: str) -> str:
    return _qn(tag)
