"""`python -m workshop`: the command line without the console (`charter-workshop` has both)."""

import sys

from workshop.cli import main

sys.exit(main())
