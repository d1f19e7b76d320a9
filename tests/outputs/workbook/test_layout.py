"""Where a workbook's text and pages fall, by hand: a line of Arial 10 takes 12.8 points and a row 2 more,
rounded up to whole pixels of 0.75 points; a column of w characters spans 5.25 w points, 4.5 fewer for text.
An A4 landscape page holds 494.48 points of rows and 769.89 across."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook, load_workbook

from reportgen.outputs.workbook.layout import (
    PRINTED_HEIGHT,
    PRINTED_WIDTH,
    cut_to,
    even_pages,
    fit_rows,
    header_width,
    page_heights,
    page_starts,
)
from reportgen.outputs.workbook.look import font
from reportgen.outputs.workbook.text_fit import TextStyle, column_width_for, text_width


def test_the_page_is_a4_landscape_within_its_margins():
    assert round(PRINTED_WIDTH, 2) == 769.89  # (297 mm - 1 inch) in points
    assert round(PRINTED_HEIGHT, 2) == 494.48  # (210 mm - 1.4 inches) in points


def sheet_with(widths: list[float], header: float, rows: int, height: float):
    sheet = Workbook().active
    for index, width in enumerate(widths):
        sheet.column_dimensions["AB"[index]].width = width
    sheet.row_dimensions[1].height = header
    for row in range(1, rows + 2):
        for column in range(1, len(widths) + 1):
            sheet.cell(row, column, "x")
    for row in range(2, rows + 2):
        sheet.row_dimensions[row].height = height
    return sheet


def breaks(sheet) -> list[int]:
    """The rows that begin a new page (a break's id counts from 0 and lies above its row)."""
    return [brk.id + 1 for brk in sheet.row_breaks.brk]


def test_a_sheet_on_one_page_gets_no_break():
    sheet = sheet_with([100], header=20, rows=19, height=20)  # 525 points wide: printed at full size
    even_pages(sheet)
    assert breaks(sheet) == []  # 380 points of rows under a header of 20: one page of 474


def test_a_long_sheet_is_broken_into_pages_of_about_the_same_height():
    sheet = sheet_with([100], header=20, rows=59, height=20)
    even_pages(sheet)
    # 1,180 points of rows, 474 to a page: three pages of about 393, a row going where its middle falls
    assert breaks(sheet) == [22, 41]  # rows 2–21, 22–40 and 41–60


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # Two columns of 100 span 1,050 points: printed at 769.89 / 1,050 = 73.3 %, a page holds 674.4
        # points of the sheet, 644.4 below the header of 30.
        (65, [24, 45]),  # 1,300 points: three pages (two would hold 1,288.8)
        (64, [34]),  # 1,280 points: two pages of 640
    ],
)
def test_a_wide_sheet_printed_smaller_holds_more_rows_a_page(rows, expected):
    sheet = sheet_with([100, 100], header=30, rows=rows, height=20)
    even_pages(sheet)
    assert breaks(sheet) == expected


def test_each_row_goes_on_the_page_its_middle_falls_on():
    # Two pages of 250: the second row's middle (250) falls on the second, the third row's (350) too
    assert page_starts([200, 100, 100, 100], 2) == [1]
    assert page_starts([100, 100, 300], 2) == [2]  # middles 50, 150 and 350
    assert page_starts([300, 300], 2) == [1]
    assert page_heights([1, 2, 3, 4], [1, 3]) == [1, 5, 4]


def test_where_the_even_split_overfills_a_page_one_page_more_is_taken():
    # 800 points in pages of 474: two pages of 400 would put 250 + 250 on the first, so three
    sheet = sheet_with([100], header=20, rows=5, height=100)
    sheet.row_dimensions[2].height = sheet.row_dimensions[3].height = 250
    even_pages(sheet)
    assert breaks(sheet) == [3, 4]


def test_a_page_may_hold_exactly_as_much_as_fits_and_each_row_a_page_of_its_own():
    full = PRINTED_HEIGHT - 20  # the room below a header of 20
    sheet = sheet_with([100], header=20, rows=2, height=full / 2)
    even_pages(sheet)
    assert breaks(sheet) == []  # one page, exactly full
    sheet = sheet_with([100], header=20, rows=2, height=10)
    sheet.row_dimensions[2].height = full
    even_pages(sheet)
    assert breaks(sheet) == [3]
    sheet = sheet_with([100], header=20, rows=2, height=400)
    even_pages(sheet)
    assert breaks(sheet) == [3]


