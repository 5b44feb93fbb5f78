"""What the window remembers between sessions (QSettings): geometry, recent files, last folders,
interface language, text zoom. Tests point QSettings at a temporary folder (see tests)."""

from __future__ import annotations

import os

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "Accord"
APPLICATION = "Accord"
# Enough recent files to find last week's drafts, few enough for a menu.
MAX_RECENT = 8
LANGUAGES = ("system", "en", "fr")


class Settings:
    """Typed accessors over QSettings; nothing else in the app reads QSettings keys."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store or QSettings(ORGANIZATION, APPLICATION)

    def sync(self) -> None:
        self._store.sync()

    # recent files and folders
    def recent_files(self) -> list[str]:
        value = self._store.value("files/recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or []) if v]

    def add_recent_file(self, path: str) -> None:
        path = os.path.abspath(path)
        files = [path] + [f for f in self.recent_files() if f != path]
        self._store.setValue("files/recent", files[:MAX_RECENT])
        self._store.setValue("files/last_folder", os.path.dirname(path))

    def clear_recent_files(self) -> None:
        self._store.setValue("files/recent", [])

    def last_folder(self, kind: str = "open") -> str:
        key = "files/last_folder" if kind == "open" else f"files/last_{kind}_folder"
        return str(self._store.value(key, "") or "")

    def set_last_folder(self, kind: str, folder: str) -> None:
        self._store.setValue(f"files/last_{kind}_folder", folder)

    # window
    def geometry(self) -> QByteArray | None:
        value = self._store.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def state(self) -> QByteArray | None:
        value = self._store.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self._store.setValue("window/geometry", geometry)
        self._store.setValue("window/state", state)

    def zoom(self) -> int:
        try:
            return int(self._store.value("view/zoom", 0))
        except (TypeError, ValueError):
            return 0

    def set_zoom(self, steps: int) -> None:
        self._store.setValue("view/zoom", steps)

    # interface language: "system", "en" or "fr"; applies at the next start
    def language(self) -> str:
        value = str(self._store.value("ui/language", "system"))
        return value if value in LANGUAGES else "system"

    def set_language(self, language: str) -> None:
        self._store.setValue("ui/language", language if language in LANGUAGES else "system")

    # comparison options (CompareOptions field name -> on/off); unknown names are ignored by the
    # caller, so a setting saved by a later version never breaks an earlier one
    def compare_option(self, name: str) -> bool:
        value = self._store.value(f"compare/{name}", False)
        return value is True or str(value).lower() == "true"

    def set_compare_option(self, name: str, on: bool) -> None:
        self._store.setValue(f"compare/{name}", bool(on))

    # the author of the tracked changes in an exported redline
    def author(self) -> str:
        value = str(self._store.value("redline/author", "") or "").strip()
        return value or default_author()

    def set_author(self, author: str) -> None:
        self._store.setValue("redline/author", " ".join(author.split()))


def default_author() -> str:
    """The login name, as Word would use it before the user sets a name; 'Accord' if none."""
    return (os.environ.get("USER") or os.environ.get("USERNAME") or "Accord").strip() or "Accord"
