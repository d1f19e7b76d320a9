"""A tagged PDF read back as a screen reader meets it: its language, whether it says it is tagged, the title
it shows, and its structure tree's headings, tables and figures with their alt texts (pikepdf)."""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pikepdf

HEADING = re.compile(r"/H([1-6])")


@dataclass(frozen=True)
class Structure:
    lang: str | None
    marked: bool
    """``/MarkInfo /Marked true``: the document says it is tagged."""
    shows_title: bool
    """``/ViewerPreferences /DisplayDocTitle true``: a viewer's window shows the title, not the file name."""
    title: str | None
    headings: tuple[int, ...]
    """Each heading's level, in reading order."""
    figure_alts: tuple[str | None, ...]
    """Each figure's alt text in reading order (None: it has none)."""
    kinds: Counter
    """How many elements of each structure type (``Table``, ``TH``, ``TD``, …) the tree holds."""
    row_headed_cells: int
    """Data cells whose headers include a header cell of their own row (``<th scope="row">``)."""
    xmp: str
    """The XMP metadata stream, where PDF/UA declares itself (empty without one)."""

    @property
    def alt_text(self) -> str:
        """Every alt text, white space folded: what a screen reader reads in the charts' place."""
        return re.sub(r"\s+", " ", " ".join(alt or "" for alt in self.figure_alts))


def _children(element: pikepdf.Object) -> list:
    kids = element.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def structure_of(pdf: bytes | Path) -> Structure:
    """The structure of a PDF given as its bytes or its path."""
    source = io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf
    with pikepdf.open(source) as document:
        root = document.Root
        headings, alts, kinds = [], [], Counter()
        row_headed = 0

        def walk(element: pikepdf.Object) -> None:
            if not isinstance(element, pikepdf.Dictionary):
                return  # a marked-content id: the text itself
            kind = str(element.get("/S", ""))
            kinds[kind.lstrip("/")] += 1
            if match := HEADING.fullmatch(kind):
                headings.append(int(match.group(1)))
            if kind == "/TR":
                nonlocal row_headed
                cells = [c for c in _children(element) if isinstance(c, pikepdf.Dictionary)]
                own = {str(c.ID) for c in cells if c.get("/S") == "/TH" and "/ID" in c}
                for cell in cells:
                    if cell.get("/S") == "/TD" and "/A" in cell:
                        row_headed += bool(own & {str(h) for h in cell.A.get("/Headers", [])})
            if kind == "/Figure":
                alt = element.get("/Alt")
                alts.append(str(alt) if alt is not None else None)
            for child in _children(element):
                walk(child)

        if "/StructTreeRoot" in root:
            walk(root.StructTreeRoot)
        mark_info = root.get("/MarkInfo", {})
        preferences = root.get("/ViewerPreferences", {})
        title = document.docinfo.get("/Title")
        return Structure(
            lang=str(root.Lang) if "/Lang" in root else None,
            marked=bool(mark_info.get("/Marked", False)),
            shows_title=bool(preferences.get("/DisplayDocTitle", False)),
            title=str(title) if title is not None else None,
            headings=tuple(headings),
            figure_alts=tuple(alts),
            kinds=kinds,
            row_headed_cells=row_headed,
            xmp=root.Metadata.read_bytes().decode("utf-8") if "/Metadata" in root else "",
        )


def skipped_levels(headings: tuple[int, ...]) -> list[tuple[int, int]]:
    """Each place where a heading goes deeper by more than one level (H2 → H4), as (from, to); the first
    heading must be an H1."""
    skips, previous = [], 0
    for level in headings:
        if level > previous + 1:
            skips.append((previous, level))
        previous = level
    return skips


ALLOWED_CHILDREN = {
    "L": {"LI", "Caption"},
    "LI": {"Lbl", "LBody"},
    "Table": {"TR", "THead", "TBody", "TFoot", "Caption"},
    "THead": {"TR"},
    "TBody": {"TR"},
    "TFoot": {"TR"},
    "TR": {"TH", "TD"},
}
"""PDF/UA's nesting of lists and tables (ISO 14289-1, 7.6 and 7.10 via ISO 32000-1, 14.8.4.3): what each
of these structure types may hold directly. Text (marked content) right inside them is not allowed either."""


def nesting_faults(pdf: bytes | Path) -> list[str]:
    """Every place where the structure tree breaks PDF/UA's rules for lists, tables, headings and figures,
    each as ``parent > child`` (``content`` for text held directly), a heading level skipped downward
    (``H2 > H4``; the first must be an H1), or a figure without alt text: empty for a well-formed tree."""
    source = io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf
    faults: list[str] = []
    with pikepdf.open(source) as document:

        def walk(element: pikepdf.Object) -> None:
            kind = str(element.get("/S", "")).lstrip("/")
            allowed = ALLOWED_CHILDREN.get(kind)
            if kind == "Figure" and not str(element.get("/Alt", "")).strip():
                faults.append("Figure without Alt")
            for child in _children(element):
                is_element = isinstance(child, pikepdf.Dictionary) and "/S" in child
                if allowed is not None:
                    name = str(child.S).lstrip("/") if is_element else "content"
                    if name not in allowed:
                        faults.append(f"{kind} > {name}")
                if is_element:
                    walk(child)

        if "/StructTreeRoot" in document.Root:
            walk(document.Root.StructTreeRoot)
    headings = structure_of(pdf).headings
    faults += [f"H{before} > H{after}" for before, after in skipped_levels(headings)]
    return faults
