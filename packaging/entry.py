"""The frozen program's entry point: the same as the `charter-workshop` script."""

import os
import sys

# A windowed program on Windows has no console: sys.stdout and sys.stderr are None, and a
# one-line error would then raise instead of being shown. Send them to nowhere instead.
for _name in ("stdout", "stderr"):
    if getattr(sys, _name) is None:
        setattr(sys, _name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115

from ui.launcher import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
