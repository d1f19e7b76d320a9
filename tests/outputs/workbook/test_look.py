"""The workbooks on screen and printed: every text whole in its cell, the cells to fill marked also in black
and white, and each sheet a document of A4 landscape pages with a header row and a footer."""

from __future__ import annotations

import html
import re
import zipfile

import pytest
from openpyxl import load_workbook

from reportgen.outputs.workbook.layout import PRINTED_WIDTH
from reportgen.outputs.workbook.look import FOOTER_GAP, FOOTER_LIMIT, GRID, INPUT_FILL, INPUT_FRAME
from reportgen.outputs.workbook.text_fit import (
    FONT_NAME,
    TextStyle,
    column_points,
    style_of,
    text_height,
    text_width,
)
from tests.outputs.workbook.conftest import WORKBOOKS, workbook_of


def text_cells(sheet):
    return [cell for row in sheet.iter_rows() for cell in row if cell.value not in (None, "")]


def room(sheet, cell) -> float:
    return column_points(sheet.column_dimensions[cell.column_letter].width)


@pytest.mark.parametrize("name", WORKBOOKS)
def test_every_title_header_and_text_is_whole_in_its_cell(workbooks, name):
    """Measured with Arial's widths: each text wraps in its cell, so that none runs into the next or past the
    printed page, and its lines, in its column's width, fit its row's height."""
    for sheet in load_workbook(workbooks[name]).worksheets:
        for cell in text_cells(sheet):
            where = f"{sheet.title}!{cell.coordinate}: {cell.value!r}"
            assert cell.font.name == FONT_NAME, where  # the font the widths are Arial's
            assert cell.alignment.wrap_text, where
            needed = text_height(str(cell.value), style_of(cell.font), room(sheet, cell))
            assert needed <= sheet.row_dimensions[cell.row].height, where


@pytest.mark.parametrize("name", WORKBOOKS)
def test_no_word_of_a_header_is_broken(workbooks, name):
    for sheet in load_workbook(workbooks[name]).worksheets[1:]:
        for cell in sheet[1]:
            for word in str(cell.value).split():
                assert text_width(word, TextStyle(bold=True)) <= room(sheet, cell), (sheet.title, word)


def test_the_questionnaires_long_names_stand_whole_in_title_and_headers(workbooks):
    workbook = load_workbook(workbooks["questionnaire_de"])
    instructions, rating = workbook["Anleitung"], workbook["Bewertung"]
    assert instructions["A1"].value == "Fragebogen zur Partnerschaft"
    assert instructions["A2"].value == "Brandtner Präzisionstechnik GmbH und Meridian Aerotech Incorporated"
    assert instructions["A1"].font.sz > instructions["A2"].font.sz > instructions["A3"].font.sz
    headers = [cell.value for cell in rating[1]]
    assert headers[4:6] == ["Lieferant (Brandtner Präzisionstechnik GmbH)", "Ihr Unternehmen (Meridian Aerotech Incorporated)"]  # fmt: skip
    # The longest word, "Präzisionstechnik" in bold, sets its column's width; its header takes four lines.
    assert rating.column_dimensions["E"].width > 15
    assert rating.row_dimensions[1].height >= 4 * 12.8


@pytest.mark.parametrize("name", WORKBOOKS)
def test_the_cells_to_fill_are_yellow_and_framed_dark_and_no_other_cell_is(workbooks, name):
    """The frame is what marks them on a page printed in black and white, where the yellow is gone."""
    for sheet in load_workbook(workbooks[name]).worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                framed = cell.border.left.color is not None and cell.border.left.color.rgb.endswith(
                    INPUT_FRAME
                )
                yellow = cell.fill.fgColor.rgb.endswith(INPUT_FILL)
                assert framed == yellow, (sheet.title, cell.coordinate)
                if yellow:
                    sides = (cell.border.left, cell.border.top, cell.border.bottom, cell.border.right)
                    assert all(side.style == "medium" for side in sides)
                    assert not sheet.protection.sheet or not cell.protection.locked, (
                        sheet.title,
                        cell.coordinate,
                    )
                elif cell.border.left.style:
                    assert cell.border.left.color.rgb.endswith(GRID)


@pytest.mark.parametrize("name", WORKBOOKS)
def test_each_sheet_prints_a4_landscape_one_page_wide_with_its_header_row_on_every_page(workbooks, name):
    workbook = load_workbook(workbooks[name])
    for sheet in workbook.worksheets:
        setup = sheet.page_setup
        assert (setup.paperSize, setup.orientation, setup.fitToWidth) == (9, "landscape", 1), sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
    instructions, *tables = workbook.worksheets
    assert instructions.page_setup.fitToHeight == 1  # the instructions on one page
    for sheet in tables:
        assert sheet.page_setup.fitToHeight == 0 and sheet.print_title_rows == "$1:$1", sheet.title


@pytest.mark.parametrize(
    ("name", "footer"),
    [
        ("questionnaire_de", "Fragebogen zur Partnerschaft – Bewertung · Brandtner Präzisionstechnik GmbH und "
                             "Meridian Aerotech Incorporated · 2026-Q3"),
        ("questionnaire_en", "Partnership questionnaire – Assessment · Brandtner Präzisionstechnik GmbH and "
                             "Meridian Aerotech Incorporated · 2026-Q3"),
        ("ours_de", "Bewertungsbogen – Bewertung · Meridian Aerotech Incorporated · 2026-Q3"),
        ("questionnaire_unnamed", "Fragebogen zur Partnerschaft – Bewertung · Hansen GmbH und Ihr Unternehmen"),
    ],
)  # fmt: skip
def test_the_footer_names_document_sheet_companies_and_page_x_of_y(workbooks, name, footer):
    workbook = load_workbook(workbooks[name])
    sheet = workbook.worksheets[2]
    assert sheet.oddFooter.left.text.strip() == footer
    assert sheet.oddFooter.right.text.strip() in ("Seite &P von &N", "Page &P of &N")
    assert ("Seite" in sheet.oddFooter.right.text) == ("Bewertung" in footer)
    assert all(s.oddFooter.left.text.strip().startswith(footer.split(" – ")[0]) for s in workbook.worksheets)
    assert sheet.oddFooter.left.font == "Arial,Regular" and sheet.oddFooter.left.size == 8


