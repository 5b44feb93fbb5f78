"""Fuzzing the cache reader and the text sniffer, as tests/test_fuzz.py fuzzes the readers: any
bytes in an entry file, any JSON in a correctly signed entry (a valid document's with one part
replaced by arbitrary JSON), and any bytes as an input file give a value, a miss or a ParseError,
never another exception. `ACCORD_FUZZ_EXAMPLES=5000` runs that many examples per test."""

from __future__ import annotations

import copy
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parsers import ParseError, cache
from parsers.model import Block, BlockKind, Document, Footnote, Format, Furniture, Location, Span
from parsers.sniff import sniff
from parsers.txt_reader import read_txt

REQUESTED = int(os.environ.get("ACCORD_FUZZ_EXAMPLES", "0"))
pytestmark = [pytest.mark.slow, pytest.mark.timeout(0 if REQUESTED else 300)]
FUZZ = settings(max_examples=REQUESTED or 150, deadline=None, derandomize=not REQUESTED,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
KEY = "f" * 64

DOCUMENT = Document(
    path="x.pdf", format=Format.PDF, language="fr", pages=2, symbol="A/RES/1",
    blocks=(Block(0, BlockKind.OPERATIVE, "Prie instamment", number="1", spans=(Span(0, 4, True),),
                  location=Location(page=1, bbox=(1.0, 2.0, 3.0, 4.0)), footnote_marks=("1",), label="OP1"),
            Block(1, BlockKind.PARAGRAPH, "Texte", location=Location(element=3))),
    footnotes=(Footnote("1", "Note", 1),), warnings=("w",), furniture=(Furniture(1, "1/2", "page x/y"),),
)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=6) | st.dictionaries(st.text(max_size=8), inner, max_size=6),
    max_leaves=30,
)


def _paths(value, prefix=()):
    """Every path (keys and indexes) inside a JSON value."""
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, (*prefix, i))


PATHS = [p for p in _paths(cache.document_to_json(DOCUMENT)) if p]


def _replace(data, path, value):
    data = copy.deepcopy(data)
    holder = data
    for step in path[:-1]:
        holder = holder[step]
    holder[path[-1]] = value
    return data


@pytest.fixture
def folder():
    """The documents folder under this test's own XDG_CACHE_HOME (conftest)."""
    return cache.cache_dir()


@FUZZ
@given(raw=st.binary(max_size=400), signed_header=st.booleans())
def test_any_bytes_in_an_entry_are_a_miss(folder, raw, signed_header):
    """An entry file holding any bytes (with or without a well-formed header line) is a miss."""
    cache.write_entry(folder, KEY, {})
    entry = Path(folder) / f"{KEY}.json"
    header = entry.read_bytes().partition(b"\n")[0]
    entry.write_bytes((header + b"\n" + raw) if signed_header else raw)
    assert cache.read_entry(folder, KEY) in (None, {})
    assert cache.load(KEY, "x.pdf") is None


@FUZZ
@given(where=st.sampled_from(PATHS), value=JSON)
def test_a_signed_entry_with_any_part_replaced_is_a_document_or_a_miss(folder, where, value):
    """A correctly signed document entry with one part replaced by arbitrary JSON loads as a
    Document (when the part happens to fit) or is a miss: never an exception."""
    data = _replace(cache.document_to_json(DOCUMENT), where, value)
    cache.write_entry(folder, KEY, data)
    loaded = cache.load(KEY, "x.pdf")
    assert loaded is None or isinstance(loaded, Document)


@FUZZ
@given(data=JSON)
def test_any_signed_json_is_a_document_or_a_miss(folder, data):
    """Any JSON value at all, correctly signed, is a miss (or, by chance, a Document)."""
    cache.write_entry(folder, KEY, data)
    loaded = cache.load(KEY, "x.pdf")
    assert loaded is None or isinstance(loaded, Document)


TEXT_SEEDS = [b"\xef\xbb\xbfD\xc3\xa9cide.\n", "Décide.\n".encode("utf-16"), "Décide.\n".encode("utf-32"),
              b"Plain text\n\nwith two paragraphs.\n", "Décide.".encode("latin-1"), b"%PDF-1.4\n", b"PK\x03\x04"]


@FUZZ
@given(seed=st.sampled_from(TEXT_SEEDS), noise=st.binary(max_size=200), cut=st.integers(0, 400),
       at=st.integers(0, 400))
def test_the_sniffer_and_text_reader_take_any_bytes(seed, noise, cut, at):
    """Any bytes (a text seed with noise inserted and cut) are sniffed to a format or refused with
    a ParseError; read as text, they give paragraphs without NUL or a ParseError."""
    data = (seed[:at] + noise + seed[at:])[: max(cut, 1)]
    with tempfile.TemporaryDirectory() as scratch:
        path = os.path.join(scratch, "input")
        with open(path, "wb") as fh:
            fh.write(data)
        try:
            fmt = sniff(path)
        except ParseError:
            return
        if fmt is not Format.TXT:
            return
        try:
            paragraphs = read_txt(path)
        except ParseError:
            return
        assert all("\x00" not in p.text for p in paragraphs)
