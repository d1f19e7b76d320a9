"""Checks a file must pass before any parser sees it: a spreadsheet is a zip of XML, and both can be
built to exhaust memory (zip bombs, entity expansion) or to reach out (external entities).

Office workbooks never contain a document type declaration, so any DTD is refused; defusedxml names
what it found. Sizes are bounded far above any real assessment.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from reportgen.common.problems import Place, ProblemLog
from reportgen.reading import messages as msg

MAX_MEMBERS = 1_000
MAX_TOTAL_BYTES = 200 * 1024 * 1024  # uncompressed, all members
MAX_MEMBER_BYTES = 50 * 1024 * 1024  # uncompressed, one member
MAX_RATIO = 100  # uncompressed / compressed, for members above RATIO_FROM
RATIO_FROM = 1024 * 1024
PROLOG_BYTES = 64 * 1024
MAX_CSV_BYTES = 50 * 1024 * 1024
ZIP_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xlsb", ".ods"})


def check_file(path: Path, log: ProblemLog) -> bool:
    """True when the file may be handed to a parser; otherwise the reason is logged."""
    suffix = path.suffix.lower()
    if suffix in ZIP_SUFFIXES:
        return check_zip(path, log)
    if suffix in {".csv", ".tsv", ".txt"} and path.stat().st_size > MAX_CSV_BYTES:
        log.error(
            Place(path), msg.TOO_LARGE, size=_megabytes(path.stat().st_size), limit=_megabytes(MAX_CSV_BYTES)
        )
        return False
    return True


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.0f}"


def check_zip(path: Path, log: ProblemLog) -> bool:
    """True when the zip container at *path* may be unpacked: a bounded number and size of parts, none
    far more packed than an office file's, and no XML part with a document type declaration."""
    place = Place(path)
    if not zipfile.is_zipfile(path):
        if path.read_bytes()[:8] == bytes.fromhex("D0CF11E0A1B11AE1"):
            # An OLE container under an xlsx name: how Office stores an encrypted workbook.
            log.error(place, msg.PASSWORD_PROTECTED)
        else:
            log.error(place, msg.NOT_A_SPREADSHEET)
        return False
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                log.error(place, msg.ZIP_BOMB, reason=f"{len(members)} parts")
                return False
            total = sum(m.file_size for m in members)
            largest = max(members, key=lambda m: m.file_size, default=None)
            if total > MAX_TOTAL_BYTES or (largest and largest.file_size > MAX_MEMBER_BYTES):
                log.error(place, msg.ZIP_BOMB, reason=f"{_megabytes(total)} MB")
                return False
            for member in members:
                if member.file_size > RATIO_FROM and member.file_size > MAX_RATIO * max(
                    member.compress_size, 1
                ):
                    log.error(
                        place, msg.ZIP_BOMB, reason=f"{member.file_size // max(member.compress_size, 1)}:1"
                    )
                    return False
            return all(
                _check_xml(archive, member, place, log)
                for member in members
                if member.filename.endswith((".xml", ".rels"))
            )
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        OSError,
        EOFError,
        RuntimeError,
        NotImplementedError,
        ValueError,
    ):
        log.error(place, msg.NOT_A_SPREADSHEET)
        return False


def _check_xml(archive: zipfile.ZipFile, member: zipfile.ZipInfo, place: Place, log: ProblemLog) -> bool:
    with archive.open(member) as stream:
        prolog = stream.read(PROLOG_BYTES)
    if b"<!DOCTYPE" not in prolog.upper() and b"<!ENTITY" not in prolog.upper():
        return True
    import defusedxml.ElementTree as safe_xml
    from defusedxml import DefusedXmlException

    try:
        safe_xml.fromstring(archive.read(member), forbid_dtd=True)
    except DefusedXmlException as exc:
        log.error(place, msg.XML_BOMB, part=member.filename, kind=type(exc).__name__)
        return False
    except Exception:  # malformed XML behind a DTD: refused all the same
        log.error(place, msg.XML_BOMB, part=member.filename, kind="DTD")
        return False
    return True
