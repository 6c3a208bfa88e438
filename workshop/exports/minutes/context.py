"""What every section reads: the snapshot, language, styles, and each round's figures."""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from workshop import results
from workshop.errors import WorkshopError
from workshop.exports.common import ExportOptions
from workshop.exports.minutes.layout import NBSP
from workshop.exports.pdf_fonts import FONT, markup, normalise
from workshop.model import label
from workshop.snapshot import Ballot, Participant, Snapshot

# A space before French high punctuation or a closing guillemet must not break the line.
_FRENCH_SPACES = re.compile(r"[ \u202f]([:;!?»])")


# -- a round's result: read from workshop.results, never recomputed here ------------------
#: The minutes print what ``results.round_result`` decides (the result view and the slide do too).
RoundFigures = results.RoundResult


def round_figures(ballot: Ballot, colleges: Iterable[int] = ()) -> RoundFigures | None:
    """The result of a closed round; None while it is open or if its record is inconsistent."""
    if ballot.is_open:
        return None
    try:
        return results.round_result(ballot, colleges)
    except (WorkshopError, ValueError, KeyError):
        return None


def decimal(value: float, lang: str) -> str:
    """One decimal always (« 7,0 »), as the tables align on it."""
    text = f"{value:.1f}"
    return text if lang == "en" else text.replace(".", ",")


def duration(n: float, lang: str) -> str:
    n = round(n)
    if n >= 60:
        h, m = divmod(n, 60)
        return f"{h}{NBSP}h{NBSP}{m:02d}"
    return f"{n}{NBSP}min"


def enum_label(enum_cls: type, value: str | None, lang: str) -> str:
    """Label of a stored enumeration value; the raw value when it is unknown."""
    try:
        return label(enum_cls(value), lang)
    except ValueError:
        return value or "—"


def explain(ctx: Context, figures: RoundFigures) -> str:
    """The round's sentence, with the colleges left out and the chair named as printed."""
    # keyed as the result's colleges are: voting takes any hashable college key
    names: dict[Hashable, str] = {c.id: ctx.college_name(c.id) for c in ctx.snap.colleges}
    chair = ctx.snap.participant(figures.settings.chair)
    try:
        return figures.sentence(ctx.lang, names, ctx.name(chair) if chair is not None else "")
    except (WorkshopError, ValueError, KeyError):
        return ""


@dataclass
class Context:
    """What every section needs: the snapshot, the language, styles and the name filter."""

    snap: Snapshot
    options: ExportOptions
    lang: str
    styles: dict[str, ParagraphStyle] = field(default_factory=dict)

    @property
    def en(self) -> bool:
        return self.lang == "en"

    def tr(self, fr: str, en: str) -> str:
        return en if self.en else fr

    def scrub(self, text: object) -> str:
        """Free text, normalised (names were filtered in the snapshot: ``names``)."""
        return normalise(text)

    def t(self, text: object, face: str = FONT) -> str:
        """User text as Paragraph markup, names filtered, French spacing kept unbreakable."""
        s = self.scrub(text)
        if not self.en:
            s = _FRENCH_SPACES.sub(lambda m: NBSP + m.group(1), s).replace("« ", "«" + NBSP)
        return markup(s, face)

    def p(self, text: str, style: str = "body") -> Paragraph:
        """A Paragraph from markup already made safe."""
        return Paragraph(text, self.styles[style])

    def name(self, participant: Participant | None) -> str:
        if participant is None:
            return "—"
        return participant.shown_name(self.options.anonymize)

    def college_name(self, college_id: int | None) -> str:
        college = self.snap.college(college_id)
        return self.scrub(college.name) if college else "—"
