"""The new user's first steps: a keyboard-shortcuts page (Help, F1 or Ctrl+/) built from the
window's own actions, and a clear one-line message instead of Qt's abort when there is no display."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from desktop.app import display_problem
from desktop.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent
SUBPROCESS_TIMEOUT_S = 60


@pytest.fixture
def window(qtbot, settings):
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_shortcuts_page_lists_every_key_of_the_menus_and_the_align_mode(window):
    """Every menu action with a key and every align-mode key is on the page with its key."""
    window.shortcuts_action.trigger()
    assert window.shortcuts_dialog.isVisible()
    page = window.shortcuts_browser.toPlainText()
    expected = [a for menu in window.menuBar().actions() if menu.menu() for a in menu.menu().actions()
                if a.shortcuts()] + [a for a in window.align_view.actions() if a.shortcuts()]
    assert len(expected) > 15
    for action in expected:
        key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        assert key in page, action.text()
        assert action.text().replace("&", "").rstrip("…") in page
    for key in ("Ctrl+P", "F8", "Ctrl+M", "Esc", "Ctrl+E", "F1"):
        assert key in page


def test_f1_and_ctrl_slash_open_the_shortcuts_page(qtbot, window):
    """F1 and Ctrl+/ (pressed on the window) both open the page."""
    assert {"F1", "Ctrl+/"} <= {k.toString() for k in window.shortcuts_action.shortcuts()}
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert window.shortcuts_dialog is not None and window.shortcuts_dialog.isVisible()
    window.shortcuts_dialog.close()
    qtbot.keyClick(window, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    assert window.shortcuts_dialog.isVisible()
    assert window.shortcuts_action in window.menuBar().actions()[-1].menu().actions()


def test_no_display_is_one_clear_line_before_qt_starts():
    """On Linux without DISPLAY or WAYLAND_DISPLAY the window refuses in one line; a user-set
    QT_QPA_PLATFORM is always honoured; an X display without libxcb-cursor names the package."""
    assert "no display" in display_problem({}, "linux")
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem({"DISPLAY": ":0"}, "linux", lambda name: "libxcb-cursor.so.0") is None
    assert "libxcb-cursor0" in display_problem({"DISPLAY": ":0"}, "linux", lambda name: None)
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux", lambda name: None) is None
    assert display_problem({}, "win32") is None


def test_accord_without_a_display_exits_2_with_one_line(tmp_path):
    """`accord` (what `make run` starts) with no display and no QT_QPA_PLATFORM: exit 2, one line on
    stderr starting 'accord:', no traceback, no Qt abort (exit 134)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    done = subprocess.run([sys.executable, "-m", "desktop"], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=SUBPROCESS_TIMEOUT_S)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("accord: no display")


def test_make_run_honours_a_user_set_platform(tmp_path):
    """The Makefile's run target unsets the tests' offscreen default, never a platform the user set."""
    fake = tmp_path / "project"
    (fake / ".venv" / "bin").mkdir(parents=True)
    (fake / "Makefile").write_text((ROOT / "Makefile").read_text(encoding="utf-8"), encoding="utf-8")
    (fake / "pyproject.toml").write_text("", encoding="utf-8")
    (fake / ".venv" / ".installed").write_text("", encoding="utf-8")
    accord = fake / ".venv" / "bin" / "accord"
    accord.write_text('#!/bin/sh\necho "platform=${QT_QPA_PLATFORM-unset}"\n', encoding="utf-8")
    accord.chmod(0o755)
    # (nor the flags of a make this test runs under: `make -C DIR test` would make the inner one
    # print "Entering directory" around the output)
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "MAKEFLAGS", "MFLAGS", "MAKELEVEL")}

    def run(**extra: str) -> str:
        return subprocess.run(["make", "-s", "run"], cwd=fake, env=dict(env, **extra), capture_output=True,
                              text=True, timeout=SUBPROCESS_TIMEOUT_S, check=True).stdout.strip()

    assert run() == "platform=unset"
    assert run(QT_QPA_PLATFORM="wayland") == "platform=wayland"


def test_every_file_of_the_readme_tour_exists():
    """The README's command-line tour names only files that exist (in the repository, or in the
    shared folder beside it when that is present)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    tour = readme.split("## Command line", 1)[1].split("\n## ", 1)[0]
    commands = [line[2:] for line in tour.splitlines() if line.startswith("$ accord ")]
    assert len(commands) >= 8
    outputs = {"l2-en.json", "report.html", "report.pdf", "redline.docx", "memory.tmx", "dev.ladder"}
    named = [word for command in commands for word in command.split("#", 1)[0].split()
             if "." in word and "/" in word and not word.startswith("-")]
    assert len(named) >= 12
    shared = ROOT.parent / "shared"
    for word in named:
        if word in outputs:
            continue
        if word.startswith("../shared/") and not shared.is_dir():
            continue
        assert (ROOT / word).exists(), word


@pytest.mark.parametrize("language", ["en", "fr"])
def test_no_two_entries_of_a_menu_share_an_access_key(qtbot, settings, language):
    """In English and in French, Alt+letter reaches one entry per menu (and per menu bar)."""
    import re

    from PySide6.QtCore import QCoreApplication

    from desktop.i18n import install_translators

    app = QCoreApplication.instance()
    translators = install_translators(app, language)
    try:
        window = MainWindow(settings)
        qtbot.addWidget(window)

        def keys(actions) -> list[str]:
            found = [re.search(r"&([^&])", a.text()) for a in actions if not a.isSeparator()]
            return [m.group(1).lower() for m in found if m]

        menus = [a.menu() for a in window.menuBar().actions() if a.menu()]
        for entries in [window.menuBar().actions()] + [m.actions() for m in menus]:
            letters = keys(entries)
            assert len(letters) == len(set(letters)), (language, [a.text() for a in entries])
    finally:
        for translator in translators:
            app.removeTranslator(translator)


def test_no_key_does_two_things(window):
    """Every shortcut of the window belongs to one action only (Qt ignores an ambiguous key)."""
    from collections import Counter

    from PySide6.QtGui import QAction

    keys = Counter(key.toString() for action in window.findChildren(QAction) for key in set(action.shortcuts()))
    assert keys and [k for k, n in keys.items() if n > 1] == []
