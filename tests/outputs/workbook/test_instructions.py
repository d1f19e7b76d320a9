"""The fillable workbook's instructions: its lines, kept as data, laid out a row each in their style and
worded in the workbook's language."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from reportgen.common.i18n import translations
from reportgen.model.assessment import View
from reportgen.outputs.workbook import build_workbook
from reportgen.outputs.workbook.instruction_texts import (
    OUR_INSTRUCTIONS,
    QUESTIONNAIRE_INSTRUCTIONS,
    LineKind,
)
from reportgen.outputs.workbook.request import WorkbookRequest


def instructions(tmp_path, catalog, request: WorkbookRequest):
    path = tmp_path / "workbook.xlsx"
    path.write_bytes(build_workbook(catalog, request))
    return load_workbook(path).worksheets[0]


def test_each_line_is_a_row_in_the_style_of_its_kind_and_the_scale_a_row_per_point(tmp_path, catalog):
    sheet = instructions(tmp_path, catalog, WorkbookRequest("en"))
    rows = [cell.value for cell in sheet["A"]]
    assert len(rows) == len(OUR_INSTRUCTIONS) - 1 + len(catalog.scale.points)
    assert rows[0] == f"{catalog.title.en} – assessment workbook"
    assert sheet["A1"].font.sz == 16 and sheet["A1"].font.b
    assert rows[1] is None  # a blank line between the parts
    heading = rows.index("The scale") + 1
    assert sheet.cell(heading, 1).font.b and sheet.cell(heading, 1).font.sz == 12
    assert (
        rows[heading]
        == "Enter a number from 1 to 5, such as 3 or 3.5, or leave the cell blank (= not rated)."
    )
    assert rows[heading + 1 : heading + 6] == [
        "1 = not at all",
        "2 = hardly",
        "3 = partly",
        "4 = clearly",
        "5 = fully",
    ]
    notes = [row for row in range(1, len(rows) + 1) if sheet.cell(row, 1).font.i]
    assert [rows[row - 1] for row in notes] == [
        "The yellow cells with a dark frame are for you to fill in. IDs and titles are protected (without a "
        "password) so that every row still matches the catalog.",
        "Then make the briefing: reportgen briefing <this file> --lang en",
        f"Catalog: {catalog.label()}",
    ]
    long = rows.index(next(row for row in rows if row and row.startswith("6. Optional"))) + 1
    # About 290 characters of Arial 10 (some 1,550 points with the safety margin) in the column's 573 points
    assert sheet.row_dimensions[long].height == 40.5  # three lines of 12.8 points, 2 of padding: 54 pixels


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("de", "2. Bewerten Sie im Blatt „Bewertung“ jeden Faktor zweimal: zuerst, wie viel Hansen GmbH investiert "
               "(Spalte „Lieferant (Hansen GmbH)“), dann, wie viel Ihr Unternehmen investiert (Spalte „Ihr "
               "Unternehmen“)."),
        ("en", '2. On the sheet "Assessment", rate every factor twice: first how much Hansen GmbH invests (column '
               '"Supplier (Hansen GmbH)"), then how much your company invests (column "Your company").'),
    ],
)  # fmt: skip
def test_a_line_names_its_sheet_and_the_companies_in_the_workbooks_language(tmp_path, catalog, lang, said):
    request = WorkbookRequest(lang, view=View.KEY_ACCOUNT, supplier="Hansen GmbH")
    rows = [cell.value for cell in instructions(tmp_path, catalog, request)["A"]]
    assert said in rows


@pytest.mark.parametrize("lines", [OUR_INSTRUCTIONS, QUESTIONNAIRE_INSTRUCTIONS])
def test_every_line_has_its_german_words_in_the_catalog(lines):
    """The lines are data, but still messages: Babel finds them, and a German workbook never shows an
    English one."""
    german = translations("de")
    worded = [line.text for line in lines if line.kind not in (LineKind.BLANK, LineKind.SCALE_POINTS)]
    assert worded and [text for text in worded if german.gettext(text) == text] == []
