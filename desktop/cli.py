"""The `accord` command line (../shared/CONTRACT.md): parse, compare, align, gui.

Exit status as diff(1): 0 success / no differences, 1 differences (compare), 2 trouble with one
line on stderr naming the file and the problem, nothing written.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import signal
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from desktop.output import (
    EXIT_DIFFERENT,
    EXIT_SAME,
    EXIT_TROUBLE,
    UsageError,
    emit,
    load,
    one_line,
    progress_printer,
    stderr_is_tty,
    warn,
)
from parsers import AccordError, ParseOptions

if TYPE_CHECKING:  # for annotations only: the comparison loads while the workers read
    from compare.model import CompareOptions
    from parsers import Document

# Accord does no linear algebra: the BLAS threads numpy starts on import (one per core) would only
# make the process unsafe to fork, and the command line forks its parse workers
# (parsers.sandbox._fork_is_safe). Set before anything imports numpy.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

class Terminated(BaseException):
    """SIGTERM arrived: unwind (workers killed, a half-written export removed), then exit."""


# Languages a reader or the user can name (the six UN languages, and German for the development
# data): a code, never a path (lexicons are files named after it).
LANGUAGES = ("en", "fr", "es", "ar", "zh", "ru", "de")
def _language(value: str) -> str:
    if value not in LANGUAGES:
        raise argparse.ArgumentTypeError(
            f"unknown language {one_line(value)!r}: give one of {', '.join(LANGUAGES)}")
    return value


class _Parser(argparse.ArgumentParser):
    """argparse, but a bad option is one line and status 2, like every other trouble."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="accord", description="Compare UN documents across versions and languages.")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    parser.add_argument("--version", action=_Version, help="print accord's version and exit")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    gui = sub.add_parser("gui", help="open the window")
    gui.add_argument("old", nargs="?")
    gui.add_argument("new", nargs="?")
    gui.add_argument("--screenshot", metavar="PNG", help="save a picture of the window once shown, then exit")
    gui.add_argument("--mode", choices=("compare", "align"), default="compare")

    parse = sub.add_parser("parse", help="read a file into blocks")
    parse.add_argument("file")
    parse.add_argument("--format", choices=("json", "text"), default="json")
    _add_read_options(parse)
    parse.add_argument("-o", "--output")

    comp = sub.add_parser("compare", help="compare two versions")
    comp.add_argument("old")
    comp.add_argument("new")
    comp.add_argument("--format", choices=("text", "json", "html", "docx", "pdf"), default="text")
    comp.add_argument("-o", "--output")
    comp.add_argument("--author", default="Accord", help="author of tracked changes (docx)")
    comp.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    comp.add_argument("--count-numbers", action="store_true", help="a changed paragraph number is a difference")
    comp.add_argument("--count-footnote-marks", action="store_true", help="footnote marks are differences")
    comp.add_argument("--count-punctuation-spacing", action="store_true",
                      help="spaces, non-breaking spaces and quote styles are differences")
    comp.add_argument("--ignore-case", action="store_true", help="a change of case alone is not a difference")
    comp.add_argument("--ignore-punctuation", action="store_true",
                      help="a change of punctuation alone is not a difference")
    comp.add_argument("--ignore-footnotes", action="store_true", help="do not compare the footnotes")
    comp.add_argument("--ignore-numbering", action="store_true",
                      help="a paragraph whose number alone changed is reported unchanged")
    _add_read_options(comp)

    align = sub.add_parser("align", help="align two language versions")
    align.add_argument("source")
    align.add_argument("target")
    align.add_argument("--level", choices=("paragraph", "sentence"), default="paragraph")
    align.add_argument("--lines", action="store_true", help="each input line is one unit; no parsing")
    align.add_argument("--format", choices=("json", "tsv", "tmx", "ladder", "docx"), default="json")
    align.add_argument("--flagged-only", action="store_true", help="export only the pairs with a QA flag")
    align.add_argument("-o", "--output")
    align.add_argument("--source-language", type=_language)
    align.add_argument("--target-language", type=_language)
    align.add_argument("--password")

    from desktop.cli_history import add_parsers  # trace, history (issue 16)

    add_parsers(sub)
    return parser


class _Version(argparse.Action):
    """`--version`: the installed version, looked up only when asked for (importlib.metadata costs
    about 30 ms, on every command if the parser looked it up while being built)."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS,
                 default: str = argparse.SUPPRESS, help: str | None = None) -> None:  # noqa: A002 (argparse's name)
        super().__init__(option_strings=option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        print(f"accord {version()}")
        parser.exit()


def version() -> str:
    """Accord's version, as installed (pyproject.toml's `version`)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("accord")
    except PackageNotFoundError:
        return "0+unknown"


