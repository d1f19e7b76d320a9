"""The look every sheet of the fillable workbook shares, on screen and printed.

- Everything is set in Arial (see :mod:`text_fit`), the workbook's Normal style too: a column's width is
  counted in the Normal font's digits, and LibreOffice sets a Calibri it lacks in a much wider font.
- The cells to fill in are yellow, framed in dark grey so that they stand out printed in black and white
  too, and unlocked; the rest is protected without a password.
- A dark header row, each column at least as wide as its header's longest word.
- Every row as tall as its wrapped text needs (:func:`fit_rows`), since no spreadsheet fits it on opening.
- Printed: A4 landscape, one page wide, the header row on every page, and a footer naming the document, the
  companies and the page (page x of y).
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

from reportgen.outputs.workbook.text_fit import (
    CELL_PADDING,
    FONT_NAME,
    FONT_SIZE,
    TextStyle,
    column_points,
    column_width_for,
    text_height,
    text_width,
)

INPUT_FILL = "FFF4C2"  # the yellow of cells to fill in
INPUT_FRAME = "595959"
"""The frame of a cell to fill in: dark enough to print in black and white, where the yellow vanishes."""
GRID = "D5DBE1"
HEADER_FILL = "1F4E79"
MUTED = "6B7785"
MIN_ROW_HEIGHT = 12.75
"""Excel's own height of a row of Arial 10: no row is lower."""
PIXEL = 0.75
"""A pixel at 96 dpi, in points: Excel shows a row's height in whole pixels, so it is rounded up to them."""
MAX_ROW_HEIGHT = 409.0
"""The tallest row Excel allows."""
DEFAULT_COLUMN_WIDTH = 8.43
FOOTER_SIZE = 8
FOOTER_STYLE = TextStyle(size=FOOTER_SIZE)
MARGINS = {"left": 0.5, "right": 0.5, "top": 0.6, "bottom": 0.8, "header": 0.3, "footer": 0.3}
"""The printed page's margins, in inches: the footer and the head line sit inside top and bottom."""
PRINTED_WIDTH = (297 / 25.4 - MARGINS["left"] - MARGINS["right"]) * 72
"""The points across an A4 landscape page between its margins, where the sheet, header and footer go."""
PRINTED_HEIGHT = (210 / 25.4 - MARGINS["top"] - MARGINS["bottom"]) * 72
"""The points down an A4 landscape page between its margins, where the sheet's rows go."""
FOOTER_GAP = 24.0
"""The points kept between the footer's left part and the page number."""


def font(size: float = FONT_SIZE, bold: bool = False, italic: bool = False, color: str | None = None):
    """A cell font: Arial always, since a font without a name is set in a serif by LibreOffice, and the
    rows' heights are reckoned with Arial's widths."""
    from openpyxl.styles import Font

    return Font(name=FONT_NAME, size=size, bold=bold, italic=italic, color=color, family=2)


def new_workbook():
    """An empty workbook whose Normal style is Arial 10.

    openpyxl fixes Calibri 11 as every workbook's first font and the Normal style's; it offers no other way
    to change them than replacing both lists before any cell is styled."""
    from openpyxl import Workbook
    from openpyxl.styles import Border
    from openpyxl.styles.named_styles import NamedStyle, NamedStyleList
    from openpyxl.utils.indexed_list import IndexedList

    workbook = Workbook()
    workbook.remove(workbook.active)
    workbook._fonts = IndexedList([font()])
    workbook._named_styles = NamedStyleList()
    workbook.add_named_style(NamedStyle(name="Normal", font=font(), border=Border(), builtinId=0))
    return workbook


