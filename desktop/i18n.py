"""Interface language: load resources/translations/accord_<lang>.qm (compiled from the .ts
sources with pyside6-lrelease and committed, so nothing is needed at run time)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

import resources

AVAILABLE = ("en", "fr")


def ui_language(setting: str, locale: QLocale | None = None) -> str:
    """The language to use: the setting, or the system's if we have it, else English."""
    if setting in AVAILABLE:
        return setting
    name = (locale or QLocale.system()).name().split("_")[0]
    return name if name in AVAILABLE else "en"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install Accord's and Qt's own translations (standard dialogs) for `language`.
    Returns the translators, which must stay alive as long as the application."""
    installed: list[QTranslator] = []
    if language == "en":
        return installed
    ours = QTranslator(app)
    if ours.load(str(resources.path("translations", f"accord_{language}.qm"))):
        app.installTranslator(ours)
        installed.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed
