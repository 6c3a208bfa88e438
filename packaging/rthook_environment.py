"""PyInstaller runtime hook: give child processes the user's environment back.

On Linux the bootloader points LD_LIBRARY_PATH at the bundle so this process finds its
libraries (the loader reads it once, at start). Programs the app starts (xdg-open for a
link or an exported file, the PDF viewer, LibreOffice) must not load our copies of GLib or
libstdc++: restore the original value, which the bootloader saved.
"""

import os
import sys

if sys.platform.startswith("linux"):
    original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
    if original is not None:
        os.environ["LD_LIBRARY_PATH"] = original
    else:
        os.environ.pop("LD_LIBRARY_PATH", None)
