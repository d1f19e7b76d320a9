"""The rendering of a deck: a :class:`~reportgen.views.briefing.deck.Deck` laid out as a PowerPoint file.

The slides are made from a template's slide master and layouts (the company's own, ``--pptx-template``,
or ``templates/deck/reportgen.pptx``), so that its fonts, colours and logo are the deck's. Two layouts are
needed, found by the kinds of placeholder they hold, never by name or position: one with a title and a
subtitle for the title slide, and one with a title and one content placeholder for every other slide.
Placeholders are filled by their kind too.

Within the content placeholder's area, a slide's text comes first, its table below, and its chart at
the right. How much text fits, and how many rows of a table, is reckoned with a safe estimate of the
width of the text (there are no font metrics of the template's font), so that a long table goes on over
as many slides as it needs, each with its header rows. Tables are native tables in the template's own
table style, pictures carry the PDF's alt text as their description.

The same deck gives the same bytes: zip entries are written in one order with the time of
``SOURCE_DATE_EPOCH`` (or of the day the deck is made), and so are the document's dates.
"""

from __future__ import annotations

import io
import itertools
import math
import struct
import zipfile
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.common.i18n import N_
from reportgen.common.problems import Message, Phrase, Place, Problem, ProblemLog
from reportgen.common.resources import TEMPLATES_DIR
from reportgen.common.settings import source_date
from reportgen.reading.safety import check_zip
from reportgen.views.briefing.deck import Deck, Slide, SlidePictures, Table

if TYPE_CHECKING:
    from pptx.presentation import Presentation
    from pptx.slide import SlideLayout

DEFAULT_DECK_TEMPLATE = TEMPLATES_DIR / "deck" / "reportgen.pptx"
"""The deck's template where the run names none: 16:9, Arial, the reports' colours."""
TEMPLATE_SUFFIXES = (".pptx", ".potx")

TEMPLATE_UNREADABLE = Message(
    N_("The slide template cannot be opened: it is damaged, too large, or not a PowerPoint file."),
    N_("Save it again from PowerPoint or LibreOffice Impress as .pptx or .potx, and give that file."),
)
TEMPLATE_WRONG_KIND = Message(
    N_("The slide template must be a PowerPoint presentation or template, not a {suffix} file."),
    N_("Give a .pptx or .potx file, saved by PowerPoint or LibreOffice Impress."),
)
TEMPLATE_LAYOUT_MISSING = Message(
    N_("The slide template has no layout with {placeholders}, which the deck needs for its {slides}."),
    N_(
        "Add such a layout to its slide master in PowerPoint (View › Slide Master), or start from "
        "reportgen's own template, templates/deck/reportgen.pptx."
    ),
)
TITLE_SLIDE = N_("title slide")
CONTENT_SLIDES = N_("other slides")
TITLE_AND_SUBTITLE = N_("a title and a subtitle placeholder")
TITLE_AND_CONTENT = N_("a title and a content placeholder")

_TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
_PRESENTATION_TYPE = b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"

EMU_PER_POINT = 12_700
GAP = 0.03
"""The space between a slide's text, table and chart, as a share of the content area's width."""
PICTURE_SHARE = 0.5
"""At most this share of the content area's width goes to a chart beside text or a table."""
TEXT_SIZES = (24, 20, 18, 16, 14, 12)
"""Points: the largest of these at which a slide's text fits is used."""
TEXT_OVER_TABLE = 18
"""Points: text over a table is set no larger, so that the table keeps the room."""
TEXT_SHARE_OVER_TABLE = 0.4
"""Of the height, text over a table takes what the table leaves, and this share at least."""
TABLE_SIZE = 12
WIDE_TABLE_SIZE = 11
"""Points: a table of more than six columns is set smaller."""
CHAR_WIDTH = 0.5
"""A character's width in ems: Arial's (and Liberation Sans's) mean over the German and English messages is
0.45 in regular and 0.47 in bold, so that an estimate errs a little towards room."""
WORD_CHAR_WIDTH = 0.75
"""A character's width in ems within one word in bold: a word has no spaces to average over, "Lücke" or "KA"
are wide letters, and a company's font may be wider than Arial (DejaVu Serif's bold is 0.7)."""
LINE_HEIGHT = 1.2
CELL_MARGIN = 0.05 * 72
"""Points: a table cell's margin left and right (PowerPoint's is 0.1″)."""
CELL_MARGIN_ABOVE = 0.03 * 72
"""Points: a table cell's margin above and below (PowerPoint's is 0.05″), so that a long table fits one slide
more often."""
PARAGRAPH_SPACE = 0.5
"""Lines: the space a paragraph of a slide's text takes beyond its own lines."""


