"""The tokenizer: French and Spanish punctuation, elision, figures and symbols as single tokens."""

from hypothesis import given
from hypothesis import strategies as st

from compare.text.tokenize import TokenKind, tokenize


def texts(text, marks=()):
    return [t.text for t in tokenize(text, marks) if t.kind is not TokenKind.SPACE]


def kinds(text):
    return {t.text: t.kind for t in tokenize(text)}


def test_french_elision_is_split_from_its_word():
    """l'Office, d'élaborer and qu'il split after the apostrophe, straight or typographic."""
    assert texts("l'Office d’élaborer qu'il jusqu’à") == ["l'", "Office", "d’", "élaborer", "qu'", "il", "jusqu’", "à"]
    assert kinds("l’Office")["l’"] is TokenKind.ELISION


def test_words_with_inner_apostrophe_or_hyphen_stay_whole():
    """aujourd'hui, Vingt-septième and États-Unis are single words."""
    assert texts("aujourd'hui Vingt-septième États-Unis") == ["aujourd'hui", "Vingt-septième", "États-Unis"]


def test_figures_keep_their_separators():
    """French, English and percentage figures, and years, are one token each."""
    tokens = kinds("1 000,5 et 1,000.5 soit 60 % ou 1\u202f000\u00a0% en 2025 (cibles 5.2, 8.7)")
    for figure in ("1 000,5", "1,000.5", "60 %", "1\u202f000\u00a0%", "2025", "5.2", "8.7"):
        assert tokens[figure] is TokenKind.NUMBER, figure


def test_list_of_figures_is_not_one_figure():
    """'5.2, 8.7 et 16.2' is three figures: the comma followed by a space separates them."""
    assert texts("5.2, 8.7 et 16.2") == ["5.2", ",", "8.7", "et", "16.2"]


def test_document_symbols_are_one_token():
    """A/RES/72/1, E/CN.15/2018/L.2 and resolution 70/1 are single tokens; a final full stop is not part of them."""
    assert texts("A/RES/72/1 et E/CN.15/2018/L.2. Résolution 70/1") == [
        "A/RES/72/1", "et", "E/CN.15/2018/L.2", ".", "Résolution", "70/1"]
    assert kinds("voir A/RES/72/1")["A/RES/72/1"] is TokenKind.SYMBOL


def test_french_and_spanish_punctuation():
    """French spaced punctuation and guillemets and Spanish inverted marks are separate tokens."""
    assert texts("« texte » ; ¿Qué? ¡Sí! : fin") == ["«", "texte", "»", ";", "¿", "Qué", "?", "¡", "Sí", "!", ":", "fin"]


def test_footnote_marks():
    """Superscripts and an asterisk after a word are marks; a listed digit glued to a word is a mark."""
    tokens = tokenize("organisée¹ et provisoire* et criminalité2 en 2018", marks=("2",))
    marks = [t.text for t in tokens if t.kind is TokenKind.MARK]
    assert marks == ["¹", "*", "2"]
    assert [t.text for t in tokens if t.kind is TokenKind.NUMBER] == ["2018"]


def test_tokens_rebuild_the_text_with_offsets():
    """Joining the tokens gives the text back; each token's start is its offset."""
    text = "Prie instamment l’Office,\u00a0d’ici à 2030 ; voir E/CN.15/2018/L.2.\n"
    tokens = tokenize(text)
    assert "".join(t.text for t in tokens) == text
    assert all(text[t.start:t.end] == t.text for t in tokens)


@given(st.text())
def test_any_text_rebuilds_exactly(text):
    """For any text at all, the tokens concatenate to the text."""
    assert "".join(t.text for t in tokenize(text)) == text
