"""Write the fictional example accounts in input/ (run: .venv/bin/python scripts/make_examples.py).

Six invented companies, two quarters each, that together cover every zone of the catalog. They use
every input path: German and English workbooks (xlsx), an OpenDocument workbook (ods) and a German
Excel CSV export (``;``, decimal commas, Windows-1252). Two accounts were rated by several voices in
their latest quarter: three raters of our team and one of the key account's contacts, one file each;
in one the two views agree, in the other the key account's own view lands in another zone. Two
accounts keep an Actions sheet across both quarters (a German xlsx, an English ods): an action of the
first quarter still open in the second (and not written again), one done, one dropped, one overdue. The
files are committed; this script is how they were made.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from reportgen.common.resources import DEFAULT_CATALOG
from reportgen.common.writing import slugify
from reportgen.model.assessment import ActionStatus
from reportgen.model.catalog import load_catalog
from reportgen.outputs.spreadsheets import write_csv, write_ods, write_xlsx
from reportgen.reading.vocabulary import (
    ACCOUNT_FIELDS,
    ACCOUNT_SHEET,
    ACTION_COLUMNS,
    ACTIONS_SHEET,
    ASSESSMENT_SHEET,
    CURRENCY,
    RATING_COLUMNS,
    SERVICE_FIELDS,
    SHARE_WORDS,
    STATUS_WORDS,
)

INPUT = Path(__file__).resolve().parent.parent / "input"


@dataclass
class Voice:
    """Another rater of the same account and period, in a file of their own."""

    rater: str
    role: str
    scores: tuple[str, str]
    view: str = "supplier"  # or "key_account": the key account's own questionnaire
    comments: dict[int, str] = field(default_factory=dict)
    shared: frozenset[int] = frozenset()  # the factors whose comment is marked to share


@dataclass
class PlannedAction:
    """A row of an Actions sheet: the factor by id ("" for the relationship as a whole), written as the
    template's drop-down writes it, by its title."""

    factor: str
    text: str
    owner: str
    due: date | None
    status: ActionStatus = ActionStatus.OPEN
    shared: bool = False


@dataclass
class Example:
    slug: str
    name: str
    account_id: str
    kam: str
    revenue: float | None
    language: str
    fmt: str
    # period → (supplier scores, key account scores); "-" leaves a factor blank (not rated)
    scores: dict[str, tuple[str, str]]
    comments: dict[str, dict[int, str]] = field(default_factory=dict)
    shared: dict[str, frozenset[int]] = field(default_factory=dict)  # period → shared comments
    assessed_by: str = ""
    assessed_on: dict[str, date] = field(default_factory=dict)
    intended: str = ""  # the relationship type the account is run as, if any
    catalog_refs: dict[str, str] = field(default_factory=dict)  # periods assessed with another catalog
    role: str = ""  # the role of *assessed_by*, written in periods that have other voices
    voices: dict[str, list[Voice]] = field(default_factory=dict)  # period → the other raters
    actions: dict[str, list[PlannedAction]] = field(default_factory=dict)  # period → its Actions sheet
    # period → what serving the account takes and returns, as the team writes it: hours, other cost to
    # serve, contribution margin (an amount or a share of the revenue) and its own hourly rate, if any
    service: dict[str, tuple[object, object, object, object]] = field(default_factory=dict)


