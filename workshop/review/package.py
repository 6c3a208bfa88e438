"""Opening a reviewed DOCX as hostile input: a bounded zip, safe XML, no macros.

The file comes back from outside (a lawyer's mailbox, a shared drive): it may be anything.
It is only ever read, never written nor extracted. Refused with one line, before any of it
is trusted: a file that is not a zip, a zip bomb (too many members, a member or a total
too large once uncompressed, sizes that lie), encrypted members, a document with macros
(.docm, a VBA project, a macro-enabled content type), a package without its main document,
and any XML part carrying a DTD (entities, XXE). XML is parsed by lxml with entities left
unresolved, no network and lxml's default size limits (``huge_tree`` off).
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type hints

from workshop.errors import FileRefused

#: The reviewed file itself, before it is opened as a zip.
MAX_FILE_BYTES = 64 * 1024 * 1024
#: Members of the package (a charter has about twenty; Word adds a few more).
MAX_MEMBERS = 1_000
#: One part once uncompressed (the document of a large charter is well under 2 MB).
MAX_PART_BYTES = 32 * 1024 * 1024
#: Everything the package declares once uncompressed.
MAX_TOTAL_BYTES = 256 * 1024 * 1024

CONTENT_TYPES = "[Content_Types].xml"
MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
    "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
)
_DOCUMENT = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}document"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
#: Content types and names that mean macros or code (Word's .docm, .dotm; VBA, ActiveX).
_MACRO_MARKS = ("macroenabled", "vbaproject", "vbadata", "activex")
_MACRO_EXTENSIONS = (".docm", ".dotm")

_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
)


def _refused(path: Path, fr: str, en: str) -> FileRefused:
    return FileRefused(f"{path.name} : {fr}", f"{path.name}: {en}")


@dataclass
class Package:
    """The parts of a reviewed document this reader uses, parsed; nothing else is read."""

    path: Path
    document: etree._Element
    #: Relationship type's last segment (« comments », « styles »...) → parsed part.
    related: dict[str, etree._Element] = field(default_factory=dict)


def open_package(path: str | Path) -> Package:
    """The reviewed document's main part and its comments, styles and comment extensions."""
    path = Path(path)
    if path.suffix.lower() in _MACRO_EXTENSIONS:
        raise _macros(path)
    try:
        size = path.stat().st_size
    except OSError:
        raise _refused(
            path, "fichier introuvable ou illisible.", "file not found or unreadable."
        ) from None
    if not path.is_file():
        raise _refused(path, "ce n’est pas un fichier.", "not a file.")
    if size > MAX_FILE_BYTES:
        raise _refused(
            path,
            f"fichier trop volumineux (plus de {MAX_FILE_BYTES // 2**20} Mo).",
            f"file too large (over {MAX_FILE_BYTES // 2**20} MB).",
        )
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _refused(
            path,
            "ce n’est pas un document Word (.docx) lisible.",
            "not a readable Word document (.docx).",
        ) from None
    with archive:
        members = _checked_members(path, archive)
        content_types = _xml(path, archive, members, CONTENT_TYPES)
        if content_types is None:
            raise _not_docx(path)
        _refuse_macros(path, content_types, members)
        main = _main_part(path, archive, members)
        if _content_type(content_types, main) != MAIN_TYPE:
            raise _not_docx(path)
        document = _xml(path, archive, members, main)
        if document is None:
            raise _not_docx(path)
        if document.tag != _DOCUMENT:
            raise _refused(
                path,
                "format non pris en charge (Strict Open XML ?) : enregistrez-le en .docx.",
                "unsupported format (Strict Open XML?): save it as a .docx.",
            )
        related: dict[str, etree._Element] = {}
        for kind, target in _relationships(path, archive, members, main).items():
            if kind in ("comments", "commentsExtended", "styles"):
                part = _xml(path, archive, members, target)
                if part is not None:
                    related[kind] = part
    return Package(path, document, related)


def _not_docx(path: Path) -> FileRefused:
    return _refused(
        path,
        "document Word incomplet (pas de document principal .docx).",
        "incomplete Word document (no main .docx document).",
    )


def _macros(path: Path) -> FileRefused:
    return _refused(
        path,
        "document avec macros refusé : enregistrez-le au format .docx (sans macros).",
        "document with macros refused: save it as a .docx (without macros).",
    )


