"""The application as a whole: `accord gui --screenshot` from the command line, the interface
language, the bundled sample."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtGui import QImage

import resources
from desktop.app import sample_pair
from desktop.i18n import install_translators, ui_language
from desktop.main_window import MainWindow
from desktop.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
# The contract's minimum picture size.
MIN_WIDTH, MIN_HEIGHT = 1280, 800
SUBPROCESS_TIMEOUT_S = 60


def run_gui(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_CACHE_HOME=str(tmp_path / "cache"))
    return subprocess.run([sys.executable, "-m", "desktop", "gui", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=SUBPROCESS_TIMEOUT_S)


def test_screenshot_of_a_comparison(tmp_path):
    """`accord gui OLD NEW --screenshot shot.png` saves a PNG of at least 1280x800 and exits 0."""
    shot = tmp_path / "shot.png"
    done = run_gui(tmp_path, str(FIXTURES / "l2-en.docx"), str(FIXTURES / "l2-en-rev1.docx"),
                   "--screenshot", str(shot))
    assert done.returncode == 0, done.stderr
    image = QImage(str(shot))
    assert image.width() >= MIN_WIDTH and image.height() >= MIN_HEIGHT


def test_screenshot_in_align_mode(tmp_path):
    """`--mode align` opens the language alignment; the screenshot is taken once it is shown."""
    shot = tmp_path / "align.png"
    done = run_gui(tmp_path, str(FIXTURES / "l2-fr.docx"), str(FIXTURES / "l2-en.docx"),
                   "--mode", "align", "--screenshot", str(shot))
    assert done.returncode == 0, done.stderr
    assert QImage(str(shot)).width() >= MIN_WIDTH


def test_screenshot_with_a_bad_file_shows_the_error_and_exits_2(tmp_path):
    """A file that cannot be read: the window with the error in its pane is saved, status 2."""
    bad = tmp_path / "empty.docx"
    bad.write_bytes(b"")
    shot = tmp_path / "error.png"
    done = run_gui(tmp_path, str(FIXTURES / "l2-en.docx"), str(bad), "--screenshot", str(shot))
    assert done.returncode == 2
    assert QImage(str(shot)).height() >= MIN_HEIGHT


def test_the_bundled_sample_pair_exists():
    """`accord` with no arguments opens the sample pair shipped in resources/samples."""
    old, new = sample_pair()
    assert Path(old).is_file() and Path(new).is_file()


def test_the_interface_language_follows_the_setting_then_the_system():
    """An explicit setting wins; 'system' takes the locale if translated, else English."""
    assert ui_language("fr", QLocale("en_GB")) == "fr"
    assert ui_language("system", QLocale("fr_CA")) == "fr"
    assert ui_language("system", QLocale("de_DE")) == "en"
    assert ui_language("en", QLocale("fr_FR")) == "en"


def test_the_french_translation_is_compiled_and_used(qtbot, tmp_path):
    """With French installed, the window's menus and the panes speak French."""
    assert resources.path("translations", "accord_fr.qm").is_file()
    app = QCoreApplication.instance()
    translators = install_translators(app, "fr")
    try:
        assert translators
        window = MainWindow(Settings(QSettings(str(tmp_path / "a.ini"), QSettings.Format.IniFormat)))
        qtbot.addWidget(window)
        menus = [a.text() for a in window.menuBar().actions()]
        assert "&Fichier" in menus and "&Aide" in menus
        assert window.panes.old.title == "Ancienne version"
    finally:
        for translator in translators:
            app.removeTranslator(translator)


def test_every_french_message_is_translated():
    """The .ts source has no unfinished message (a new string must be translated before release)."""
    ts = resources.path("translations", "accord_fr.ts").read_text(encoding="utf-8")
    assert 'type="unfinished"' not in ts
    assert ts.count("<message") >= 100


@pytest.mark.parametrize("language", ["system", "fr", "en"])
def test_the_language_choice_is_remembered(tmp_path, language):
    """Settings ▸ Language stores the choice for the next start."""
    settings = Settings(QSettings(str(tmp_path / "a.ini"), QSettings.Format.IniFormat))
    settings.set_language(language)
    settings.sync()
    assert Settings(QSettings(str(tmp_path / "a.ini"), QSettings.Format.IniFormat)).language() == language


def test_screenshot_with_one_file_exits_2_at_once(tmp_path):
    """With only OLD there is nothing to compare: the window (asking for NEW) is saved, status 2."""
    shot = tmp_path / "one.png"
    done = run_gui(tmp_path, str(FIXTURES / "l2-en.docx"), "--screenshot", str(shot))
    assert done.returncode == 2
    assert QImage(str(shot)).width() >= MIN_WIDTH
