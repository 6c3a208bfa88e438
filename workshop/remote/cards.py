"""Printable card sheets for phone voting (issue 15): personal links and drawn codes, A4 PDF.

Two sheets, both cut along the printed marks (a 2-column grid, no gutter, so one cut
separates two cards):

- **Personal-link cards**, one per participant, handed out in person: the QR code of the
  person's link (``/j/<token>``), their name in large text and the link itself, written out
  for a phone without a QR scanner. Nothing else: never the college (it can reveal union
  membership, GDPR art. 9), never the function. The name printed follows the exports' rule
  (:meth:`Participant.shown_name`): the pseudonym for someone who refused to be named, and
  for everyone on a pseudonymised sheet.
- **Drawn-code cards**, one page or more per college, put in that college's envelope and
  drawn at the door: the college, the code, the room's address and its QR code. Never a
  person's name: who draws which card is nobody's knowledge, not even the laptop's.

Tokens and codes are secrets: they are passed in memory (as ``issue_links`` and
``issue_codes`` return them), drawn on the page, never logged. QR codes are made with
``segno`` (pure Python, BSD) and drawn as vector squares, so they stay sharp at any
printer resolution; the text is real text (DejaVu Sans, embedded), so a PDF reader can
search and copy it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import segno
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from workshop.errors import WorkshopError
from workshop.exports.pdf_fonts import FONT, FONT_BOLD, markup, plain, register_fonts
from workshop.read_model import Participant
from workshop.session import Session

#: Bounds on what a sheet accepts (a workshop has at most a few hundred people).
MAX_CARDS = 2000
MAX_URL = 200
_URL = re.compile(r"https?://[A-Za-z0-9.\[\]:-]+(?::\d{1,5})?/[A-Za-z0-9/_-]*")
_CODE = re.compile(r"[0-9A-Z]{4}(?:-[0-9A-Z]{4}){2}")

#: The grid: card size, columns and rows per A4 page, cut marks in the margins.
_LINK_GRID = (90 * mm, 62 * mm, 2, 4)
_CODE_GRID = (90 * mm, 50 * mm, 2, 5)
_MARK_GAP, _MARK_LEN = 3 * mm, 7 * mm
_PAD = 5 * mm
_GREY = (0.35, 0.35, 0.35)

_WORDS = {
    "fr": {
        "links_header": "Liens personnels de vote — à remettre en main propre, un par personne",
        "scan": "Scannez avec l’appareil photo du téléphone, ou tapez l’adresse :",
        "keep": "Personnel : ne le prêtez pas.",
        "codes_header": "Cartes de vote secret — collège {college} — {n} cartes, à tirer au sort",
        "college": "Collège {college}",
        "how": "Ouvrez {url} sur votre téléphone (ou scannez) et tapez ce code. "
        "Gardez-le secret : il vaut un vote par tour.",
        "page": "page {page}",
        "links_title": "Liens personnels de vote",
        "codes_title": "Cartes de vote secret",
    },
    "en": {
        "links_header": "Personal voting links — hand each one to its person",
        "scan": "Scan with the phone's camera, or type the address:",
        "keep": "Personal: do not lend it.",
        "codes_header": "Secret ballot cards — college {college} — {n} cards, to be drawn",
        "college": "College {college}",
        "how": "Open {url} on your phone (or scan) and type this code. "
        "Keep it secret: it is worth one vote per round.",
        "page": "page {page}",
        "links_title": "Personal voting links",
        "codes_title": "Secret ballot cards",
    },
}


@dataclass(frozen=True)
class LinkCard:
    """One personal-link card: the name as printed and the person's join URL."""

    name: str
    url: str


def link_cards(
    participants: Iterable[Participant],
    tokens: Mapping[int, str],
    join_url: Callable[[str], str],
    *,
    pseudonymise: bool = False,
) -> list[LinkCard]:
    """The cards for the participants who have a fresh token, in the roster's order.

    ``join_url`` is the server's (``PhoneServer.join_url``) so the card carries the address
    the phones will actually reach.
    """
    people = sorted(participants, key=lambda p: (p.position, p.id))
    return [
        LinkCard(p.shown_name(pseudonymise), join_url(tokens[p.id]))
        for p in people
        if p.id in tokens
    ]


