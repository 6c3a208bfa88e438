"""The minutes' XMP metadata: the document info's fields again, where archives look for them.

reportlab writes the document info dictionary (title, author, subject, keywords, dates)
and the catalog's /Lang, but no XMP stream; PDF 2.0 deprecates the info dictionary in
favour of XMP, and archiving and search tools read the latter. Both carry the same values
and the same single time stamp, so creation never comes after modification.
"""

from __future__ import annotations

from collections.abc import Callable
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFName, PDFStream
from reportlab.pdfgen.canvas import Canvas

#: The language of the minutes as a BCP 47 tag, for /Lang and dc:language.
LANG_TAGS = {"fr": "fr-FR", "en": "en-GB"}
PRODUCER = "Atelier Charte (reportlab)"
CREATOR = "Atelier Charte"


def _iso(stamp: object) -> str:
    """reportlab's time stamp (``YMDhms`` and its UTC offset) as an XMP date."""
    year, month, day, hour, minute, second = stamp.YMDhms  # type: ignore[attr-defined]
    dhh, dmm = stamp.dhh, stamp.dmm  # type: ignore[attr-defined]
    sign = "-" if dhh < 0 or (dhh == 0 and dmm < 0) else "+"
    offset = f"{sign}{abs(dhh):02d}:{abs(dmm):02d}"
    return f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}{offset}"


def xmp_packet(stamp: object, *, meta: dict[str, str], lang: str) -> str:
    """The XMP packet (RDF/XML) for the minutes' ``meta`` (title, author, subject, keywords)."""
    e = {key: escape(value) for key, value in meta.items()}
    when = _iso(stamp)
    subjects = "".join(
        f"<rdf:li>{escape(word.strip())}</rdf:li>"
        for word in meta["keywords"].split(",")
        if word.strip()
    )
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{e["title"]}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{e["author"]}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{e["subject"]}</rdf:li></rdf:Alt></dc:description>
   <dc:subject><rdf:Bag>{subjects}</rdf:Bag></dc:subject>
   <dc:language><rdf:Bag><rdf:li>{escape(lang)}</rdf:li></rdf:Bag></dc:language>
   <pdf:Keywords>{e["keywords"]}</pdf:Keywords>
   <pdf:Producer>{escape(PRODUCER)}</pdf:Producer>
   <xmp:CreatorTool>{escape(CREATOR)}</xmp:CreatorTool>
   <xmp:CreateDate>{when}</xmp:CreateDate>
   <xmp:ModifyDate>{when}</xmp:ModifyDate>
   <xmp:MetadataDate>{when}</xmp:MetadataDate>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""


def add_xmp(canvas: Canvas, packet: Callable[[object], str]) -> None:
    """Attach the XMP stream to the catalog, stamped with the document's own time stamp.

    Uncompressed, as the XMP specification asks, so that tools can find it in the file.
    Also opens the viewer on the bookmarks.
    """
    doc = canvas._doc  # type: ignore[attr-defined]  # reportlab's document, absent from the stubs
    stream = PDFStream(
        PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}),
        packet(doc._timeStamp).encode("utf-8"),
        filters=[],
    )
    doc.Catalog.Metadata = doc.Reference(stream, "XMPMetadata")
    canvas.showOutline()
