"""Clark names of WordprocessingML tags ("w:p" → "{http://…/main}p"), memoised: the readers
look up the same few dozen names hundreds of thousands of times, and python-docx's `qn` splits
the string on every call. Also the reading of integer attribute values shared by the readers."""

from __future__ import annotations

from functools import cache

from docx.oxml.ns import qn as _qn
from lxml import etree

# python-docx's oxml elements are lxml elements; the readers walk them with lxml's API.
Element = etree._Element


@cache
def qn(tag: str) -> str:
    return _qn(tag)


def int_value(value: str | None) -> int | None:
    """An integer attribute value (`w:val="3"`), or None when absent or not a number."""
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None
