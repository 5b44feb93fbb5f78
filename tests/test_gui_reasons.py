"""The window shows the engine's reasons in its own language: French when the French translation
is installed (change list's commitment column and tooltips, badge tooltips, the panes' lines under
a pair compared across languages), English otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from compare.history.cross_language import compare_across
from compare.progress import run
from compare.versions.engine import compare_documents
from desktop.change_list import ChangeTableModel, commitment_text
from desktop.compare_html import reasons_text, render_panes
from desktop.i18n import install_translators, window_language
from parsers.api import parse_file

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def french(qapp):
    translators = install_translators(qapp, "fr")
    assert translators
    yield
    for t in translators:
        qapp.removeTranslator(t)


def _l2():
    return compare_documents(parse_file(str(FIXTURES / "l2-fr.docx")), parse_file(str(FIXTURES / "l2-fr-rev1.docx")))


def _op5(comparison):
    return next(c for c in comparison.changes if c.news and c.news[0].label == "OP5" and c.commitment is not None)


def test_the_window_language_follows_the_installed_translation(qapp, french):
    assert window_language() == "fr"
    assert QCoreApplication.translate("Language", "en") == "fr"


def test_english_window_keeps_english_reasons(qapp):
    assert window_language() == "en"
    assert "operative verb 'Encourage' (encourage) -> 'Prie instamment' (urge)" in reasons_text(_op5(_l2()))


def test_french_window_shows_french_reasons(qapp, french):
    """The badge's tooltip and the change list's commitment tooltip of OP5, in French."""
    c = _l2()
    op5 = _op5(c)
    tip = reasons_text(op5)
    assert "verbe du dispositif\u00a0: «\u00a0Encourage\u00a0» (encourager) → «\u00a0Prie instamment\u00a0»" in tip
    assert "operative verb" not in tip
    model = ChangeTableModel()
    model.set_comparison(c)

    def tooltip(change):
        row = next(r for r in range(model.rowCount()) if model.change(r) is change)
        index = model.index(row, ChangeTableModel.COLUMNS.index("commitment"))
        return model.data(index, Qt.ItemDataRole.ToolTipRole)

    assert "verbe du dispositif" in tooltip(op5) and "operative verb" not in tooltip(op5)
    removed = next(ch for ch in c.changes if ch.olds and ch.olds[0].label == "OP7" and not ch.news)
    assert "OP7 supprimé\u00a0: un engagement" in tooltip(removed)


def test_french_window_names_cross_language_differences_in_french(qapp, french):
    """A pair compared across languages: the commitment column's '≠ …' and the pane's lines."""
    c = run(compare_across(parse_file(str(FIXTURES / "l2-fr-rev1.docx")), parse_file(str(FIXTURES / "l2-en.docx"))))
    named = [commitment_text(ch) for ch in c.changes if ch.reasons and not ch.ops and ch.commitment is None]
    named = [t for t in named if t.startswith("≠ ")]
    assert named and all("figure" not in t and "deadline" not in t for t in named)
    assert any("chiffre" in t or "échéance" in t for t in named)
    old, new = render_panes(c)
    assert "chiffre «\u00a0" in old.html + new.html and "reported only" not in old.html + new.html
