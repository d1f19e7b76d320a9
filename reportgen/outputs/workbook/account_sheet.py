"""The fillable workbook's account sheet: the account's facts, one field a row. Our team's workbook asks for
what the reports show of the account, and what serving it takes and returns (hours, other cost to serve,
contribution margin, hourly rate); the key account's questionnaire only for which company and quarter, and
who answered in which role. What the workbook fills in itself (its view, its catalog) is locked.

The cells of numbers check what is typed, as Excel and LibreOffice can: a number of 0 or more for the
hours, the other cost and the rate. The margin takes any number, since an account may lose money and the
reader takes a margin below zero; a share typed as ``18 %`` is a number there too (the spreadsheet keeps
it as 0.18, which the reader takes as 18 % with a note). Text the spreadsheet cannot read as a number is
refused at the cell, before the reader would have to refuse the file.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.common.i18n import N_, Formatter, gettext_for
from reportgen.model.catalog import Catalog
from reportgen.outputs.workbook.look import Column, cell_styles, date_format, header_row, protect, to_fill_in
from reportgen.outputs.workbook.request import WorkbookRequest
from reportgen.reading.vocabulary import (
    ACCOUNT_ID,
    ACCOUNT_NAME,
    ACCOUNT_SHEET,
    ANNUAL_REVENUE,
    ASSESSED_BY,
    ASSESSED_ON,
    CATALOG,
    CONTRIBUTION_MARGIN,
    CURRENCY,
    EFFORT_HOURS,
    FORMER_NAME,
    HOURLY_RATE,
    INTENDED_TYPE,
    KEY_ACCOUNT_MANAGER,
    OTHER_COST,
    PERIOD,
    ROLE,
    VIEW,
    VIEW_TEMPLATE_WORDS,
    Term,
)

COMPANY_LABEL = N_("Company")
"""The questionnaire's name for the account name field: one of its names the reader knows."""


def account_sheet(workbook, catalog: Catalog, request: WorkbookRequest) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    lang = request.lang
    _ = gettext_for(lang)
    styles = cell_styles()
    sheet = workbook.create_sheet(ACCOUNT_SHEET.heading(lang))
    header_row(sheet, [Column(_("Field"), 24), Column(_("Value"), 34), Column(_("Note"), 64)], styles)
    rows = _questionnaire_facts(catalog, request) if request.for_key_account else _our_facts(catalog, request)
    for row, fact in enumerate(rows, start=2):
        label = sheet.cell(row, 1, fact.label or fact.term.heading(lang))
        label.font, label.alignment = styles["bold"], styles["wrap"]
        cell = sheet.cell(row, 2, fact.value)
        if fact.fill_in:
            to_fill_in(cell, styles)
        else:
            cell.alignment = styles["wrap"]
        if fact.term is ASSESSED_ON:
            cell.number_format = date_format(lang)
        if fact.term in (ANNUAL_REVENUE, *_THOUSANDS):
            cell.number_format = "#,##0"
        if fact.check is not None:
            sheet.add_data_validation(_validation(fact.check, cell.coordinate))
        note = sheet.cell(row, 3, fact.note)
        note.font, note.alignment = styles["muted"], styles["wrap"]
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
    protect(sheet)


_THOUSANDS = (EFFORT_HOURS, OTHER_COST)
"""The numbers shown with thousands separators; the hourly rate shows its cents as typed, and the margin
stays General: a share typed into it (18 %) would show as 0 in a cell formatted for whole amounts."""
ANY_AMOUNT = 1e12
"""The bounds of a check that takes any number, below zero too: a spreadsheet's check needs bounds."""


@dataclass(frozen=True)
class _Check:
    """What a number cell takes: a number of 0 or more, or any number (*any_sign*); *error* says what to
    enter where it refuses what was typed."""

    error: str
    any_sign: bool = False


def _validation(check: _Check, coordinate: str):
    from openpyxl.worksheet.datavalidation import DataValidation

    if check.any_sign:
        bounds = {"operator": "between", "formula1": f"{-ANY_AMOUNT:.0f}", "formula2": f"{ANY_AMOUNT:.0f}"}
    else:
        bounds = {"operator": "greaterThanOrEqual", "formula1": "0"}
    validation = DataValidation(type="decimal", allow_blank=True, showErrorMessage=True, **bounds)
    validation.error = check.error
    validation.add(coordinate)
    return validation


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
    check: _Check | None = None
    """What the cell takes, where the spreadsheet can check it."""


def _view_fact(request: WorkbookRequest, note: str) -> _Fact:
    return _Fact(VIEW, VIEW_TEMPLATE_WORDS[request.view][request.lang], note, fill_in=False)


def _catalog_fact(catalog: Catalog, request: WorkbookRequest) -> _Fact:
    _ = gettext_for(request.lang)
    if request.for_key_account:
        note = _("the catalog this questionnaire was made from – please leave it")
    else:
        note = _("the catalog this workbook was made from – please leave it")
    return _Fact(CATALOG, catalog.label(), note, fill_in=False)


def _our_facts(catalog: Catalog, request: WorkbookRequest) -> list[_Fact]:
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
        *_service_facts(catalog, request.lang),
        _Fact(
            INTENDED_TYPE, None, _("optional: the relationship you run it as ({types})").format(types=types)
        ),
        _Fact(
            FORMER_NAME,
            None,
            _("optional: the account's old name, only if it was renamed (keeps its history)"),
        ),
        _catalog_fact(catalog, request),
    ]


def _service_facts(catalog: Catalog, lang: str) -> list[_Fact]:
    """What serving the account takes and returns: our team's own figures, never the questionnaire's."""
    _ = gettext_for(lang)
    economics = catalog.economics
    if economics.hourly_rate is None:
        rate_note = _("optional: the internal cost of one hour of our people's time, salary and overheads")
    else:
        rate_note = _(
            "optional: the internal cost of one hour; if left blank, the catalog's {rate} counts (for "
            "amounts in {currency})"
        ).format(
            rate=Formatter(lang).money(economics.hourly_rate, economics.currency), currency=economics.currency
        )
    zero_or_more = _("Enter a number of 0 or more, or leave the cell blank.")
    return [
        _Fact(
            EFFORT_HOURS,
            None,
            _(
                "optional: the hours our people spend on the account a year (key account management, "
                "service, engineering, management)"
            ),
            check=_Check(zero_or_more),
        ),
        _Fact(
            OTHER_COST,
            None,
            _(
                "optional: what else serving it costs a year: special services, samples, consignment stock, "
                "free engineering"
            ),
            check=_Check(zero_or_more),
        ),
        _Fact(
            CONTRIBUTION_MARGIN,
            None,
            _("optional: an amount a year, or a share of the revenue such as 18 %"),
            check=_Check(
                _("Enter the contribution margin as an amount, e.g. 380000, or as a share, e.g. 18 %."),
                any_sign=True,
            ),
        ),
        _Fact(HOURLY_RATE, None, rate_note, check=_Check(zero_or_more)),
    ]


def _questionnaire_facts(catalog: Catalog, request: WorkbookRequest) -> list[_Fact]:
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
        _catalog_fact(catalog, request),
    ]
