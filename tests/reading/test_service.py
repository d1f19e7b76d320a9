"""What serving the account takes and returns, as our team's files give it: hours, other cost to serve,
contribution margin and hourly rate, read from every kind of file (xlsx, ods and the long CSV, whose facts
are columns) with German or English headers. What cannot be right is an error at its cell, and the file is
left out until it is corrected; what rarely is, a warning; each names file, sheet and cell."""

from __future__ import annotations

import pytest

from reportgen.common.problems import Severity
from reportgen.model.assessment import ServiceFacts
from reportgen.outputs.spreadsheets import write_csv, write_ods, write_xlsx
from reportgen.reading import read_file
from reportgen.reading.all_files import read_all
from reportgen.reading.vocabulary import (
    ACCOUNT_FIELDS,
    ACCOUNT_SHEET,
    ANNUAL_REVENUE,
    ASSESSED_BY,
    ASSESSMENT_SHEET,
    CONTRIBUTION_MARGIN,
    CSV_ACCOUNT_NAME,
    CURRENCY,
    EFFORT_HOURS,
    HOURLY_RATE,
    OTHER_COST,
    PERIOD,
    RATING_COLUMNS,
    VIEW,
)
from tests.conftest import FACTS

KINDS = ["xlsx", "ods", "csv"]
LANGS = ["de", "en"]
REVENUE = 1_250_000


def service_file(tmp_path, catalog, kind, lang, facts, revenue=REVENUE, currency="EUR"):
    """A file of one account (the facts of tests.conftest.FACTS up to the assessment date, then the revenue
    and currency where given, then *facts* by term), as a user of *lang* writes it; and the place of each
    term's cell as a message names it: ``Stammdaten › B10`` in a workbook, ``K2`` in a CSV."""
    given = {term: value for term, value in zip(ACCOUNT_FIELDS, FACTS[:6], strict=False)}
    given |= {ANNUAL_REVENUE: revenue, CURRENCY: currency, **facts}
    given = {term: value for term, value in given.items() if value is not None}
    if kind == "csv":
        return _csv(tmp_path, catalog, lang, given)
    sheet = ACCOUNT_SHEET.heading(lang)
    rows = [[term.heading(lang), value] for term, value in given.items()]
    ratings = [[term.heading(lang) for term in RATING_COLUMNS]]
    ratings += [[factor.id, factor.title.get(lang), 4, 3, "", ""] for factor in catalog.factors]
    path = tmp_path / f"acme.{kind}"
    (write_ods if kind == "ods" else write_xlsx)(path, {sheet: rows, ASSESSMENT_SHEET.heading(lang): ratings})
    places = {term: f"acme.{kind} › {sheet} › B{row}" for row, term in enumerate(given, start=1)}
    return path, places


def _csv(tmp_path, catalog, lang, given):
    """The long CSV: the facts as columns beside the ratings, the same in every row; German with semicolons
    and decimal commas, as German Excel writes it."""
    terms = [CSV_ACCOUNT_NAME if term.key == CSV_ACCOUNT_NAME.key else term for term in given]
    header = [term.heading(lang) for term in (*RATING_COLUMNS, *terms)]
    rows = [header]
    for factor in catalog.factors:
        rows.append([factor.id, factor.title.get(lang), 4.0, 3.0, "", "", *given.values()])
    path = tmp_path / "export.csv"
    write_csv(path, rows, delimiter=";" if lang == "de" else ",", decimal_comma=lang == "de")
    columns = {term: len(RATING_COLUMNS) + index for index, term in enumerate(given)}
    return path, {term: f"export.csv › {chr(ord('A') + column)}2" for term, column in columns.items()}


def said(result, lang):
    """Every problem of the read as said in *lang*, its spaces plain (money and percentages keep theirs
    together with a no-break space)."""
    return [problem.render(lang).replace("\xa0", " ").replace("\u202f", " ") for problem in result.problems]


# Errors: the file is left out, so that no cost to serve understates what the account costs.

