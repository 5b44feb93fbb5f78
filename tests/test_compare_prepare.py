"""compare.versions.engine.prepare: the comparison's work on one document done ahead (the command
line runs it while the other file is still being parsed) fills the caches the engine reads and
changes nothing in the comparison."""

from __future__ import annotations

from compare.commitment_lexicon import lexicon
from compare.model import CompareOptions
from compare.result_cache import comparison_to_json
from compare.text import normalize
from compare.versions.engine import compare_documents, prepare
from parsers.model import Block, BlockKind, Document, Footnote, Format

OLD = ("Décide de rester saisie de la question¹ ;", "Prie le Secrétaire général de lui faire rapport ;",
       "Engage les États Membres à ratifier le Protocole ;")
NEW = ("Décide de rester activement saisie de la question¹ ;", "Prie le Secrétaire général de lui faire rapport ;",
       "Exhorte les États Membres à ratifier sans tarder le Protocole ;")


def _doc(texts: tuple[str, ...], note: str) -> Document:
    blocks = tuple(Block(i, BlockKind.OPERATIVE, t, number=str(i + 1), footnote_marks=("1",) if i == 0 else ())
                   for i, t in enumerate(texts))
    return Document("d.pdf", Format.PDF, blocks, language="fr", footnotes=(Footnote("1", note),))


def _fresh() -> None:
    normalize.tokens_and_keys.cache_clear()
    normalize._default_key_text.cache_clear()  # key_text's cache under the default options
    lexicon.cache_clear()


def test_prepare_fills_the_caches_the_comparison_then_reads():
    """After prepare(old), comparing reads every key of old's blocks and footnote from the cache
    (no miss for them) and the lexicon of its language is loaded; the comparison equals the one
    made without prepare, change for change (as the result cache stores it)."""
    options = CompareOptions()
    old, new = _doc(OLD, "Voir A/80/1."), _doc(NEW, "Voir A/80/2.")
    _fresh()
    alone = comparison_to_json(compare_documents(old, new, options))
    _fresh()
    prepare(old, options, lambda: True)
    assert lexicon.cache_info().currsize == 1
    made = normalize._default_key_text.cache_info().misses
    assert made == len(set(OLD)) + 1  # each distinct block text and the footnote, once
    after = comparison_to_json(compare_documents(old, new, options))
    assert after == alone
    # only new's texts that old lacks were keyed by the comparison itself
    assert normalize._default_key_text.cache_info().misses - made == len(set(NEW) - set(OLD)) + 1


def test_prepare_stops_once_the_other_document_is_there():
    """With `waiting()` False from the start nothing is computed (the comparison does it all)."""
    _fresh()
    prepare(_doc(OLD, "Voir A/80/1."), CompareOptions(), lambda: False)
    assert normalize._default_key_text.cache_info().misses == 0
    assert normalize.tokens_and_keys.cache_info().misses == 0
    assert lexicon.cache_info().currsize == 0
