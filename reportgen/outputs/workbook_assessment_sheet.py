"""The fillable assessment workbook: what a key account manager fills in, made from the catalog.

Three sheets: instructions in the chosen language, the account's facts, and one row per factor with
two score cells (any number on the scale, halves too, as the reader takes them; anything else is
rejected), a comment, and whether the comment is shared with the key account. Input cells are yellow
and unlocked; ids and titles are protected without a password, so that the rows still match the catalog
when the workbook comes back. The workbook names the catalog it was made from, and ``reportgen
briefing`` reads it exactly as the user left it. Our team's workbook has a fourth sheet, the actions
agreed for the account; the key account's questionnaire has none, since our team keeps the plan.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportgen.common.i18n import N_, Formatter, gettext_for
from reportgen.model.assessment import ActionStatus, View
from reportgen.model.catalog import Catalog, Factor, Scale
from reportgen.reading.vocabulary import (
    ACCOUNT_ID,
    ACCOUNT_NAME,
    ACCOUNT_SHEET,
    ACTION_COLUMNS,
    ACTION_FACTOR,
    ACTIONS_SHEET,
    ANNUAL_REVENUE,
    ASSESSED_BY,
    ASSESSED_ON,
    ASSESSMENT_SHEET,
    CATALOG,
    COMMENT,
    COMMENTS_SHARED_BY_DEFAULT,
    CURRENCY,
    DUE,
    FACTOR,
    FACTOR_ID,
    FORMER_NAME,
    INTENDED_TYPE,
    KEY_ACCOUNT_MANAGER,
    KEY_ACCOUNT_SCORE,
    PERIOD,
    ROLE,
    SHARE_COMMENT,
    SHARE_WORDS,
    SHARED,
    STATUS,
    STATUS_WORDS,
    SUPPLIER_SCORE,
    VIEW,
    VIEW_TEMPLATE_WORDS,
    Term,
)

INPUT_FILL = "FFF4C2"  # the yellow of cells to fill in
HEADER_FILL = "1F4E79"
MUTED = "6B7785"


YOUR_COMPANY = N_("your company")
"""The key account where the questionnaire does not know its name; the catalog's texts place
``{account}`` where this reads right in German too (nominative or accusative)."""
COMPANY_LABEL = N_("Company")
"""The questionnaire's name for the account name field: one of its names the reader knows."""
YOUR_COMPANY_COLUMN = N_("Your company")
"""The questionnaire's column of the key account's own investment: one of the key account column's
names (see :data:`reportgen.reading.vocabulary.KEY_ACCOUNT_SCORE`), so the reader finds it."""

SCORES_TAKEN = N_(
    "Enter a number from {low} to {high}, such as {whole} or {half}, or leave the cell blank (= not rated)."
)
"""What a score cell takes: any number on the scale, halves too, as the reader reads them."""


@dataclass(frozen=True)
class TemplateRequest:
    lang: str
    account: str | None = None
    period: str | None = None
    view: View = View.SUPPLIER
    supplier: str | None = None
    """Our company's name, which the key account's questionnaire names."""
    rater: str | None = None
    role: str | None = None

    @property
    def for_key_account(self) -> bool:
        return self.view is View.KEY_ACCOUNT

    def company_names(self) -> dict[str, str]:
        """The two companies as the questionnaire names them: ``supplier`` and ``account``."""
        account = self.account or gettext_for(self.lang)(YOUR_COMPANY)
        return {"supplier": self.supplier or "", "account": account}


def with_companies(text: str, names: dict[str, str]) -> str:
    """*text* with ``{supplier}`` and ``{account}`` replaced by the companies' names; any other brace
    in a user's catalog stays as it is written."""
    for key, name in names.items():
        text = text.replace("{" + key + "}", name)
    return text


def in_header(name: str) -> str:
    """A company's name put in brackets in a column header: the reader ignores what is in brackets, and
    a bracket in the name itself would end them early, so its round brackets become square ones."""
    return name.replace("(", "[").replace(")", "]")


def build_template(catalog: Catalog, request: TemplateRequest) -> bytes:
    """The workbook as xlsx bytes."""
    import io

    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    _instructions(workbook, catalog, request)
    _account_sheet(workbook, catalog, request)
    _assessment_sheet(workbook, catalog, request)
    if not request.for_key_account:
        _actions_sheet(workbook, catalog, request.lang)
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


