"""The fillable assessment workbook: what a key account manager fills in, made from the catalog.

Three sheets: instructions in the chosen language, the account's facts, and one row per factor with
two score cells (a drop-down of the scale's points that rejects anything else) and a comment. Input
cells are yellow and unlocked; ids and titles are protected without a password, so that the rows
still match the catalog when the workbook comes back. The workbook names the catalog it was made
from, and ``reportgen briefing`` reads it exactly as the user left it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportgen.catalog import Catalog
from reportgen.i18n import gettext_for
from reportgen.reading.vocabulary import (
    ACCOUNT_ID,
    ACCOUNT_NAME,
    ACCOUNT_SHEET,
    ANNUAL_REVENUE,
    ASSESSED_BY,
    ASSESSED_ON,
    ASSESSMENT_SHEET,
    CATALOG,
    COMMENT,
    CURRENCY,
    FACTOR,
    FACTOR_ID,
    FORMER_NAME,
    INTENDED_TYPE,
    KEY_ACCOUNT_MANAGER,
    KEY_ACCOUNT_SCORE,
    PERIOD,
    SUPPLIER_SCORE,
)

INPUT_FILL = "FFF4C2"  # the yellow of cells to fill in
HEADER_FILL = "1F4E79"
MUTED = "6B7785"


@dataclass(frozen=True)
class TemplateRequest:
    lang: str
    account: str | None = None
    period: str | None = None


def build_template(catalog: Catalog, request: TemplateRequest) -> bytes:
    """The workbook as xlsx bytes."""
    import io

    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    _instructions(workbook, catalog, request.lang)
    _account_sheet(workbook, catalog, request)
    _assessment_sheet(workbook, catalog, request.lang)
    workbook.active = 2
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _styles():
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

    thin = Side(style="thin", color="D5DBE1")
    return {
        "title": Font(bold=True, size=16, color=HEADER_FILL),
        "heading": Font(bold=True, size=12, color=HEADER_FILL),
        "header": Font(bold=True, color="FFFFFF"),
        "header_fill": PatternFill("solid", fgColor=HEADER_FILL),
        "input_fill": PatternFill("solid", fgColor=INPUT_FILL),
        "muted": Font(color=MUTED, italic=True),
        "wrap": Alignment(wrap_text=True, vertical="top"),
        "centre": Alignment(horizontal="center", vertical="top"),
        "border": Border(left=thin, right=thin, top=thin, bottom=thin),
        "unlocked": Protection(locked=False),
    }


def _protect(sheet) -> None:
    """Lock what must stay as it is – without a password, so anyone can lift it in Excel or LibreOffice."""
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    sheet.protection.autoFilter = False


def _print_setup(sheet, landscape: bool) -> None:
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _instructions(workbook, catalog: Catalog, lang: str) -> None:
    _ = gettext_for(lang)
    styles = _styles()
    sheet = workbook.create_sheet(_("Instructions"))
    scale = catalog.scale
    supplier, key_account = SUPPLIER_SCORE.heading(lang), KEY_ACCOUNT_SCORE.heading(lang)
    lines = [
        (catalog.title.get(lang) + " – " + _("assessment workbook"), "title"),
        ("", None),
        (_("How to fill in this workbook"), "heading"),
        (
            _(
                '1. On the sheet "{sheet}", enter the account, the period (such as 2026-Q4) '
                "and who assessed it when."
            ).format(sheet=ACCOUNT_SHEET.heading(lang)),
            None,
        ),
        (
            _(
                '2. On the sheet "{sheet}", rate every factor twice: how much we as the supplier '
                'invest (column "{supplier}") and how much the key account invests (column "{key_account}").'
            ).format(sheet=ASSESSMENT_SHEET.heading(lang), supplier=supplier, key_account=key_account),
            None,
        ),
        (
            _(
                "3. The columns beside each factor say what investing means for each side. "
                "Rate what you see, not what you wish for."
            ),
            None,
        ),
        (
            _(
                "4. A blank score means not rated – it never counts as zero. Leave a factor blank when you "
                "cannot judge it; the briefing shows how many factors were rated."
            ),
            None,
        ),
        (_("5. Use the comment column for the facts behind a rating: they appear in the briefing."), None),
        ("", None),
        (_("The scale"), "heading"),
        *((scale.point_text(point, lang), None) for point in scale.points),
        ("", None),
        (
            _(
                "Yellow cells are for you to fill in. Ids and titles are protected (without a password) so "
                "that every row still matches the catalog."
            ),
            "muted",
        ),
        (
            _("Then make the briefing: reportgen briefing <this file> --lang {lang}").format(lang=lang),
            "muted",
        ),
        (_("Catalog: {catalog}").format(catalog=catalog.label()), "muted"),
    ]
    for row, (text, style) in enumerate(lines, start=1):
        cell = sheet.cell(row, 1, text)
        cell.alignment = styles["wrap"]
        if style:
            cell.font = styles[style]
        sheet.row_dimensions[row].height = (
            max(15, 15 * math.ceil(len(text) / 110)) if style != "title" else 24
        )
    sheet.column_dimensions["A"].width = 100
    _print_setup(sheet, landscape=True)
    _protect(sheet)


def _header(sheet, columns: list[str], styles) -> None:
    for column, text in enumerate(columns, start=1):
        cell = sheet.cell(1, column, text)
        cell.font = styles["header"]
        cell.fill = styles["header_fill"]
        cell.alignment = styles["wrap"]
        cell.border = styles["border"]
    sheet.row_dimensions[1].height = 32


def _account_sheet(workbook, catalog: Catalog, request: TemplateRequest) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    lang = request.lang
    _ = gettext_for(lang)
    styles = _styles()
    sheet = workbook.create_sheet(ACCOUNT_SHEET.heading(lang))
    _header(sheet, [_("Field"), _("Value"), _("Note")], styles)
    required, optional = _("required"), _("optional")
    types = [r.name.get(lang) for r in catalog.zones.relationship_types]
    rows = [
        (ACCOUNT_NAME, request.account, required),
        (PERIOD, request.period, _("required, a quarter such as 2026-Q4")),
        (ACCOUNT_ID, None, optional),
        (KEY_ACCOUNT_MANAGER, None, optional),
        (ASSESSED_BY, None, optional),
        (ASSESSED_ON, None, _("optional, a date")),
        (ANNUAL_REVENUE, None, _("optional, a number; sizes the account in the portfolio map")),
        (CURRENCY, "EUR", optional),
        (
            INTENDED_TYPE,
            None,
            _("optional: the relationship you run it as ({types})").format(types=", ".join(types)),
        ),
        (
            FORMER_NAME,
            None,
            _("optional: the account's old name, only if it was renamed (keeps its history)"),
        ),
    ]
    for row, (term, value, note) in enumerate(rows, start=2):
        sheet.cell(row, 1, term.heading(lang)).font = _bold()
        cell = sheet.cell(row, 2, value)
        cell.fill = styles["input_fill"]
        cell.protection = styles["unlocked"]
        cell.border = styles["border"]
        if term is ASSESSED_ON:
            cell.number_format = "DD.MM.YYYY" if lang == "de" else "YYYY-MM-DD"
        if term is ANNUAL_REVENUE:
            cell.number_format = "#,##0"
        sheet.cell(row, 3, note).font = styles["muted"]
    catalog_row = len(rows) + 2
    sheet.cell(catalog_row, 1, CATALOG.heading(lang)).font = _bold()
    sheet.cell(catalog_row, 2, catalog.label())
    sheet.cell(catalog_row, 3, _("the catalog this workbook was made from – please leave it")).font = styles[
        "muted"
    ]
    choice = DataValidation(
        type="list",
        formula1='"' + ",".join(t.replace('"', "'") for t in types) + '"',
        allow_blank=True,
        showErrorMessage=True,
    )
    choice.error = _("Choose one of the relationship types in the list, or leave the cell blank.")
    sheet.add_data_validation(choice)
    choice.add(f"B{[term for term, _value, _note in rows].index(INTENDED_TYPE) + 2}")
    for column, width in zip("ABC", (26, 42, 70), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    _print_setup(sheet, landscape=True)
    _protect(sheet)


def _bold():
    from openpyxl.styles import Font

    return Font(bold=True)


def _assessment_sheet(workbook, catalog: Catalog, lang: str) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    _ = gettext_for(lang)
    styles = _styles()
    scale = catalog.scale
    sheet = workbook.create_sheet(ASSESSMENT_SHEET.heading(lang))
    span = f" ({scale.min}–{scale.max})"
    columns = [
        FACTOR_ID.heading(lang),
        FACTOR.heading(lang),
        _("What the supplier invests"),
        _("What the key account invests"),
        SUPPLIER_SCORE.heading(lang) + span,
        KEY_ACCOUNT_SCORE.heading(lang) + span,
        COMMENT.heading(lang),
    ]
    _header(sheet, columns, styles)
    for row, factor in enumerate(catalog.factors, start=2):
        values = [factor.id, factor.title.get(lang), factor.supplier.get(lang), factor.key_account.get(lang)]
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row, column, value)
            cell.alignment = styles["wrap"]
            cell.border = styles["border"]
        sheet.cell(row, 2).font = _bold()
        for column in (5, 6, 7):
            cell = sheet.cell(row, column)
            cell.fill = styles["input_fill"]
            cell.protection = styles["unlocked"]
            cell.border = styles["border"]
            cell.alignment = styles["centre"] if column < 7 else styles["wrap"]
        longest = max(len(values[1]) / 30, len(values[2]) / 32, len(values[3]) / 32)
        sheet.row_dimensions[row].height = 15 * max(2, math.ceil(longest))
    points = ",".join(str(p) for p in scale.points)
    scores = DataValidation(
        type="list", formula1=f'"{points}"', allow_blank=True, showErrorMessage=True, showInputMessage=True
    )
    scores.errorTitle = _("Not on the scale")
    scores.error = _(
        "Enter a whole number from {low} to {high}, or leave the cell blank (= not rated)."
    ).format(low=scale.min, high=scale.max)
    scores.promptTitle = _("Score")
    scores.prompt = ", ".join(scale.point_text(point, lang) for point in scale.worded_points)
    sheet.add_data_validation(scores)
    last = len(catalog.factors) + 1
    scores.add(f"E2:F{last}")
    for column, width in zip("ABCDEFG", (20, 34, 34, 34, 12, 12, 40), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "C2"
    sheet.print_title_rows = "1:1"
    _print_setup(sheet, landscape=True)
    _protect(sheet)
