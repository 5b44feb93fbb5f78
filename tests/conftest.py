import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = ROOT.parent / "shared"


def pytest_collection_modifyitems(items):
    """Tests of the window (those using qtbot, directly or through a fixture, and every test in a
    test_gui_* file: screenshots run the window in a process of its own) are marked `gui`, so
    `make test-fast` can leave them out without a list of files to keep up to date."""
    for item in items:
        if "qtbot" in getattr(item, "fixturenames", ()) or item.path.name.startswith("test_gui_"):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch):
    """Every test gets its own user cache directory."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def settings(tmp_path):
    """The window's settings in a temporary file, never the user's own (GUI tests)."""
    from PySide6.QtCore import QSettings

    from desktop.settings import Settings

    return Settings(QSettings(str(tmp_path / "accord.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def app_window(qtbot, settings):
    """The main window and its controller (desktop.session.Session), shown at 1400x900; the
    controller's jobs are waited for at teardown (GUI tests)."""
    from desktop.main_window import MainWindow
    from desktop.session import Session

    window = MainWindow(settings)
    session = Session(window, settings)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    yield window, session
    session.runner.wait()