class TemplateProblem(Exception):
    """A slide template that cannot make a deck; :attr:`problem` says why, in the reader's language."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.render("en"))
        self.problem = problem


@dataclass(frozen=True)
class _Area:
    """A rectangle on a slide, in EMU."""

    left: int
    top: int
    width: int
    height: int

    @property
    def width_pt(self) -> float:
        return self.width / EMU_PER_POINT

    @property
    def height_pt(self) -> float:
        return self.height / EMU_PER_POINT


class DeckTemplate:
    """A slide template, checked once and read again for every deck: the two layouts a deck needs, found
    by their placeholders (see the module's docstring)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or DEFAULT_DECK_TEMPLATE
        self._bytes = _template_bytes(self.path)
        presentation = self._open()
        self._title_layout = _layout_index(
            presentation, _is_title_layout, TITLE_AND_SUBTITLE, TITLE_SLIDE, self.path
        )
        self._content_layout = _layout_index(
            presentation, _is_content_layout, TITLE_AND_CONTENT, CONTENT_SLIDES, self.path
        )

    def _open(self) -> Presentation:
        from pptx import Presentation

        try:
            return Presentation(io.BytesIO(self._bytes))
        except Exception as error:  # python-pptx raises many kinds for a file it cannot read
            raise TemplateProblem(Problem(Place(self.path), TEMPLATE_UNREADABLE)) from error

    def new(self) -> tuple[Presentation, SlideLayout, SlideLayout]:
        """A presentation of the template without its own slides, and its title and content layouts."""
        presentation = self._open()
        slides = presentation.slides._sldIdLst
        for entry in list(slides):
            presentation.part.drop_rel(entry.rId)
            slides.remove(entry)
        layouts = [layout for master in presentation.slide_masters for layout in master.slide_layouts]
        return presentation, layouts[self._title_layout], layouts[self._content_layout]


def template_problem(path: Path | None) -> Problem | None:
    """Why *path* cannot serve as the deck's template, or None: asked before anything is rendered."""
    try:
        DeckTemplate(path)
    except TemplateProblem as error:
        return error.problem
    return None


def _template_bytes(path: Path) -> bytes:
    """The template's bytes as python-pptx reads them: a .potx is a presentation under another content
    type."""
    if path.suffix.lower() not in TEMPLATE_SUFFIXES:
        raise TemplateProblem(Problem(Place(path), TEMPLATE_WRONG_KIND, {"suffix": path.suffix or path.name}))
    log = ProblemLog()
    if not path.is_file() or not zipfile.is_zipfile(path) or not check_zip(path, log):
        raise TemplateProblem(Problem(Place(path), TEMPLATE_UNREADABLE))
    data = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        types = archive.read("[Content_Types].xml") if "[Content_Types].xml" in archive.namelist() else b""
        if _TEMPLATE_TYPE not in types:
            return data
        members = [(info, archive.read(info)) for info in archive.infolist()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as presentation:
        for info, content in members:
            if info.filename == "[Content_Types].xml":
                content = content.replace(_TEMPLATE_TYPE, _PRESENTATION_TYPE)
            presentation.writestr(info, content)
    return buffer.getvalue()


def _kinds(layout) -> list:
    return [shape.placeholder_format.type for shape in layout.placeholders]


def _is_title_layout(layout) -> bool:
    from pptx.enum.shapes import PP_PLACEHOLDER

    kinds = _kinds(layout)
    return PP_PLACEHOLDER.SUBTITLE in kinds and bool(
        {PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.TITLE} & set(kinds)
    )


def _content_layouts(kind):
    """Whether a layout has a title and one content placeholder of *kind*, both set horizontally, and
    nothing else but the footer's date, text and slide number."""
    from pptx.enum.shapes import PP_PLACEHOLDER

    footer = {PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.HEADER}

    def fits(layout) -> bool:
        if any(shape._element.ph.get("orient") == "vert" for shape in layout.placeholders):
            return False
        kinds = [kind for kind in _kinds(layout) if kind not in footer]
        return sorted(kinds) == sorted([PP_PLACEHOLDER.TITLE, kind])

    return fits


def _is_content_layout(layout) -> bool:
    """Title and content: preferably a content placeholder (table, chart or text), else a text one."""
    from pptx.enum.shapes import PP_PLACEHOLDER

    return _content_layouts(PP_PLACEHOLDER.OBJECT)(layout) or _content_layouts(PP_PLACEHOLDER.BODY)(layout)


def _layout_index(presentation, fits, placeholders: str, slides: str, path: Path) -> int:
    """The first of the template's layouts that *fits*, counted over all its slide masters; for the
    content layout, one with a content placeholder before one with a text placeholder (a section header
    has a title and text too)."""
    from pptx.enum.shapes import PP_PLACEHOLDER

    layouts = [layout for master in presentation.slide_masters for layout in master.slide_layouts]
    tests = [_content_layouts(PP_PLACEHOLDER.OBJECT), _content_layouts(PP_PLACEHOLDER.BODY)]
    for test in tests if fits is _is_content_layout else [fits]:
        for index, layout in enumerate(layouts):
            if test(layout):
                return index
    params = {"placeholders": Phrase(Message(placeholders)), "slides": Phrase(Message(slides))}
    raise TemplateProblem(Problem(Place(path), TEMPLATE_LAYOUT_MISSING, params))


def deck_pptx(deck: Deck, pictures: SlidePictures, template: DeckTemplate, made_on: date) -> bytes:
    """The deck as a .pptx file's bytes, made from *template*'s layouts (see the module's docstring)."""
    presentation, title_layout, content_layout = template.new()
    _title_slide(presentation, title_layout, deck)
    for slide in deck.slides:
        _content_slides(presentation, content_layout, slide, pictures)
    moment = source_date() or datetime.combine(made_on, time(), UTC)
    _properties(presentation, deck, moment)
    buffer = io.BytesIO()
    presentation.save(buffer)
    return reproducible_zip(buffer.getvalue(), moment)


def reproducible_zip(data: bytes, moment: datetime) -> bytes:
    """The zip file *data* with every entry dated *moment*, in the order written, so that the same
    content gives the same bytes (a zip records each entry's time, which python-pptx takes from the clock)."""
    stamp = max(moment.astimezone(UTC).timetuple()[:6], (1980, 1, 1, 0, 0, 0))
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info))
    return buffer.getvalue()


