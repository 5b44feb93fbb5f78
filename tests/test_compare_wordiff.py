"""Word-level ops: exact rebuilding of both texts, readable runs, normalisation shown as minor."""

from hypothesis import given
from hypothesis import strategies as st

from compare.model import CompareOptions, OpKind
from compare.text.normalize import normalize
from compare.versions.wordiff import diff_words, is_difference


def sides(ops):
    old = "".join(op.text for op in ops if op.kind is not OpKind.INSERT)
    new = "".join(op.text for op in ops if op.kind is not OpKind.DELETE)
    return old, new


def pairs(ops):
    return [(str(op.kind), op.text) for op in ops if not op.minor]


def test_verb_replacement_is_one_delete_then_one_insert():
    """'Encourage vivement' -> 'Prie instamment' reads as one replacement, not word by word."""
    ops = diff_words("Encourage vivement les entreprises ;", "Prie instamment les entreprises ;")
    assert pairs(ops) == [("delete", "Encourage vivement"), ("insert", "Prie instamment"),
                          ("equal", " les entreprises ;")]


def test_inserted_hedge_is_one_insert():
    """An inserted hedge is one insertion between equal runs."""
    ops = diff_words("Demande aux États d’élaborer, pour lutter", "Demande aux États d’élaborer, selon qu’il conviendra, pour lutter")
    assert pairs(ops) == [("equal", "Demande aux États d’élaborer, "), ("insert", "selon qu’il conviendra, "),
                          ("equal", "pour lutter")]


def test_figure_change_is_the_whole_figure():
    """A changed figure with separators is replaced as a whole."""
    ops = diff_words("soit 1 000,5 tonnes", "soit 2 000,5 tonnes")
    assert pairs(ops) == [("equal", "soit "), ("delete", "1 000,5"), ("insert", "2 000,5"), ("equal", " tonnes")]


def test_quotes_spacing_and_marks_are_minor_by_default():
    """Quote style, French spacing, non-breaking spaces and footnote marks are minor ops, not differences."""
    old = "l’Office ; la Convention¹ « texte »\u00a0: fin"
    new = "l'Office; la Convention \"texte\": fin"
    ops = diff_words(old, new)
    assert sides(ops) == (old, new)
    assert not is_difference(ops)
    assert any(op.minor for op in ops)


def test_options_make_spacing_and_marks_count():
    """With count_spacing or count_footnote_marks the same edits are differences."""
    assert is_difference(diff_words("l’Office", "l'Office", CompareOptions(count_spacing=True)))
    assert is_difference(diff_words("Convention¹ et", "Convention et", CompareOptions(count_footnote_marks=True)))
    assert not is_difference(diff_words("Convention¹ et", "Convention et"))


def test_normalised_text_maps_back_to_real_offsets():
    """Each character of the normalised text comes from the character at its offset."""
    text = "la  traite ; l’Office¹ « vite »"
    norm = normalize(text)
    assert norm.text == "la traite; l'Office \"vite\""
    for ch, at in zip(norm.text, norm.offsets, strict=True):
        assert ch == text[at] or ch in "'\" " and text[at] in "’«» \u00a0"


def test_identical_texts_are_one_equal_op():
    """Unchanged text is a single equal op."""
    assert pairs(diff_words("Décide de rester saisie de la question.", "Décide de rester saisie de la question.")) == [
        ("equal", "Décide de rester saisie de la question.")]


words = st.sampled_from(["l’Office", "d'élaborer", "qu'il", " ", "  ", "\u00a0", ";", " ;", "«", "»", "1 000,5",
                         "2025", "60 %", "E/CN.15/2018/L.2", "Prie", "instamment", "¹", "*", "les", "États", "\n"])


@given(st.lists(words, max_size=30).map("".join), st.lists(words, max_size=30).map("".join))
def test_ops_rebuild_both_texts_exactly(old, new):
    """Equal+delete texts give the old text and equal+insert the new text, exactly."""
    assert sides(diff_words(old, new)) == (old, new)


@given(st.text(max_size=80), st.text(max_size=80))
def test_ops_rebuild_any_texts(old, new):
    """The rebuilding property holds for arbitrary Unicode text too."""
    assert sides(diff_words(old, new)) == (old, new)