ERRORS = [
    pytest.param(
        EFFORT_HOURS, -5,
        '"-5": the hours spent on an account cannot be fewer than zero. Enter the hours our people spend on the '
        "account in a year as a number, e.g. 1150, or leave the cell blank.",
        "„-5“: Der Betreuungsaufwand eines Accounts kann nicht unter null Stunden liegen. Tragen Sie die "
        "Stunden, die unsere Leute im Jahr für den Account aufwenden, als Zahl ein, z. B. 1150, oder lassen Sie "
        "die Zelle leer.",
        id="negative hours",
    ),
    pytest.param(
        EFFORT_HOURS, "viel",
        '"viel" is not a number of hours.',
        "„viel“ ist keine Stundenzahl.",
        id="hours that are no number",
    ),
    pytest.param(
        OTHER_COST, "ca. zwölftausend",
        '"ca. zwölftausend" is not an amount, so "Other cost to serve (per year)" cannot be read. Enter a number '
        "of 0 or more, such as 95 or €12,000, or leave the cell blank.",
        "„ca. zwölftausend“ ist kein Betrag, daher kann „Weitere Betreuungskosten (€/Jahr)“ nicht gelesen "
        "werden. Tragen Sie eine Zahl ab 0 ein, etwa 95 oder 12.000 €, oder lassen Sie die Zelle leer.",
        id="other cost that is no amount",
    ),
    pytest.param(
        OTHER_COST, "-1.000 €",
        '"-1.000 €": "Other cost to serve (per year)" cannot be less than zero.',
        "„-1.000 €“: „Weitere Betreuungskosten (€/Jahr)“ kann nicht unter null liegen.",
        id="negative other cost",
    ),
    pytest.param(
        CONTRIBUTION_MARGIN, "gut",
        '"gut" is neither an amount nor a share of the revenue, so the contribution margin cannot be read.',
        "„gut“ ist weder ein Betrag noch ein Anteil am Umsatz, daher kann der Deckungsbeitrag nicht gelesen "
        "werden.",
        id="margin that is no amount",
    ),
    pytest.param(
        CONTRIBUTION_MARGIN, "etwa 18 %",
        '"etwa 18 %" is neither an amount nor a share of the revenue, so the contribution margin cannot be read.',
        "„etwa 18 %“ ist weder ein Betrag noch ein Anteil am Umsatz, daher kann der Deckungsbeitrag nicht "
        "gelesen werden.",
        id="margin share that is no number",
    ),
    pytest.param(
        CONTRIBUTION_MARGIN, "120 %",
        '"120 %": a contribution margin cannot be more than the whole revenue.',
        "„120 %“: Ein Deckungsbeitrag kann nicht größer sein als der ganze Umsatz.",
        id="margin share over 100 %",
    ),
    pytest.param(
        HOURLY_RATE, "n/a",
        '"n/a" is not an amount, so "Hourly rate" cannot be read.',
        "„n/a“ ist kein Betrag, daher kann „Stundensatz“ nicht gelesen werden.",
        id="rate that is no amount",
    ),
    pytest.param(
        OTHER_COST, "12.000 CHF",
        '"12.000 CHF" is an amount in CHF, but the account\'s amounts are in EUR. Amounts in different '
        "currencies are never added up: write it in EUR, or, if all of the account's amounts are in CHF, enter "
        'CHF as "Currency".',
        "„12.000 CHF“ ist ein Betrag in CHF, die Beträge des Accounts sind aber in EUR. Beträge in verschiedenen "
        "Währungen werden nie zusammengezählt: Schreiben Sie den Betrag in EUR, oder, wenn alle Beträge des "
        "Accounts in CHF sind, tragen Sie CHF als „Währung“ ein.",
        id="amount in another currency",
    ),
    pytest.param(
        CONTRIBUTION_MARGIN, "300.000 USD",
        '"300.000 USD" is an amount in USD, but the account\'s amounts are in EUR.',
        "„300.000 USD“ ist ein Betrag in USD, die Beträge des Accounts sind aber in EUR.",
        id="margin in another currency",
    ),
]  # fmt: skip


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("term", "value", "en", "de"), ERRORS)
def test_what_cannot_be_right_is_an_error_at_its_cell_in_both_languages(
    tmp_path, catalog, kind, term, value, en, de
):
    for lang, expected in (("en", en), ("de", de)):
        path, places = service_file(tmp_path, catalog, kind, lang, {term: value})
        result = read_file(path, catalog)
        assert result.assessments == []
        (error,) = result.problems
        assert error.severity is Severity.ERROR
        assert said(result, lang)[0].startswith(f"{places[term]}: {expected}")


