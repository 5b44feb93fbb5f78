"""The `trace` and `history` subcommands of the `accord` command line (../shared/CONTRACT.md).

trace: the bases (files and folders) are brought up to date in the on-disk paragraph index
(compare.history.index; only changed files are parsed, two at a time), then each paragraph of the
draft is looked up. history: the versions are read (two at a time) and compared pairwise.
Bases that cannot be read are reported on stderr and in the output, never dropped in silence.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from desktop.output import EXIT_SAME, UsageError, emit, load
from parsers import Document, ParseOptions

if TYPE_CHECKING:
    from compare.history.model import Trace
    from compare.progress import Steps

FORMATS = ("text", "json", "html")


def add_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    trace = sub.add_parser("trace", help="where each paragraph of a draft comes from")
    trace.add_argument("draft")
    trace.add_argument("--base", nargs="+", required=True, metavar="FILE_OR_FOLDER",
                       help="earlier documents (files or folders of PDF, Word and text files)")
    trace.add_argument("--format", choices=FORMATS, default="text")
    trace.add_argument("-o", "--output")
    trace.add_argument("--language", help="language of the draft, overriding detection")
    trace.add_argument("--index", help="the paragraph index file (default: in the user cache directory)")

    history = sub.add_parser("history", help="each paragraph's lineage through several versions")
    history.add_argument("versions", nargs="+", metavar="VERSION", help="two or more versions, oldest first")
    history.add_argument("--format", choices=FORMATS, default="text")
    history.add_argument("-o", "--output")
    history.add_argument("--language", help="language of the versions, overriding detection")


def cmd_trace(args: argparse.Namespace) -> int:
    trace, paths = trace_paths(args.draft, args.base, language=args.language, index=args.index)
    for warning in trace.warnings:
        print(f"accord: warning: {warning}", file=sys.stderr)
    emit(_render_trace(trace, args.format), args.output, [args.draft, *paths])
    return EXIT_SAME


def trace_paths(draft_path: str, bases: Sequence[str], *, language: str | None = None,
                index: str | None = None) -> tuple[Trace, list[str]]:
    """`iter_trace_paths` driven to its end, progress on a terminal's stderr."""
    from compare.progress import run
    from desktop.output import progress_printer

    return run(iter_trace_paths(draft_path, bases, language=language, index=index), progress_printer())


def iter_trace_paths(draft_path: str, bases: Sequence[str], *, language: str | None = None,
                     index: str | None = None) -> Steps[tuple[Trace, list[str]]]:
    """Read the draft, bring the index up to date for the bases (files and folders), trace: the
    trace (with a warning for each base that could not be read) and the base files used; yields
    Progress while bases are read. The command line and the window's trace panel both come here."""
    import sqlite3
    from dataclasses import replace

    from compare.history.index import ParagraphIndex, TraceIndexError, default_path, expand_bases
    from compare.history.trace import trace_document
    from compare.progress import Progress
    from parsers.api import PARSER_VERSION

    for given in bases:
        if not os.path.exists(given):
            raise UsageError(f"{given}: no such file or folder")
    yield Progress("read the draft", 0, 1)
    absolute = os.path.abspath(draft_path)
    draft = _with_path(load(draft_path, language=language), absolute)
    paths = [p for p in expand_bases(bases) if p != absolute]
    if not paths:
        raise UsageError(f"{' '.join(bases)}: no base documents (PDF, Word or text files) found")
    location = index or default_path()
    try:
        with ParagraphIndex(location, version=PARSER_VERSION) as db:
            report = yield from db.iter_update(paths, _parse_base, workers=2)
            failed = dict(report.failed)
            yield Progress("trace", 0, 1)
            trace = trace_document(draft, db, [p for p in paths if p not in failed])
    except sqlite3.Error as exc:  # a damaged, locked or unwritable index file: one line, not a traceback
        raise TraceIndexError(f"{location}: the trace index failed ({exc}); delete it to rebuild it") from exc
    if failed:
        notes = tuple(f"{path}: not read ({message})" for path, message in failed.items())
        trace = replace(trace, warnings=(*notes, *trace.warnings))
    return trace, paths


def _parse_base(path: str) -> Document:
    from desktop.loading import load_document

    return _with_path(load_document(path, ParseOptions()), path)


def _with_path(doc: Document, path: str) -> Document:
    from dataclasses import replace

    return doc if doc.path == path else replace(doc, path=path)


def _render_trace(trace: Trace, fmt: str) -> str:
    from compare.history import trace_report

    return {"json": trace_report.render_json, "html": trace_report.render_html,
            "text": trace_report.render_text}[fmt](trace)


def cmd_history(args: argparse.Namespace) -> int:
    from concurrent.futures import ThreadPoolExecutor

    from compare.history import history_report
    from compare.history.lineage import iter_history
    from compare.progress import run
    from desktop.output import progress_printer

    if len(args.versions) < 2:
        raise UsageError("history needs two or more versions, oldest first")
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="accord-load") as pool:
        futures = [pool.submit(load, path, language=args.language) for path in args.versions]
        errors = [f.exception() for f in futures]
    for error in errors:
        if error is not None:
            raise error
    versions = [f.result() for f in futures]
    history = run(iter_history(versions), progress_printer())
    render = {"json": history_report.render_json, "html": history_report.render_html,
              "text": history_report.render_text}[args.format]
    emit(render(history), args.output, args.versions)
    return EXIT_SAME


def compare_across_languages(args: argparse.Namespace, old: Document, new: Document) -> int:
    """`accord compare` when OLD and NEW are in different languages: paragraphs paired across the
    languages, differences read through both lexicons, no word ops (compare.history.cross_language)."""
    from compare.history import cross_report
    from compare.history.cross_language import compare_across
    from compare.progress import run
    from compare.route import notices
    from desktop.output import EXIT_DIFFERENT, progress_printer, warn

    if args.format == "docx":
        raise UsageError(f"{args.new}: in '{new.language}', {args.old} in '{old.language}': a Word redline needs "
                         "two versions in one language; use --format text, json or html")
    warn(notices(old, new))
    comparison = run(compare_across(old, new), progress_printer())
    if args.format == "pdf":
        from desktop.printing import pdf_bytes  # Qt: imported only when a PDF is asked for

        data: str | bytes = pdf_bytes(comparison)  # the cross-language report, printed
    else:
        data = {"json": cross_report.render_json, "html": cross_report.render_html,
                "text": cross_report.render_text}[args.format](comparison)
    emit(data, args.output, [args.old, args.new])
    return EXIT_DIFFERENT if comparison.has_differences else EXIT_SAME


COMMANDS = {"trace": cmd_trace, "history": cmd_history}
