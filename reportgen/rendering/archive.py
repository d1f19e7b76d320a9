"""Archival PDFs: PDF/A-3b that carries its own evidence, the files a report was made from and its figures.

A report kept for years, or handed to an auditor, must still say what it was made from when the workbooks have
long been edited or lost. So an archive embeds, as PDF/A-3 *associated files*, every input file the report
draws on (relationship ``Source``) and the computed figures as the export's JSON (relationship ``Data``). Each
file is read here, when its PDF is written, from the path the run read it from (not held in memory by every
job of a batch), and handed to WeasyPrint as bytes: WeasyPrint never opens a path or URL of its own for an
attachment, so the URL fetcher (:mod:`reportgen.rendering.fetcher`) stays the only door for everything else,
and a ``rel=attachment`` a spreadsheet's text might carry stays text (templates escape it).

WeasyPrint 70 writes three things a PDF/A validator or the PDF specification objects to; :func:`mend`
repairs them with pikepdf, for archives only.
"""

from __future__ import annotations

import io
import mimetypes
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reportgen.common.settings import source_date

VARIANT = "pdf/a-3b"
SOURCE, DATA = "Source", "Data"
"""The relationships of an associated file to the report (ISO 32000-2, 7.11.3): what it was made from,
and the data it shows."""
MEDIA_TYPES = {
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".xlsm": "application/vnd.ms-excel.sheet.macroEnabled.12",
    ".xlsb": "application/vnd.ms-excel.sheet.binary.macroEnabled.12",
    ".xls": "application/vnd.ms-excel",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
    ".csv": "text/csv",
    ".tsv": "text/tab-separated-values",
    ".txt": "text/plain",
    ".json": "application/json",
}
"""The media type of every kind of file an archive embeds. WeasyPrint names an attachment's type from its
file name, partly through the operating system's table, which lacks some of these on a bare machine:
registered with the standard library, the type is the same everywhere."""
UNSAFE = re.compile(r"[^\w.-]+")
"""What an attachment's name may not hold: it becomes a file name when the attachment is saved, so no
separators, spaces or control characters."""


class UnreadableSource(Exception):
    """An input file could not be read again to be embedded."""

    def __init__(self, path: Path, error: OSError):
        super().__init__(f"{path}: {error.strerror or error}")
        self.path = path
        self.error = error


@dataclass(frozen=True)
class ArchivedFile:
    """One associated file: its name in the PDF (unique within it), relationship and date, and either
    the input file it is read from or its contents (the figures)."""

    name: str
    relationship: str
    modified: datetime
    path: Path | None = None
    contents: bytes = b""

    @property
    def data(self) -> bytes:
        """The bytes embedded. An input file is read only now, by the process that writes the PDF, so a
        batch does not hold every account's files in memory (a CRM export may feed hundreds of them)."""
        if self.path is None:
            return self.contents
        try:
            return self.path.read_bytes()
        except OSError as exc:
            raise UnreadableSource(self.path, exc) from exc


@dataclass(frozen=True)
class Archive:
    """What an archival report embeds: its input files first, in reading order, then its figures."""

    files: tuple[ArchivedFile, ...]

    def pdf_options(self) -> dict[str, Any]:
        """WeasyPrint's options for PDF/A-3b with tags and these files attached (by their bytes only)."""
        from weasyprint import Attachment

        for suffix, media_type in MEDIA_TYPES.items():
            mimetypes.add_type(media_type, suffix)
        attachments = [
            Attachment(
                file_obj=io.BytesIO(file.data),
                name=file.name,
                relationship=file.relationship,
                created=file.modified,
                modified=file.modified,
            )
            for file in self.files
        ]
        return {"pdf_variant": VARIANT, "pdf_tags": True, "attachments": attachments}


def gather(sources: Iterable[Path], figures: bytes, figures_name: str) -> Archive:
    """The archive of a report drawn from *sources* (each once, in the order given) whose figures are
    *figures* (JSON); raises :class:`UnreadableSource` when a file cannot be read, so that a run says so
    before it renders anything."""
    made = source_date() or datetime.now(UTC)
    unique = list(dict.fromkeys(sources))
    names = attachment_names([path.name for path in unique], reserved={figures_name})
    files = [
        ArchivedFile(name, SOURCE, _readable(path), path) for name, path in zip(names, unique, strict=True)
    ]
    return Archive((*files, ArchivedFile(figures_name, DATA, made, contents=figures)))