def _add_read_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--password", help="password of an encrypted PDF")
    p.add_argument("--language", type=_language,
                   help=f"language of the document(s), overriding detection ({', '.join(LANGUAGES)})")
    p.add_argument("--original", action="store_true",
                   help="read tracked changes rejected (default: accepted): a Word draft's, and those "
                        "a PDF shows as markup")


def _stop_on_sigterm() -> None:
    """SIGTERM unwinds like Ctrl+C: the reader processes are killed and a half-written export is
    removed before the process ends (a worker also dies by itself with its parent)."""
    def terminate(_signum: int, _frame: object) -> None:
        sandbox = sys.modules.get("parsers.sandbox")  # no worker ever ran if it was never imported
        if sandbox is not None:
            sandbox.stop_all_workers()
        raise Terminated()

    # not in the main thread (tests calling main() from a thread): nothing to install
    with contextlib.suppress(ValueError, OSError):
        signal.signal(signal.SIGTERM, terminate)


def _clean_stale_exports(args: argparse.Namespace) -> None:
    """Remove what exports killed earlier (SIGKILL, power loss) left in the output's folder."""
    output = getattr(args, "output", None)
    if output:
        from desktop.files import remove_stale_temp_files

        remove_stale_temp_files(os.path.dirname(os.path.abspath(output)))


def cmd_parse(args: argparse.Namespace) -> int:
    doc = load(args.file, password=args.password, language=args.language, original=args.original)
    if args.format == "json":
        data = json.dumps(doc.to_dict(), ensure_ascii=False, indent=2)
    else:
        lines = []
        for b in doc.blocks:
            label = f"{b.number_label} " if b.number else ""
            cited = f" {b.label}" if b.label else ""
            lines.append(f"[{b.kind}{cited}] {'  ' * b.level}{label}{b.text}")
        for f in doc.footnotes:
            lines.append(f"[footnote {f.label}] {f.text}")
        for w in doc.warnings:
            lines.append(f"warning: {w}")
        data = "\n".join(lines)
    emit(data, args.output, [args.file])
    return EXIT_SAME


# Comparison options of the versions engine (word ops, numbering, footnotes), which the comparison
# across languages does not take.
_SAME_LANGUAGE_OPTIONS = ("count_numbers", "count_footnote_marks", "count_punctuation_spacing", "ignore_case",
                          "ignore_punctuation", "ignore_footnotes", "ignore_numbering")


