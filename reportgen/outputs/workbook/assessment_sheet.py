"""The fillable workbook's assessment sheet: one row per factor of the catalog, with what investing means
for each side, two score cells (any number on the scale, halves too, as the reader takes them; anything
else is rejected), a comment, and whether the comment is shared with the key account. Ids and titles are
locked, so that the rows still match the catalog when the workbook comes back.
"""

from __future__ import annotations

from reportgen.common.i18n import N_, Formatter, gettext_for
from reportgen.model.catalog import Catalog, Factor, Scale
from reportgen.outputs.workbook.look import Column, cell_styles, header_row, page_header, protect, to_fill_in
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
        Column(FACTOR_ID.heading(lang), 16),
        Column(FACTOR.heading(lang), 28),
        *(Column(text, 32) for text in invests),
        Column(supplier_score, 15),
        Column(key_account_score, 15),
        Column(COMMENT.heading(lang), 30),
        Column(SHARE_COMMENT.heading(lang), 10),
    ]
    header_row(sheet, columns, styles, frozen="C2")
    for row, factor in enumerate(catalog.factors, start=2):
        values = [factor.id, factor.title.get(lang), *_what_each_invests(factor, request)]
        styled = zip(values, ("small", "bold", "plain", "plain"), strict=True)
        for column, (value, style) in enumerate(styled, start=1):
            cell = sheet.cell(row, column, value)
            cell.font = styles[style]
            cell.alignment = styles["wrap"]
            cell.border = styles["border"]
        for column in range(len(values) + 1, len(columns) + 1):
            to_fill_in(sheet.cell(row, column), styles, "wrap" if column == COMMENT_COLUMN else "centre")
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
    page_header(sheet, scale_legend(scale, lang))
    protect(sheet)


def score_headings(catalog: Catalog, request: WorkbookRequest) -> tuple[str, str]:
    """The two score columns' headers, supplier first: ``Lieferant`` over ``(1–5)`` in our team's workbook,
    the scale on a line of its own, since both programs would break a line inside it, after the dash. The
    questionnaire's name the company whose investment they hold instead, in brackets, which the reader
    ignores: ``Lieferant (Hansen GmbH)``, ``Ihr Unternehmen (Zeppelin Süd GmbH)``. Its scale is on every
    printed page's head (:func:`scale_legend`) and beside every score cell as it is selected."""
    lang = request.lang
    if not request.for_key_account:
        span = f"({catalog.scale.min}–{catalog.scale.max})"
        return f"{SUPPLIER_SCORE.heading(lang)}\n{span}", f"{KEY_ACCOUNT_SCORE.heading(lang)}\n{span}"
    own = gettext_for(lang)(YOUR_COMPANY_COLUMN)
    supplier = f"{SUPPLIER_SCORE.heading(lang)} ({in_header(request.supplier or '')})"
    account = own + (f" ({in_header(request.account)})" if request.account else "")
    return supplier, account


SCALE_LEGEND = N_("Scale: {points} – halves such as {half} too; blank = not rated")
"""The scale as the rating sheet's printed pages show it at their head, where a pen has no drop-down."""


def scale_legend(scale: Scale, lang: str) -> str:
    points = " · ".join(scale.point_text(point, lang) for point in scale.worded_points)
    return gettext_for(lang)(SCALE_LEGEND).format(points=points, half=scale_example(scale, lang)["half"])


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


COMMENT_COLUMN, SHARE_COLUMN = 7, 8
"""The assessment sheet's comment and share columns, after id, factor, what each side invests and the
scores."""


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
