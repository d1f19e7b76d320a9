"""The look every sheet of the fillable workbook shares: yellow, unlocked cells to fill in, a dark header row,
protection without a password, dates as the language writes them, and A4 pages one page wide.
"""

from __future__ import annotations

INPUT_FILL = "FFF4C2"  # the yellow of cells to fill in
HEADER_FILL = "1F4E79"
MUTED = "6B7785"


def cell_styles():
    """The fonts, fills, alignments, borders and protection the sheets give their cells, by name."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

    thin = Side(style="thin", color="D5DBE1")
    return {
        "title": Font(bold=True, size=16, color=HEADER_FILL),
        "heading": Font(bold=True, size=12, color=HEADER_FILL),
        "header": Font(bold=True, color="FFFFFF"),
        "header_fill": PatternFill("solid", fgColor=HEADER_FILL),
        "input_fill": PatternFill("solid", fgColor=INPUT_FILL),
        "muted": Font(color=MUTED, italic=True),
        "wrap": Alignment(wrap_text=True, vertical="top"),
        "centre": Alignment(horizontal="center", vertical="top"),
        "border": Border(left=thin, right=thin, top=thin, bottom=thin),
        "unlocked": Protection(locked=False),
    }


def protect(sheet) -> None:
    """Lock what must stay as it is – without a password, so anyone can lift it in Excel or LibreOffice."""
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    sheet.protection.autoFilter = False


def print_setup(sheet, landscape: bool) -> None:
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def header_row(sheet, columns: list[str], styles) -> None:
    for column, text in enumerate(columns, start=1):
        cell = sheet.cell(1, column, text)
        cell.font = styles["header"]
        cell.fill = styles["header_fill"]
        cell.alignment = styles["wrap"]
        cell.border = styles["border"]
    sheet.row_dimensions[1].height = 32


def bold():
    from openpyxl.styles import Font

    return Font(bold=True)


def date_format(lang: str) -> str:
    """A date cell's number format: the date as the workbook's language writes it."""
    return "DD.MM.YYYY" if lang == "de" else "YYYY-MM-DD"