def _properties(presentation, deck: Deck, moment: datetime) -> None:
    """The document's properties, all of them set: a template's own (its author, its dates, a revision)
    must not pass for the deck's."""
    properties = presentation.core_properties
    properties.title = deck.title + (f" – {deck.subtitle[0]}" if deck.subtitle else "")
    properties.author = deck.author
    properties.last_modified_by = deck.author
    properties.subject = deck.subject
    properties.keywords = deck.keywords
    properties.language = deck.lang
    properties.comments = ""
    properties.category = ""
    properties.content_status = ""
    properties.identifier = ""
    properties.version = ""
    properties.revision = 1
    naive = moment.astimezone(UTC).replace(tzinfo=None)
    properties.created = naive
    properties.modified = naive
    properties.last_printed = naive


def _placeholders(slide) -> dict:
    """The slide's placeholders by kind (a title, a subtitle, a body), the first of each."""
    found: dict = {}
    for shape in slide.placeholders:
        found.setdefault(shape.placeholder_format.type, shape)
    return found


def _title_slide(presentation, layout, deck: Deck) -> None:
    from pptx.enum.shapes import PP_PLACEHOLDER

    slide = presentation.slides.add_slide(layout)
    found = _placeholders(slide)
    title = found.get(PP_PLACEHOLDER.CENTER_TITLE) or found[PP_PLACEHOLDER.TITLE]
    title.text_frame.text = xml_safe(deck.title)
    subtitle = found[PP_PLACEHOLDER.SUBTITLE].text_frame
    subtitle.text = xml_safe(deck.subtitle[0]) if deck.subtitle else ""
    for line in deck.subtitle[1:]:
        subtitle.add_paragraph().text = xml_safe(line)
    _remove_others(slide, (title, found[PP_PLACEHOLDER.SUBTITLE]))
    slide.notes_slide.notes_text_frame.text = xml_safe(deck.title_notes)


def _remove_others(slide, kept) -> None:
    """Placeholders the deck leaves empty are taken away: an empty one shows "Click to add text"."""
    ids = {shape.shape_id for shape in kept}
    for shape in list(slide.placeholders):
        if shape.shape_id not in ids:
            shape._element.getparent().remove(shape._element)


