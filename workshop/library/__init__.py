"""The clause library: the themes of a charter and the clause variants a workshop picks from.

A library is a TOML file; its format is documented in the comment block at the top of
``resources/clauses/fr.toml``. The app ships a French and an English library; a facilitator
may load an extension file that adds clauses or replaces some.

The people who edit these files are lawyers, HR and communication staff, not programmers,
so every problem in a file is reported as one ``LibraryError`` line, in French and in
English, naming the file and the entry (theme, clause, variant, field), never as a
traceback. Unknown fields are refused rather than ignored, so that a typo such as
``justifcation`` cannot silently drop the justification a control-leaning variant needs
(Code du travail, art. L1121-1).
"""

from workshop.library.builtin import builtin_library
from workshop.library.extension import extend
from workshop.library.model import (
    COORDINATE_MAX,
    COORDINATE_MIN,
    FLAGS,
    FORMAT_VERSION,
    LANGUAGES,
    Clause,
    Library,
    Theme,
    Variant,
)
from workshop.library.parsing import load_library, parse_library
from workshop.library.validate import validate_file

__all__ = [
    "COORDINATE_MAX",
    "COORDINATE_MIN",
    "FLAGS",
    "FORMAT_VERSION",
    "LANGUAGES",
    "Clause",
    "Library",
    "Theme",
    "Variant",
    "builtin_library",
    "extend",
    "load_library",
    "parse_library",
    "validate_file",
]