def cell_styles():
    """The fonts, fills, alignments, borders and protection the sheets give their cells, by name."""
    from openpyxl.styles import Alignment, Border, PatternFill, Protection, Side

    grid = Side(style="thin", color=GRID)
    frame = Side(style="medium", color=INPUT_FRAME)
    return {
        "title": font(16, bold=True, color=HEADER_FILL),
        "subtitle": font(12, color=HEADER_FILL),
        "heading": font(12, bold=True, color=HEADER_FILL),
        "header": font(bold=True, color="FFFFFF"),
        "bold": font(bold=True),
        "plain": font(),
        "small": font(9, color=MUTED),
        "header_fill": PatternFill("solid", fgColor=HEADER_FILL),
        "input_fill": PatternFill("solid", fgColor=INPUT_FILL),
        "muted": font(italic=True, color=MUTED),
        "wrap": Alignment(wrap_text=True, vertical="top"),
        "centre": Alignment(horizontal="center", vertical="top", wrap_text=True),
        "border": Border(left=grid, right=grid, top=grid, bottom=grid),
        "input_border": Border(left=frame, right=frame, top=frame, bottom=frame),
        "unlocked": Protection(locked=False),
    }


def to_fill_in(cell, styles, alignment: str = "wrap") -> None:
    """Mark *cell* as one for the user: yellow, framed, unlocked."""
    cell.fill = styles["input_fill"]
    cell.border = styles["input_border"]
    cell.protection = styles["unlocked"]
    cell.alignment = styles[alignment]
    cell.font = styles["plain"]


def protect(sheet) -> None:
    """Lock what must stay as it is – without a password, so anyone can lift it in Excel or LibreOffice."""
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    sheet.protection.autoFilter = False


@dataclass(frozen=True)
class Column:
    """A column of a sheet with a header row: its header, and the width it is given before its header's
    longest word widens it."""

    header: str
    width: float


def header_row(sheet, columns: Sequence[Column], styles) -> None:
    """The header row, each column at least as wide as its header's longest word, so that no word of a
    header is broken; the row's height follows from the words' wrapping (:func:`fit_rows`)."""
    header_style = TextStyle(bold=True)
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(1, index, column.header)
        cell.font = styles["header"]
        cell.fill = styles["header_fill"]
        cell.alignment = styles["wrap"]
        cell.border = styles["border"]
        longest = max((text_width(word, header_style) for word in column.header.split()), default=0.0)
        sheet.column_dimensions[cell.column_letter].width = max(column.width, column_width_for(longest))
    sheet.freeze_panes = sheet.freeze_panes or "A2"
    sheet.print_title_rows = "1:1"


@dataclass(frozen=True)
class Footer:
    """What each printed page says at its foot: the document and the sheet, then the companies (and the
    quarter), cut where they would reach the page number at the right."""

    document: str
    companies: str
    """The companies and the quarter, as far as they are known: empty where nothing is."""
    page_of: str
    """"Page {page} of {pages}" in the workbook's language, the numbers left as placeholders."""


def print_setup(sheet, footer: Footer, one_page: bool = False) -> None:
    """A4 landscape, one page wide and as many long as it takes (or on *one_page*, the instructions that
    ran a few lines over), with the footer."""
    from openpyxl.worksheet.page import PageMargins

    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 1 if one_page else 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins = PageMargins(**MARGINS)
    sheet.HeaderFooter.scaleWithDoc = False
    right = _escaped(footer.page_of).format(page="&P", pages="&N")
    left = " · ".join(part for part in (f"{footer.document} – {sheet.title}", footer.companies) if part)
    room = PRINTED_WIDTH - text_width(footer.page_of.format(page=999, pages=999), FOOTER_STYLE) - FOOTER_GAP
    _set_part(sheet.oddFooter.left, _escaped(_cut(left, room)))
    _set_part(sheet.oddFooter.right, right)


def page_header(sheet, text: str) -> None:
    """A line at the head of every printed page of *sheet*, centred."""
    _set_part(sheet.oddHeader.center, _escaped(_cut(text, PRINTED_WIDTH)))


def _set_part(part, text: str) -> None:
    part.text = text
    part.font = f"{FONT_NAME},Regular"
    part.size = FOOTER_SIZE
    part.color = MUTED


def _cut(text: str, points: float) -> str:
    """*text*, cut to *points* at the footer's size and ending in an ellipsis where it is wider; a company's
    name may be long, and the page number must stay clear of it."""
    if text_width(text, FOOTER_STYLE) <= points:
        return text
    while text and text_width(text + "…", FOOTER_STYLE) > points:
        text = text[:-1]
    return text.rstrip() + "…"


def _escaped(text: str) -> str:
    """*text* as a footer shows it: an ampersand written twice, so that no name is read as a code."""
    return text.replace("&", "&&")