def _content_slides(presentation, layout, slide: Slide, pictures: SlidePictures) -> None:
    """*slide* on as many slides as its table needs: the text and chart on the first, the table's rows
    over all of them, each under its header rows."""
    from pptx.enum.shapes import PP_PLACEHOLDER

    probe = presentation.slides.add_slide(layout)
    found = _placeholders(probe)
    body = found.get(PP_PLACEHOLDER.OBJECT) or found[PP_PLACEHOLDER.BODY]
    area = _Area(body.left, body.top, body.width, body.height)
    picture = pictures.of(slide.picture.chart) if slide.picture else None
    text_area, picture_area = _beside(area, picture)
    paragraphs = ((slide.lead,) if slide.lead else ()) + slide.points
    sizes, text_room = TEXT_SIZES, text_area.height_pt
    if slide.table is not None:
        sizes = tuple(size for size in TEXT_SIZES if size <= TEXT_OVER_TABLE)
        needed = _table_height(slide.table, range(len(slide.table.rows)), text_area.width)
        text_room = max(text_room - needed, text_room * TEXT_SHARE_OVER_TABLE)
    size, text_height = _text_fit(paragraphs, text_area.width_pt, text_room, sizes)
    chunks = _table_chunks(slide.table, text_area, text_height, area) if slide.table else [()]
    for number, rows in enumerate(chunks):
        page = probe if number == 0 else presentation.slides.add_slide(layout)
        found = _placeholders(page)
        title = found[PP_PLACEHOLDER.TITLE]
        title.text_frame.text = xml_safe(slide.title) + (
            f" ({number + 1}/{len(chunks)})" if len(chunks) > 1 else ""
        )
        content = found.get(PP_PLACEHOLDER.OBJECT) or found[PP_PLACEHOLDER.BODY]
        kept = [title]
        if number == 0 and paragraphs:
            _write_text(
                content,
                paragraphs,
                slide.lead is not None,
                slide.numbered,
                size,
                _Area(text_area.left, text_area.top, text_area.width, int(text_height * EMU_PER_POINT)),
            )
            kept.append(content)
        if slide.table is not None:
            top = text_area.top + int(text_height * EMU_PER_POINT) if number == 0 else area.top
            width = text_area.width if number == 0 else area.width
            _add_table(
                page, slide.table, rows, _Area(text_area.left, top, width, area.top + area.height - top)
            )
        if number == 0 and picture is not None and slide.picture is not None:
            shape = page.shapes.add_picture(
                io.BytesIO(picture),
                picture_area.left,
                picture_area.top,
                picture_area.width,
                picture_area.height,
            )
            shape._element.nvPicPr.cNvPr.set("descr", xml_safe(slide.picture.description))
        _remove_others(page, kept)
        page.notes_slide.notes_text_frame.text = xml_safe(slide.notes)


_NOT_IN_XML = dict.fromkeys([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF])


def xml_safe(text: str) -> str:
    """*text* without the control characters XML cannot hold (a workbook's cell may carry one), which would
    stop the whole deck; a line break and a tab stay."""
    return text.translate(_NOT_IN_XML)


def _png_size(png: bytes) -> tuple[int, int]:
    """Width and height in pixels, from the PNG's header."""
    return struct.unpack(">II", png[16:24])


def _beside(area: _Area, picture: bytes | None) -> tuple[_Area, _Area]:
    """The area for text and table, and the chart's at the right of it: as large as its share of the width
    and the area's height allow, its proportions kept."""
    if picture is None:
        return area, _Area(area.left + area.width, area.top, 0, 0)
    pixels_wide, pixels_high = _png_size(picture)
    width = min(area.width * PICTURE_SHARE, area.height * pixels_wide / pixels_high)
    height = width * pixels_high / pixels_wide
    picture_area = _Area(area.left + area.width - int(width), area.top, int(width), int(height))
    text_width = area.width - int(width) - int(area.width * GAP)
    return _Area(area.left, area.top, text_width, area.height), picture_area


def _lines(text: str, size: float, width_pt: float) -> int:
    """How many lines *text* takes at *size* points in *width_pt*: a safe estimate (see CHAR_WIDTH)."""
    per_line = max(1, int(width_pt / (size * CHAR_WIDTH)))
    return sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))


def _text_height(paragraphs: tuple[str, ...], size: float, width_pt: float) -> float:
    """Points: the height of *paragraphs* at *size*, with the placeholder's own margins and a bullet's
    indent (a quarter of an inch) taken off the width."""
    usable = width_pt - 0.1 * 72 * 2 - 0.25 * 72
    lines = sum(_lines(text, size, usable) + PARAGRAPH_SPACE for text in paragraphs)
    return lines * size * LINE_HEIGHT + 0.05 * 72 * 2


