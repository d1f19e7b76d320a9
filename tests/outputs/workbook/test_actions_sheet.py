"""The fillable workbook's actions sheet: drop-downs for what the reader takes, read back as actions."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook

from reportgen.model.assessment import ActionStatus, View
from reportgen.outputs.workbook import build_workbook
from reportgen.outputs.workbook.request import WorkbookRequest
from reportgen.reading import read_file

ACTION_HEADERS = {
    "de": ["Faktor", "Maßnahme", "Verantwortlich", "Fällig am", "Status", "Mit dem Key Account teilen"],
    "en": ["Factor", "Action", "Owner", "Due date", "Status", "Share with the key account"],
}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_our_workbook_has_an_actions_sheet_with_drop_downs_that_reads_back(tmp_path, catalog, lang):
    path = tmp_path / "new.xlsx"
    path.write_bytes(build_workbook(catalog, WorkbookRequest(lang, "Acme Ltd", "2026-Q3")))
    workbook = load_workbook(path)
    sheet = workbook.worksheets[3]
    assert [c.value for c in sheet[1]] == ACTION_HEADERS[lang]
    assert sheet.cell(16, 2).fill.fgColor.rgb.endswith("FFF4C2")  # empty rows formatted to fill in
    checks = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    assessment = workbook.worksheets[2].title
    assert checks["A2:A200"].formula1 == f"'{assessment}'!$B$2:$B$17"  # the factors' titles
    titles = [workbook.worksheets[2].cell(row, 2).value for row in range(2, 18)]
    assert titles == [f.title.get(lang) for f in catalog.factors]
    words = {"de": ('"offen,erledigt,verworfen"', '"ja,nein"'), "en": ('"open,done,dropped"', '"yes,no"')}
    assert (checks["E2:E200"].formula1, checks["F2:F200"].formula1) == words[lang]
    assert checks["D2:D200"].type == "date" and checks["D2:D200"].prompt
    instructions = " ".join(str(c.value) for c in workbook.worksheets[0]["A"] if c.value)
    assert {"de": "im Blatt „Maßnahmen“", "en": 'on the sheet "Actions"'}[lang] in instructions
    for row in range(2, 18):
        workbook.worksheets[2].cell(row, 5, 3)
        workbook.worksheets[2].cell(row, 6, 3)
    status = checks["E2:E200"].formula1.strip('"').split(",")
    share = checks["F2:F200"].formula1.strip('"').split(",")
    sheet.append([titles[12], "Exclusivity talk", "Anja Groß", date(2026, 12, 31), status[1], share[0]])
    sheet.cell(3, 2, "Annual review")
    workbook.save(path)
    result = read_file(path, catalog)
    assert result.problems == [], [p.render("en") for p in result.problems]
    actions = result.assessments[0].actions
    assert [(a.factor_id, a.text, a.owner, a.due, a.status, a.shared) for a in actions] == [
        (None, "Annual review", None, None, ActionStatus.OPEN, False),
        ("exclusivity", "Exclusivity talk", "Anja Groß", date(2026, 12, 31), ActionStatus.DONE, True),
    ]
    # the key account's questionnaire has none: our team keeps the plan
    theirs = WorkbookRequest(lang, "Acme Ltd", "2026-Q3", view=View.KEY_ACCOUNT, supplier="Hansen GmbH")
    path.write_bytes(build_workbook(catalog, theirs))
    assert len(load_workbook(path).sheetnames) == 3