def _instructions(workbook, catalog: Catalog, request: TemplateRequest) -> None:
    _ = gettext_for(request.lang)
    styles = _styles()
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
    _print_setup(sheet, landscape=True)
    _protect(sheet)


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
        (_(SCORES_TAKEN).format(**_scale_example(scale, lang)), None),
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
    supplier_column, account_column = _score_headings(catalog, request)
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
        (_(SCORES_TAKEN).format(**_scale_example(catalog.scale, lang)), None),
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
    rows = _questionnaire_facts(catalog, request) if request.for_key_account else _our_facts(catalog, request)
    for row, fact in enumerate(rows, start=2):
        sheet.cell(row, 1, fact.label or fact.term.heading(lang)).font = _bold()
        cell = sheet.cell(row, 2, fact.value)
        if fact.fill_in:
            cell.fill = styles["input_fill"]
            cell.protection = styles["unlocked"]
            cell.border = styles["border"]
        if fact.term is ASSESSED_ON:
            cell.number_format = "DD.MM.YYYY" if lang == "de" else "YYYY-MM-DD"
        if fact.term is ANNUAL_REVENUE:
            cell.number_format = "#,##0"
        sheet.cell(row, 3, fact.note).font = styles["muted"]
    terms = [fact.term for fact in rows]
    if INTENDED_TYPE in terms:
        types = [r.name.get(lang) for r in catalog.zones.relationship_types]
        choice = DataValidation(
            type="list",
            formula1='"' + ",".join(t.replace('"', "'") for t in types) + '"',
            allow_blank=True,
            showErrorMessage=True,
        )
        choice.error = _("Choose one of the relationship types in the list, or leave the cell blank.")
        sheet.add_data_validation(choice)
        choice.add(f"B{terms.index(INTENDED_TYPE) + 2}")
    for column, width in zip("ABC", (26, 42, 70), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    _print_setup(sheet, landscape=True)
    _protect(sheet)


@dataclass(frozen=True)
class _Fact:
    """One row of the account sheet: a field, what is filled in already, and a note on it."""

    term: Term
    value: object
    note: str
    fill_in: bool = True
    """Whether the cell is for the user (yellow, unlocked), or filled in and to be left as it is."""
    label: str | None = None
    """The field's name where it is not the term's usual heading (still one of the term's names)."""


def _view_fact(request: TemplateRequest, note: str) -> _Fact:
    return _Fact(VIEW, VIEW_TEMPLATE_WORDS[request.view][request.lang], note, fill_in=False)


def _catalog_fact(catalog: Catalog, lang: str) -> _Fact:
    _ = gettext_for(lang)
    return _Fact(
        CATALOG,
        catalog.label(),
        _("the catalog this workbook was made from – please leave it"),
        fill_in=False,
    )


def _our_facts(catalog: Catalog, request: TemplateRequest) -> list[_Fact]:
    _ = gettext_for(request.lang)
    required, optional = _("required"), _("optional")
    types = ", ".join(r.name.get(request.lang) for r in catalog.zones.relationship_types)
    return [
        _Fact(ACCOUNT_NAME, request.account, required),
        _Fact(PERIOD, request.period, _("required, a quarter such as 2026-Q4")),
        _Fact(ACCOUNT_ID, None, optional),
        _Fact(KEY_ACCOUNT_MANAGER, None, optional),
        _Fact(
            ASSESSED_BY, request.rater, _("optional: who rated; each rater fills in a workbook of their own")
        ),
        _Fact(ROLE, request.role, _("optional: the rater's role, such as sales director or service")),
        _view_fact(
            request,
            _(
                "your team's view; the key account's contacts get a questionnaire of their own "
                "(reportgen template --view key-account)"
            ),
        ),
        _Fact(ASSESSED_ON, None, _("optional, a date")),
        _Fact(ANNUAL_REVENUE, None, _("optional, a number; sizes the account in the portfolio map")),
        _Fact(CURRENCY, "EUR", optional),
        _Fact(
            INTENDED_TYPE, None, _("optional: the relationship you run it as ({types})").format(types=types)
        ),
        _Fact(
            FORMER_NAME,
            None,
            _("optional: the account's old name, only if it was renamed (keeps its history)"),
        ),
        _catalog_fact(catalog, request.lang),
    ]


def _questionnaire_facts(catalog: Catalog, request: TemplateRequest) -> list[_Fact]:
    """The key account's contact gives only what the review needs: which company and quarter, and who
    answered in which role; none of our own facts about the account."""
    lang = request.lang
    _ = gettext_for(lang)
    names = request.company_names()
    if request.account:
        company = _Fact(
            ACCOUNT_NAME,
            request.account,
            _("filled in by {supplier} – please leave it as it is, so that your answers are matched").format(
                **names
            ),
            fill_in=False,
            label=_(COMPANY_LABEL),
        )
    else:
        company = _Fact(ACCOUNT_NAME, None, _("required: the name of your company"), label=_(COMPANY_LABEL))
    return [
        company,
        _Fact(PERIOD, request.period, _("required, a quarter such as 2026-Q4")),
        _Fact(
            ASSESSED_BY,
            request.rater,
            _(
                "optional: your name – it appears only in the list of those who answered, "
                "never beside a score"
            ),
        ),
        _Fact(ROLE, request.role, _("optional: your role, such as purchasing or engineering")),
        _Fact(ASSESSED_ON, None, _("optional, a date")),
        _view_fact(request, _("marks the answers as your company's own view – please leave it")),
        _catalog_fact(catalog, lang),
    ]


def _bold():
    from openpyxl.styles import Font

    return Font(bold=True)


def _score_headings(catalog: Catalog, request: TemplateRequest) -> tuple[str, str]:
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


def _what_each_invests(factor: Factor, request: TemplateRequest) -> list[str]:
    """The factor's two texts of what investing means, supplier first: the questionnaire's own wording
    with the companies named, or our team's."""
    if request.for_key_account:
        names = request.company_names()
        return [with_companies(text, names) for text in factor.questionnaire_texts(request.lang)]
    return [factor.supplier.get(request.lang), factor.key_account.get(request.lang)]


def _share_drop_down(sheet, request: TemplateRequest, last_row: int) -> None:
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


def _scale_example(scale: Scale, lang: str) -> dict[str, str]:
    """The scale's ends and two scores on it as the language writes them: ``3`` and ``3,5`` / ``3.5``."""
    middle = (scale.min + scale.max) // 2
    score = Formatter(lang).score
    return {
        "low": score(scale.min),
        "high": score(scale.max),
        "whole": score(middle),
        "half": score(middle + 0.5),
    }


def _assessment_sheet(workbook, catalog: Catalog, request: TemplateRequest) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    lang = request.lang
    _ = gettext_for(lang)
    styles = _styles()
    scale = catalog.scale
    sheet = workbook.create_sheet(ASSESSMENT_SHEET.heading(lang))
    supplier_score, key_account_score = _score_headings(catalog, request)
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
    _header(sheet, columns, styles)
    for row, factor in enumerate(catalog.factors, start=2):
        values = [factor.id, factor.title.get(lang), *_what_each_invests(factor, request)]
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row, column, value)
            cell.alignment = styles["wrap"]
            cell.border = styles["border"]
        sheet.cell(row, 2).font = _bold()
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
    scores.error = _(SCORES_TAKEN).format(**_scale_example(scale, lang))
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
    _print_setup(sheet, landscape=True)
    _protect(sheet)