# Warnings: the value counts, and the note asks whether it is right.

WARNINGS = [
    pytest.param(
        EFFORT_HOURS, 25_000, REVENUE, ServiceFacts(effort_hours=25_000),
        "25,000 hours a year for one account is more than 20,000, about ten people working on it full time. "
        "Check that the hours are per year and for this account alone; if they are right, this note can be "
        "ignored.",
        "25.000 Stunden im Jahr für einen Account sind mehr als 20.000, etwa zehn Personen in Vollzeit. Prüfen "
        "Sie, ob die Stunden pro Jahr und für diesen Account allein gelten; stimmen sie, kann dieser Hinweis "
        "übergangen werden.",
        id="hours over 20,000",
    ),
    pytest.param(
        CONTRIBUTION_MARGIN, 2_000_000, REVENUE, ServiceFacts(contribution_margin=2_000_000),
        "The contribution margin of €2,000,000 is larger than the annual revenue of €1,250,000.",
        "Der Deckungsbeitrag von 2.000.000 € ist größer als der Jahresumsatz von 1.250.000 €.",
        id="margin above the revenue",
    ),
    pytest.param(
        HOURLY_RATE, 5, REVENUE, ServiceFacts(hourly_rate=5),
        "An hourly rate of €5 is outside the usual 10 to 1,000. Check that it is the internal cost of one hour "
        "of our people's time; if it is right, this note can be ignored.",
        "Ein Stundensatz von 5 € liegt außerhalb des üblichen Bereichs von 10 bis 1.000. Prüfen Sie, ob es die internen "
        "Kosten einer Arbeitsstunde unserer Leute sind; stimmt er, kann dieser Hinweis übergangen werden.",
        id="rate below 10",
    ),
    pytest.param(
        HOURLY_RATE, 1_500, REVENUE, ServiceFacts(hourly_rate=1_500),
        "An hourly rate of €1,500 is outside the usual 10 to 1,000.",
        "Ein Stundensatz von 1.500 € liegt außerhalb des üblichen Bereichs von 10 bis 1.000.",
        id="rate above 1,000",
    ),
    pytest.param(
        CONTRIBUTION_MARGIN, 0.18, REVENUE, ServiceFacts(margin_share=0.18),
        'The contribution margin "{value}" was read as 18% of the annual revenue, as a spreadsheet keeps a cell '
        "formatted as a percentage. If you meant an amount, write it in full; if you meant the share, this note "
        "can be ignored.",
        "Der Deckungsbeitrag „{value}“ wurde als 18 % des Jahresumsatzes gelesen, so wie eine Tabelle eine als "
        "Prozent formatierte Zelle speichert. Meinten Sie einen Betrag, schreiben Sie ihn aus; meinten Sie den "
        "Anteil, kann dieser Hinweis übergangen werden.",
        id="a bare 0.18 read as 18 %",
    ),
    pytest.param(
        CONTRIBUTION_MARGIN, "18 %", None, ServiceFacts(margin_share=0.18),
        "The contribution margin is given as 18% of the revenue, but no annual revenue is given. Enter the "
        "annual revenue too, or the contribution margin as an amount: until then it is left blank.",
        "Der Deckungsbeitrag ist als 18 % des Umsatzes angegeben, ein Jahresumsatz aber nicht. Tragen Sie auch "
        "den Jahresumsatz ein oder den Deckungsbeitrag als Betrag; bis dahin bleibt er leer.",
        id="a share without revenue",
    ),
]  # fmt: skip


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("term", "value", "revenue", "read", "en", "de"), WARNINGS)
def test_what_rarely_is_right_counts_with_a_warning_at_its_cell_in_both_languages(
    tmp_path, catalog, kind, term, value, revenue, read, en, de
):
    for lang, expected in (("en", en), ("de", de)):
        path, places = service_file(tmp_path, catalog, kind, lang, {term: value}, revenue=revenue)
        (result,) = read_all([path], catalog)  # gathered: the margin is checked against the revenue then
        (assessment,) = result.assessments
        assert assessment.account.service == read
        (warning,) = result.problems
        assert warning.severity is Severity.WARNING
        written = "0,18" if (kind, lang) == ("csv", "de") else "0.18"  # as the cell holds it
        (text,) = said(result, lang)
        assert text.startswith(f"{places[term]}: {expected.format(value=written)}")


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("lang", LANGS)
def test_the_four_facts_written_as_users_write_them_read_without_a_note(tmp_path, catalog, kind, lang):
    facts = {
        EFFORT_HOURS: {"de": "1.150 Stunden", "en": "1,150 hours"}[lang],
        OTHER_COST: {"de": "12.000 €", "en": "€12,000"}[lang],
        CONTRIBUTION_MARGIN: "6 %",
        HOURLY_RATE: {"de": "95,50", "en": "95.50"}[lang],
    }
    path, _ = service_file(tmp_path, catalog, kind, lang, facts, revenue=4_800_000)
    result = read_file(path, catalog)
    assert said(result, lang) == []
    (assessment,) = result.assessments
    assert assessment.account.service == ServiceFacts(1150, 12_000, None, 0.06, 95.5)


