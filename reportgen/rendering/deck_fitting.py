"""Where a deck's text, table and chart go on a slide, and how much of each fits.

Within the content placeholder's area, a slide's text comes first, its table below, and its chart at the
right. How much text fits, and how many rows of a table, is reckoned with an estimate of the width of the
text that errs towards room (there are no metrics of the template's font at hand), so that a long table
goes on over as many slides as it needs, its rows as evenly spread as the slides allow.
"""

from __future__ import annotations

import itertools
import math
import struct
from dataclasses import dataclass

from reportgen.views.briefing.deck import Slide, Table

EMU_PER_POINT = 12_700


GAP = 0.03
"""The space between a slide's text, table and chart, as a share of the content area's width."""


PICTURE_SHARE = 0.5
"""At most this share of the content area's width goes to a chart beside a table; beside text alone, at
most PICTURE_SHARE_BESIDE_TEXT, so that a chart's labels are read from the back of the room."""
PICTURE_SHARE_BESIDE_TEXT = 0.64
TEXT_TABLE_GAP = 8
"""Points between a slide's text and the table under it."""


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


BOLD_CHAR_WIDTH = 0.58
"""A character's width in ems in a heading set in bold (Arial's bold: 0.47 in the mean; capitals wider)."""
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


@dataclass(frozen=True)
class Area:
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


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height in pixels, from the PNG's header."""
    return struct.unpack(">II", png[16:24])


@dataclass(frozen=True)
class Placement:
    """Where a slide's text, table and chart go, at what size its text is set, and which of its table's
    rows go on each of the slides it takes."""

    text: Area
    """The text, and the table under it, on the first slide."""
    picture: Area
    size: float
    text_height: float
    """Points: the text's height; the table begins TEXT_TABLE_GAP below."""
    chunks: tuple[tuple[int, ...], ...]
    """The table's rows (their indices) on each slide; one empty run for a slide without a table."""

    @property
    def table_top(self) -> int:
        """EMU: where the table begins on the first slide."""
        gap = TEXT_TABLE_GAP if self.text_height else 0
        return self.text.top + int((self.text_height + gap) * EMU_PER_POINT)


def placement(slide: Slide, area: Area, picture: bytes | None, largest: float = TEXT_SIZES[0]) -> Placement:
    """Where *slide*'s parts go in the content *area*: a chart beside its text gets more of the width than
    one beside a table; text over a table is set smaller, and takes what the table leaves (a share of the
    height at least); text is set no larger than *largest* (the size the other slides of its series take)."""
    table = slide.table
    text_area, picture_area = beside(area, picture, PICTURE_SHARE if table else PICTURE_SHARE_BESIDE_TEXT)
    sizes = tuple(
        size for size in TEXT_SIZES if size <= largest and (table is None or size <= TEXT_OVER_TABLE)
    )
    text_room = text_area.height_pt
    if table is not None:
        needed = table_height(table, range(len(table.rows)), text_area.width) + TEXT_TABLE_GAP
        text_room = max(text_room - needed, text_room * TEXT_SHARE_OVER_TABLE)
    size, text_height = text_fit(slide.paragraphs, text_area.width_pt, text_room, sizes or TEXT_SIZES[-1:])
    first_room = text_height + (TEXT_TABLE_GAP if text_height else 0)
    chunks = table_chunks(table, text_area, first_room, area) if table is not None else [()]
    return Placement(text_area, picture_area, size, text_height, tuple(chunks))


def beside(area: Area, picture: bytes | None, share: float = PICTURE_SHARE) -> tuple[Area, Area]:
    """The area for text and table, and the chart's at the right of it: as large as its *share* of the
    width and the area's height allow, its proportions kept."""
    if picture is None:
        return area, Area(area.left + area.width, area.top, 0, 0)
    pixels_wide, pixels_high = png_size(picture)
    width = min(area.width * share, area.height * pixels_wide / pixels_high)
    height = width * pixels_high / pixels_wide
    picture_area = Area(area.left + area.width - int(width), area.top, int(width), int(height))
    text_width = area.width - int(width) - int(area.width * GAP)
    return Area(area.left, area.top, text_width, area.height), picture_area


def line_count(text: str, size: float, width_pt: float) -> int:
    """How many lines *text* takes at *size* points in *width_pt*: a safe estimate (see CHAR_WIDTH)."""
    per_line = max(1, int(width_pt / (size * CHAR_WIDTH)))
    return sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))


def text_height(paragraphs: tuple[str, ...], size: float, width_pt: float) -> float:
    """Points: the height of *paragraphs* at *size*, with the placeholder's own margins and a bullet's
    indent (a quarter of an inch) taken off the width."""
    usable = width_pt - 0.1 * 72 * 2 - 0.25 * 72
    lines = sum(line_count(text, size, usable) + PARAGRAPH_SPACE for text in paragraphs)
    return lines * size * LINE_HEIGHT + 0.05 * 72 * 2


