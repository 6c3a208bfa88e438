"""The start-up child: ``python -m bench.child app FILE`` or ``python -m bench.child bare``.

Run under ``QT_QPA_PLATFORM=offscreen``. ``app`` starts the facilitator console exactly as
``charter-workshop gui FILE`` does (``ui.app.main``, which opens the file before entering the
event loop); ``bare`` shows an empty 1280×800 ``QMainWindow``, the floor. When the main
window has received its first paint event, a zero-delay timer fires after the paint
cycle has finished and the child prints one line,
``PAINTED <time.monotonic()> <ru_maxrss in KiB>``, then quits. The parent took
``time.monotonic()`` just before ``subprocess.Popen`` (CLOCK_MONOTONIC is system-wide on
Linux, so both clocks agree).

Only the standard library is imported before Qt, so the child costs nothing the app
does not.
"""

from __future__ import annotations

import resource
import sys
import time


def _watch(app, window) -> None:  # noqa: ANN001 - QApplication, QMainWindow
    """Report once ``window`` has been painted, after the paint cycle completes."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class Watcher(QObject):
        done = False

        def eventFilter(self, watched, event):  # noqa: N802, ANN001, ANN202 (Qt API)
            if not self.done and event.type() == QEvent.Type.Paint:
                self.done = True
                QTimer.singleShot(0, report)
            return False

    def report() -> None:
        now = time.monotonic()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"PAINTED {now:.6f} {rss}", flush=True)
        app.quit()

    watcher = Watcher(window)
    window.installEventFilter(watcher)
    window._bench_watcher = watcher  # keep a Python reference


def bare() -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)
    _watch(app, window)
    window.show()
    return app.exec()


def console(path: str) -> int:
    from PySide6.QtWidgets import QApplication

    import ui.app

    app = QApplication(sys.argv[:1])  # ui.app.main reuses it, as with a QApplication it finds
    real = ui.app.MainWindow

    def watched_window(controller):  # noqa: ANN001, ANN202
        window = real(controller)
        _watch(app, window)
        return window

    ui.app.MainWindow = watched_window  # observe the console's own window, change nothing else
    return ui.app.main(path)


if __name__ == "__main__":
    kind = sys.argv[1]
    sys.exit(bare() if kind == "bare" else console(sys.argv[2]))
