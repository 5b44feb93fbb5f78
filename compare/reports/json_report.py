"""The compare JSON report's frame, and its body kept in the cache.

`render_json` (compare.reports.text) writes a head, about the two files (each document's path,
format, language, symbol and reader warnings; the pair's notices), then a body, about the
comparison (the summary, the counts of two different documents, the changes one a line). The body
depends only on what the comparison is computed from, the two documents' content and the options
(compare.result_cache.comparison_key), so it is kept in the cache: a compare asked again reads
the body and writes a fresh head (the same content may come from other paths), without rebuilding
the comparison, finding its commitments or importing what that needs (0.04-0.05 s of a warm
compare of the 57-page pair, measured). This module imports none of it.

A pair of files asked again under the same names goes one step further: its report is found from
the files' own cache keys (their bytes, the parser version and the reading options:
desktop.loading.document_key), without reading either document from the cache or hashing their
content (`files_key`, `cached_report`, `store_report`): 0.03 s less of the same warm compare.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from compare.route import notices
from compare.version import COMPARE_VERSION
from parsers.cache import cache_folder, read_entry, write_entry
from parsers.model import Document

# Bump when the body changes (summary keys, different documents, the fields of a change).
REPORT_VERSION = "1"


@dataclass(frozen=True, slots=True)
class Body:
    """The comparison's part of the JSON report."""

    summary: dict[str, int]
    different_documents: dict[str, int] | None
    changes: str  # the changes' lines, as written (one JSON object a line, indented, comma-joined)
    differences: bool  # Comparison.has_differences: the command's exit status


def head(old: Document, new: Document) -> dict[str, Any]:
    """The files' part: the documents, and the pair's notices not already under a document's
    own warnings."""
    own = {f"{doc.path}: {w}" for doc in (old, new) for w in doc.warnings}
    return {"old": _side(old), "new": _side(new),
            "cross_language": False,  # compare.route: the versions engine pairs within one language
            "warnings": [n for n in notices(old, new) if n not in own]}


def _side(doc: Document) -> dict[str, Any]:
    return {"path": doc.path, "format": str(doc.format), "language": doc.language, "symbol": doc.symbol,
            "warnings": list(doc.warnings)}


def change_lines(changes: list[dict[str, Any]]) -> str:
    """Each change on a line of its own through the json module's C encoder (indented JSON goes
    through its pure-Python one: several times slower on a long document), one encoder for all
    (json.dumps with options makes one a call)."""
    encode = _LINE_ENCODER.encode
    return ",\n".join("    " + encode(change) for change in changes)


# What json.dumps(change, ensure_ascii=False, separators=(", ", ": ")) makes for each call.
_LINE_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))


def assemble(top: dict[str, Any], body: Body) -> str:
    """The report: the head indented, the summary and different documents, then the changes."""
    data = {**top, "summary": body.summary, "different_documents": body.different_documents}
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return text[:-2] + ',\n  "changes": [\n' + body.changes + ("\n" if body.changes else "") + "  ]\n}\n"


def _report_key(key: str) -> str:
    return hashlib.sha256(f"{REPORT_VERSION} {key}".encode()).hexdigest()


def cached_body(key: str) -> Body | None:
    """The body kept for the comparison `key` (compare.result_cache.comparison_key: the documents'
    content and the options), or None (absent, damaged or another layout)."""
    data = read_entry(cache_folder("reports"), _report_key(key))
    if not isinstance(data, dict) or data.get("version") != REPORT_VERSION:
        return None
    summary, different, changes, differences = (data.get(k) for k in ("summary", "different_documents", "changes",
                                                                      "differences"))
    if not (isinstance(summary, dict) and isinstance(changes, str) and isinstance(differences, bool)
            and (different is None or isinstance(different, dict))):
        return None
    return Body(summary, different, changes, differences)


def store_body(key: str, body: Body) -> None:
    """Keep the body of the comparison `key` (a failure to write the cache is never an error)."""
    write_entry(cache_folder("reports"), _report_key(key),
                {"version": REPORT_VERSION, "summary": body.summary,
                 "different_documents": body.different_documents, "changes": body.changes,
                 "differences": body.differences})


def files_key(old_file: str, new_file: str, options: Mapping[str, object]) -> str:
    """The key of two files compared with `options` (compare.model.CompareOptions' fields by name:
    this module is read before the engine's model is loaded), from the files' cache keys (their
    bytes, parser version and reading options: desktop.loading.document_key) and the engine's
    version."""
    data = json.dumps(["files", REPORT_VERSION, COMPARE_VERSION, sorted(options.items()), old_file, new_file])
    return hashlib.sha256(data.encode()).hexdigest()


def cached_report(files: str, old_path: str, new_path: str) -> tuple[dict[str, Any], Body] | None:
    """The head and body of the report kept for the files `files` (`files_key`) when the files
    were named `old_path` and `new_path` then too (the head names them), else None."""
    data = read_entry(cache_folder("reports"), files)
    if not isinstance(data, dict) or data.get("version") != REPORT_VERSION:
        return None
    top, key = data.get("head"), data.get("comparison")
    if not (isinstance(top, dict) and isinstance(key, str) and _names(top) == (old_path, new_path)
            and all(_side_warnings(top, side) is not None for side in ("old", "new"))):
        return None
    body = cached_body(key)
    return None if body is None else (top, body)


def side_warnings(top: dict[str, Any]) -> list[str]:
    """A head's documents' own warnings, each after its file's name, as the command line prints them."""
    return [f"{top[side]['path']}: {w}" for side in ("old", "new") for w in _side_warnings(top, side) or ()]


def _names(top: dict[str, Any]) -> tuple[object, object]:
    old, new = top.get("old"), top.get("new")
    return (old.get("path") if isinstance(old, dict) else None, new.get("path") if isinstance(new, dict) else None)


def _side_warnings(top: dict[str, Any], side: str) -> list[str] | None:
    warnings = top[side].get("warnings")
    return warnings if isinstance(warnings, list) and all(isinstance(w, str) for w in warnings) else None


def store_report(files: str, top: dict[str, Any], key: str) -> None:
    """Keep the head of the report on the files `files` and the key of its comparison (whose body
    `store_body` keeps); a failure to write the cache is never an error."""
    write_entry(cache_folder("reports"), files, {"version": REPORT_VERSION, "head": top, "comparison": key})


__all__ = ["Body", "assemble", "cached_body", "cached_report", "change_lines", "files_key", "head", "side_warnings",
           "store_body", "store_report"]