def test_a_name_with_an_ampersand_stays_a_name_and_a_long_one_is_cut_clear_of_the_page_number(tmp_path):
    path = workbook_of(tmp_path, "q", "--lang", "en", "--view", "key-account", "--supplier", "Müller & Söhne KG",
                       "--account", "Vereinigte " * 30 + "Werke")  # fmt: skip
    footer = load_workbook(path).worksheets[1].oddFooter.left.text.strip()
    assert footer.startswith(
        "Partnership questionnaire – Account · Müller && Söhne KG and Vereinigte Vereinigte"
    )
    assert footer.endswith("…")
    page_number = text_width("Page 999 of 999", TextStyle(size=8))
    assert (
        text_width(footer.replace("&&", "&"), TextStyle(size=8)) <= PRINTED_WIDTH - page_number - FOOTER_GAP
    )
    assert all(len(footer) <= FOOTER_LIMIT for footer in written_footers(path))


def written_footers(path) -> list[str]:
    """Every header and footer as the file holds it, codes and all: what Excel reads."""
    with zipfile.ZipFile(path) as archive:
        names = [name for name in archive.namelist() if name.startswith("xl/worksheets/sheet")]
        sheets = [archive.read(name).decode() for name in names]
    found = [re.findall(r"<odd(?:Header|Footer)>(.*?)</", sheet) for sheet in sheets]
    return [html.unescape(text) for texts in found for text in texts if text]


def test_a_footer_of_narrow_letters_stays_within_the_characters_excel_reads(tmp_path):
    """Narrow letters fit many to the line: cut to the page's width alone, the footer ran past 255."""
    path = workbook_of(tmp_path, "q", "--lang", "en", "--view", "key-account", "--supplier", "il " * 60,
                       "--account", "&&&" * 40)  # fmt: skip
    footers = written_footers(path)
    assert len(footers) == 3 + 1  # a footer a sheet, and the scale at the rating sheet's head
    assert max(len(footer) for footer in footers) <= FOOTER_LIMIT
    assert any(len(footer) > FOOTER_LIMIT - 10 for footer in footers)  # the names filled what there was


def test_the_rating_sheets_printed_head_gives_the_scale(workbooks):
    header = load_workbook(workbooks["questionnaire_de"])["Bewertung"].oddHeader.center.text.strip()
    assert header == ("Skala: 1 = gar nicht · 2 = kaum · 3 = teilweise · 4 = deutlich · 5 = voll und ganz – auch "
                      "halbe Punkte wie 3,5; leer = nicht bewertet")  # fmt: skip


def test_a_sheet_over_two_pages_is_broken_into_pages_of_about_the_same_height(workbooks):
    sheet = load_workbook(workbooks["ours_de"])["Bewertung"]
    (page_break,) = sheet.row_breaks.brk
    heights = [sheet.row_dimensions[row].height for row in range(2, sheet.max_row + 1)]
    first, second = sum(heights[: page_break.id - 1]), sum(heights[page_break.id - 1 :])
    assert 0.75 < first / second < 1.33, (first, second)


def test_rows_are_fitted_not_fixed_so_that_a_long_comment_typed_in_makes_its_row_grow(workbooks):
    """Excel and LibreOffice fit a row anew as its text changes only where its height was not set by hand."""
    with zipfile.ZipFile(workbooks["questionnaire_de"]) as archive:
        sheets = [
            archive.read(name).decode() for name in archive.namelist() if name.startswith("xl/worksheets/")
        ]
    rows = [row for sheet in sheets for row in re.findall(r"<row [^>]*>", sheet)]
    assert len(rows) > 40 and all(' ht="' in row and "customHeight" not in row for row in rows)


def test_the_workbooks_normal_style_is_arial_10_so_that_columns_are_counted_in_its_digits(workbooks):
    """LibreOffice counts a column's width in the Normal style's digits; Calibri, which it lacks, it sets in
    the wider DejaVu Sans, and every column came out wider than the rows were reckoned for."""
    with zipfile.ZipFile(workbooks["ours_en"]) as archive:
        styles = archive.read("xl/styles.xml").decode()
    first_font = re.search(r"<font>.*?</font>", styles, re.DOTALL).group(0)
    assert '<name val="Arial"/>' in first_font and '<sz val="10"/>' in first_font
    assert "Calibri" not in styles


@pytest.mark.parametrize("name", ["ours_de", "ours_en"])
def test_our_score_headers_keep_the_scale_on_a_line_of_its_own(workbooks, name):
    """Regression: "Key Account (1–5)" broke after the dash in LibreOffice, leaving "5)" alone below."""
    sheet = load_workbook(workbooks[name]).worksheets[2]
    for cell in sheet[1][4:6]:
        term, scale = cell.value.split("\n")
        assert scale == "(1–5)"
        assert all(text_width(line, TextStyle(bold=True)) <= room(sheet, cell) for line in (term, scale))
