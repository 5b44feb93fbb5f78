"""Fuzzing the readers: PDFs and Word files from the fixtures and the shared corpus, with bytes
flipped, cut, deleted, inserted, duplicated and spliced from other files, and Word parts mutated
inside an intact zip. Every mutant must either parse or give a ParseError: no other exception,
crash, hang or runaway memory in the worker (parsers.sandbox).

CI runs a fixed (derandomised) sample within a time budget of about a minute;
`ACCORD_FUZZ_EXAMPLES=5000` (`make fuzz`) runs that many random examples per test instead.
"""

from __future__ import annotations

import io
import os
import sys
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parsers.sandbox import run_isolated

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus" / "pdf"
sys.path.insert(0, str(ROOT / "tests" / "hostile"))
import make_hostile  # noqa: E402

REQUESTED = int(os.environ.get("ACCORD_FUZZ_EXAMPLES", "0"))
# A long run (`make fuzz`) outlasts the suite's per-test timeout: lift it then.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(0 if REQUESTED else 300)]
# CI: examples per test, and a wall-clock budget per test after which further examples are not
# parsed (a slow machine then runs fewer, never longer). Three tests: about a minute in all.
CI_EXAMPLES = 120
CI_BUDGET_S = 20.0
EXAMPLE_TIMEOUT_S = 10.0  # a mutant taking longer is a hang: the worker is killed and it fails
EXAMPLE_MEMORY_MB = 1024

# Small, quick seeds (each parses in well under 0.3 s): the mutants stay quick too.
PDF_SEEDS = [CORPUS / "2023-06-20-PV.pdf", CORPUS / "arabic-habibi.pdf", CORPUS / "scotus-transcript-p1.pdf",
             FIXTURES / "l2-fr.pdf"]
DOCX_SEEDS = [FIXTURES / name for name in ("footnotes.docx", "numbering-styles.docx", "numbering-restart.docx",
                                           "tracked-changes.docx", "table-in-body.docx", "l2-fr-rev1.docx")]
XML_PARTS = ("word/document.xml", "word/numbering.xml", "word/styles.xml", "word/footnotes.xml")

# Bytes that mean something to a PDF or XML parser: a mutant using them reaches deeper code.
TOKENS = [
    b"0 0 R", b"1 0 R", b"<<", b">>", b"[", b"]", b"(", b")", b"/Length 0", b"/Length 99999999",
    b"stream\n", b"\nendstream", b"endobj", b"obj", b"/Filter /FlateDecode", b"/Count -1", b"/Kids [",
    b"9999999999", b"-2147483648", b"%%EOF", b"startxref", b"xref", b"\x00", b"\xff\xfe",
    b"<w:p>", b"</w:p>", b"<w:r>", b"<w:t>", b"</w:t>", b'w:val="', b'<w:ilvl w:val="99"/>',
    b'<w:numId w:val="-1"/>', b"<w:tbl>", b"<w:tc>", b"<w:ins>", b"<w:del>", b"&amp;", b"&#0;", b"&#xD800;",
]


def available(paths: list[Path]) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in paths if p.exists()}


@st.composite
def edits(draw, seed_names: list[str]):
    """A seed and a short list of edits; positions are taken modulo the data's length when applied."""
    seed = draw(st.sampled_from(seed_names))
    position = st.integers(0, 2**24)
    edit = st.one_of(
        st.tuples(st.just("flip"), position, st.integers(0, 7)),
        st.tuples(st.just("truncate"), position),
        st.tuples(st.just("delete"), position, st.integers(1, 256)),
        st.tuples(st.just("insert"), position, st.one_of(st.sampled_from(TOKENS), st.binary(min_size=1, max_size=16))),
        st.tuples(st.just("duplicate"), position, st.integers(1, 4096)),
        st.tuples(st.just("splice"), position, st.sampled_from(seed_names), position, st.integers(1, 4096)),
    )
    return seed, draw(st.lists(edit, min_size=1, max_size=6))