def test_the_header_that_repeats_takes_its_own_height_from_every_page():
    # 129 rows of 10 under a header of 30, at 73.3 %: 644.4 points a page. Two of 640 and 650 do not fit.
    sheet = sheet_with([100, 100], header=30, rows=129, height=10)
    even_pages(sheet)
    assert breaks(sheet) == [45, 88]  # three pages of 430


def test_a_row_taller_than_a_page_is_left_to_the_spreadsheet():
    sheet = sheet_with([100], header=20, rows=3, height=400)
    sheet.row_dimensions[3].height = 480  # 1,280 points, but one row does not fit under the header
    even_pages(sheet)
    assert breaks(sheet) == []


def fitted(cells: dict[str, tuple[object, dict]], widths: dict[str, float]) -> list[float]:
    """The heights fit_rows gives, as the saved file has them."""
    from openpyxl.styles import Alignment

    workbook = Workbook()
    sheet = workbook.active
    for letter, width in widths.items():
        sheet.column_dimensions[letter].width = width
    for coordinate, (value, style) in cells.items():
        cell = sheet[coordinate]
        cell.value = value
        cell.font = font(**{key: value for key, value in style.items() if key != "wrap"})
        cell.alignment = Alignment(wrap_text=style.get("wrap", True))
    fit_rows(sheet)
    buffer = io.BytesIO()
    workbook.save(buffer)
    back = load_workbook(buffer).active
    return [back.row_dimensions[row].height for row in range(1, back.max_row + 1)]


def test_each_row_is_as_tall_as_its_tallest_cells_lines_in_whole_pixels():
    # "Faktor" is 30.61 points, a space 3.0: three to a line of the column's 100.5 points, four lines
    heights = fitted(
        {
            "A1": (" ".join(["Faktor"] * 12), {}),
            "B1": ("kurz", {}),
            "A2": ("Fragebogen zur Partnerschaft", {"size": 16, "bold": True, "wrap": False}),
            "A3": ("", {}),  # a blank line of the instructions
            "B4": ("x " * 2000, {}),
        },
        {"A": 20, "B": 20},
    )
    # 4 × 12.8 + 2 = 53.2: 71 pixels; 16 × 1.28 + 2 = 22.48: 30 pixels; an empty row 17 pixels (12.75
    # points); a text longer than any row Excel allows, 409 points
    assert heights == [53.25, 22.5, 12.75, 409.0]


def test_a_header_word_wider_than_its_column_widens_it():
    word = text_width("Präzisionstechnik", TextStyle(bold=True))  # 17,414 units: 91.83 points
    bold = TextStyle(bold=True)
    assert (
        header_width("Lieferant (Brandtner Präzisionstechnik GmbH)", 13, bold)
        == column_width_for(word)
        == 18.5
    )
    assert header_width("Faktor", 20, bold) == 20 and header_width("", 12, bold) == 12
    assert header_width("Lieferant\n(1–5)", 5, bold) == column_width_for(text_width("Lieferant", bold))
    # a no-break space keeps a name together, in the column's width as in its lines
    assert header_width("Hansen\u00a0GmbH", 5, bold) == column_width_for(text_width("Hansen\u00a0GmbH", bold))


def test_a_text_too_wide_is_cut_with_an_ellipsis_and_one_that_fits_is_left_alone():
    style = TextStyle(size=8)
    text = "Fragebogen zur Partnerschaft – Bewertung · Brandtner Präzisionstechnik GmbH"
    room = text_width(text, style)
    assert cut_to(text, room, style) == text
    cut = cut_to(text, room - 1, style)
    # "H" is 6.24 points and "b" 4.80, the ellipsis 8.64: both go to make room for it
    assert cut == "Fragebogen zur Partnerschaft – Bewertung · Brandtner Präzisionstechnik Gm…"
    assert text_width(cut, style) <= room - 1
    exactly = text_width(text + "…", style)  # a letter at a time, down to what is exactly as wide as the room
    assert cut_to(text + " & Co. KG", exactly, style) == text + "…"
    # cut after a space: the space goes too
    assert cut_to("Brandtner Präzisionstechnik", text_width("Brandtner …", style), style) == "Brandtner…"


def test_a_row_with_a_cell_to_fill_in_has_room_to_write_in_by_hand():
    from openpyxl.styles import Protection

    sheet = Workbook().active
    sheet["A1"], sheet["A2"] = "Periode", "Rolle"
    for cell in (sheet["A1"], sheet["A2"], sheet["B2"]):
        cell.font = font()
    sheet["B2"].protection = Protection(locked=False)  # blank, to fill in
    fit_rows(sheet)
    assert [sheet.row_dimensions[row].height for row in (1, 2)] == [15.0, 22.5]  # one line; 8 mm