def _text_fit(
    paragraphs: tuple[str, ...], width_pt: float, height_pt: float, sizes: tuple[int, ...]
) -> tuple[float, float]:
    """The largest of *sizes* at which *paragraphs* fit into *height_pt*, else the smallest; and the
    height they then take."""
    if not paragraphs:
        return sizes[-1], 0.0
    for size in sizes:
        height = _text_height(paragraphs, size, width_pt)
        if height <= height_pt:
            return size, height
    return sizes[-1], min(_text_height(paragraphs, sizes[-1], width_pt), height_pt)


def _write_text(
    placeholder, paragraphs: tuple[str, ...], lead: bool, numbered: bool, size: float, area: _Area
) -> None:
    from pptx.enum.text import MSO_AUTO_SIZE
    from pptx.oxml.ns import qn
    from pptx.util import Pt

    placeholder.left, placeholder.top, placeholder.width, placeholder.height = (
        area.left,
        area.top,
        area.width,
        area.height,
    )
    frame = placeholder.text_frame
    frame.word_wrap = True
    for index, text in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = xml_safe(text)
        run.font.size = Pt(size)
        if index == 0 and lead:
            run.font.bold = True
        elif numbered:  # PowerPoint's own numbering, which a user can restyle as the template's bullets
            properties = paragraph._p.get_or_add_pPr()
            properties.insert(0, properties.makeelement(qn("a:buAutoNum"), {"type": "arabicPeriod"}))
    # should the estimate fall short in a client's font, the text shrinks rather than runs into the table
    frame.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE


def _table_size(table: Table) -> int:
    return WIDE_TABLE_SIZE if len(table.columns) > 6 else TABLE_SIZE


def _narrowest(table: Table, index: int) -> float:
    """EMU: no column is narrower than the longest word in it, as if set in bold: a heading or a zone's name
    broken inside a word ("Supplie/r") reads as a mistake."""
    size = _table_size(table)
    words = [word for row in _own_cells(table) for word in row[index].split()]
    longest = max((len(word) for word in words), default=1)
    return (longest * size * WORD_CHAR_WIDTH + 2 * CELL_MARGIN) * EMU_PER_POINT


def _natural_width(table: Table, index: int) -> float:
    """EMU: the width of the column's longest text on one line."""
    size = _table_size(table)
    longest = max(len(row[index]) for row in _own_cells(table))
    return max(_narrowest(table, index), (longest * size * CHAR_WIDTH + 2 * CELL_MARGIN) * EMU_PER_POINT)


def table_width(table: Table, width: int) -> int:
    """EMU: *width*, or less for a table whose every text fits on one line in less (a small table of
    figures spread over a whole slide is hard to read across)."""
    return min(width, int(sum(_natural_width(table, index) for index in range(len(table.columns)))))


def _column_widths(table: Table, width: int) -> list[int]:
    """The columns' shares of *width*, each widened to its narrowest (see :func:`_narrowest`) at the cost
    of the columns that have room to spare."""
    width = table_width(table, width)
    narrowest = [_narrowest(table, index) for index in range(len(table.columns))]
    fixed: set[int] = set()
    while True:
        free = width - sum(narrowest[index] for index in fixed)
        weights = sum(column.width for index, column in enumerate(table.columns) if index not in fixed)
        shares = {
            index: free * column.width / weights
            for index, column in enumerate(table.columns)
            if index not in fixed
        }
        short = {index for index, share in shares.items() if share < narrowest[index]}
        if not short or len(fixed | short) == len(table.columns):
            break
        fixed |= short
    widths = [
        int(narrowest[index]) if index in fixed else int(shares[index]) for index in range(len(table.columns))
    ]
    widths[-1] += width - sum(widths)
    return widths


def _row_height(cells: tuple[str, ...], widths: list[int], size: float) -> float:
    """Points: the height a row needs, its cell with the most lines deciding."""
    lines = max(
        _lines(text, size, width / EMU_PER_POINT - 2 * CELL_MARGIN)
        for text, width in zip(cells, widths, strict=True)
    )
    return lines * size * LINE_HEIGHT + 2 * CELL_MARGIN_ABOVE