EXAMPLES = [
    Example(
        slug="brandtner-praezisionstechnik",
        name="Brandtner Präzisionstechnik GmbH",
        account_id="KA-1042",
        kam="Jürgen Weiß",
        revenue=4_800_000,
        # the critical frustration zone costs the most hours for the least margin: in 2026-Q3 serving it takes
        # more than all of its margin
        service={"2026-Q2": (1150, 12000, "3,5 %", None), "2026-Q3": (1400, 24000, "3 %", None)},
        language="de",
        fmt="xlsx",
        intended="Strategische Partnerschaft",
        assessed_by="Jürgen Weiß, Anja Groß",
        assessed_on={"2026-Q2": date(2026, 6, 18), "2026-Q3": date(2026, 9, 24)},
        scores={
            "2026-Q2": ("4454435343545334", "4343434343433434"),
            "2026-Q3": ("5454545343555344", "2221222131321232"),
        },
        comments={
            "2026-Q3": {
                1: "Wir binden Brandtner früh in unsere Entwicklung ein; umgekehrt erfahren wir von neuen "
                "Baureihen erst bei der Ausschreibung.",
                3: "Drei Prozessanpassungen (Kanban, EDI, Sonderverpackung) – alle auf unsere Kosten.",
                9: "Rahmenvertrag regelt nur Preise; keine Abnahmemengen zugesagt.",
                13: "Exklusive Fertigungsslots für Brandtner reserviert, Brandtner holt parallel drei "
                "Angebote ein.",
                14: "Unser Anwendungstechniker ist zwei Tage pro Woche vor Ort – ohne Gegenleistung.",
                15: "Zusagen zu Abrufterminen wurden im Quartal zweimal kurzfristig verschoben.",
            },
            "2026-Q2": {3: "Kanban-Umstellung auf Wunsch des Kunden begonnen."},
        },
        shared={"2026-Q3": frozenset({1, 15})},
        actions={
            "2026-Q2": [
                PlannedAction(
                    "binding-contracts",
                    "Rahmenvertrag um Abnahmemengen und Abrufzusagen erweitern – Entwurf an den Einkauf",
                    "Jürgen Weiß",
                    date(2026, 11, 30),
                    shared=True,
                ),
                PlannedAction(
                    "process-development",
                    "Kanban-Umstellung abschließen und die Kostenteilung mit Brandtner klären",
                    "Anja Groß",
                    date(2026, 9, 30),
                ),
            ],
            # The framework agreement of Q2 is still open and not written again: it is carried forward.
            "2026-Q3": [
                PlannedAction(
                    "process-development",
                    "Kanban-Umstellung abschließen und die Kostenteilung mit Brandtner klären",
                    "Anja Groß",
                    date(2026, 9, 30),
                    ActionStatus.DONE,
                ),
                PlannedAction(
                    "knowledge-transfer",
                    "Einsatz des Anwendungstechnikers auf einen Tag pro Woche begrenzen, bis Brandtner eine "
                    "Gegenleistung zusagt",
                    "Anja Groß",
                    date(2026, 10, 31),
                ),
                PlannedAction(
                    "early-involvement",
                    "Neue Baureihen im Quartalsgespräch schon vor der Ausschreibung gemeinsam besprechen",
                    "Jürgen Weiß",
                    date(2026, 12, 15),
                    shared=True,
                ),
                PlannedAction(
                    "",
                    "Jahresgespräch der Geschäftsführungen über die Zukunft der Partnerschaft",
                    "Jürgen Weiß",
                    date(2027, 1, 29),
                    shared=True,
                ),
            ],
        },
    ),
    Example(
        slug="nordhafen-logistik",
        name="Nordhafen Logistik AG",
        account_id="KA-2210",
        kam="Birgit Schäfer",
        revenue=12_500_000,
        service={"2026-Q2": (1250, 40000, 2_100_000, None), "2026-Q3": (1300, 45000, 2_250_000, None)},
        language="de",
        fmt="xlsx",
        assessed_by="Birgit Schäfer",
        assessed_on={"2026-Q2": date(2026, 6, 5), "2026-Q3": date(2026, 9, 11)},
        scores={
            "2026-Q2": ("4544545444454544", "4454445454445454"),
            "2026-Q3": ("5545545455455545", "5455454545545455"),
        },
        comments={
            "2026-Q3": {
                1: "Gemeinsames Projekt „Hafenterminal 2030“ seit der Konzeptphase.",
                8: "Zielbild 2028 gemeinsam im Führungskreis verabschiedet.",
                10: "Nordhafen nennt uns als Referenzpartner auf der Logistikmesse in Hamburg.",
                13: "Zweijährige Exklusivität für die Fördertechnik im Terminal Süd.",
            },
        },
        role="Key Account Management",
        voices={
            "2026-Q3": [
                Voice("Thomas Krüger", "Vertriebsleitung", ("5445544455455545", "4455454445545455")),
                Voice(
                    "Selin Aydın",
                    "Service",
                    ("5545525455455545", "5455454545545454"),
                    comments={6: "Feedback holen wir im Service nur bei Reklamationen ein."},
                ),
                Voice(
                    "Dr. Henrik Olsen",
                    "Leitung Einkauf",
                    ("5545445455455545", "5445454545545445"),
                    view="key_account",
                    comments={
                        1: "Die frühe Einbindung in das Terminalprojekt hat sich für beide Seiten gelohnt.",
                        13: "Die Exklusivität im Terminal Süd verlängern wir gern.",
                    },
                ),
            ]
        },
    ),
    Example(
        slug="calloway-foods",
        name="Calloway Foods Ltd",
        account_id="KA-3307",
        kam="Oliver Grant",
        revenue=950_000,
        service={"2026-Q2": (140, None, 160_000, None), "2026-Q3": (120, None, 171_000, None)},
        language="en",
        fmt="xlsx",
        assessed_by="Oliver Grant",
        assessed_on={
            "2025-Q4": date(2025, 12, 10),
            "2026-Q2": date(2026, 6, 22),
            "2026-Q3": date(2026, 9, 29),
        },
        catalog_refs={"2025-Q4": "efkam-partnership v0.9"},
        scores={
            "2025-Q4": ("2222212231222122", "2212121221121212"),
            "2026-Q2": ("2121212231212121", "1212121221121211"),
            "2026-Q3": ("2121112231212121", "1211121221122212"),
        },
        comments={
            "2026-Q3": {
                5: "Calloway buys on price; TCO arguments have not landed so far.",
                11: "Friendly and professional, but purely transactional.",
                15: "Deliveries on time all quarter.",
            },
        },
    ),
    Example(
        slug="vireo-medical-systems",
        name="Vireo Medical Systems SE",
        account_id="KA-4415",
        kam="Katrin Müller",
        revenue=3_200_000,
        language="en",
        fmt="ods",
        intended="Strategic partnership",
        assessed_by="Katrin Müller",
        assessed_on={"2026-Q2": date(2026, 6, 12), "2026-Q3": date(2026, 9, 17)},
        scores={
            "2026-Q2": ("3333433333343334", "3334333433333333"),
            "2026-Q3": ("3343433343343334", "3334343433343343"),
        },
        comments={
            "2026-Q3": {
                2: "Contacts now reach R&D in Düsseldorf, not only purchasing.",
                6: "Quarterly review meeting introduced – Vireo asks for our view on the roadmap.",
                12: "Recall risk handled jointly; good cooperation with their quality team.",
            },
        },
        actions={
            "2026-Q2": [
                PlannedAction(
                    "relationship-network",
                    "Introduce our application engineers to Vireo's R&D team in Düsseldorf",
                    "Katrin Müller",
                    date(2026, 9, 15),
                    shared=True,
                ),
                PlannedAction(
                    "shared-vision",
                    "Draft a joint target picture for 2028 with Vireo's heads of purchasing and R&D",
                    "Katrin Müller",
                    date(2026, 12, 18),
                    shared=True,
                ),
                PlannedAction(
                    "public-partner",
                    "Joint booth with Vireo at MEDICA 2026",
                    "Katrin Müller",
                    date(2026, 11, 16),
                ),
            ],
            # The joint target picture of Q2 is still open and not written again: it is carried forward.
            "2026-Q3": [
                PlannedAction(
                    "relationship-network",
                    "Introduce our application engineers to Vireo's R&D team in Düsseldorf",
                    "Katrin Müller",
                    date(2026, 9, 15),
                    ActionStatus.DONE,
                    shared=True,
                ),
                PlannedAction(
                    "public-partner",
                    "Joint booth with Vireo at MEDICA 2026",
                    "Katrin Müller",
                    date(2026, 11, 16),
                    ActionStatus.DROPPED,
                ),
                PlannedAction(
                    "public-partner",
                    "Ask Vireo to name us as a reference partner in its MEDICA talk",
                    "Katrin Müller",
                    date(2026, 11, 13),
                    shared=True,
                ),
                PlannedAction(
                    "binding-contracts",
                    "Prepare a framework agreement with volume commitments and service levels",
                    "Katrin Müller",
                    date(2027, 1, 29),
                ),
            ],
        },
    ),
    Example(
        slug="kessler-soehne-baustoffe",
        name="Kessler & Söhne Baustoffe KG",
        account_id="KA-5120",
        kam="Stefan Weißmüller",
        revenue=2_150_000,
        language="de",
        fmt="csv",
        assessed_by="Stefan Weißmüller",
        assessed_on={"2026-Q2": date(2026, 6, 30), "2026-Q3": date(2026, 9, 30)},
        scores={
            "2026-Q2": ("3323332333233232", "4444444444434444"),
            "2026-Q3": ("3,5 3 2 3 3 2 3 3 3 2 3 3 2 3 3 2", "4,5 4 5 4 4 5 4 4 5 4 4 4 4 5 4 4"),
        },
        comments={
            "2026-Q3": {
                1: "Kessler lädt uns früh zu neuen Großprojekten ein – wir reagieren oft zu spät.",
                4: "Kessler möchte, dass wir die Spezifikation der neuen Dämmstoffe mitgestalten.",
                9: "Kessler bietet eine Abnahmegarantie über 3 Jahre; unser Angebot steht noch aus.",
                14: "Kessler teilt Baustellenplanung offen; wir liefern wenig Know-how zurück.",
            },
        },
    ),
    Example(
        slug="meridian-aerotech",
        name="Meridian Aerotech Inc.",
        account_id="KA-6031",
        kam="Laura Bäcker",
        revenue=None,
        # no revenue given: the margin as an amount; the team's own hourly rate
        service={"2026-Q2": (1150, "25,000", 1_100_000, 110), "2026-Q3": (1250, "30,000", 1_150_000, 110)},
        language="en",
        fmt="xlsx",
        intended="strategic_partnership",
        assessed_by="Laura Bäcker, Tom Fischer",
        assessed_on={"2026-Q2": date(2026, 6, 26), "2026-Q3": date(2026, 9, 25)},
        scores={
            "2026-Q2": ("4343434343434343", "3333333333333333"),
            "2026-Q3": ("443-434-4343-443", "333-333-3333-332"),
        },
        comments={
            "2026-Q3": {
                4: "Not rated yet: the specification workshop moves to next quarter.",
                8: "Not rated: no joint target picture discussed so far.",
                13: "Not rated – exclusivity is off the table for regulatory reasons (ITAR).",
                3: "We adapted our packaging line to their kitting process; Meridian's side is "
                "still a plan. Größere Änderungen folgen 2027.",
                14: "Our engineers trained theirs on the new alloy – a one-way street so far.",
            },
        },
        shared={"2026-Q3": frozenset({4})},
        role="Key account management",
        voices={
            "2026-Q3": [
                Voice("Priya Raman", "Sales director", ("444-434-4343-443", "333-332-3333-333")),
                Voice(
                    "Marcus Webb",
                    "Engineering",
                    ("443-434-2343-543", "323-333-3233-332"),
                    comments={9: "Engineering sees no framework agreement worth the name."},
                ),
                Voice(
                    "Dana Whitfield",
                    "Head of procurement",
                    ("3333323-32333332", "4443433-43343443"),
                    view="key_account",
                    comments={
                        3: "We have reorganised our kitting around the new packaging; that was a real "
                        "investment on our side too.",
                        14: "The alloy training was useful; we sent two of our process engineers in return.",
                    },
                    shared=frozenset({14}),
                ),
            ]
        },
    ),
]

