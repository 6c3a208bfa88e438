"""Keep the laptop awake while a vote is open: a sleeping laptop drops every phone.

The platforms' own calls, no dependency: Windows ``SetThreadExecutionState`` (through
ctypes, for the calling thread: enter and leave from the same thread), macOS ``caffeinate
-i -w PID``, Linux ``systemd-inhibit`` around a child that waits. Best effort: where none
is available the vote goes on, and ``active`` says so.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys

_ES_CONTINUOUS = 0x80000000
_ES_SYSTEM_REQUIRED = 0x00000001


class KeepAwake:
    """A context manager (or ``start``/``stop``) holding off idle sleep."""

    def __init__(self, why: str = "Vote en cours / Vote in progress") -> None:
        self.why = why
        self._child: subprocess.Popen[bytes] | None = None
        self._windows = False

    @property
    def active(self) -> bool:
        return self._windows or (self._child is not None and self._child.poll() is None)

    def start(self) -> bool:
        """Ask the system not to sleep; whether it agreed."""
        if self.active:
            return True
        if sys.platform == "win32":
            import ctypes

            kernel = getattr(ctypes, "windll", None)
            if kernel is not None:
                flags = _ES_CONTINUOUS | _ES_SYSTEM_REQUIRED
                self._windows = bool(kernel.kernel32.SetThreadExecutionState(flags))
            return self._windows
        command = self._command()
        if command is None:
            return False
        try:
            self._child = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except OSError:
            self._child = None
        return self.active

    def _command(self) -> list[str] | None:
        if sys.platform == "darwin" and shutil.which("caffeinate"):
            return ["caffeinate", "-i", "-w", str(os.getpid())]
        inhibit = shutil.which("systemd-inhibit")
        if inhibit and os.path.isdir("/run/systemd/system"):
            return [
                inhibit,
                "--what=idle:sleep",
                "--who=Charter Workshop",
                f"--why={self.why}",
                "--mode=block",
                "sleep",
                "infinity",
            ]
        return None

    def stop(self) -> None:
        """Let the system sleep again."""
        if self._windows:
            import ctypes

            with contextlib.suppress(Exception):
                ctypes.windll.kernel32.SetThreadExecutionState(_ES_CONTINUOUS)  # type: ignore[attr-defined]
            self._windows = False
        child, self._child = self._child, None
        if child is not None and child.poll() is None:
            child.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                child.wait(2)

    def __enter__(self) -> KeepAwake:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