def _table_height(table: Table, rows, width: int) -> float:
    """Points: the height of the table's header rows and of *rows* (their indices) at *width*."""
    size, widths = _table_size(table), _column_widths(table, width)
    cells = [*_header_rows(table), *(table.rows[index] for index in rows)]
    return sum(_row_height(row, widths, size) for row in cells)


def _own_cells(table: Table) -> list[tuple[str, ...]]:
    """The rows whose cells are each one column's own: the columns' headings and the body, not the group
    headings, which span several columns."""
    return [tuple(column.heading for column in table.columns), *table.rows]


def _header_rows(table: Table) -> list[tuple[str, ...]]:
    """The group row (each heading in the first column it spans, merged over the rest) and the columns'."""
    groups = (
        [tuple(label if i == 0 else "" for label, span in table.groups for i in range(span))]
        if table.groups
        else []
    )
    return [*groups, tuple(column.heading for column in table.columns)]


def _table_chunks(table: Table, text_area: _Area, text_height: float, area: _Area) -> list[tuple[int, ...]]:
    """The table's rows (their indices) on each slide: as many as fit under the text on the first slide,
    under the header rows alone on the others; one row at least on each."""
    size = _table_size(table)

    def room(width: int, height_pt: float) -> tuple[list[int], float]:
        widths = _column_widths(table, width)
        header = sum(_row_height(row, widths, size) for row in _header_rows(table))
        return widths, height_pt - header

    chunks: list[tuple[int, ...]] = []
    widths, left = room(text_area.width, text_area.height_pt - text_height)
    current: list[int] = []
    for index, row in enumerate(table.rows):
        height = _row_height(row, widths, size)
        if current and height > left:
            chunks.append(tuple(current))
            current = []
            widths, left = room(area.width, area.height_pt)
        current.append(index)
        left -= height
    chunks.append(tuple(current))
    return _evened(chunks, table, text_area, text_height, area)


def _evened(chunks: list[tuple[int, ...]], table: Table, text_area: _Area, text_height: float, area: _Area):
    """The rows over as many slides as *chunks*, in runs as even as fit: 8 and 8 rather than 13 and 3."""
    count, rows = len(chunks), sum(len(chunk) for chunk in chunks)
    if count == 1:
        return chunks
    each, more = divmod(rows, count)
    starts = [number * each + min(number, more) for number in range(count + 1)]
    even = [tuple(range(start, end)) for start, end in itertools.pairwise(starts)]
    rooms = [(text_area.width, text_area.height_pt - text_height)] + [(area.width, area.height_pt)] * (
        count - 1
    )
    fits = len(even) == count and all(
        _table_height(table, chunk, width) <= height
        for chunk, (width, height) in zip(even, rooms, strict=True)
    )
    return even if fits else chunks


def _add_table(page, table: Table, rows: tuple[int, ...], area: _Area) -> None:
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Pt

    size = _table_size(table)
    widths = _column_widths(table, area.width)
    width = sum(widths)
    header = _header_rows(table)
    body = [table.rows[index] for index in rows]
    # a row as high as one line: PowerPoint and Impress grow it to the lines its text takes there
    line = int((size * LINE_HEIGHT + 2 * CELL_MARGIN_ABOVE) * EMU_PER_POINT)
    rows_made = len(header) + len(body)
    frame = page.shapes.add_table(rows_made, len(table.columns), area.left, area.top, width, line * rows_made)
    grid = frame.table
    for index, width in enumerate(widths):
        grid.columns[index].width = width
    for index in range(rows_made):
        grid.rows[index].height = line
    bold = {len(header) + position for position, index in enumerate(rows) if index in table.bold_rows}
    for row_index, cells in enumerate((*header, *body)):
        for column_index, text in enumerate(cells):
            cell = grid.cell(row_index, column_index)
            cell.margin_left = cell.margin_right = Pt(CELL_MARGIN)
            cell.margin_top = cell.margin_bottom = Pt(CELL_MARGIN_ABOVE)
            paragraph = cell.text_frame.paragraphs[0]
            run = paragraph.add_run()
            run.text = xml_safe(text)
            run.font.size = Pt(size)
            if row_index < len(header) or row_index in bold:
                run.font.bold = True
            if table.columns[column_index].figures:
                paragraph.alignment = PP_ALIGN.CENTER
    if table.groups:
        start = 0
        for _label, span in table.groups:
            if span > 1:
                grid.cell(0, start).merge(grid.cell(0, start + span - 1))
                for column in range(start, start + span):
                    grid.cell(0, column).text_frame.paragraphs[0].alignment = PP_ALIGN.CENTER
            start += span
