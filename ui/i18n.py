"""Qt translations: our .qm files and Qt's own (qtbase_fr), switchable while running.

Translators are kept as module attributes: a QTranslator without a Python reference is
garbage-collected and the UI silently falls back to English.
"""

from __future__ import annotations

from importlib.resources import files

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from workshop.i18n import set_language

_translators: list[QTranslator] = []
_language = "fr"


def system_language() -> str:
    """'en' for an English system locale, else French (French first)."""
    return "en" if QLocale.system().name().lower().startswith("en") else "fr"


def current() -> str:
    """The UI language: 'fr' or 'en'."""
    return _language


def install(lang: str) -> None:
    """Install the translators for ``lang``; widgets then get a LanguageChange event."""
    global _language
    app = QCoreApplication.instance()
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    _language = "en" if lang == "en" else "fr"
    set_language(_language)  # domain messages follow the UI
    if _language == "fr":
        ours = QTranslator()
        qm = files("resources") / "i18n" / "charter_fr.qm"
        if qm.is_file() and ours.load(str(qm)):
            _translators.append(ours)
        qt = QTranslator()
        if qt.load("qtbase_fr", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            _translators.append(qt)
    for translator in _translators:
        app.installTranslator(translator)
    # Qt posts LanguageChange later, and not at all when only removing translators; send it
    # now, so texts built from the domain's labels (which follow the language) are redone
    # in the same turn.
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))
