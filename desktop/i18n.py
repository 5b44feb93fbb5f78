"""Interface language: load resources/translations/accord_<lang>.qm (compiled from the .ts
sources with pyside6-lrelease and committed, so nothing is needed at run time). The window's
language (`window_language`) is what the installed translation says it is; the engine's reasons
are shown in it (`shown_reasons`)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

import resources
from compare.reasons import localize

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


def window_language() -> str:
    """The language the window is shown in ('en', 'fr'): each .ts file translates the marker "en"
    into its own code, so views follow the translators installed (tests install and remove them)."""
    code = QCoreApplication.translate("Language", "en", "the language code of this translation: fr, es…")
    return code if code in AVAILABLE else "en"


def shown_reasons(reasons: Sequence[str]) -> list[str]:
    """The engine's reasons in the window's language (compare.reasons; one no template translates
    stays in English)."""
    language = window_language()
    return [localize(r, language) for r in reasons]
