"""Lazy exports for a subpackage's `__init__` (PEP 562).

A subpackage names its entry points in `__init__` without importing them: `parsers.docx` exports
`read_docx`, but importing `parsers.docx.safety` must not load python-docx, and a warm compare from
the cache must not load the comparison engine. The entry point's module is imported on first use.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable


def lazy_exports(package: str, exports: dict[str, str]) -> Callable[[str], object]:
    """A module `__getattr__` that resolves `name` from `package.<exports[name]>` on first use."""

    def __getattr__(name: str) -> object:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(f"{package}.{module}"), name)

    return __getattr__
