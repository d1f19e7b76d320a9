"""The fillable assessment workbook: what a key account manager fills in, made from the catalog.

Three sheets: instructions in the chosen language, the account's facts, and one row per factor with
two score cells (any number on the scale, halves too, as the reader takes them; anything else is
rejected), a comment, and whether the comment is shared with the key account. Input cells are yellow,
framed and unlocked; ids and titles are protected without a password, so that the rows still match the catalog
when the workbook comes back. The workbook names the catalog it was made from, and ``reportgen
briefing`` reads it exactly as the user left it. Our team's workbook has a fourth sheet, the actions
agreed for the account; the key account's questionnaire has none, since our team keeps the plan.

Each sheet is made by a module of this package (``instructions``, ``account_sheet``,
``assessment_sheet``, ``actions_sheet``), from what was asked for (``request``) and in the look they
share (``look``); this module puts them together, then fits every row to its text and sets up every sheet
to print as one document.
"""

from __future__ import annotations

from reportgen.common.i18n import N_, gettext_for
from reportgen.model.catalog import Catalog
from reportgen.outputs.workbook.account_sheet import account_sheet
from reportgen.outputs.workbook.actions_sheet import actions_sheet
from reportgen.outputs.workbook.assessment_sheet import assessment_sheet
from reportgen.outputs.workbook.instruction_texts import BOTH_COMPANIES, QUESTIONNAIRE
from reportgen.outputs.workbook.instructions import instructions_sheet
from reportgen.outputs.workbook.layout import fit_rows
from reportgen.outputs.workbook.look import Footer, new_workbook, print_setup
from reportgen.outputs.workbook.request import WorkbookRequest


def build_workbook(catalog: Catalog, request: WorkbookRequest) -> bytes:
    """The workbook as xlsx bytes."""
    import io

    workbook = new_workbook()
    instructions = instructions_sheet(workbook, catalog, request)
    account_sheet(workbook, catalog, request)
    assessment_sheet(workbook, catalog, request)
    if not request.for_key_account:
        actions_sheet(workbook, catalog, request.lang)
    footer = _footer(request)
    for sheet in workbook.worksheets:
        fit_rows(sheet)
        print_setup(sheet, footer, one_page=sheet is instructions)
    workbook.active = 2
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


ASSESSMENT_WORKBOOK = N_("Assessment workbook")
"""Our team's workbook as its printed pages name it."""
PAGE_OF = N_("Page {page} of {pages}")


def _footer(request: WorkbookRequest) -> Footer:
    """The printed pages' footer: the questionnaire names both companies; our team's workbook the account,
    where it is known (ours is the supplier it is written for)."""
    _ = gettext_for(request.lang)
    if request.for_key_account:
        document, companies = _(QUESTIONNAIRE), _(BOTH_COMPANIES).format(**request.company_names())
    else:
        document, companies = _(ASSESSMENT_WORKBOOK), request.account or ""
    about = " · ".join(part for part in (companies, request.period) if part)
    return Footer(document, about, _(PAGE_OF))