def qr_payload(url: str) -> str:
    """What the QR code of a card encodes: exactly the link, nothing added."""
    return url


def _check_url(url: str) -> str:
    if len(url) > MAX_URL or not _URL.fullmatch(url):
        raise WorkshopError(
            f"Adresse refusée pour une carte : {url[:60]!r}.",
            f"Address refused for a card: {url[:60]!r}.",
        )
    return url


def _check_count(n: int) -> None:
    if n == 0:
        raise WorkshopError("Aucune carte à imprimer.", "No card to print.")
    if n > MAX_CARDS:
        raise WorkshopError(
            f"Trop de cartes ({n} ; au plus {MAX_CARDS}).",
            f"Too many cards ({n}; at most {MAX_CARDS}).",
        )


# -- drawing ----------------------------------------------------------------------------------
def _draw_qr(c: Canvas, data: str, x: float, y: float, size: float) -> None:
    """A QR code as filled squares, lower-left corner at (x, y), quiet zone included."""
    qr = segno.make(qr_payload(data), error="m", micro=False)
    border = 4
    modules = len(qr.matrix) + 2 * border
    unit = size / modules
    path = c.beginPath()
    for row, line in enumerate(qr.matrix):
        col = 0
        while col < len(line):
            if line[col]:
                start = col
                while col < len(line) and line[col]:
                    col += 1
                top = y + size - (row + border) * unit
                path.rect(x + (start + border) * unit, top - unit, (col - start) * unit, unit)
            else:
                col += 1
    c.setFillColorRGB(0, 0, 0)
    c.drawPath(path, stroke=0, fill=1)


def _fitted_size(text: str, font: str, width: float, largest: float, smallest: float) -> float:
    size = largest
    while size > smallest and stringWidth(text, font, size) > width:
        size -= 0.5
    return size


def _line(c: Canvas, text: str, font: str, x: float, y: float, width: float, size: float,
          *, smallest: float = 6, centre: bool = False) -> None:  # fmt: skip
    """One line of text shrunk until it fits ``width``."""
    s = plain(text, font)
    size = _fitted_size(s, font, width, size, smallest)
    c.setFont(font, size)
    if centre:
        c.drawCentredString(x + width / 2, y, s)
    else:
        c.drawString(x, y, s)


def _paragraph(c: Canvas, text: str, font: str, x: float, top: float, width: float,
               height: float, largest: float, smallest: float) -> None:  # fmt: skip
    """A wrapped paragraph, the largest size (down to ``smallest``) that fits the box
    without cutting a word (« Nguyễn » is never split across lines)."""
    words = plain(text, font).split()
    size = largest
    while True:
        style = ParagraphStyle("card", fontName=font, fontSize=size, leading=size * 1.18)
        para = Paragraph(markup(text, font), style)
        _, h = para.wrap(width, height)
        widest = max((stringWidth(word, font, size) for word in words), default=0)
        if (h <= height and widest <= width) or size <= smallest:
            para.drawOn(c, x, top - min(h, height))
            return
        size -= 0.5


def _cut_marks(c: Canvas, x0: float, y0: float, w: float, h: float, cols: int, rows: int) -> None:
    """Short lines in the margins, in line with every cut, so the grid can be guillotined."""
    c.setLineWidth(0.4)
    c.setStrokeColorRGB(0, 0, 0)
    top, right = y0 + rows * h, x0 + cols * w
    for i in range(cols + 1):
        x = x0 + i * w
        c.line(x, top + _MARK_GAP, x, top + _MARK_GAP + _MARK_LEN)
        c.line(x, y0 - _MARK_GAP, x, y0 - _MARK_GAP - _MARK_LEN)
    for j in range(rows + 1):
        y = y0 + j * h
        c.line(x0 - _MARK_GAP - _MARK_LEN, y, x0 - _MARK_GAP, y)
        c.line(right + _MARK_GAP, y, right + _MARK_GAP + _MARK_LEN, y)


