"""What every section reads: the snapshot, language, styles, and each round's figures."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from functools import cached_property

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from workshop import results
from workshop.errors import WorkshopError
from workshop.exports.common import ExportOptions
from workshop.exports.minutes.layout import NBSP, RecordParagraph
from workshop.exports.pdf_fonts import FONT, markup, normalise
from workshop.model import label
from workshop.references import article_numbers, reference
from workshop.snapshot import Ballot, Clause, Participant, Snapshot
from workshop.typography import for_export, superscript_ordinals


def _raised(number: str, letters: str) -> str:
    return f"{number}<super>{letters}</super>"


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
    """A length of time in whole minutes: « 2 h 30 », « 37 min »; "2 h 30 min" in English."""
    n = round(n)
    if n >= 60:
        h, m = divmod(n, 60)
        text = f"{h}{NBSP}h{NBSP}{m:02d}"
        return text + f"{NBSP}min" if lang == "en" else text
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
    _made: dict[tuple[object, str], str] = field(default_factory=dict, repr=False)

    @property
    def en(self) -> bool:
        return self.lang == "en"

    def tr(self, fr: str, en: str) -> str:
        return en if self.en else fr

    def scrub(self, text: object) -> str:
        """Free text, normalised (names were filtered in the snapshot: ``names``)."""
        return normalise(text)

    def typeset(self, text: object) -> str:
        """Plain text with the document's typography (``workshop.typography``): French
        spacing in French, real minus signs; what is stored is not changed."""
        return for_export(self.scrub(text), self.lang)

    def raise_ordinals(self, made: str) -> str:
        """Markup with « 1er » set as 1<super>er</super> (French only)."""
        return made if self.en or "1" not in made else superscript_ordinals(made, _raised)

    def t(self, text: object, face: str = FONT) -> str:
        """Text as Paragraph markup: names filtered, typeset, « 1er » raised in French.

        Memoised per export: the same few hundred texts (colleges, choices, labels) come
        back tens of thousands of times in a large workshop's minutes."""
        key = (text, face)
        try:
            return self._made[key]
        except KeyError:
            made = self._made[key] = self.raise_ordinals(markup(self.typeset(text), face))
            return made
        except TypeError:  # not hashable: made each time
            return self.raise_ordinals(markup(self.typeset(text), face))

    def p(self, text: str, style: str = "body") -> Paragraph:
        """A Paragraph from markup already made safe."""
        return RecordParagraph(text, self.styles[style])

    def name(self, participant: Participant | None) -> str:
        if participant is None:
            return "—"
        return participant.shown_name(self.options.anonymize)

    @cached_property
    def articles(self) -> dict[int, int]:
        """Clause id → its article number in the draft charter (adopted clauses only)."""
        return article_numbers(self.snap)

    def clause_name(self, clause: Clause) -> str:
        """« C7 — Titre »: a clause named by its stable reference, never by a position."""
        return f"{reference(clause)} — {self.scrub(clause.title)}"

    def article(self, clause: Clause) -> str | None:
        """« article 3 de la charte » for an adopted clause; None otherwise."""
        n = self.articles.get(clause.id)
        if n is None:
            return None
        return self.tr(f"article {n} de la charte", f"charter article {n}")

    def college_name(self, college_id: int | None) -> str:
        college = self.snap.college(college_id)
        return self.scrub(college.name) if college else "—"
