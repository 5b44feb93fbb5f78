"""A Document crosses from its parse worker to the application as a pickle (parsers.sandbox), each
model class pickled as a call of itself with its field values (parsers.model._pickled_by_fields):
every field of every class comes back, in its place."""

from __future__ import annotations

import pickle
from dataclasses import fields

from parsers.model import Block, BlockKind, Document, Footnote, Format, Furniture, Location, Span

FULL = Document(
    path="/tmp/draft.pdf",
    format=Format.PDF,
    blocks=(
        Block(0, BlockKind.TITLE, "Projet de résolution", label=None),
        Block(1, BlockKind.OPERATIVE, "Décide de rester saisie¹ ;", number="1", level=1,
              spans=(Span(0, 6, bold=False, italic=True), Span(7, 13, bold=True)),
              location=Location(page=2, bbox=(72.0, 100.5, 520.0, 130.25)), footnote_marks=("1",), label="OP1"),
        Block(2, BlockKind.SUBPARAGRAPH, "a)\tpar écrit", number="a", level=2,
              location=Location(element=7), label="OP1(a)"),
    ),
    language="fr",
    pages=3,
    symbol="A/80/L.8",
    footnotes=(Footnote("1", "Voir A/80/1.", page=2),),
    warnings=("page 3 of 3 has no text layer (scanned?); its text is missing",),
    furniture=(Furniture(1, "25-12345 (F)", "job number"), Furniture(None, "*2512345*", "barcode")),
)


def test_a_document_with_every_field_set_comes_back_equal():
    """Every field of Document, Block, Span, Location, Footnote and Furniture set to a value other
    than its default survives pickling (any protocol the sandbox may use), with its types."""
    for protocol in (2, pickle.DEFAULT_PROTOCOL, pickle.HIGHEST_PROTOCOL):
        back = pickle.loads(pickle.dumps(FULL, protocol=protocol))
        assert back == FULL
        assert type(back.format) is Format and type(back.blocks[1].kind) is BlockKind
        assert type(back.blocks[1].location) is Location and type(back.blocks[1].spans[0]) is Span
        for original, copy in ((FULL, back), (FULL.blocks[1], back.blocks[1]), (FULL.footnotes[0], back.footnotes[0]),
                               (FULL.furniture[0], back.furniture[0])):
            assert [getattr(copy, f.name) for f in fields(copy)] == [getattr(original, f.name) for f in fields(original)]