def text_fit(
    paragraphs: tuple[str, ...], width_pt: float, height_pt: float, sizes: tuple[int, ...]
) -> tuple[float, float]:
    """The largest of *sizes* at which *paragraphs* fit into *height_pt*, else the smallest; and the
    height they then take."""
    if not paragraphs:
        return sizes[-1], 0.0
    for size in sizes:
        height = text_height(paragraphs, size, width_pt)
        if height <= height_pt:
            return size, height
    return sizes[-1], min(text_height(paragraphs, sizes[-1], width_pt), height_pt)


def table_size(table: Table) -> int:
    return WIDE_TABLE_SIZE if len(table.columns) > 6 else TABLE_SIZE


def narrowest(table: Table, index: int) -> float:
    """EMU: no column is narrower than the longest word in it, as if set in bold: a heading or a zone's name
    broken inside a word ("Supplie/r") reads as a mistake."""
    size = table_size(table)
    words = [word for row in _own_cells(table) for word in row[index].split()]
    longest = max((len(word) for word in words), default=1)
    return (longest * size * WORD_CHAR_WIDTH + 2 * CELL_MARGIN) * EMU_PER_POINT


def natural_width(table: Table, index: int) -> float:
    """EMU: the width of the column's longest text on one line, its heading set in bold."""
    size = table_size(table)
    heading = len(table.columns[index].heading) * BOLD_CHAR_WIDTH
    longest = max([heading, *(len(row[index]) * CHAR_WIDTH for row in table.rows)])
    return max(narrowest(table, index), (longest * size + 2 * CELL_MARGIN) * EMU_PER_POINT)


def column_widths(table: Table, width: int) -> list[int]:
    """The columns' shares of *width*, each widened to its narrowest (see :func:`narrowest`) at the cost
    of the columns that have room to spare; a table whose every text fits on one line in less than *width*
    takes only that (a small table of figures spread over a whole slide is hard to read across)."""
    natural = [natural_width(table, index) for index in range(len(table.columns))]
    if sum(natural) <= width:  # every text on one line: each column as wide as its own
        widths = [int(each) for each in natural]
        widths[-1] += int(sum(natural)) - sum(widths)
        return widths
    least = [narrowest(table, index) for index in range(len(table.columns))]
    fixed: set[int] = set()
    while True:
        free = width - sum(least[index] for index in fixed)
        weights = sum(column.width for index, column in enumerate(table.columns) if index not in fixed)
        shares = {
            index: free * column.width / weights
            for index, column in enumerate(table.columns)
            if index not in fixed
        }
        short = {index for index, share in shares.items() if share < least[index]}
        if not short or len(fixed | short) == len(table.columns):
            break
        fixed |= short
    widths = [
        int(least[index]) if index in fixed else int(shares[index]) for index in range(len(table.columns))
    ]
    widths[-1] += width - sum(widths)
    return widths


def row_height(cells: tuple[str, ...], widths: list[int], size: float) -> float:
    """Points: the height a row needs, its cell with the most lines deciding."""
    lines = max(
        line_count(text, size, width / EMU_PER_POINT - 2 * CELL_MARGIN)
        for text, width in zip(cells, widths, strict=True)
    )
    return lines * size * LINE_HEIGHT + 2 * CELL_MARGIN_ABOVE


def table_height(table: Table, rows, width: int) -> float:
    """Points: the height of the table's header rows and of *rows* (their indices) at *width*."""
    size, widths = table_size(table), column_widths(table, width)
    cells = [*header_rows(table), *(table.rows[index] for index in rows)]
    return sum(row_height(row, widths, size) for row in cells)


def _own_cells(table: Table) -> list[tuple[str, ...]]:
    """The rows whose cells are each one column's own: the columns' headings and the body, not the group
    headings, which span several columns."""
    return [tuple(column.heading for column in table.columns), *table.rows]


def header_rows(table: Table) -> list[tuple[str, ...]]:
    """The group row (each heading in the first column it spans, merged over the rest) and the columns'."""
    groups = (
        [tuple(label if i == 0 else "" for label, span in table.groups for i in range(span))]
        if table.groups
        else []
    )
    return [*groups, tuple(column.heading for column in table.columns)]


def table_chunks(table: Table, text_area: Area, text_height: float, area: Area) -> list[tuple[int, ...]]:
    """The table's rows (their indices) on each slide: as many as fit under the text on the first slide,
    under the header rows alone on the others; one row at least on each."""
    size = table_size(table)

    def room(width: int, height_pt: float) -> tuple[list[int], float]:
        widths = column_widths(table, width)
        header = sum(row_height(row, widths, size) for row in header_rows(table))
        return widths, height_pt - header

    chunks: list[tuple[int, ...]] = []
    widths, left = room(text_area.width, text_area.height_pt - text_height)
    current: list[int] = []
    for index, row in enumerate(table.rows):
        height = row_height(row, widths, size)
        if current and height > left:
            chunks.append(tuple(current))
            current = []
            widths, left = room(area.width, area.height_pt)
        current.append(index)
        left -= height
    chunks.append(tuple(current))
    return _evened(chunks, table, text_area, text_height, area)


def _evened(chunks: list[tuple[int, ...]], table: Table, text_area: Area, text_height: float, area: Area):
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
    fits = all(
        table_height(table, chunk, width) <= height
        for chunk, (width, height) in zip(even, rooms, strict=True)
    )
    return even if fits else chunks
