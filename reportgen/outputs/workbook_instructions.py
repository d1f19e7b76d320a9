"""The fillable workbook's first sheet: how to fill it in, in the chosen language, for our team or for the
key account's contact, with the catalog's scale.
"""

from __future__ import annotations

import math

from reportgen.common.i18n import gettext_for
from reportgen.model.assessment import ActionStatus
from reportgen.model.catalog import Catalog
from reportgen.outputs.workbook_assessment_sheet import SCORES_TAKEN, scale_example, score_headings
from reportgen.outputs.workbook_look import cell_styles, print_setup, protect
from reportgen.outputs.workbook_request import TemplateRequest
from reportgen.reading.vocabulary import (
    ACCOUNT_SHEET,
    ACTIONS_SHEET,
    ASSESSMENT_SHEET,
    KEY_ACCOUNT_SCORE,
    SHARE_COMMENT,
    SHARE_WORDS,
    STATUS_WORDS,
    SUPPLIER_SCORE,
)


def instructions_sheet(workbook, catalog: Catalog, request: TemplateRequest) -> None:
    _ = gettext_for(request.lang)
    styles = cell_styles()
    sheet = workbook.create_sheet(_("Instructions"))
    if request.for_key_account:
        lines = _questionnaire_instructions(catalog, request)
    else:
        lines = _our_instructions(catalog, request.lang)
    for row, (text, style) in enumerate(lines, start=1):
        cell = sheet.cell(row, 1, text)
        cell.alignment = styles["wrap"]
        if style:
            cell.font = styles[style]
        sheet.row_dimensions[row].height = (
            max(15, 15 * math.ceil(len(text) / 110)) if style != "title" else 24
        )
    sheet.column_dimensions["A"].width = 100
    print_setup(sheet, landscape=True)
    protect(sheet)


def _our_instructions(catalog: Catalog, lang: str) -> list[tuple[str, str | None]]:
    _ = gettext_for(lang)
    scale = catalog.scale
    supplier, key_account = SUPPLIER_SCORE.heading(lang), KEY_ACCOUNT_SCORE.heading(lang)
    return [
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
        (
            _(
                '   Comments stay internal. Choose {yes} under "{column}" for a comment the edition '
                "handed to the key account may show."
            ).format(yes=SHARE_WORDS[True].get(lang), column=SHARE_COMMENT.heading(lang)),
            None,
        ),
        (
            _(
                '6. Optional: on the sheet "{sheet}", list what is to be done about the findings, one action '
                "per row: its factor (blank: the relationship as a whole), who owns it, by when, its status "
                "({statuses}; blank: {open}) and whether it is shared with the key account ({yes} or {no}; "
                "blank: {no}, it stays internal)."
            ).format(
                sheet=ACTIONS_SHEET.heading(lang),
                statuses=", ".join(word.get(lang) for word in STATUS_WORDS.values()),
                open=STATUS_WORDS[ActionStatus.OPEN].get(lang),
                yes=SHARE_WORDS[True].get(lang),
                no=SHARE_WORDS[False].get(lang),
            ),
            None,
        ),
        (
            _(
                "7. Open actions of earlier quarters are carried forward: write one again only to change its "
                "status, with the same factor and wording."
            ),
            None,
        ),
        ("", None),
        (_("The scale"), "heading"),
        (_(SCORES_TAKEN).format(**scale_example(scale, lang)), None),
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


def _questionnaire_instructions(catalog: Catalog, request: TemplateRequest) -> list[tuple[str, str | None]]:
    """Addressed to the key account's contact: whose questionnaire it is, what the answers are used for,
    and how to rate – the supplier's investment first."""
    lang = request.lang
    _ = gettext_for(lang)
    names = request.company_names()
    supplier_column, account_column = score_headings(catalog, request)
    return [
        (_("{supplier} and {account}: partnership questionnaire").format(**names), "title"),
        ("", None),
        (
            _(
                "{supplier} would like to know how {account} sees the partnership between the two companies."
            ).format(**names),
            None,
        ),
        (
            _(
                "What your answers are used for: a joint review of the partnership by both companies – what "
                "each side invests, and where the two views differ. No report ties a score to a person: "
                "names appear only in the list of those who answered. Where you are the only one of your "
                "company to answer, its view in the report is your answers."
            ),
            None,
        ),
        ("", None),
        (_("How to fill in this questionnaire"), "heading"),
        (
            _(
                '1. On the sheet "{sheet}", check or enter the company and the quarter (such as 2026-Q4); '
                "your name and role are optional."
            ).format(sheet=ACCOUNT_SHEET.heading(lang)),
            None,
        ),
        (
            _(
                '2. On the sheet "{sheet}", rate every factor twice: first how much {supplier} invests '
                '(column "{supplier_column}"), then how much {account} invests (column "{account_column}").'
            ).format(
                sheet=ASSESSMENT_SHEET.heading(lang),
                supplier_column=supplier_column,
                account_column=account_column,
                **names,
            ),
            None,
        ),
        (
            _(
                "3. The columns beside each factor say what investing means for each company. "
                "Rate what you see in the day-to-day work, not what you wish for."
            ),
            None,
        ),
        (
            _(
                "4. A blank score means not rated – it never counts as zero. "
                "Leave a factor blank when you cannot judge it."
            ),
            None,
        ),
        (
            _(
                "5. Use the comment column for the facts behind a rating: they help both companies discuss "
                "it, and both companies see them in the joint review."
            ),
            None,
        ),
        (
            _(
                '   A comment meant for {supplier} alone: choose "{no}" under "{column}". '
                'A blank cell counts as "{yes}".'
            ).format(
                yes=SHARE_WORDS[True].get(lang),
                no=SHARE_WORDS[False].get(lang),
                column=SHARE_COMMENT.heading(lang),
                **names,
            ),
            None,
        ),
        (_("6. Please send the filled-in questionnaire back to {supplier}.").format(**names), None),
        ("", None),
        (_("The scale"), "heading"),
        (_(SCORES_TAKEN).format(**scale_example(catalog.scale, lang)), None),
        *((catalog.scale.point_text(point, lang), None) for point in catalog.scale.points),
        ("", None),
        (
            _(
                "Yellow cells are for you to fill in. Ids and titles are protected (without a password) so "
                "that every row still matches the catalog."
            ),
            "muted",
        ),
        (_("Catalog: {catalog}").format(catalog=catalog.label()), "muted"),
    ]