def cmd_compare(args: argparse.Namespace) -> int:
    if args.format in ("docx", "pdf") and not args.output:
        raise UsageError(f"--format {args.format} needs -o OUT.{args.format}")
    from desktop.loading import load_pair

    files = _file_keys(args) if args.format == "json" else None
    if files is not None:
        from compare.reports.json_report import assemble, cached_report, files_key, side_warnings

        found = cached_report(files_key(*files, _option_values(args)), args.old, args.new)
        if found is not None:  # the same files under the same names: the report kept for them
            kept_head, kept_body = found
            warn(side_warnings(kept_head))
            emit(assemble(kept_head, kept_body), args.output, [args.old, args.new])
            return EXIT_DIFFERENT if kept_body.differences else EXIT_SAME
    # the comparison's modules (`_import_comparison`) load in a thread of their own while both
    # workers read (`meanwhile`): a third runner on two cores for ~50 ms, which the workers lose
    # about half of and the comparison all of. A cold compare of the 56-page pair: 0.738-0.748 s
    # against 0.763-0.778 s loading them once the first document was read (best of 5; medians
    # 0.752-0.765 s against 0.774-0.782 s; six interleaved rounds, 2026-12-07). Then the comparison
    # starts on the first document read while the other still reads (`_prepare`).
    old, new = load_pair(args.old, args.new, _parse_options(args),
                         early=lambda doc, waiting: _prepare(doc, _compare_options(args), waiting),
                         meanwhile=_import_comparison)
    from compare.progress import run
    from compare.result_cache import cached_compare, comparison_key
    from compare.route import is_cross_language  # light: no aligner loaded here

    options = _compare_options(args)
    if is_cross_language(old, new):  # versions in two languages, paired across them
        from desktop.cli_history import compare_across_languages

        unused = [f"--{name.replace('_', '-')}" for name in _SAME_LANGUAGE_OPTIONS if getattr(args, name)]
        if unused:  # said, not ignored in silence
            warn([f"{', '.join(unused)}: no effect across languages (they apply to versions in one language)"])
        return compare_across_languages(args, old, new)
    warn([f"{doc.path}: {w}" for doc in (old, new) for w in doc.warnings])
    # The documents and modules live until the end: out of the collector's sight, its passes over
    # what the comparison makes no longer walk them (0.01-0.02 s of a 57-page compare, measured).
    gc.freeze()
    use_cache = args.password is None
    key = comparison_key(old, new, options) if use_cache else None  # once: the report's cache and the comparison's
    if args.format == "json" and key is not None:
        from compare.reports.json_report import assemble, cached_body, head

        body = cached_body(key)
        if body is not None:  # asked before: the report without the comparison (json_report)
            top = head(old, new)
            _keep_report(args, files, top, key)
            emit(assemble(top, body), args.output, [args.old, args.new])
            return EXIT_DIFFERENT if body.differences else EXIT_SAME
    comparison = run(cached_compare(old, new, options, use_cache=use_cache, key=key), progress_printer())
    if args.format == "json":
        from compare.reports.json_report import assemble, head, store_body
        from compare.reports.text import json_body

        body = json_body(comparison)
        top = head(old, new)
        data: str | bytes = assemble(top, body)
        if key is not None:
            store_body(key, body)
            _keep_report(args, files, top, key)
    elif args.format == "html":
        from compare.reports.html_report import render_html

        data = render_html(comparison)
    elif args.format == "pdf":
        from desktop.printing import pdf_bytes  # Qt: imported only when a PDF is asked for

        data = pdf_bytes(comparison)
    elif args.format == "docx":
        from compare.redline.writer import render_redline

        data = render_redline(comparison, author=args.author)
    else:
        from compare.reports.text import render_text

        color = args.color == "always" or (args.color == "auto" and not args.output and sys.stdout.isatty())
        data = render_text(comparison, color=color)
    emit(data, args.output, [args.old, args.new])
    return EXIT_DIFFERENT if comparison.has_differences else EXIT_SAME


def _keep_report(args: argparse.Namespace, files: tuple[str, str] | None, top: dict[str, Any], key: str) -> None:
    """Keep the report's head and its comparison's key for these files (read before the pair by
    `_file_keys`), so that the next compare of them reads neither document; not when either file
    changed while it was read and compared."""
    if files is not None and _file_keys(args) == files:
        from compare.reports.json_report import files_key, store_report

        store_report(files_key(*files, _option_values(args)), top, key)


def _file_keys(args: argparse.Namespace) -> tuple[str, str] | None:
    """The cache keys of the two files as `compare` reads them (desktop.loading.document_key), or
    None: read with a password (never cached) or not readable (the reading that follows says why)."""
    if args.password is not None:
        return None
    from desktop.loading import document_key

    options = _parse_options(args)
    try:
        old, new = document_key(args.old, options), document_key(args.new, options)
    except AccordError:
        return None
    return None if old is None or new is None else (old, new)


def _parse_options(args: argparse.Namespace) -> ParseOptions:
    """How `compare` reads both files: the pair itself and its kept report's keys (`_file_keys`)."""
    return ParseOptions(password=args.password, language=args.language, original=args.original)


def _compare_options(args: argparse.Namespace) -> CompareOptions:
    """The comparison options the command line gives."""
    from compare.model import CompareOptions

    return CompareOptions(**_option_values(args))


def _option_values(args: argparse.Namespace) -> dict[str, bool]:
    """The comparison options the command line gives, by CompareOptions' field names (a pair's
    kept report is looked up with them before the engine's model is loaded)."""
    return {
        "count_numbers": args.count_numbers,
        "count_footnote_marks": args.count_footnote_marks,
        "count_spacing": args.count_punctuation_spacing,
        "ignore_case": args.ignore_case,
        "ignore_punctuation": args.ignore_punctuation,
        "ignore_footnotes": args.ignore_footnotes,
        "ignore_numbering": args.ignore_numbering,
    }


def _import_comparison() -> None:
    """What the comparison and its report import, loaded while the workers read the files. Not
    numpy: a revision's similarity matrices are scored without it (compare.versions.engine
    LOOP_CELLS, candidates EXTRACT_CELLS), and importing it here took 0.2-0.3 s of CPU from the
    two workers on a two-core machine; long or unrelated documents and the aligner import it
    when they need it."""
    import compare.reports.text  # noqa: F401
    import compare.result_cache  # noqa: F401
    import compare.versions.engine  # noqa: F401


