"""The optional Actions sheet (Maßnahmen): read in either language and format, checked cell by cell; a bad
row is left out with a warning at its cell, and the workbook's ratings still count."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from reportgen.common.problems import Place
from reportgen.model.assessment import Action, ActionStatus
from reportgen.reading import read_file
from tests.conftest import sheets_for, with_actions
from tests.reading.conftest import all_rendered, only

ROWS = [
    # the factor by its German title, values in capitals, a date cell
    ["Frühe Einbindung", "Workshop on the 2027 range", "Anja Groß", date(2026, 12, 31), "OFFEN", "Ja"],
    # a blank factor is the relationship as a whole; blank status is open, blank share is internal
    ["", "Annual review with their purchasing head", "", "31.12.2026", "", ""],
    [],  # blank rows are skipped
    ["early-involvement", "Invite them to the design review", "Tom Berg", "2026-08-31", "done", "no"],
    ["Early involvement", "Second supplier day", None, None, " Dropped ", "YES"],
]


def expected(path: Path, sheet: str) -> list[Action]:
    def at(cell):
        return Place(path, sheet, cell)

    return [
        Action("Workshop on the 2027 range", "early-involvement", "Anja Groß", date(2026, 12, 31),
               ActionStatus.OPEN, True, at("B2")),
        Action("Annual review with their purchasing head", None, None, date(2026, 12, 31), ActionStatus.OPEN,
               False, at("B3")),
        Action("Invite them to the design review", "early-involvement", "Tom Berg", date(2026, 8, 31),
               ActionStatus.DONE, False, at("B5")),
        Action("Second supplier day", "early-involvement", None, None, ActionStatus.DROPPED, True, at("B6")),
    ]  # fmt: skip


@pytest.mark.parametrize("name", ["acme.xlsx", "acme.ods"])
@pytest.mark.parametrize(("lang", "headers"), [("de", "en"), ("en", "de"), ("de", "de")])
def test_actions_are_read_in_either_language_and_format(make_workbook, catalog, name, lang, headers):
    sheets = with_actions(sheets_for(catalog, lang=lang), ROWS, lang=headers)
    path = make_workbook(name, sheets=sheets)
    result = read_file(path, catalog)
    assessment = only(result)
    assert result.problems == []
    sheet = {"de": "Maßnahmen", "en": "Actions"}[headers]
    assert list(assessment.actions) == expected(path, sheet)


def test_headers_are_matched_case_insensitively_and_a_datetime_cell_is_a_date(make_workbook, catalog):
    sheets = sheets_for(catalog, lang="en")
    sheets["MASSNAHMEN"] = [
        ["MASSNAHME", "faktor", "STATUS", "fällig am"],
        ["Joint target picture", "shared-vision", "erledigt", datetime(2026, 7, 1, 0, 0)],
    ]
    (action,) = only(read_file(make_workbook(sheets=sheets), catalog)).actions
    assert (action.text, action.factor_id, action.status, action.due, action.shared) == (
        "Joint target picture",
        "shared-vision",
        ActionStatus.DONE,
        date(2026, 7, 1),
        False,
    )
    empty = make_workbook("empty.xlsx", sheets=with_actions(sheets_for(catalog), [[], [None, ""]]))
    assert only(read_file(empty, catalog)).actions == () and read_file(empty, catalog).problems == []


BAD_ROWS = [
    ["Early involvment", "Workshop", "", "", "", ""],
    ["", "Annual review", "", "tomorrow", "", ""],
    ["", "Price talk", "", "", "finished", ""],
    ["", "Open book", "", "", "", "maybe"],
    ["early-involvement", "", "Anja Groß", "", "", ""],
    ["", "Good one", "", "", "", ""],
]


@pytest.mark.parametrize("name", ["acme.xlsx", "acme.ods"])
def test_a_bad_row_is_left_out_with_a_warning_at_its_cell_and_the_ratings_still_count(
    make_workbook, catalog, name
):
    path = make_workbook(name, sheets=with_actions(sheets_for(catalog, lang="de"), BAD_ROWS, lang="de"))
    result = read_file(path, catalog)
    assert result.ok  # warnings only: the file's ratings count
    assessment = only(result)
    assert len(assessment.ratings) == len(catalog.factors)
    assert [a.text for a in assessment.actions] == ["Good one"]
    assert all_rendered(result, "de") == [
        f"{name} › Maßnahmen › A2: „Early involvment“ ist kein Faktor des Katalogs efkam-partnership v1.0, "
        "daher bleibt diese Maßnahme unberücksichtigt. Meinten Sie „Frühe Einbindung“? Lassen Sie die Zelle "
        "leer für eine Maßnahme zur Beziehung als Ganzes.",
        f"{name} › Maßnahmen › D3: „tomorrow“ ist kein Datum, daher bleibt diese Maßnahme unberücksichtigt. "
        "Tragen Sie das Fälligkeitsdatum ein, etwa 31.12.2026 oder 2026-12-31, oder lassen Sie die Zelle leer.",
        f"{name} › Maßnahmen › E4: „finished“ ist kein Status einer Maßnahme, daher bleibt diese Maßnahme "
        "unberücksichtigt. Schreiben Sie „offen“, „erledigt“, „verworfen“; ein leerer Status gilt als „offen“.",
        f"{name} › Maßnahmen › F5: „maybe“ sagt nicht, ob die Maßnahme mit dem Key Account geteilt wird, daher "
        "bleibt sie unberücksichtigt. Schreiben Sie „ja“ oder „nein“; eine leere Zelle gilt als „nein“: "
        "Die Maßnahme bleibt intern.",
        f"{name} › Maßnahmen › B6: Die Zeile nennt keine Maßnahme und bleibt daher unberücksichtigt. "
        "Schreiben Sie in die Spalte „Maßnahme“, was zu tun ist, oder leeren Sie die Zeile.",
    ]
    english = all_rendered(result, "en")
    assert english[2] == (
        f'{name} › Maßnahmen › E4: "finished" is not a status of an action, so this action is left out. '
        'Write one of "open", "done", "dropped"; a blank status counts as "open".'
    )


def test_an_actions_sheet_without_its_action_column_is_said_and_left_out(make_workbook, catalog):
    sheets = sheets_for(catalog, lang="en")
    sheets["Actions"] = [["Factor", "What"], ["early-involvement", "Workshop"]]
    result = read_file(make_workbook(sheets=sheets), catalog)
    assert only(result).actions == ()
    assert all_rendered(result, "en") == [
        'acme.xlsx › Actions: No header row with an "Action" column was found, so the sheet\'s actions are '
        'left out. Put the headers "Action", "Factor", "Owner", "Due date", "Status" and "Share with the key '
        'account" in one row.'
    ]


def test_the_key_accounts_questionnaire_keeps_no_actions_and_says_so(make_workbook, catalog):
    sheets = sheets_for(catalog, lang="en")
    sheets["Account"].append(["View", "Key Account"])
    questionnaire = make_workbook("theirs.xlsx", sheets=with_actions(sheets, [["", "Visit our plant"]]))
    result = read_file(questionnaire, catalog)
    assert only(result).actions == ()
    assert all_rendered(result, "en") == [
        "theirs.xlsx › Actions: The key account's questionnaire has an actions sheet; actions are kept in our "
        "team's workbook only, so these are not read. Copy the actions the key account proposes into our "
        "team's workbook of the same account and quarter."
    ]
    blank = make_workbook("blank.xlsx", sheets=with_actions(sheets, []))
    assert read_file(blank, catalog).problems == []


def test_a_factor_cell_merged_over_several_actions_counts_for_each_of_them(make_workbook, catalog):
    """Regression: the rows under a merged factor cell read as blank, i.e. as the relationship as a whole."""
    from openpyxl import load_workbook

    rows = [
        ["exclusivity", "Talk about exclusivity", "", "", "", ""],
        ["", "Reserve the slots only against a forecast", "", "", "", ""],
        ["", "Annual review", "", "", "", ""],
    ]
    path = make_workbook(sheets=with_actions(sheets_for(catalog, lang="en"), rows))
    workbook = load_workbook(path)
    workbook["Actions"].merge_cells("A2:A3")
    workbook.save(path)
    result = read_file(path, catalog)
    assert result.problems == []
    assert [(a.factor_id, a.text) for a in only(result).actions] == [
        ("exclusivity", "Talk about exclusivity"),
        ("exclusivity", "Reserve the slots only against a forecast"),
        (None, "Annual review"),
    ]
