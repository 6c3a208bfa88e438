"""The CSE consultation pack: the next legal step after the workshop, as a Word document.

An information note for the CSE (what is submitted, why the CSE is informed or consulted),
the timetable (consultation, opinion, filing with the conseil de prud'hommes, publicity,
sending to the labour inspector, entry into force one month later) and the filing
checklist, adapted to the charter's status (guide or addition to the règlement intérieur)
and to the size band; then the legal notes that apply. Dates and places the workshop
cannot know are highlighted placeholders, never stated as done.

``content`` decides what is said (plain data, tested directly); ``document`` lays it out
with the charter's builder and template and writes the file atomically.
"""

from workshop.exports.cse_pack.content import Pack, pack
from workshop.exports.cse_pack.document import (
    build_cse_pack,
    highlight_placeholders,
    write_cse_pack,
)

__all__ = ["Pack", "build_cse_pack", "highlight_placeholders", "pack", "write_cse_pack"]
