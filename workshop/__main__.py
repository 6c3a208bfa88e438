"""`python -m workshop` is the same as `charter-workshop`."""

import sys

from workshop.cli import main

sys.exit(main())
