"""A deck read back as its user meets it in PowerPoint (python-pptx): each slide's layout, title, texts,
native tables, pictures with their descriptions and speaker notes, and the file's properties."""

from __future__ import annotations

import io
import re
import struct
import zipfile
from dataclasses import dataclass

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER


@dataclass(frozen=True)
class SlideRead:
    layout: str
    title: str
    texts: tuple[str, ...]
    """The paragraphs of every text frame but the title's."""
    tables: tuple[tuple[tuple[str, ...], ...], ...]
    """Each native table's rows of cell texts."""
    pictures: tuple[tuple[str, int, int], ...]
    """Each picture's description, its width in pixels, and its width on the slide in EMU."""
    notes: str
    placeholders: tuple[PP_PLACEHOLDER, ...]


@dataclass(frozen=True)
class DeckRead:
    slides: tuple[SlideRead, ...]
    properties: dict[str, str]
    """Every core property that is set, and docProps/app.xml's text, by name."""
    width: int
    height: int

    @property
    def everything(self) -> str:
        """Every word the file holds where a user or a tool would find it, on one line."""
        parts = [*self.properties.values()]
        for slide in self.slides:
            parts += [slide.title, *slide.texts, slide.notes]
            parts += [cell for table in slide.tables for row in table for cell in row]
            parts += [description for description, _, _ in slide.pictures]
        return re.sub(r"\s+", " ", " ".join(parts))


def read_deck(data: bytes) -> DeckRead:
    presentation = Presentation(io.BytesIO(data))
    slides = []
    for slide in presentation.slides:
        title = slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""
        texts, tables, pictures = [], [], []
        for shape in slide.shapes:
            if shape.has_text_frame and shape != slide.shapes.title:
                texts += [paragraph.text for paragraph in shape.text_frame.paragraphs]
            if shape.has_table:
                tables.append(tuple(tuple(cell.text for cell in row.cells) for row in shape.table.rows))
            if shape.shape_type == 13:  # a picture
                (pixels,) = struct.unpack(">I", shape.image.blob[16:20])  # a PNG's width, from its header
                pictures.append((shape._element.nvPicPr.cNvPr.get("descr", ""), pixels, shape.width))
        slides.append(
            SlideRead(
                layout=slide.slide_layout.name,
                title=title,
                texts=tuple(texts),
                tables=tuple(tables),
                pictures=tuple(pictures),
                notes=slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else "",
                placeholders=tuple(shape.placeholder_format.type for shape in slide.placeholders),
            )
        )
    core = presentation.core_properties
    names = ("title", "author", "subject", "keywords", "comments", "category", "last_modified_by",
             "content_status", "identifier", "language", "version")  # fmt: skip
    properties = {name: str(getattr(core, name)) for name in names if getattr(core, name)}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if "docProps/app.xml" in archive.namelist():
            properties["app"] = re.sub(r"<[^>]+>", " ", archive.read("docProps/app.xml").decode())
    return DeckRead(tuple(slides), properties, presentation.slide_width, presentation.slide_height)