def _sheet(
    path: Path,
    grid: tuple[float, float, int, int],
    cards: Sequence[object],
    draw: Callable[[Canvas, object, float, float, float, float], None],
    header: Callable[[object], str],
    *,
    title: str,
    lang: str,
    canvas: Canvas | None = None,
) -> Canvas:
    """Lay ``cards`` out on A4 pages; a new page whenever the grid is full or the header
    (the college) changes."""
    register_fonts()
    w, h, cols, rows = grid
    page_w, page_h = A4
    x0, y0 = (page_w - cols * w) / 2, (page_h - rows * h) / 2
    words = _WORDS[lang]
    c = canvas or Canvas(str(path), pagesize=A4, pageCompression=1)
    c.setTitle(title)
    c.setAuthor("Atelier Charte / Charter Workshop")
    c.setSubject(title)
    page = 0
    slot = cols * rows
    last_header: str | None = None
    for card in cards:
        text = header(card)
        if slot == cols * rows or text != last_header:
            if page:
                c.showPage()
            page += 1
            slot = 0
            last_header = text
            c.setFillColorRGB(*_GREY)
            _line(c, text, FONT, x0, page_h - 10 * mm, cols * w * 0.8, 9)
            c.setFont(FONT, 8)
            c.drawRightString(x0 + cols * w, page_h - 10 * mm, words["page"].format(page=page))
            _cut_marks(c, x0, y0, w, h, cols, rows)
        col, row = slot % cols, slot // cols
        draw(c, card, x0 + col * w, y0 + (rows - 1 - row) * h, w, h)
        slot += 1
    return c


def write_link_cards(path: str | Path, cards: Sequence[LinkCard], *, title: str, lang: str) -> Path:
    """The personal-link sheet: 8 cards per A4 page (90 × 62 mm)."""
    lang = "en" if lang == "en" else "fr"
    words = _WORDS[lang]
    _check_count(len(cards))
    for card in cards:
        _check_url(card.url)
    path = Path(path)

    def draw(c: Canvas, card: object, x: float, y: float, w: float, h: float) -> None:
        assert isinstance(card, LinkCard)
        inner = w - 2 * _PAD
        c.setFillColorRGB(*_GREY)
        _line(c, title, FONT, x + _PAD, y + h - _PAD - 6, inner, 7.5)
        qr = 32 * mm
        qr_top = y + h - _PAD - 2 * mm
        _draw_qr(c, card.url, x + _PAD - 2.5 * mm, qr_top - qr, qr)
        c.setFillColorRGB(0, 0, 0)
        text_x = x + _PAD + qr - 3.5 * mm
        text_w = x + w - _PAD - text_x
        _paragraph(c, card.name, FONT_BOLD, text_x, qr_top - 3 * mm, text_w, 21 * mm, 17, 8)
        c.setFillColorRGB(*_GREY)
        _line(c, words["keep"], FONT, text_x, qr_top - qr + 3 * mm, text_w, 8)
        _line(c, words["scan"], FONT, x + _PAD, y + 17.5 * mm, inner, 8)
        c.setFillColorRGB(0, 0, 0)
        base, sep, token = card.url.rpartition("/j/")
        first, second = (base + sep, token) if sep else (card.url, "")
        _line(c, first, FONT, x + _PAD, y + _PAD + 6.5 * mm, inner, 13)
        if second:
            _line(c, second, FONT_BOLD, x + _PAD, y + _PAD, inner, 15)

    c = _sheet(
        path,
        _LINK_GRID,
        cards,
        draw,
        lambda _card: words["links_header"],
        title=f"{words['links_title']} — {title}",
        lang=lang,
    )
    c.save()
    return path


@dataclass(frozen=True)
class _CodeCard:
    college: str
    code: str


