"""The fillable workbook's actions sheet, in our team's workbook only: the actions agreed for the account, one
a row, with drop-downs for the factor, the status and sharing. The key account's questionnaire has none,
since our team keeps the plan.
"""

from __future__ import annotations

from reportgen.common.i18n import gettext_for
from reportgen.model.assessment import ActionStatus
from reportgen.model.catalog import Catalog
from reportgen.outputs.workbook.look import Column, cell_styles, date_format, header_row, to_fill_in
from reportgen.reading.vocabulary import (
    ACTION_COLUMNS,
    ACTION_FACTOR,
    ACTIONS_SHEET,
    ASSESSMENT_SHEET,
    DUE,
    SHARE_WORDS,
    SHARED,
    STATUS,
    STATUS_WORDS,
)

ACTION_ROWS = 15
"""The empty, formatted rows the Actions sheet starts with."""
CHECKED_ROWS = 200
"""The rows whose cells the Actions sheet's drop-downs and date check cover: more than are formatted, so
rows added below still get them."""


def actions_sheet(workbook, catalog: Catalog, lang: str) -> None:
    """Our team's action plan: drop-downs for the factor (the catalog's titles, from the assessment sheet),
    the status and the share column, a date check on the due date. Not protected: there is nothing to keep
    as it is, and rows may be added."""
    from openpyxl.worksheet.datavalidation import DataValidation

    _ = gettext_for(lang)
    styles = cell_styles()
    sheet = workbook.create_sheet(ACTIONS_SHEET.heading(lang))
    widths = (30, 44, 20, 13, 13, 12)
    columns = [Column(term.heading(lang), width) for term, width in zip(ACTION_COLUMNS, widths, strict=True)]
    header_row(sheet, columns, styles)
    column_of = {term.key: index for index, term in enumerate(ACTION_COLUMNS, start=1)}
    for row in range(2, ACTION_ROWS + 2):
        for column in column_of.values():
            to_fill_in(sheet.cell(row, column), styles)
        sheet.cell(row, column_of[DUE.key]).number_format = date_format(lang)

    def checked(key: str) -> str:
        letter = sheet.cell(1, column_of[key]).column_letter
        return f"{letter}2:{letter}{CHECKED_ROWS}"

    titles = f"'{ASSESSMENT_SHEET.heading(lang)}'!$B$2:$B${len(catalog.factors) + 1}"
    factor = DataValidation(type="list", formula1=titles, allow_blank=True, showErrorMessage=True)
    factor.error = _("Choose a factor of the list, or leave the cell blank for the relationship as a whole.")
    choices = (
        (STATUS, STATUS_WORDS.values(), _("Choose a status of the list; a blank status counts as {open}.")),
        (SHARED, SHARE_WORDS.values(), _("Choose {yes} or {no}; a blank cell counts as {no}.")),
    )
    validations = [(factor, checked(ACTION_FACTOR.key))]
    for term, words, error in choices:
        listed = ",".join(word.get(lang) for word in words)
        choice = DataValidation(type="list", formula1=f'"{listed}"', allow_blank=True, showErrorMessage=True)
        choice.error = error.format(
            open=STATUS_WORDS[ActionStatus.OPEN].get(lang),
            yes=SHARE_WORDS[True].get(lang),
            no=SHARE_WORDS[False].get(lang),
        )
        validations.append((choice, checked(term.key)))
    due = DataValidation(
        type="date",
        operator="greaterThan",
        formula1="36526",  # 1 January 2000: any real due date
        allow_blank=True,
        showErrorMessage=True,
        showInputMessage=True,
    )
    due.promptTitle = DUE.heading(lang)
    due.prompt = _("A date such as {example}.").format(example=_example_date(lang))
    due.error = _("Enter a date such as {example}, or leave the cell blank.").format(
        example=_example_date(lang)
    )
    validations.append((due, checked(DUE.key)))
    for validation, cells in validations:
        sheet.add_data_validation(validation)
        validation.add(cells)


def _example_date(lang: str) -> str:
    return "31.12.2026" if lang == "de" else "2026-12-31"
