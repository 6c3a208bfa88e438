"""The start-up child: ``python -m bench.child app FILE`` or ``python -m bench.child bare``.

Run under ``QT_QPA_PLATFORM=offscreen``. ``app`` starts the facilitator console exactly as
``charter-workshop gui FILE`` does (``ui.app.main``); ``bare`` shows an empty 1280×800
``QMainWindow``, the floor. When the main window has received its first paint event, a
zero-delay timer fires after the paint cycle has finished and the child prints one line,
``PAINTED <time.monotonic()> <ru_maxrss in KiB> <modules>``. The console paints its frame
before it reads the file (``ui.app``), so ``app`` goes on until the step page showing the
workshop has been painted too and then prints ``LOADED`` with the same fields, and
``MODULES`` with the heavy libraries imported by then (none is expected: the exports'
libraries load when an export starts). The parent took ``time.monotonic()`` just before
``subprocess.Popen`` (CLOCK_MONOTONIC is system-wide on Linux, so both clocks agree).

Only the standard library is imported before Qt, so the child costs nothing the app
does not.
"""

from __future__ import annotations

import resource
import sys
import time

#: Libraries the console must not import at start-up (exports load them on demand).
HEAVY = ("reportlab", "docx", "lxml", "workshop.exports.charter", "workshop.exports.minutes")


def _stamp(kind: str) -> None:
    now = time.monotonic()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"{kind} {now:.6f} {rss} {len(sys.modules)}", flush=True)


def _on_first_paint(widget, then) -> None:  # noqa: ANN001 - QWidget, callable
    """Call ``then`` once ``widget`` has received its first paint event, after that paint
    cycle has finished."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class Watcher(QObject):
        done = False

        def eventFilter(self, watched, event):  # noqa: N802, ANN001, ANN202 (Qt API)
            if not self.done and event.type() == QEvent.Type.Paint:
                self.done = True
                QTimer.singleShot(0, then)
            return False

    watcher = Watcher(widget)
    widget.installEventFilter(watcher)
    widget._bench_watcher = watcher  # keep a Python reference


def bare() -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)

    def painted() -> None:
        _stamp("PAINTED")
        app.quit()

    _on_first_paint(window, painted)
    window.show()
    return app.exec()


def console(path: str) -> int:
    from PySide6.QtWidgets import QApplication

    import ui.app

    app = QApplication(sys.argv[:1])  # ui.app.main reuses it, as with a QApplication it finds
    real = ui.app.MainWindow

    def loaded() -> None:
        _stamp("LOADED")
        heavy = [name for name in HEAVY if name in sys.modules]
        print("MODULES " + (",".join(heavy) or "-"), flush=True)
        app.quit()

    def watched_window(controller, **kwargs):  # noqa: ANN001, ANN003, ANN202
        window = real(controller, **kwargs)
        _on_first_paint(window, lambda: _stamp("PAINTED"))

        def page_shown(_index: int) -> None:
            page = window.stack.currentWidget()
            if page is not window.loading and getattr(page, "step", ""):
                window.stack.currentChanged.disconnect(page_shown)
                _on_first_paint(page, loaded)

        window.stack.currentChanged.connect(page_shown)
        return window

    ui.app.MainWindow = watched_window  # observe the console's own window, change nothing else
    return ui.app.main(path)


if __name__ == "__main__":
    kind = sys.argv[1]
    sys.exit(bare() if kind == "bare" else console(sys.argv[2]))
