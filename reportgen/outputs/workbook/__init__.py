"""The fillable assessment workbook: what a key account manager fills in, made from the catalog.

Three sheets: instructions in the chosen language, the account's facts, and one row per factor with
two score cells (any number on the scale, halves too, as the reader takes them; anything else is
rejected), a comment, and whether the comment is shared with the key account. Input cells are yellow
and unlocked; ids and titles are protected without a password, so that the rows still match the catalog
when the workbook comes back. The workbook names the catalog it was made from, and ``reportgen
briefing`` reads it exactly as the user left it. Our team's workbook has a fourth sheet, the actions
agreed for the account; the key account's questionnaire has none, since our team keeps the plan.

Each sheet is made by a module of this package (``instructions``, ``account_sheet``,
``assessment_sheet``, ``actions_sheet``), from what was asked for (``request``) and in the look they
share (``look``); this module puts them together.
"""

from __future__ import annotations

from reportgen.model.catalog import Catalog
from reportgen.outputs.workbook.account_sheet import account_sheet
from reportgen.outputs.workbook.actions_sheet import actions_sheet
from reportgen.outputs.workbook.assessment_sheet import assessment_sheet
from reportgen.outputs.workbook.instructions import instructions_sheet
from reportgen.outputs.workbook.request import WorkbookRequest


def build_workbook(catalog: Catalog, request: WorkbookRequest) -> bytes:
    """The workbook as xlsx bytes."""
    import io

    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    instructions_sheet(workbook, catalog, request)
    account_sheet(workbook, catalog, request)
    assessment_sheet(workbook, catalog, request)
    if not request.for_key_account:
        actions_sheet(workbook, catalog, request.lang)
    workbook.active = 2
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