def _import_alignment() -> None:
    """What `align` imports to align two documents and export them, loaded while the workers
    read the files (desktop.loading.iter_load_pair's `meanwhile`)."""
    import compare.languages.documents  # noqa: F401
    import compare.languages.export  # noqa: F401


def _prepare(doc: Document, options: CompareOptions, waiting: Callable[[], bool]) -> None:
    """The comparison's modules (`_import_comparison`), then its work on the first document read,
    while a worker still reads the other (compare.versions.engine.prepare: the same result,
    sooner)."""
    _import_comparison()
    from compare.versions.engine import prepare

    # what is loaded so far out of the collector's sight first, as before comparing: else the
    # tokens made here set off a full collection over every object (14-16 ms, measured)
    gc.freeze()
    prepare(doc, options, waiting)


def cmd_align(args: argparse.Namespace) -> int:
    from compare.progress import run

    if args.format == "docx" and not args.output:
        raise UsageError("--format docx needs -o OUT.docx")
    if args.lines:
        from compare.languages.documents import align_lines, read_lines

        alignment = run(align_lines(read_lines(args.source), read_lines(args.target),
                                    source_language=args.source_language,
                                    target_language=args.target_language), progress_printer())
    else:
        from desktop.loading import load_pair

        # the aligner's modules (numpy among them) load while the workers read, not before them
        src, tgt = load_pair(args.source, args.target,
                             ParseOptions(password=args.password, language=args.source_language),
                             new_options=ParseOptions(password=args.password, language=args.target_language),
                             meanwhile=_import_alignment)
        from compare.languages import export as align_export
        from compare.languages.documents import align_documents

        warn([f"{doc.path}: {w}" for doc in (src, tgt) for w in doc.warnings])
        alignment = run(align_documents(src, tgt, level=args.level), progress_printer())
        if args.format == "json":
            data = json.loads(align_export.render_json(alignment))
            data["source"]["warnings"], data["target"]["warnings"] = list(src.warnings), list(tgt.warnings)
            emit(json.dumps(data, ensure_ascii=False, indent=2), args.output, [args.source, args.target])
            return EXIT_SAME
    from compare.languages import export as align_export

    render = {
        "json": align_export.render_json,
        "tsv": align_export.render_tsv,
        "tmx": align_export.render_tmx,
        "ladder": align_export.render_ladder,
        "docx": align_export.render_docx,
    }[args.format]
    if args.flagged_only:
        alignment = align_export.flagged_only(alignment)
    emit(render(alignment), args.output, [args.source, args.target])
    return EXIT_SAME


def cmd_gui(args: argparse.Namespace) -> int:
    from desktop.app import run_app

    return run_app(old=args.old, new=args.new, screenshot=args.screenshot, mode=args.mode)


COMMANDS = {"parse": cmd_parse, "compare": cmd_compare, "align": cmd_align, "gui": cmd_gui}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    try:
        args = build_parser().parse_args(argv)
        if args.command not in (None, "gui"):  # the window keeps the default (Qt owns its loop)
            _stop_on_sigterm()
        from desktop.loading import check_settings

        check_settings()
        _clean_stale_exports(args)
        if args.command is None:
            from desktop.app import run_app

            return run_app()
        if args.command in ("trace", "history"):
            from desktop import cli_history

            return cli_history.COMMANDS[args.command](args)
        return COMMANDS[args.command](args)
    except AccordError as exc:
        if debug:
            raise
        print(f"accord: {one_line(str(exc))}", file=sys.stderr)
        return EXIT_TROUBLE
    except KeyboardInterrupt:
        print("accord: interrupted", file=sys.stderr)
        return EXIT_TROUBLE
    except Terminated:
        print("accord: stopped (terminated)", file=sys.stderr)
        return EXIT_TROUBLE
    except BrokenPipeError:
        return EXIT_TROUBLE
    finally:
        if stderr_is_tty():
            sys.stderr.write("\r\033[K")


def entry() -> None:
    """The `accord` executable: main(), then, for the one-shot commands, an exit that skips the
    interpreter's teardown (it frees every object one at a time: 0.05-0.08 s after comparing a
    57-page pair, measured). Output is flushed first and every export is already in place
    (written atomically); the window's process exits the normal way, so Qt saves its settings."""
    code = main()
    if "PySide6.QtCore" in sys.modules:
        sys.exit(code)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # a reader that closed the pipe early
        code = EXIT_TROUBLE
    os._exit(code)


if __name__ == "__main__":
    entry()
