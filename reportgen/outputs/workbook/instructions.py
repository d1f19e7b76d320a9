"""The fillable workbook's first sheet: how to fill it in, in the chosen language, for our team or for the
key account's contact, with the catalog's scale.

What it says is data (instruction_texts); this module words either list in the workbook's
language, fills in what its placeholders name, and lays it out a line a row.
"""

from __future__ import annotations

from collections.abc import Iterator

from reportgen.common.i18n import gettext_for
from reportgen.model.assessment import ActionStatus
from reportgen.model.catalog import Catalog
from reportgen.outputs.workbook.assessment_sheet import scale_example, score_headings
from reportgen.outputs.workbook.instruction_texts import (
    OUR_INSTRUCTIONS,
    QUESTIONNAIRE_INSTRUCTIONS,
    Line,
    LineKind,
)
from reportgen.outputs.workbook.look import cell_styles, protect
from reportgen.outputs.workbook.request import WorkbookRequest
from reportgen.reading.vocabulary import (
    KEY_ACCOUNT_SCORE,
    SHARE_COMMENT,
    SHARE_WORDS,
    STATUS_WORDS,
    SUPPLIER_SCORE,
)

STYLES = {
    LineKind.TITLE: "title",
    LineKind.SUBTITLE: "subtitle",
    LineKind.HEADING: "heading",
    LineKind.NOTE: "muted",
}
"""The cell style of each kind of line that has one (see look.cell_styles)."""


def instructions_sheet(workbook, catalog: Catalog, request: WorkbookRequest):
    """The instructions sheet, a line a row in one wide column; returned, as it alone prints on one page."""
    _ = gettext_for(request.lang)
    styles = cell_styles()
    sheet = workbook.create_sheet(_("Instructions"))
    lines = QUESTIONNAIRE_INSTRUCTIONS if request.for_key_account else OUR_INSTRUCTIONS
    for row, (text, style) in enumerate(_worded(lines, catalog, request), start=1):
        cell = sheet.cell(row, 1, text)
        cell.alignment = styles["wrap"]
        cell.font = styles[style or "plain"]
    sheet.column_dimensions["A"].width = WIDTH
    protect(sheet)
    return sheet


WIDTH = 110
"""The instructions' one column, in characters: lines of about fifteen words, read at a glance."""


def _worded(
    lines: tuple[Line, ...], catalog: Catalog, request: WorkbookRequest
) -> Iterator[tuple[str, str | None]]:
    """Each line as the sheet shows it, with its style: the scale's line becomes a row per point."""
    lang = request.lang
    _ = gettext_for(lang)
    named = _placeholders(catalog, request)
    for line in lines:
        if line.kind is LineKind.BLANK:
            yield "", None
        elif line.kind is LineKind.SCALE_POINTS:
            yield from ((catalog.scale.point_text(point, lang), None) for point in catalog.scale.points)
        else:
            sheet = {"sheet": line.sheet.heading(lang)} if line.sheet is not None else {}
            yield _(line.text).format(**named, **sheet), STYLES.get(line.kind)


def _placeholders(catalog: Catalog, request: WorkbookRequest) -> dict[str, str]:
    """What the lines' placeholders stand for, in the workbook's language. ``{supplier}`` is our company in
    the questionnaire, which names both companies, and the supplier's score column in our team's workbook."""
    lang = request.lang
    named = {
        "title": catalog.title.get(lang),
        "catalog": catalog.label(),
        "lang": lang,
        "column": SHARE_COMMENT.heading(lang),
        "yes": SHARE_WORDS[True].get(lang),
        "no": SHARE_WORDS[False].get(lang),
        "statuses": ", ".join(word.get(lang) for word in STATUS_WORDS.values()),
        "open": STATUS_WORDS[ActionStatus.OPEN].get(lang),
        **scale_example(catalog.scale, lang),
    }
    if request.for_key_account:
        supplier_column, account_column = score_headings(catalog, request)
        return {
            **named,
            **request.company_names(),
            "supplier_column": supplier_column,
            "account_column": account_column,
        }
    return {**named, "supplier": SUPPLIER_SCORE.heading(lang), "key_account": KEY_ACCOUNT_SCORE.heading(lang)}
