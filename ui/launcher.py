"""The program's entry point: the console for ``gui``/``run``, the domain's CLI for the rest.

The UI imports the domain, never the reverse: ``workshop.cli`` runs every command and calls
back here only to open the console, and Qt is imported only then (a CLI export loads no Qt).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from workshop import cli


def start_console(path: str | None, demo: bool = False) -> int:
    """Open the facilitator console (Qt is imported here, on demand)."""
    from ui.app import main as console_main

    return console_main(path, demo=demo)


def main(argv: Sequence[str] | None = None) -> int:
    """``charter-workshop …`` and ``python -m ui …``."""
    return cli.main(argv, start_gui=start_console)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