@pytest.mark.parametrize("kind", KINDS)
def test_an_amount_that_names_its_currency_names_the_accounts_where_nothing_else_did(tmp_path, catalog, kind):
    path, _ = service_file(
        tmp_path,
        catalog,
        kind,
        "en",
        {OTHER_COST: "12,000 CHF", HOURLY_RATE: 110},
        revenue=None,
        currency=None,
    )
    (assessment,) = read_file(path, catalog).assessments
    assert (assessment.account.currency, assessment.account.currency_named) == ("CHF", True)
    assert assessment.account.service == ServiceFacts(other_cost=12_000, hourly_rate=110)


def test_a_csv_account_whose_rows_give_two_numbers_of_hours_is_an_error_at_the_row_that_differs(
    tmp_path, catalog
):
    path, places = service_file(tmp_path, catalog, "csv", "en", {EFFORT_HOURS: 1150})
    text = path.read_text(encoding="utf-8").splitlines()
    text[5] = text[5].replace(",1150", ",1400")  # one row of the account says otherwise
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    result = read_file(path, catalog)
    assert result.assessments == []
    column = places[EFFORT_HOURS].split("› ")[1][0]
    assert said(result, "en")[0].startswith(f'export.csv › {column}6: "1400" ')


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    ("term", "value", "read"),
    [
        (EFFORT_HOURS, 20_000, ServiceFacts(effort_hours=20_000)),
        (EFFORT_HOURS, 0, ServiceFacts(effort_hours=0)),
        (OTHER_COST, 0, ServiceFacts(other_cost=0)),
        (HOURLY_RATE, 10, ServiceFacts(hourly_rate=10)),
        (HOURLY_RATE, 1_000, ServiceFacts(hourly_rate=1_000)),
        (CONTRIBUTION_MARGIN, REVENUE, ServiceFacts(contribution_margin=REVENUE)),
        (CONTRIBUTION_MARGIN, "100 %", ServiceFacts(margin_share=1.0)),
        (CONTRIBUTION_MARGIN, -40_000, ServiceFacts(contribution_margin=-40_000)),  # an account that loses
    ],
)
def test_the_bounds_themselves_read_without_a_note(tmp_path, catalog, kind, term, value, read):
    path, _ = service_file(tmp_path, catalog, kind, "en", {term: value})
    result = read_file(path, catalog)
    assert said(result, "en") == []
    assert result.assessments[0].account.service == read


