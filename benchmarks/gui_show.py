"""Time for the window to show a finished comparison (offscreen): from the result to the panes,
change list and summary filled and the event queue drained, with the app's own MainWindow.

    .venv/bin/python -m benchmarks.gui_show OLD NEW    (prints the seconds as JSON)
"""

from __future__ import annotations

import json
import os
import sys
import time


def measure(old_path: str, new_path: str) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from compare.versions.engine import compare_documents
    from desktop.loading import load_pair
    from desktop.main_window import MainWindow
    from desktop.settings import Settings

    old, new = load_pair(old_path, new_path)
    comparison = compare_documents(old, new)
    app = QApplication.instance() or QApplication([])
    window = MainWindow(Settings())
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    start = time.perf_counter()
    window.show_comparison(comparison)
    app.processEvents()
    seconds = time.perf_counter() - start
    blocks = window.panes.old.block_count() + window.panes.new.block_count()
    window.close()
    return {"seconds": round(seconds, 3), "pairs": len(comparison.changes), "pane_blocks": blocks}


if __name__ == "__main__":
    sys.stdout.write(json.dumps(measure(sys.argv[1], sys.argv[2])) + "\n")
