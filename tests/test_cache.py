"""The parse cache: content-keyed, JSON, faithful, and harmless when damaged."""

import os
from pathlib import Path

from parsers import cache
from parsers.model import Block, BlockKind, Document, Footnote, Format, Location, Span

SEED = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds" / "004_f8e11c2669303c1d.txt"


def _doc(path="x.pdf"):
    return Document(
        path=path, format=Format.PDF, language="fr", pages=5, symbol="E/CN.15/2018/L.2",
        blocks=(
            Block(0, BlockKind.OPERATIVE, "Prie instamment les États", number="1",
                  spans=(Span(0, 15, italic=True),), location=Location(page=3, bbox=(1.0, 2.0, 3.0, 4.0)),
                  footnote_marks=("¹",)),
            Block(1, BlockKind.SUBPARAGRAPH, "de ratifier", number="a", level=1, location=Location(element=7)),
        ),
        footnotes=(Footnote("1", "Nations Unies, Recueil des Traités", 3),),
        warnings=("one warning",),
        typed_labels=True,
    )


def test_round_trip_keeps_every_field():
    """A document survives the JSON round trip unchanged, under the new path it is read from."""
    doc = _doc()
    again = cache.document_from_json(cache.document_to_json(doc), "x.pdf")
    assert again == doc


def test_store_then_load_uses_the_user_cache_dir(tmp_path):
    """Entries go under XDG_CACHE_HOME (set per test by conftest) and load back."""
    key = cache.content_key(str(SEED), "v1", "opts")
    cache.store(key, _doc())
    assert cache.cache_dir().startswith(os.environ["XDG_CACHE_HOME"])
    assert cache.load(key, "renamed.pdf") == _doc("renamed.pdf")


def test_key_depends_on_content_version_and_options(tmp_path):
    """Same bytes under another name hit; other bytes, parser versions or options miss."""
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_bytes(SEED.read_bytes())
    b.write_bytes(SEED.read_bytes())
    assert cache.content_key(str(a), "1", "o") == cache.content_key(str(b), "1", "o")
    assert cache.content_key(str(a), "1", "o") != cache.content_key(str(a), "2", "o")
    assert cache.content_key(str(a), "1", "o") != cache.content_key(str(a), "1", "p")
    b.write_bytes(SEED.read_bytes() + b"x")
    assert cache.content_key(str(a), "1", "o") != cache.content_key(str(b), "1", "o")


def test_damaged_entry_is_a_miss():
    """A truncated cache file is ignored, not an error."""
    key = "0" * 64
    cache.store(key, _doc())
    file = Path(cache.cache_dir()) / f"{key}.json"
    file.write_text(file.read_text()[:50])
    assert cache.load(key, "x.pdf") is None