FIELD_VALUE = {"de": ["Feld", "Wert"], "en": ["Field", "Value"]}


def headings(lang: str) -> tuple[list[str], list[str]]:
    """Fact labels and column headers as reportgen names them in *lang*, scores with their scale."""
    facts = [term.heading(lang) for term in ACCOUNT_FIELDS]
    columns = [term.heading(lang) for term in RATING_COLUMNS]
    columns[2] += " (1–5)"
    columns[3] += " (1–5)"
    return facts, columns


def parse_scores(text: str) -> list[float | None]:
    tokens = text.split() if " " in text else list(text)
    return [None if token == "-" else float(token.replace(",", ".")) for token in tokens]


def as_cell(score: float | None) -> object:
    if score is None:
        return None
    return int(score) if score.is_integer() else score


VIEW_WORDS = {
    "supplier": {"de": "Lieferant", "en": "Supplier"},
    "key_account": {"de": "Key Account", "en": "Key Account"},
}


def workbook_sheets(example: Example, period: str, catalog, voice: Voice | None = None) -> dict:
    """One rater's workbook: the example's own rater, or *voice*; with roles and views once the period has
    other voices."""
    lang = example.language
    _, columns = headings(lang)
    rater, role, view = (
        (voice.rater, voice.role, voice.view) if voice else (example.assessed_by, example.role, "supplier")
    )
    supplier, key_account = (parse_scores(s) for s in (voice.scores if voice else example.scores[period]))
    comments = voice.comments if voice else example.comments.get(period, {})
    shared = voice.shared if voice else example.shared.get(period, frozenset())
    # the team's facts in the order its workbooks have them; what serving the account costs us only in
    # our own team's workbook, never in the key account's questionnaire
    service = example.service.get(period) if voice is None else None
    given = [
        example.name,
        example.account_id,
        period,
        example.kam,
        rater,
        example.assessed_on[period],
        example.revenue if view == "supplier" else None,
        "EUR",
        *(service or (None,) * 4),
        example.catalog_refs.get(period, catalog.label()),
        example.intended if view == "supplier" else "",
    ]
    if period in example.voices:
        given += ["", role, VIEW_WORDS[view][lang]]
    terms = [t for t in ACCOUNT_FIELDS if t not in SERVICE_FIELDS]
    currency_at = terms.index(CURRENCY) + 1
    terms[currency_at:currency_at] = SERVICE_FIELDS
    pairs = [(term, value) for term, value in zip(terms, given, strict=False)]
    facts = [
        FIELD_VALUE[lang],
        *(
            [term.heading(lang), value]
            for term, value in pairs
            if view == "supplier" or term not in SERVICE_FIELDS
        ),
    ]
    rows = [columns]
    for number, factor in enumerate(catalog.factors, start=1):
        rows.append(
            [
                factor.id,
                factor.title.get(example.language),
                as_cell(supplier[number - 1]),
                as_cell(key_account[number - 1]),
                comments.get(number, ""),
                SHARE_WORDS[True].get(lang) if number in shared else "",
            ]
        )
    sheets = {ACCOUNT_SHEET.heading(lang): facts, ASSESSMENT_SHEET.heading(lang): rows}
    if voice is None and period in example.actions:
        sheets[ACTIONS_SHEET.heading(lang)] = actions_rows(example.actions[period], lang, catalog)
    return sheets


