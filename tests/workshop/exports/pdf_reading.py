"""Reading the minutes back: their text as pypdf extracts it, and the fonts they use."""

from __future__ import annotations

import re
import unicodedata

import pypdf

_BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def norm(text: str) -> str:
    """Extracted text made comparable: Arabic presentation forms and no-break spaces
    folded (NFKC), the bidi marks pypdf adds dropped, all whitespace runs one space."""
    text = _BIDI_MARKS.sub("", unicodedata.normalize("NFKC", text))
    return re.sub(r"\s+", " ", text)


def pdf_text(path) -> tuple[pypdf.PdfReader, list[str]]:
    reader = pypdf.PdfReader(path)
    return reader, [norm(page.extract_text()) for page in reader.pages]


def body(pages: list[str]) -> str:
    """The pages' text without their footers, so a paragraph split over pages reads on."""
    return " ".join(re.split(r" ?page \d+ / \d+ ", page)[0] for page in pages)


def fonts_used(reader: pypdf.PdfReader) -> dict[str, bool]:
    """Base font name -> embedded, for every font any page refers to."""
    found: dict[str, bool] = {}
    for page in reader.pages:
        for ref in page["/Resources"].get("/Font", {}).values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = descriptor is not None and any(
                k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            found[str(font["/BaseFont"])] = embedded
    return found


def section(text: str, start: str, end: str) -> str:
    i = text.index(start)
    return text[i : text.index(end, i + len(start))]
