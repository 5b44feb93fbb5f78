"""Sentence splitting knows each language's abbreviations."""

import pytest

from compare.languages.sentences import split_sentences


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("fr", "M. Dupont a cité l'art. 5 de la Convention, p. ex. dans son rapport. Il est parti.",
     ["M. Dupont a cité l'art. 5 de la Convention, p. ex. dans son rapport.", "Il est parti."]),
    ("fr", "Voir le n° 3 et la p. 12. Mme Martin a répondu.",
     ["Voir le n° 3 et la p. 12.", "Mme Martin a répondu."]),
    ("en", "Mr. Smith arrived, e.g. on time. See No. 5 of the report. The answer was no. It ended.",
     ["Mr. Smith arrived, e.g. on time.", "See No. 5 of the report.", "The answer was no.", "It ended."]),
    ("es", "El Sr. García habló. Véase el art. 3, p. ej. el párr. 2. Terminó.",
     ["El Sr. García habló.", "Véase el art. 3, p. ej. el párr. 2.", "Terminó."]),
    ("de", "Herr Dr. Müller kam z. B. am Montag. Er ging.", ["Herr Dr. Müller kam z. B. am Montag.", "Er ging."]),
    ("ru", "Г-н Иванов выступил. См. ст. 5 Устава. Конец.", ["Г-н Иванов выступил.", "См. ст. 5 Устава.", "Конец."]),
    ("zh", "大会通过了决议。秘书长发言！会议结束。", ["大会通过了决议。", "秘书长发言！", "会议结束。"]),
    ("ar", "اعتمدت الجمعية العامة القرار. وتكلم الأمين العام.", ["اعتمدت الجمعية العامة القرار.", "وتكلم الأمين العام."]),
    ("fr", "Distr. limitée", ["Distr. limitée"]),
])
def test_split_with_abbreviations(language, text, expected):
    """Full stops after abbreviations do not end a sentence; real sentence ends do."""
    assert split_sentences(text, language) == expected


def test_unknown_language_and_empty_text():
    """A language without rules falls back to English rules; an empty text has no sentence."""
    assert split_sentences("Mr. Brown came. He left.", "sw") == ["Mr. Brown came.", "He left."]
    assert split_sentences("   ", "fr") == []