def write_code_cards(
    path: str | Path,
    codes: Mapping[str, Sequence[str]],
    *,
    base_url: str,
    title: str,
    lang: str,
) -> Path:
    """The drawn-code sheet: each college on its own pages, 10 cards per page (90 × 50 mm).

    ``codes`` maps a college's name to its codes as ``issue_codes`` returns them
    (« 7F3K-Q9XM-2PDA »); ``base_url`` is the room's address (``PhoneServer.base_url``).
    """
    lang = "en" if lang == "en" else "fr"
    words = _WORDS[lang]
    _check_url(base_url)
    cards = [_CodeCard(college, code) for college, group in codes.items() for code in group]
    _check_count(len(cards))
    for card in cards:
        if not _CODE.fullmatch(card.code):
            raise WorkshopError(
                "Code de vote mal formé pour une carte.", "Malformed voting code for a card."
            )
    sizes = {college: len(group) for college, group in codes.items()}
    path = Path(path)

    def draw(c: Canvas, card: object, x: float, y: float, w: float, h: float) -> None:
        assert isinstance(card, _CodeCard)
        qr = 24 * mm
        top = y + h - _PAD
        _draw_qr(c, base_url, x + w - _PAD - qr + 2 * mm, top - qr + 2 * mm, qr)
        text_w = w - 2 * _PAD - qr
        c.setFillColorRGB(0, 0, 0)
        college = words["college"].format(college=card.college)
        _paragraph(c, college, FONT_BOLD, x + _PAD, top, text_w, 10 * mm, 13, 8)
        c.setFillColorRGB(*_GREY)
        how = words["how"].format(url=base_url)
        _paragraph(c, how, FONT, x + _PAD, top - 11 * mm, text_w, 13 * mm, 8, 6)
        c.setFillColorRGB(0, 0, 0)
        _line(c, card.code, FONT_BOLD, x + _PAD, y + _PAD + 1 * mm, w - 2 * _PAD, 24,
              centre=True)  # fmt: skip

    c = _sheet(
        path,
        _CODE_GRID,
        cards,
        draw,
        lambda card: words["codes_header"].format(
            college=card.college,  # type: ignore[attr-defined]
            n=sizes[card.college],  # type: ignore[attr-defined]
        ),
        title=f"{words['codes_title']} — {title}",
        lang=lang,
    )
    c.save()
    return path


def print_cards(
    session: Session,
    join_url: Callable[[str], str],
    base_url: str,
    *,
    links: str | Path | None = None,
    codes: str | Path | None = None,
    pseudonymise: bool = False,
) -> list[Path]:
    """Issue fresh credentials and write their sheets (``serve --cards/--code-cards``).

    Runs in the session's thread, once the server is bound, so the cards carry the address
    the phones will reach. Links: one per participant, reissued (earlier cards stop
    working). Codes: each college's set replaced by as many codes as it has registered
    members (the most that can vote), so the sheet is exactly the valid set.
    """
    from workshop import snapshot
    from workshop.operations import phones

    for target in (links, codes):  # before any credential is replaced
        if target is not None and not Path(target).resolve().parent.is_dir():
            raise WorkshopError(
                f"Dossier introuvable pour les cartes : {Path(target).parent}",
                f"No such folder for the cards: {Path(target).parent}",
            )
    snap = snapshot.load(session.conn, with_audit=False)
    title, lang = snap.workshop.title, snap.workshop.lang
    written: list[Path] = []
    if links is not None:
        people = [p.id for p in snap.participants]
        _, tokens = phones.issue_links(session, people) if people else (None, {})
        sheet = link_cards(snap.participants, tokens, join_url, pseudonymise=pseudonymise)
        written.append(write_link_cards(links, sheet, title=title, lang=lang))
    if codes is not None:
        members = {c.id: 0 for c in snap.colleges}
        for p in snap.participants:
            members[p.college_id] = members.get(p.college_id, 0) + 1
        drawn: dict[str, list[str]] = {}
        for college in sorted(snap.colleges, key=lambda c: (c.position, c.id)):
            if members.get(college.id):
                phones.revoke_codes(session, college.id)
                drawn[college.name] = phones.issue_codes(session, college.id, members[college.id])[
                    1
                ]
        written.append(write_code_cards(codes, drawn, base_url=base_url, title=title, lang=lang))
    return written