def _team_file(tmp_path, catalog, name, rater, facts):
    """One of our team's workbooks of the account Acme in 2026-Q3, by *rater*, giving *facts*."""
    sheet = ACCOUNT_SHEET.heading("en")
    given = {ACCOUNT_FIELDS[0]: "Acme", PERIOD: "2026-Q3", ASSESSED_BY: rater, **facts}
    rows = [[term.heading("en"), value] for term, value in given.items()]
    ratings = [[term.heading("en") for term in RATING_COLUMNS]]
    ratings += [[factor.id, factor.title.get("en"), 4, 3, "", ""] for factor in catalog.factors]
    path = tmp_path / name
    write_xlsx(path, {sheet: rows, ASSESSMENT_SHEET.heading("en"): ratings})
    return path


def test_a_margin_is_checked_against_the_revenue_another_of_our_files_gives(tmp_path, catalog):
    """The revenue in a.xlsx, the margin in b.xlsx: a share of it is reckoned without a warning, and a
    margin above it is warned of at b.xlsx's cell."""
    a = _team_file(tmp_path, catalog, "a.xlsx", "Anja", {ANNUAL_REVENUE: 1_250_000})
    b = _team_file(tmp_path, catalog, "b.xlsx", "Ben", {CONTRIBUTION_MARGIN: "18 %"})
    results = read_all([a, b], catalog)
    assert [p for r in results for p in r.problems] == []
    b = _team_file(tmp_path, catalog, "b.xlsx", "Ben", {CONTRIBUTION_MARGIN: 2_000_000})
    problems = [p.render("en").replace("\xa0", " ") for r in read_all([a, b], catalog) for p in r.problems]
    assert problems == [
        "b.xlsx › Account › B4: The contribution margin of €2,000,000 is larger than the annual revenue of "
        "€1,250,000. Check both: the margin is what the revenue leaves after the account's variable costs, so "
        "at most the revenue."
    ]


def test_the_key_accounts_questionnaire_never_gives_them(tmp_path, catalog):
    """A row copied into a questionnaire is left out with a warning at its cell, even where its value could
    not be read: it neither counts nor keeps the contact's ratings out."""
    path = _team_file(
        tmp_path,
        catalog,
        "contact.xlsx",
        "Dana",
        {VIEW: "Key Account", EFFORT_HOURS: "viel", OTHER_COST: 500},
    )
    result = read_file(path, catalog)
    (assessment,) = result.assessments
    assert assessment.account.service == ServiceFacts()
    assert [p.severity for p in result.problems] == [Severity.WARNING, Severity.WARNING]
    assert result.problems[0].render("en") == (
        'contact.xlsx › Account › B5: The key account\'s questionnaire gives "Account effort (hours/year)", which '
        "only our team's workbook gives: it is left out. Delete the row from the questionnaire, and enter the "
        "figure in our team's workbook."
    )


@pytest.mark.parametrize("kind", KINDS)
def test_an_amount_scaled_by_a_word_is_read_with_a_note_as_the_revenue_is(tmp_path, catalog, kind):
    path, places = service_file(tmp_path, catalog, kind, "de", {CONTRIBUTION_MARGIN: "0,38 Mio. €"})
    result = read_file(path, catalog)
    (assessment,) = result.assessments
    assert assessment.account.service.contribution_margin == 380_000
    (note,) = said(result, "de")
    assert note.startswith(f"{places[CONTRIBUTION_MARGIN]}: „0,38 Mio. €“ wurde als 380.000 € gelesen.")
