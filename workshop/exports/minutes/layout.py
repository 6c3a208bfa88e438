"""Page geometry, colours and paragraph styles of the minutes."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm

from workshop.exports.pdf_fonts import FONT, FONT_BOLD, FONT_ITALIC

NBSP = "\u00a0"
PAGE = A4
MARGIN = 2 * cm
BODY_WIDTH = PAGE[0] - 2 * MARGIN

INK = colors.HexColor("#1F1F1F")
MUTED = colors.HexColor("#5F5F5F")
RULE = colors.HexColor("#B9BEC7")
HEADER_BG = colors.HexColor("#E4E8EF")
GROUP_BG = colors.HexColor("#F3F4F7")
QUOTE_BG = colors.HexColor("#F5F5F0")
ADDED_BG = colors.HexColor("#DDF0DD")
DELETED = colors.HexColor("#A33A3A")


def styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle(
        "body",
        fontName=FONT,
        bulletFontName=FONT,
        fontSize=9.5,
        leading=12.8,
        textColor=INK,
        spaceAfter=4,
    )
    s = {"body": base}
    s["small"] = ParagraphStyle("small", base, fontSize=8, leading=10.5, textColor=MUTED)
    s["cell"] = ParagraphStyle("cell", base, fontSize=8.4, leading=10.6, spaceAfter=0)
    s["cellbold"] = ParagraphStyle("cellbold", s["cell"], fontName=FONT_BOLD)
    s["cellhead"] = ParagraphStyle("cellhead", s["cell"], fontName=FONT_BOLD, fontSize=8)
    s["cellitalic"] = ParagraphStyle("cellitalic", s["cell"], fontName=FONT_ITALIC)
    for name in ("cell", "cellbold", "cellhead"):
        s[name + "num"] = ParagraphStyle(name + "num", s[name], alignment=TA_CENTER)
    s["cover_kicker"] = ParagraphStyle(
        "cover_kicker", base, fontName=FONT_BOLD, fontSize=13, leading=16, textColor=MUTED
    )
    s["cover_title"] = ParagraphStyle(
        "cover_title", base, fontName=FONT_BOLD, fontSize=22, leading=28, spaceAfter=10
    )
    s["cover_org"] = ParagraphStyle("cover_org", base, fontSize=14, leading=18, spaceAfter=18)
    s["h1"] = ParagraphStyle(
        "h1",
        base,
        fontName=FONT_BOLD,
        fontSize=15,
        leading=19,
        spaceBefore=6,
        spaceAfter=8,
        keepWithNext=1,
    )
    s["h2"] = ParagraphStyle(
        "h2",
        base,
        fontName=FONT_BOLD,
        fontSize=11.5,
        leading=14.5,
        spaceBefore=10,
        spaceAfter=3,
        keepWithNext=1,
    )
    s["h3"] = ParagraphStyle(
        "h3",
        base,
        fontName=FONT_BOLD,
        fontSize=9.5,
        leading=12.5,
        spaceBefore=6,
        spaceAfter=2,
        keepWithNext=1,
    )
    s["meta"] = ParagraphStyle("meta", base, fontSize=8.4, leading=11, textColor=MUTED)
    s["quote"] = ParagraphStyle(
        "quote",
        base,
        leftIndent=6,
        rightIndent=6,
        backColor=QUOTE_BG,
        # top, right, bottom, left: reportlab normalises a tuple (normalizeTRBL), the stubs
        # only know a float
        borderPadding=(4, 5, 5, 5),  # type: ignore[arg-type]
        spaceBefore=3,
        spaceAfter=8,
    )
    s["bullet"] = ParagraphStyle("bullet", base, leftIndent=12, bulletIndent=2, spaceAfter=2)
    s["box"] = ParagraphStyle(
        "box",
        base,
        fontName=FONT_ITALIC,
        borderColor=RULE,
        borderWidth=0.8,
        borderPadding=6,
        spaceBefore=4,
        spaceAfter=10,
    )
    s["caption"] = ParagraphStyle(
        "caption", base, fontSize=8, leading=10.5, textColor=MUTED, alignment=TA_CENTER
    )
    return s
