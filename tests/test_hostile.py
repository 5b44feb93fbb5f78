"""Hostile and broken files: each ends as exit status 2 with one line on stderr naming the file and
the problem, quickly, in bounded memory, with no traceback; repairable damage still parses.

The files come from tests/hostile/make_hostile.py, written into a temporary folder (the bombs are
gigabytes once inflated). The command line runs with a 10 s parse timeout and a 1 GB memory cap
(ACCORD_PARSE_TIMEOUT, ACCORD_PARSE_MEMORY_MB) so a hang or a bomb costs seconds.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from parsers import ErrorCode
from parsers.sandbox import run_isolated

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "hostile"))
import make_hostile  # noqa: E402

pytestmark = pytest.mark.slow  # a reader process per file (about 50 s in all): not in make test-fast

TIMEOUT_S = 10  # the parse deadline given to the worker
MEMORY_MB = 1024  # the worker's memory cap, and the bound every hostile file must stay under
CLI_DEADLINE_S = 20  # the whole command, start-up included: beyond it the command hangs

# name -> (codes the reader may give, words one of which the message must contain)
EXPECTED: dict[str, tuple[set[ErrorCode], tuple[str, ...]]] = {
    "empty.pdf": ({ErrorCode.EMPTY}, ("empty",)),
    "random-bytes.pdf": ({ErrorCode.UNSUPPORTED}, ("not a pdf",)),
    "random-bytes.docx": ({ErrorCode.UNSUPPORTED}, ("not a pdf",)),
    "truncated.pdf": ({ErrorCode.CORRUPT}, ("damaged",)),
    "encrypted.pdf": ({ErrorCode.ENCRYPTED}, ("--password",)),
    "image-only.pdf": ({ErrorCode.NO_TEXT}, ("ocr",)),
    # PDFium drops a page whose contents or tree loop, or refuses the file: never a hang
    "self-reference-pages.pdf": ({ErrorCode.CORRUPT}, ("damaged",)),
    "self-reference-contents.pdf": ({ErrorCode.CORRUPT, ErrorCode.NO_TEXT}, ("damaged", "no text")),
    "reference-cycle.pdf": ({ErrorCode.CORRUPT, ErrorCode.NO_TEXT}, ("damaged", "no text")),
    "page-tree-cycle.pdf": ({ErrorCode.CORRUPT, ErrorCode.NO_TEXT}, ("damaged", "no text")),
    "million-pages.pdf": ({ErrorCode.HOSTILE}, ("1,000,000 pages",)),
    "page-tree-bomb.pdf": ({ErrorCode.HOSTILE}, ("1,000,000 pages",)),
    "not-a-zip.docx": ({ErrorCode.CORRUPT}, ("damaged",)),
    "truncated.docx": ({ErrorCode.CORRUPT}, ("damaged",)),
    "no-document.docx": ({ErrorCode.UNSUPPORTED}, ("not a word",)),
    "legacy-doc.docx": ({ErrorCode.UNSUPPORTED}, (".doc",)),
    "encrypted.docx": ({ErrorCode.ENCRYPTED}, ("password",)),
    "odt-renamed.docx": ({ErrorCode.UNSUPPORTED}, ("opendocument",)),
    "xxe-file.docx": ({ErrorCode.HOSTILE}, ("doctype",)),
    "xxe-url.docx": ({ErrorCode.HOSTILE}, ("doctype",)),
    "billion-laughs.docx": ({ErrorCode.HOSTILE}, ("doctype",)),
    "duplicate-part.docx": ({ErrorCode.HOSTILE}, ("two parts",)),
    "zip-bomb.docx": ({ErrorCode.HOSTILE}, ("zip bomb",)),
    "zip-bomb-lying-headers.docx": ({ErrorCode.CORRUPT, ErrorCode.HOSTILE}, ("damaged", "zip bomb")),
    # PDFium inflates the whole stream: the memory cap ends it (an abort or a MemoryError) or the clock
    "stream-bomb.pdf": ({ErrorCode.CORRUPT, ErrorCode.RESOURCES, ErrorCode.TIMEOUT},
                        ("crashed", "memory", "too long")),
    "oversized.pdf": ({ErrorCode.TOO_LARGE}, ("200 mb limit",)),
}

# Damage a reader repairs: the file parses, with its text.
REPAIRABLE = {
    "broken-xref.pdf": "The General Assembly recalls its hostile resolution.",
    "deeply-nested.pdf": "The General Assembly recalls its hostile resolution.",
    "uri-action.pdf": "The General Assembly recalls its hostile resolution.",
    "external-links.docx": "The General Assembly recalls its resolution.",
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """Write every hostile file once for this module; return a name -> path lookup."""
    folder = tmp_path_factory.mktemp("hostile")

    def path(name: str) -> Path:
        target = folder / name
        if not target.exists():
            try:
                make_hostile.write(name, folder)
            except FileNotFoundError:
                pytest.skip(f"{name}: the shared corpus is not present")
        return target

    return path


def accord_parse(path: Path, *extra: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, ACCORD_PARSE_TIMEOUT=str(TIMEOUT_S), ACCORD_PARSE_MEMORY_MB=str(MEMORY_MB))
    return subprocess.run([sys.executable, "-m", "desktop", "parse", str(path), *extra], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=CLI_DEADLINE_S)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_cli_refuses_hostile_file_in_one_line(name, hostile, tmp_path):
    """`accord parse` on the file: status 2, one stderr line naming it and the problem, no output."""
    path = hostile(name)
    out = tmp_path / "out.json"
    result = accord_parse(path, "-o", str(out))
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2, result.stderr
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert lines[0].startswith(f"accord: {path}: ")
    assert any(word in lines[0].lower() for word in EXPECTED[name][1]), lines[0]
    assert not out.exists()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_worker_reports_the_problem_in_bounded_memory(name, hostile):
    """In the worker the file gives the expected error code, and its peak memory stays under 1 GB."""
    path = hostile(name)
    outcome = run_isolated(str(path), timeout=TIMEOUT_S, memory_mb=MEMORY_MB)
    assert outcome.document is None
    assert outcome.error.code in EXPECTED[name][0], outcome.error
    assert outcome.error.path == str(path)
    if outcome.peak_rss_mb is not None:
        assert outcome.peak_rss_mb < MEMORY_MB


@pytest.mark.parametrize("name", sorted(REPAIRABLE))
def test_repairable_damage_still_parses(name, hostile):
    """A broken xref, absurd nesting, a URL action or external links do not stop a file being read."""
    result = accord_parse(hostile(name))
    assert result.returncode == 0, result.stderr
    texts = [block["text"] for block in json.loads(result.stdout)["blocks"]]
    assert REPAIRABLE[name] in texts


def test_xxe_never_reads_the_local_file(hostile):
    """An entity pointing at /etc/passwd is refused before any XML parser sees it: nothing leaks."""
    result = accord_parse(hostile("xxe-file.docx"))
    assert "root:" not in result.stdout + result.stderr
    assert result.returncode == 2


@pytest.mark.parametrize("path", sorted((ROOT.parent / "shared" / "corpus" / "pdf").glob("*.pdf")),
                         ids=lambda p: p.name)
def test_real_pdfs_parse_or_fail_cleanly(path):
    """Every real PDF of the shared corpus parses; the password-protected one asks for a password."""
    result = accord_parse(path)
    if path.name == "password-example.pdf":
        assert result.returncode == 2
        assert result.stderr.strip() == f"accord: {path}: the PDF is encrypted; give --password"
    else:
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)["blocks"]