def attachment_names(names: Sequence[str], reserved: Iterable[str] = ()) -> list[str]:
    """Each file name made safe and unique: ``a b/c.xlsx`` → ``a_b_c.xlsx``; a name already taken (two
    folders may each hold ``acme.xlsx``) gets a number, ``acme-2.xlsx``, in the order given. Case does
    not tell names apart: saved on Windows or macOS, ``Acme.xlsx`` would overwrite ``acme.xlsx``."""
    taken = {name.casefold() for name in reserved}
    unique = []
    for name in names:
        safe = UNSAFE.sub("_", name).lstrip(".") or "file"
        stem, dot, suffix = safe.rpartition(".")
        stem, suffix = (stem, dot + suffix) if stem else (safe, "")
        candidate, number = safe, 1
        while candidate.casefold() in taken:
            number += 1
            candidate = f"{stem}-{number}{suffix}"
        taken.add(candidate.casefold())
        unique.append(candidate)
    return unique


def _readable(path: Path) -> datetime:
    """When the file was last changed, but no later than ``SOURCE_DATE_EPOCH`` when that is set (the
    convention of reproducible builds, since a checkout dates every file to its moment); raises
    :class:`UnreadableSource` when the file cannot be opened for reading."""
    try:
        with path.open("rb"):
            changed = path.stat().st_mtime
    except OSError as exc:
        raise UnreadableSource(path, exc) from exc
    modified, latest = datetime.fromtimestamp(changed, UTC), source_date()
    return min(modified, latest) if latest else modified


def mend(pdf: bytes) -> bytes:
    """*pdf* with what WeasyPrint 70 writes wrongly into PDF/A-3 put right:

    - empty ``/Pattern`` and ``/Shading`` dictionaries in every resource dictionary: PDF/A validators
      cannot check patterns and shadings and reject a file that names them, even when there are none;
    - each associated file listed once in the catalog's ``/AF`` (WeasyPrint lists every one twice);
    - the embedded files' name tree sorted by name, as the PDF specification requires (WeasyPrint keeps
      the order given), so that readers that search it find every file.
    """
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as document:
        drop_empty_resources(document)
        list_associated_files_once(document)
        sort_embedded_files(document)
        out = io.BytesIO()
        document.save(out, deterministic_id=True)
    return out.getvalue()


def drop_empty_resources(document) -> None:
    """Delete empty ``/Pattern`` and ``/Shading`` entries of every resource dictionary."""
    import pikepdf

    for obj in document.objects:
        if not isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
            continue
        resources = obj.get("/Resources")
        if not isinstance(resources, pikepdf.Dictionary):
            continue
        for key in ("/Pattern", "/Shading"):
            value = resources.get(key)
            if isinstance(value, pikepdf.Dictionary) and not value.keys():
                del resources[key]


def list_associated_files_once(document) -> None:
    """The catalog's ``/AF`` with each file specification once, in the order first listed."""
    import pikepdf

    listed = document.Root.get("/AF")
    if not isinstance(listed, pikepdf.Array):
        return
    seen: set[tuple[int, int]] = set()
    once = []
    for spec in listed:
        if spec.is_indirect and spec.objgen in seen:
            continue
        seen.add(spec.objgen)
        once.append(spec)
    document.Root.AF = pikepdf.Array(once)


def sort_embedded_files(document) -> None:
    """The flat ``/Names`` array of the embedded files' name tree, sorted by name (as bytes)."""
    import pikepdf

    names = document.Root.get("/Names")
    tree = names.get("/EmbeddedFiles") if isinstance(names, pikepdf.Dictionary) else None
    flat = tree.get("/Names") if isinstance(tree, pikepdf.Dictionary) else None
    if not isinstance(flat, pikepdf.Array):
        return
    pairs = sorted(((bytes(flat[i]), flat[i + 1]) for i in range(0, len(flat), 2)), key=lambda pair: pair[0])
    tree.Names = pikepdf.Array([item for key, value in pairs for item in (pikepdf.String(key), value)])
