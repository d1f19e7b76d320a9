"""Where a workbook's text and pages fall: each row as tall as its wrapped text needs, each column at least
as wide as its header's longest word, a sheet over several pages broken into pages of about the same height,
and a footer's text cut clear of the page number.

These are the rules that keep every title and header whole; :mod:`text_fit` measures the text they place,
and :mod:`look` gives the cells their styles and the sheets their print setup.
"""

from __future__ import annotations

import functools
import itertools
import math

from reportgen.outputs.workbook.text_fit import (
    POINTS_PER_CHARACTER,
    TextStyle,
    column_points,
    column_width_for,
    style_of,
    text_height,
    text_width,
    words,
)

MIN_ROW_HEIGHT = 12.75
"""Excel's own height of a row of Arial 10: no row is lower."""
PIXEL = 0.75
"""A pixel at 96 dpi, in points: Excel shows a row's height in whole pixels, so it is rounded up to them."""
MAX_ROW_HEIGHT = 409.0
"""The tallest row Excel allows."""
DEFAULT_COLUMN_WIDTH = 8.43
"""The width, in characters, Excel gives a column that was given none."""
MARGINS = {"left": 0.5, "right": 0.5, "top": 0.6, "bottom": 0.8, "header": 0.3, "footer": 0.3}
"""The printed page's margins, in inches: the footer and the head line sit inside top and bottom."""
PRINTED_WIDTH = (297 / 25.4 - MARGINS["left"] - MARGINS["right"]) * 72
"""The points across an A4 landscape page (the paper look.print_setup asks for) between its margins, where
the sheet, header and footer go."""
PRINTED_HEIGHT = (210 / 25.4 - MARGINS["top"] - MARGINS["bottom"]) * 72
"""The points down an A4 landscape page between its margins, where the sheet's rows go."""
WRITING_ROOM = 22.5
"""The least height of a row with a cell to fill in, in points (8 mm): room to write in by hand on a
printed form."""


def header_width(header: str, width: float, style: TextStyle) -> float:
    """A column's width: *width*, or wider where a word of its *header*, set in *style*, would not fit, so
    that no word of a header is broken ("Präzisionstechnik")."""
    return max([width, *(column_width_for(text_width(word, style)) for word in words(header))])


def fit_rows(sheet) -> None:
    """Give every row the height its tallest cell's wrapped text needs, in its column's width and its font,
    in whole pixels; no row is lower than Excel's own, nor taller than Excel allows."""
    fitted_row = _fitted_row_type()
    for row in sheet.iter_rows():
        needed = max(
            [
                MIN_ROW_HEIGHT,
                *(cell_height(cell, sheet) for cell in row if _holds_text(cell)),
                *(WRITING_ROOM for cell in row if _to_fill_in(cell)),
            ]
        )
        height = min(MAX_ROW_HEIGHT, math.ceil(needed / PIXEL - 1e-9) * PIXEL)
        sheet.row_dimensions[row[0].row] = fitted_row(sheet, index=row[0].row, ht=height)


def _holds_text(cell) -> bool:
    return cell.value is not None and cell.value != ""


def _to_fill_in(cell) -> bool:
    """Whether *cell* is for the user: unlocked, where everything else is protected."""
    return cell.protection.locked is False


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
    """The height *cell*'s text needs in its column; a cell that does not wrap shows one line."""
    points = column_points(column_width(sheet, cell.column_letter))
    return text_height(str(cell.value), style_of(cell.font), points, wrap=bool(cell.alignment.wrap_text))


def column_width(sheet, letter: str) -> float:
    """Column *letter*'s width, in characters; looked up without making the column a width of its own."""
    dimension = sheet.column_dimensions.get(letter)
    return dimension.width if dimension is not None and dimension.customWidth else DEFAULT_COLUMN_WIDTH


def even_pages(sheet) -> None:
    """Where a sheet printed one page wide takes more than one page long, break it into pages of about the
    same height (8 and 8 rows, not 13 and 3), each under the header row that repeats.

    The rows' heights are this module's own, so what is left to reckon is the scale that fits the sheet to
    the page's width: it is taken at Excel's, the larger (LibreOffice counts a column wider), so that no
    page holds more than fits in either. Where no split fits, as when a row is taller than a page, the
    spreadsheet breaks the pages where it can."""
    from openpyxl.worksheet.pagebreak import Break

    width = sum(column_width(sheet, letter) for letter in _letters(sheet)) * POINTS_PER_CHARACTER
    scale = min(1.0, PRINTED_WIDTH / width)
    room = PRINTED_HEIGHT / scale - (sheet.row_dimensions[1].height or MIN_ROW_HEIGHT)
    heights = [sheet.row_dimensions[row].height or MIN_ROW_HEIGHT for row in range(2, sheet.max_row + 1)]
    if sum(heights) <= room:
        return
    for pages in range(2, len(heights) + 1):
        starts = page_starts(heights, pages)
        if all(height <= room for height in page_heights(heights, starts)):
            for start in starts:
                sheet.row_breaks.append(Break(id=start + 1))  # above row start + 2, counted from 0
            return


def page_starts(heights: list[float], pages: int) -> list[int]:
    """Where each page after the first begins, among rows of *heights*: each row goes on the page its middle
    falls on, of *pages* pages of equal height."""
    share = sum(heights) / pages
    starts, top, page = [], heights[0], 0
    for index, height in enumerate(heights[1:], start=1):
        on = int((top + height / 2) / share)
        if on > page:
            starts.append(index)
            page = on
        top += height
    return starts


def page_heights(heights: list[float], starts: list[int]) -> list[float]:
    """The height of each page the rows of *heights* make when pages begin at *starts*."""
    return [sum(heights[start:end]) for start, end in itertools.pairwise([0, *starts, len(heights)])]


def _letters(sheet) -> list[str]:
    from openpyxl.utils import get_column_letter

    return [get_column_letter(index) for index in range(1, sheet.max_column + 1)]


def cut_to(text: str, points: float, style: TextStyle) -> str:
    """*text*, cut to *points* in *style* and ending in an ellipsis where it is wider: a company's name may be
    long, and a footer's page number must stay clear of it."""
    if text_width(text, style) <= points:
        return text
    while text and text_width(text + "…", style) > points:
        text = text[:-1]
    return text.rstrip() + "…"
