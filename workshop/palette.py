"""The colour-blind-safe palette of the app, without Qt: one place the screen, the projector,
the PDF figure and the operations that give a new college its colour all read.

Okabe & Ito (2008), distinguishable with the common colour-vision deficiencies. Its yellow
(#F0E442) is too weak on white for text or thin marks: new colleges take it last, and the
projected slides keep it for fills on dark themes only.
"""

from __future__ import annotations

OKABE_ITO: dict[str, str] = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
}

#: The order in which new colleges take the palette's colours: the yellow last.
COLLEGE_COLOURS: tuple[str, ...] = tuple(
    OKABE_ITO[name]
    for name in (
        "orange",
        "sky_blue",
        "bluish_green",
        "blue",
        "vermillion",
        "reddish_purple",
        "black",
        "yellow",
    )
)
