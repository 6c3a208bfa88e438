"""`python -m ui` is the same as `charter-workshop` (console included)."""

import sys

from ui.launcher import main

sys.exit(main())
