"""The fillable workbook's assessment sheet: one row per factor of the catalog, with what investing means
for each side, two score cells (any number on the scale, halves too, as the reader takes them; anything
else is rejected), a comment, and whether the comment is shared with the key account. Ids and titles are
locked, so that the rows still match the catalog when the workbook comes back.
"""

from __future__ import annotations

import math

from reportgen.common.i18n import N_, Formatter, gettext_for
from reportgen.model.catalog import Catalog, Factor, Scale
from reportgen.outputs.workbook.look import bold, cell_styles, header_row, print_setup, protect
from reportgen.outputs.workbook.request import WorkbookRequest, in_header, with_companies
from reportgen.reading.vocabulary import (
    ASSESSMENT_SHEET,
    COMMENT,
    COMMENTS_SHARED_BY_DEFAULT,
    FACTOR,
    FACTOR_ID,
    KEY_ACCOUNT_SCORE,
    SHARE_COMMENT,
    SHARE_WORDS,
    SUPPLIER_SCORE,
)

YOUR_COMPANY_COLUMN = N_("Your company")
"""The questionnaire's column of the key account's own investment: one of the key account column's
names (see :data:`reportgen.reading.vocabulary.KEY_ACCOUNT_SCORE`), so the reader finds it."""

SCORES_TAKEN = N_(
    "Enter a number from {low} to {high}, such as {whole} or {half}, or leave the cell blank (= not rated)."
)
"""What a score cell takes: any number on the scale, halves too, as the reader reads them."""


def assessment_sheet(workbook, catalog: Catalog, request: WorkbookRequest) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    lang = request.lang
    _ = gettext_for(lang)
    styles = cell_styles()
    scale = catalog.scale
    sheet = workbook.create_sheet(ASSESSMENT_SHEET.heading(lang))
    supplier_score, key_account_score = score_headings(catalog, request)
    if request.for_key_account:
        names = request.company_names()
        invests = [
            _("What {company} invests").format(company=names[side]) for side in ("supplier", "account")
        ]
    else:
        invests = [_("What the supplier invests"), _("What the key account invests")]
    columns = [
        FACTOR_ID.heading(lang),
        FACTOR.heading(lang),
        *invests,
        supplier_score,
        key_account_score,
        COMMENT.heading(lang),
        SHARE_COMMENT.heading(lang),
    ]
    header_row(sheet, columns, styles)
    for row, factor in enumerate(catalog.factors, start=2):
        values = [factor.id, factor.title.get(lang), *_what_each_invests(factor, request)]
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row, column, value)
            cell.alignment = styles["wrap"]
            cell.border = styles["border"]
        sheet.cell(row, 2).font = bold()
        for column in range(5, len(columns) + 1):
            cell = sheet.cell(row, column)
            cell.fill = styles["input_fill"]
            cell.protection = styles["unlocked"]
            cell.border = styles["border"]
            cell.alignment = styles["wrap"] if column == 7 else styles["centre"]
        longest = max(len(values[1]) / 30, len(values[2]) / 32, len(values[3]) / 32)
        sheet.row_dimensions[row].height = 15 * max(2, math.ceil(longest))
    # Any number on the scale, as the reader takes it: a drop-down of the points would refuse a 3,5.
    scores = DataValidation(
        type="decimal",
        operator="between",
        formula1=str(scale.min),
        formula2=str(scale.max),
        allow_blank=True,
        showErrorMessage=True,
        showInputMessage=True,
    )
    scores.errorTitle = _("Not on the scale")
    scores.error = _(SCORES_TAKEN).format(**scale_example(scale, lang))
    scores.promptTitle = _("Score")
    scores.prompt = ", ".join(scale.point_text(point, lang) for point in scale.worded_points)
    sheet.add_data_validation(scores)
    last = len(catalog.factors) + 1
    scores.add(f"E2:F{last}")
    _share_drop_down(sheet, request, last)
    for column, width in zip("ABCDEFGH", (20, 34, 34, 34, 12, 12, 40, 12), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "C2"
    sheet.print_title_rows = "1:1"
    print_setup(sheet, landscape=True)
    protect(sheet)


def score_headings(catalog: Catalog, request: WorkbookRequest) -> tuple[str, str]:
    """The two score columns' headers, supplier first. The questionnaire's name the company whose
    investment they hold, in brackets, which the reader ignores: ``Lieferant (Hansen GmbH, 1–5)``,
    ``Ihr Unternehmen (Zeppelin Süd GmbH, 1–5)``."""
    lang = request.lang
    span = f"{catalog.scale.min}–{catalog.scale.max}"
    if not request.for_key_account:
        return SUPPLIER_SCORE.heading(lang) + f" ({span})", KEY_ACCOUNT_SCORE.heading(lang) + f" ({span})"
    own = gettext_for(lang)(YOUR_COMPANY_COLUMN)
    supplier = SUPPLIER_SCORE.heading(lang) + f" ({in_header(request.supplier or '')}, {span})"
    account = own + (f" ({in_header(request.account)}, {span})" if request.account else f" ({span})")
    return supplier, account


def _what_each_invests(factor: Factor, request: WorkbookRequest) -> list[str]:
    """The factor's two texts of what investing means, supplier first: the questionnaire's own wording
    with the companies named, or our team's."""
    if request.for_key_account:
        names = request.company_names()
        return [with_companies(text, names) for text in factor.questionnaire_texts(request.lang)]
    return [factor.supplier.get(request.lang), factor.key_account.get(request.lang)]


def _share_drop_down(sheet, request: WorkbookRequest, last_row: int) -> None:
    """Yes or no (``ja``/``nein``) beside each comment: whether the key account's edition may show it.
    Our team's comments stay internal unless marked; the key account's contact writes for the joint
    meeting, so each of its cells starts as yes (see :data:`COMMENTS_SHARED_BY_DEFAULT`)."""
    from openpyxl.worksheet.datavalidation import DataValidation

    lang = request.lang
    _ = gettext_for(lang)
    yes, no = SHARE_WORDS[True].get(lang), SHARE_WORDS[False].get(lang)
    share = DataValidation(type="list", formula1=f'"{yes},{no}"', allow_blank=True, showErrorMessage=True)
    if COMMENTS_SHARED_BY_DEFAULT[request.view]:
        share.error = _(
            'Choose "{no}" to keep the comment for {supplier} alone; blank or "{yes}" shares it with both '
            "companies."
        ).format(yes=yes, no=no, **request.company_names())
        for row in range(2, last_row + 1):
            sheet.cell(row, SHARE_COLUMN, yes)
    else:
        share.error = _(
            'Choose "{yes}" to share the comment with the key account; blank or "{no}" keeps it internal.'
        ).format(yes=yes, no=no)
    sheet.add_data_validation(share)
    letter = sheet.cell(1, SHARE_COLUMN).column_letter
    share.add(f"{letter}2:{letter}{last_row}")


SHARE_COLUMN = 8
"""The assessment sheet's share column, after id, factor, what each side invests, the scores and the
comment."""


def scale_example(scale: Scale, lang: str) -> dict[str, str]:
    """The scale's ends and two scores on it as the language writes them: ``3`` and ``3,5`` / ``3.5``."""
    middle = (scale.min + scale.max) // 2
    score = Formatter(lang).score
    return {
        "low": score(scale.min),
        "high": score(scale.max),
        "whole": score(middle),
        "half": score(middle + 0.5),
    }