ACTION_ROWS = 15
"""The empty, formatted rows the Actions sheet starts with."""
CHECKED_ROWS = 200
"""The rows whose cells the Actions sheet's drop-downs and date check cover: more than are formatted, so
rows added below still get them."""


def _actions_sheet(workbook, catalog: Catalog, lang: str) -> None:
    """Our team's action plan: drop-downs for the factor (the catalog's titles, from the assessment sheet),
    the status and the share column, a date check on the due date. Not protected: there is nothing to keep
    as it is, and rows may be added."""
    from openpyxl.worksheet.datavalidation import DataValidation

    _ = gettext_for(lang)
    styles = _styles()
    sheet = workbook.create_sheet(ACTIONS_SHEET.heading(lang))
    _header(sheet, [term.heading(lang) for term in ACTION_COLUMNS], styles)
    column_of = {term.key: index for index, term in enumerate(ACTION_COLUMNS, start=1)}
    date_format = "DD.MM.YYYY" if lang == "de" else "YYYY-MM-DD"
    for row in range(2, ACTION_ROWS + 2):
        for column in column_of.values():
            cell = sheet.cell(row, column)
            cell.fill = styles["input_fill"]
            cell.border = styles["border"]
            cell.alignment = styles["wrap"]
        sheet.cell(row, column_of[DUE.key]).number_format = date_format

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
    for index, width in enumerate((34, 50, 22, 14, 14, 18), start=1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = width
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    _print_setup(sheet, landscape=True)


def _example_date(lang: str) -> str:
    return "31.12.2026" if lang == "de" else "2026-12-31"