def mutate(data: bytes, changes: list[tuple], seeds: dict[str, bytes]) -> bytes:
    out = bytearray(data)
    for change in changes:
        kind, at = change[0], change[1] % max(len(out), 1)
        if kind == "flip" and out:
            out[at] ^= 1 << change[2]
        elif kind == "truncate":
            del out[at:]
        elif kind == "delete":
            del out[at:at + change[2]]
        elif kind == "insert":
            out[at:at] = change[2]
        elif kind == "duplicate":
            out[at:at] = out[at:at + change[2]]
        elif kind == "splice":
            other = seeds[change[2]]
            start = change[3] % max(len(other), 1)
            out[at:at] = other[start:start + change[4]]
    return bytes(out)


def mutate_inside_zip(data: bytes, part_index: int, changes: list[tuple], tokens: dict[str, bytes]) -> bytes:
    """Rewrite one XML part of a Word package with `changes` applied, keeping the zip intact."""
    source = zipfile.ZipFile(io.BytesIO(data))
    names = [n for n in XML_PARTS if n in source.namelist()]
    target = names[part_index % len(names)]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            content = source.read(info)
            archive.writestr(info.filename, mutate(content, changes, tokens) if info.filename == target else content)
    return out.getvalue()


class Budget:
    """Stops parsing (not generating) once a test has used its wall-clock budget in CI, unless an
    example has failed: hypothesis must then be able to replay and shrink it."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.failing = False

    def spent(self) -> bool:
        return not REQUESTED and not self.failing and time.monotonic() - self.started > CI_BUDGET_S

    def check(self, path: Path, description: str) -> None:
        try:
            check(path, description)
        except AssertionError:
            self.failing = True
            raise


def fuzz_settings():
    return settings(max_examples=REQUESTED or CI_EXAMPLES, deadline=None, derandomize=not REQUESTED,
                    database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def check(path: Path, description: str) -> None:
    outcome = run_isolated(str(path), timeout=EXAMPLE_TIMEOUT_S, memory_mb=EXAMPLE_MEMORY_MB)
    assert outcome.failure is None, f"{description}: {outcome.failure}"
    if outcome.error is not None:
        assert "\n" not in str(outcome.error)
    else:
        assert [b.index for b in outcome.document.blocks] == list(range(len(outcome.document.blocks)))


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz")


PDFS = available(PDF_SEEDS) | {"hostile-good.pdf": make_hostile.good_pdf(),
                               "hostile-uri.pdf": make_hostile.uri_action_pdf()}
DOCXS = available(DOCX_SEEDS) | {"hostile-good.docx": make_hostile.good_docx()}


def test_pdf_mutants(workdir):
    """Byte-level mutants of real and crafted PDFs parse or give a ParseError."""
    budget = Budget()

    @fuzz_settings()
    @given(edits(sorted(PDFS)))
    def run(case):
        if budget.spent():
            return
        seed, changes = case
        path = workdir / "mutant.pdf"
        path.write_bytes(mutate(PDFS[seed], changes, PDFS))
        budget.check(path, f"{seed} {changes}")

    run()


def test_docx_byte_mutants(workdir):
    """Byte-level mutants of Word files (mostly damaged zips) parse or give a ParseError."""
    budget = Budget()

    @fuzz_settings()
    @given(edits(sorted(DOCXS)))
    def run(case):
        if budget.spent():
            return
        seed, changes = case
        path = workdir / "mutant.docx"
        path.write_bytes(mutate(DOCXS[seed], changes, DOCXS))
        budget.check(path, f"{seed} {changes}")

    run()


def test_docx_xml_mutants(workdir):
    """Word files whose XML parts are mutated inside an intact zip parse or give a ParseError."""
    budget = Budget()
    xml_sources = {name: data for name, data in DOCXS.items()}

    @fuzz_settings()
    @given(edits(sorted(DOCXS)), st.integers(0, len(XML_PARTS) - 1))
    def run(case, part_index):
        if budget.spent():
            return
        seed, changes = case
        path = workdir / "mutant-xml.docx"
        path.write_bytes(mutate_inside_zip(DOCXS[seed], part_index, changes, xml_sources))
        budget.check(path, f"{seed} part {part_index} {changes}")

    run()
