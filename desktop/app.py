"""Application wiring: create the window and the controller, connect them, open the pair, run.

`--screenshot PNG` (CONTRACT.md): once the comparison (or alignment) is on screen the window is
saved as PNG (at least SCREENSHOT_SIZE) and the application exits 0. If a file cannot be read,
the window showing the error in its pane is saved and the exit status is 2, as for the other
subcommands; if nothing is shown within SCREENSHOT_TIMEOUT_MS the window is saved as it is and
the exit status is 2 as well (also at once when only one file is given).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping

import resources

# Larger than the contract's 1280x800 minimum so the toolbar, both panes and the change list fit.
SCREENSHOT_SIZE = (1440, 900)
# Leave the engine this long before giving up on a screenshot (a large PDF pair takes seconds).
SCREENSHOT_TIMEOUT_MS = 50_000
# After the result is shown, let the layout settle (overview bar, row heights) before grabbing.
SCREENSHOT_SETTLE_MS = 300


# A first start fills at most this share of the screen (later starts restore the user's geometry).
FIRST_SIZE_SHARE = 0.9


def _first_size(app) -> tuple[int, int]:
    screen = app.primaryScreen()
    if screen is None:
        return SCREENSHOT_SIZE
    available = screen.availableGeometry()
    return (min(SCREENSHOT_SIZE[0], int(available.width() * FIRST_SIZE_SHARE)),
            min(SCREENSHOT_SIZE[1], int(available.height() * FIRST_SIZE_SHARE)))


def display_problem(env: Mapping[str, str], platform: str = sys.platform,
                    find_library: Callable[[str], str | None] | None = None) -> str | None:
    """Why the window cannot open on this machine, in one line, or None if it can (as far as can be
    told before Qt starts: Qt itself aborts the process, exit 134, when its platform plugin fails).
    A QT_QPA_PLATFORM the user set is theirs to choose and always honoured."""
    if env.get("QT_QPA_PLATFORM") or not platform.startswith("linux"):
        return None
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return ("no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset): run it on a "
                "desktop, or use the command line (accord compare OLD NEW)")
    if not env.get("WAYLAND_DISPLAY"):  # X11: Qt 6.5+ needs libxcb-cursor for its xcb plugin
        if find_library is None:
            from ctypes.util import find_library
        if find_library("xcb-cursor") is None:
            return ("the window needs the X11 library libxcb-cursor0, which is not installed "
                    "(Debian/Ubuntu: sudo apt install libxcb-cursor0)")
    return None


def sample_pair() -> tuple[str, str]:
    return (str(resources.path("samples", "sample-old.docx")), str(resources.path("samples", "sample-new.docx")))


def run_app(old: str | None = None, new: str | None = None, screenshot: str | None = None,
            mode: str = "compare") -> int:  # the command line's --mode: a Mode value
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.i18n import install_translators, ui_language
    from desktop.main_window import MainWindow
    from desktop.modes import Mode
    from desktop.session import Session
    from desktop.settings import APPLICATION, ORGANIZATION, Settings

    if QApplication.instance() is None:
        if screenshot and display_problem(os.environ) is not None:
            os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a picture needs no screen
        problem = display_problem(os.environ)
        if problem is not None:
            print(f"accord: {problem}", file=sys.stderr)
            return 2
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    settings = Settings()
    translators = install_translators(app, ui_language(settings.language()))
    window = MainWindow(settings)
    session = Session(window, settings, mode=mode)
    session.ask_passwords = not screenshot  # a picture taken unattended: no dialog to wait on
    if screenshot:
        window.resize(*SCREENSHOT_SIZE)
    else:
        window.resize(*_first_size(app))
        window.restore()
    window.show()
    if old is None and new is None:
        old, new = sample_pair()
    session.open_pair(old, new)
    status = {"code": 0}
    if screenshot:
        def save(code: int) -> None:
            window.grab().save(screenshot, "PNG")
            status["code"] = code
            app.exit(code)

        def on_shown() -> None:
            # show a change worth seeing: the first commitment that moved, else the first change
            if window.mode is Mode.COMPARE and session.comparison is not None:
                changes = session.comparison.changes
                worth = [i for i in window.changes.visible_changes() if changes[i].commitment is not None]
                if not (worth and window.changes.select_change(worth[0])):
                    window.changes.step(1)
            else:
                window.align_view.step_flag(1)
            QTimer.singleShot(SCREENSHOT_SETTLE_MS, lambda: save(0))

        session.shown.connect(on_shown)
        session.failed.connect(lambda: QTimer.singleShot(SCREENSHOT_SETTLE_MS, lambda: save(2)))
        if not (old and new):  # nothing to compare: the window asks for the second file
            QTimer.singleShot(SCREENSHOT_SETTLE_MS, lambda: save(2))
        QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, lambda: save(2))
    code = app.exec()
    session.runner.wait()
    del translators
    return code if not screenshot else status["code"]