def even_pages(sheet) -> None:
    """Where a sheet printed one page wide takes more than one page long, break it into pages of about the
    same height (8 and 8 rows, not 13 and 3), each under the header row that repeats.

    The rows' heights are this module's own, so what is left to reckon is the scale that fits the sheet to
    the page's width: it is taken at Excel's, the larger (LibreOffice counts a column wider), so that no
    page holds more than fits in either."""
    from openpyxl.worksheet.pagebreak import Break

    width = sum(column_points(column_width(sheet, letter)) + CELL_PADDING for letter in _letters(sheet))
    scale = min(1.0, PRINTED_WIDTH / width) if width else 1.0
    heights = [sheet.row_dimensions[row].height or MIN_ROW_HEIGHT for row in range(2, sheet.max_row + 1)]
    room = PRINTED_HEIGHT / scale - (sheet.row_dimensions[1].height or MIN_ROW_HEIGHT)
    if room <= 0 or max(heights, default=0.0) > room:
        return  # a row taller than a page: the spreadsheet breaks it where it can
    for pages in range(math.ceil(sum(heights) / room), len(heights) + 1):
        breaks = _breaks(heights, pages)
        if all(height <= room for height in _page_heights(heights, breaks)):
            for row in breaks:
                sheet.row_breaks.append(Break(id=row - 1))  # counted from 0: the break is above it
            return


def _breaks(heights: list[float], pages: int) -> list[int]:
    """The sheet's rows that begin a new page, each row going on the page its middle falls on, of *pages*
    pages of equal height. *heights* are those of the rows below the header, from row 2."""
    share = sum(heights) / pages
    breaks, top, page = [], 0.0, 0
    for index, height in enumerate(heights):
        on = min(pages - 1, int((top + height / 2) // share))
        if on > page and index > 0:
            breaks.append(index + 2)
            page = on
        top += height
    return breaks


def _page_heights(heights: list[float], breaks: list[int]) -> list[float]:
    bounds = [0, *(row - 2 for row in breaks), len(heights)]
    return [sum(heights[start:end]) for start, end in itertools.pairwise(bounds)]


def _letters(sheet) -> list[str]:
    from openpyxl.utils import get_column_letter

    return [get_column_letter(index) for index in range(1, sheet.max_column + 1)]


def fit_rows(sheet) -> None:
    """Give every row the height its tallest cell's wrapped text needs, in its column's width and its font."""
    fitted_row = _fitted_row_type()
    for row in sheet.iter_rows():
        needed = max((cell_height(cell, sheet) for cell in row), default=0.0)
        height = min(MAX_ROW_HEIGHT, max(MIN_ROW_HEIGHT, needed))
        pixels = math.ceil(height / PIXEL - 1e-9)
        sheet.row_dimensions[row[0].row] = fitted_row(sheet, index=row[0].row, ht=pixels * PIXEL)


@functools.cache
def _fitted_row_type():
    """The type of a row whose height is reckoned from its text, not set by hand: written without Excel's
    ``customHeight``, so that Excel and LibreOffice fit the row anew once its text changes, as when a long
    comment is typed in. openpyxl marks every row with a height as set by hand; the type is made here,
    where openpyxl is loaded."""
    from openpyxl.worksheet.dimensions import RowDimension

    class FittedRow(RowDimension):
        @property
        def customHeight(self):
            return False

    return FittedRow


def cell_height(cell, sheet) -> float:
    """The height *cell*'s text needs; a cell that does not wrap needs one line."""
    if cell.value is None or cell.value == "":
        return 0.0
    style = TextStyle(size=float(cell.font.sz or FONT_SIZE), bold=bool(cell.font.b))
    points = column_points(column_width(sheet, cell.column_letter))
    if not cell.alignment.wrap_text:
        return text_height("", style, points)
    return text_height(str(cell.value), style, points)


def column_width(sheet, letter: str) -> float:
    return sheet.column_dimensions[letter].width or DEFAULT_COLUMN_WIDTH


def date_format(lang: str) -> str:
    """A date cell's number format: the date as the workbook's language writes it."""
    return "DD.MM.YYYY" if lang == "de" else "YYYY-MM-DD"