def actions_rows(actions: list[PlannedAction], lang: str, catalog) -> list[list[object]]:
    """An Actions sheet as our team fills in the template's: titles, status and share words in *lang*."""
    titles = {factor.id: factor.title.get(lang) for factor in catalog.factors}
    rows: list[list[object]] = [[term.heading(lang) for term in ACTION_COLUMNS]]
    for action in actions:
        rows.append(
            [
                titles[action.factor] if action.factor else None,
                action.text,
                action.owner,
                action.due,
                STATUS_WORDS[action.status].get(lang),
                SHARE_WORDS[action.shared].get(lang),
            ]
        )
    return rows


ACTION_WIDTHS = (34, 60, 18, 12, 12, 16)


def csv_rows(example: Example, catalog) -> list[list[object]]:
    rows: list[list[object]] = [
        [
            "Account-ID",
            "Kunde",
            "Periode",
            "Key-Account-Manager",
            "Bewertet von",
            "Bewertet am",
            "Jahresumsatz",
            "Faktor-ID",
            "Faktor",
            "Lieferant",
            "Key Account",
            "Kommentar",
        ]
    ]
    for period in example.scores:
        supplier, key_account = (parse_scores(s) for s in example.scores[period])
        comments = example.comments.get(period, {})
        for number, factor in enumerate(catalog.factors, start=1):
            rows.append(
                [
                    example.account_id,
                    example.name,
                    period,
                    example.kam,
                    example.assessed_by,
                    example.assessed_on[period],
                    example.revenue,
                    factor.id,
                    factor.title.get("de"),
                    supplier[number - 1],
                    key_account[number - 1],
                    comments.get(number, ""),
                ]
            )
    return rows


def main() -> None:
    catalog = load_catalog(DEFAULT_CATALOG)
    INPUT.mkdir(exist_ok=True)
    for example in EXAMPLES:
        if example.fmt == "csv":
            write_csv(
                INPUT / f"{example.slug}_crm-export.csv",
                csv_rows(example, catalog),
                delimiter=";",
                encoding="cp1252",
                decimal_comma=True,
            )
            continue
        for period in example.scores:
            files = {f"{example.slug}_{period}": workbook_sheets(example, period, catalog)}
            for voice in example.voices.get(period, []):
                files[f"{example.slug}_{period}_{slugify(voice.rater)}"] = workbook_sheets(
                    example, period, catalog, voice
                )
            for stem, sheets in files.items():
                target = INPUT / f"{stem}.{example.fmt}"
                if example.fmt == "ods":
                    write_ods(target, sheets)
                else:
                    widths = {name: (22, 48, 14, 14, 60) for name in sheets}
                    widths[ACTIONS_SHEET.heading(example.language)] = ACTION_WIDTHS
                    write_xlsx(target, sheets, widths=widths)
    print(f"wrote {len(list(INPUT.iterdir()))} files to {INPUT}")


if __name__ == "__main__":
    main()