def _checked_members(path: Path, archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """The members by name, after the bounds on their number and declared sizes."""
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise _refused(
            path,
            f"trop d’éléments dans l’archive (plus de {MAX_MEMBERS}).",
            f"too many members in the archive (over {MAX_MEMBERS}).",
        )
    members: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > MAX_PART_BYTES or total > MAX_TOTAL_BYTES:
            raise _bomb(path)
        if info.flag_bits & 0x1:
            raise _refused(path, "archive chiffrée refusée.", "encrypted archive refused.")
        if info.filename in members:
            raise _refused(
                path, "archive ambiguë (nom en double).", "ambiguous archive (duplicate name)."
            )
        members[info.filename] = info
    return members


def _bomb(path: Path) -> FileRefused:
    return _refused(
        path,
        "archive trop volumineuse une fois décompressée (bombe zip ?) : refusée.",
        "archive too large once uncompressed (zip bomb?): refused.",
    )


def _read(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """A member's bytes, never more than its declared size nor the part limit."""
    limit = min(info.file_size, MAX_PART_BYTES)
    chunks, read = [], 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(min(1 << 20, limit + 1 - read)):
                read += len(chunk)
                if read > limit:
                    raise _bomb(path)
                chunks.append(chunk)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
        raise _refused(
            path, "archive endommagée (élément illisible).", "damaged archive (unreadable member)."
        ) from None
    return b"".join(chunks)


def _has_dtd(data: bytes) -> bool:
    for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
        for mark in ("<!DOCTYPE", "<!ENTITY"):
            if mark.encode(encoding) in data:
                return True
    return False


def _xml(
    path: Path, archive: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo], name: str
) -> etree._Element | None:
    """A part parsed safely, or None when the package has no such part."""
    info = members.get(name)
    if info is None:
        return None
    data = _read(path, archive, info)
    if _has_dtd(data):
        raise _refused(
            path,
            f"XML avec DTD ou entités refusé ({name}).",
            f"XML with a DTD or entities refused ({name}).",
        )
    try:
        root = etree.fromstring(data, _PARSER)
    except (etree.XMLSyntaxError, ValueError):
        raise _refused(path, f"XML illisible ({name}).", f"unreadable XML ({name}).") from None
    if root is None or root.getroottree().docinfo.doctype:
        raise _refused(path, f"XML refusé ({name}).", f"XML refused ({name}).")
    return root


def _content_type(types: etree._Element, part: str) -> str | None:
    for override in types.iter(_CT + "Override"):
        if (override.get("PartName") or "").lstrip("/").lower() == part.lower():
            return override.get("ContentType")
    extension = PurePosixPath(part).suffix.lstrip(".").lower()
    for default in types.iter(_CT + "Default"):
        if (default.get("Extension") or "").lower() == extension:
            return default.get("ContentType")
    return None


def _refuse_macros(path: Path, types: etree._Element, members: dict[str, zipfile.ZipInfo]) -> None:
    declared = [el.get("ContentType") or "" for el in types]
    names = list(members)
    if any(mark in value.lower() for value in declared + names for mark in _MACRO_MARKS):
        raise _macros(path)


def _resolve(source: str, target: str) -> str | None:
    """A relationship's target as a member name, or None when it leaves the package."""
    if "://" in target or target.startswith("\\"):
        return None
    base = posixpath.dirname(source)
    joined = target.lstrip("/") if target.startswith("/") else posixpath.join(base, target)
    normal = posixpath.normpath(joined)
    if normal.startswith("../") or normal in ("..", ".") or normal.startswith("/"):
        return None
    return normal


def _rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def _relationships(
    path: Path, archive: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo], part: str
) -> dict[str, str]:
    """Internal relationships of ``part``: the type's last segment → target member."""
    rels = _xml(path, archive, members, _rels_name(part))
    found: dict[str, str] = {}
    if rels is None:
        return found
    for rel in rels.iter(_RELS + "Relationship"):
        if (rel.get("TargetMode") or "").lower() == "external":
            continue
        kind = (rel.get("Type") or "").rstrip("/").rsplit("/", 1)[-1]
        target = _resolve(part, rel.get("Target") or "")
        if kind and target and target in members and kind not in found:
            found[kind] = target
    return found


def _main_part(path: Path, archive: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo]) -> str:
    rels = _xml(path, archive, members, "_rels/.rels")
    if rels is not None:
        for rel in rels.iter(_RELS + "Relationship"):
            if rel.get("Type") in OFFICE_DOCUMENT:
                target = _resolve("", rel.get("Target") or "")
                if target and target in members:
                    return target
    raise _not_docx(path)
