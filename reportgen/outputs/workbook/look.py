"""The look every sheet of the fillable workbook shares, on screen and printed.

- Everything is set in Arial (see :mod:`text_fit`), the workbook's Normal style too: a column's width is
  counted in the Normal font's digits, and LibreOffice sets a Calibri it lacks in a much wider font.
- The cells to fill in are yellow, framed in dark grey so that they stand out printed in black and white
  too, and unlocked; the rest is protected without a password.
- A dark header row, each column at least as wide as its header's longest word.
- Every row as tall as its wrapped text needs, since no spreadsheet fits it on opening (:mod:`layout`).
- Printed: A4 landscape, one page wide, the header row on every page, and a footer naming the document, the
  companies and the page (page x of y).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportgen.outputs.workbook.layout import MARGINS, PRINTED_WIDTH, cut_to, even_pages, header_width
from reportgen.outputs.workbook.text_fit import FONT_NAME, FONT_SIZE, TextStyle, style_of, text_width

INPUT_FILL = "FFF4C2"  # the yellow of cells to fill in
INPUT_FRAME = "595959"
"""The frame of a cell to fill in: dark enough to print in black and white, where the yellow vanishes."""
GRID = "D5DBE1"
HEADER_FILL = "1F4E79"
MUTED = "6B7785"
FOOTER_SIZE = 8
FOOTER_STYLE = TextStyle(size=FOOTER_SIZE)
FOOTER_GAP = 24.0
"""The points kept between the footer's left part and the page number."""
FOOTER_LIMIT = 255
"""The characters Excel reads of a header or a footer, its codes included; it refuses a file with more."""


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


def header_row(sheet, columns: Sequence[Column], styles, frozen: str = "A2") -> None:
    """The header row, each column at least as wide as its header's longest word, printed on every page and
    kept in view above the cells *frozen* (and left of them); its height follows from the words' wrapping
    (:func:`layout.fit_rows`)."""
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(1, index, column.header)
        cell.font = styles["header"]
        cell.fill = styles["header_fill"]
        cell.alignment = styles["wrap"]
        cell.border = styles["border"]
        width = header_width(column.header, column.width, style_of(cell.font))
        sheet.column_dimensions[cell.column_letter].width = width
    sheet.freeze_panes = frozen
    sheet.print_title_rows = "1:1"


@dataclass(frozen=True)
class Footer:
    """What each printed page says at its foot: the document and the sheet, then the companies (and the
    quarter), cut where they would reach the page number at the right."""

    document: str
    about: str
    """The companies and the quarter, as far as they are known: empty where nothing is."""
    page_of: str
    """"Page {page} of {pages}" in the workbook's language, the numbers left as placeholders."""


def print_setup(sheet, footer: Footer, one_page: bool = False) -> None:
    """A4 landscape, one page wide and as many long as it takes, in pages of about the same height (or on
    *one_page*, the instructions that ran a few lines over), with the footer. The rows must be fitted
    first: the pages are split by their heights."""
    from openpyxl.worksheet.page import PageMargins

    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 1 if one_page else 0
    if not one_page:
        even_pages(sheet)
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins = PageMargins(**MARGINS)
    sheet.HeaderFooter.scaleWithDoc = False
    page = _styled(sheet.oddFooter.right)
    page.text = _escaped(footer.page_of).format(page="&P", pages="&N")
    left = " · ".join(part for part in (f"{footer.document} – {sheet.title}", footer.about) if part)
    room = PRINTED_WIDTH - text_width(footer.page_of.format(page=999, pages=999), FOOTER_STYLE) - FOOTER_GAP
    _set_text(_styled(sheet.oddFooter.left), cut_to(left, room, FOOTER_STYLE), FOOTER_LIMIT - _length(page))


def page_header(sheet, text: str) -> None:
    """A line at the head of every printed page of *sheet*, centred."""
    _set_text(_styled(sheet.oddHeader.center), cut_to(text, PRINTED_WIDTH, FOOTER_STYLE), FOOTER_LIMIT)


def _styled(part):
    """*part* of a header or footer, set in the footer's font, size and colour."""
    part.font = f"{FONT_NAME},Regular"
    part.size = FOOTER_SIZE
    part.color = MUTED
    return part


def _set_text(part, text: str, characters: int) -> None:
    """Set *part* to show *text*, cut with an ellipsis where its codes would take more than *characters*."""
    part.text = _escaped(text)
    while _length(part) > characters:
        text = text[:-1].rstrip()
        part.text = _escaped(text + "…")


def _length(part) -> int:
    """The characters a part takes in the header or footer Excel reads: its own code (&L, &C or &R), its
    font, size and colour, and its text."""
    return len(f"&L{part}")


def _escaped(text: str) -> str:
    """*text* as a footer shows it: an ampersand written twice, so that no name is read as a code."""
    return text.replace("&", "&&")


def date_format(lang: str) -> str:
    """A date cell's number format: the date as the workbook's language writes it."""
    return "DD.MM.YYYY" if lang == "de" else "YYYY-MM-DD"
