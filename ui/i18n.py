"""Qt translations: our .qm files and Qt's own (qtbase_fr), switchable while running.

Translators are kept as module attributes: a QTranslator without a Python reference is
garbage-collected and the UI silently falls back to English.
"""

from __future__ import annotations

from importlib.resources import as_file, files

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from workshop.i18n import set_language

_translators: list[QTranslator] = []
_language = "fr"


class QtMnemonicFallback(QTranslator):
    """Qt's own texts that gained a mnemonic after Qt's French catalogue was made.

    Qt 6's non-native file dialog asks for « &Look in: » and « Files of &type: », but
    qtbase_fr.qm only has « Look in: » and « Files of type: »: without this, those labels
    stay English in a French dialog. Installed before the other translators, so it is
    asked last, only for Qt's texts (contexts « Q… ») that nobody translated: it looks the
    text up without its « & » and puts the mnemonic back on the same letter.
    """

    def __init__(self, qt: QTranslator) -> None:
        super().__init__()
        self._qt = qt

    def isEmpty(self) -> bool:  # noqa: N802 (Qt API)
        return False

    def translate(  # noqa: D102 (Qt API)
        self,
        context: str,
        source: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        # None, not "": Qt takes an empty (non-null) string as a translation.
        if not context or not context.startswith("Q") or "&" not in source.replace("&&", ""):
            return None
        bare = source.replace("&&", "\0").replace("&", "").replace("\0", "&&")
        text = self._qt.translate(context, bare, disambiguation, n)
        if not text:
            return None
        return with_mnemonic(text, _mnemonic_letter(source))


def _mnemonic_letter(text: str) -> str:
    at = text.replace("&&", "\0\0").find("&")
    return text[at + 1] if 0 <= at < len(text) - 1 else ""


def with_mnemonic(text: str, letter: str) -> str:
    """``text`` with « & » before ``letter`` (or its first letter when it has none)."""
    lowered = text.lower()
    at = lowered.find(letter.lower()) if letter else -1
    if at < 0:
        at = next((i for i, ch in enumerate(text) if ch.isalnum()), -1)
    return text if at < 0 else text[:at] + "&" + text[at:]


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
        if qm.is_file():
            with as_file(qm) as path:  # the file itself from source and frozen alike
                if ours.load(str(path)):
                    _translators.append(ours)
        qt = QTranslator()
        if qt.load("qtbase_fr", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            _translators.insert(0, QtMnemonicFallback(qt))  # installed first: asked last
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
