"""The words users put in their workbooks: sheet names, headers and field labels, German and English.

Matching ignores case, spaces, punctuation and anything in brackets, so ``Key-Account (1–5)`` finds
the key account column. Each field also carries the label we show in messages.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from reportgen.common.i18n import N_, gettext_for
from reportgen.common.problems import Message
from reportgen.model.assessment import ActionStatus, View
from reportgen.model.catalog import LocalizedText
from reportgen.reading.values import normalise_key


@dataclass(frozen=True)
class Term:
    key: str
    label: Message
    aliases: tuple[str, ...]

    @cached_property
    def keys(self) -> frozenset[str]:
        """The aliases as matched: reduced once, since every header cell of every workbook is matched."""
        return frozenset(normalise_key(alias) for alias in self.aliases)

    def matches(self, text: object) -> bool:
        return normalise_key(text) in self.keys

    def heading(self, lang: str) -> str:
        """The name we write for this term in *lang*: its label, translated like every other word."""
        return gettext_for(lang)(self.label.text)


def find_term(terms: tuple[Term, ...], text: object) -> Term | None:
    return next((term for term in terms if term.matches(text)), None)


# "Account" is the sheet's name (German: "Stammdaten"); reports call a column of account names "Key account".
ACCOUNT_SHEET = Term(
    "account_sheet",
    Message(N_("Account")),
    ("Account", "Konto", "Stammdaten", "Kunde", "Key Account", "Account facts", "Angaben", "Accountdaten"),
)
ASSESSMENT_SHEET = Term(
    "assessment_sheet",
    Message(N_("Assessment")),
    ("Assessment", "Bewertung", "Bewertungen", "Einschätzung", "Ratings", "Rating", "Faktoren", "Factors"),
)

ACCOUNT_NAME = Term(
    "name",
    Message(N_("Account name")),
    (
        "Account",
        "Account name",
        "Accountname",
        "Key Account",
        "Kunde",
        "Kundenname",
        "Customer",
        "Unternehmen",
        "Company",
        "Name",
    ),
)
ACCOUNT_ID = Term(
    "account_id",
    Message(N_("Account ID")),
    ("Account ID", "Account-ID", "AccountID", "Kundennummer", "Customer number", "Customer ID"),
)
PERIOD = Term("period", Message(N_("Period")), ("Period", "Periode", "Zeitraum", "Quartal", "Quarter"))
KEY_ACCOUNT_MANAGER = Term(
    "key_account_manager",
    Message(N_("Key account manager")),
    ("Key account manager", "Key-Account-Manager", "KAM", "Account manager"),
)
ASSESSED_BY = Term(
    "assessed_by",
    Message(N_("Assessed by")),
    ("Assessed by", "Bewertet von", "Bewerter", "Bewerterin", "Assessor", "Rater"),
)
ASSESSED_ON = Term(
    "assessed_on",
    Message(N_("Assessed on")),
    ("Assessed on", "Bewertet am", "Bewertungsdatum", "Assessment date", "Datum", "Date"),
)
ANNUAL_REVENUE = Term(
    "annual_revenue",
    Message(N_("Annual revenue")),
    ("Annual revenue", "Jahresumsatz", "Umsatz", "Revenue", "Umsatz pro Jahr"),
)
CURRENCY = Term("currency", Message(N_("Currency")), ("Currency", "Währung"))

# What serving the account takes and returns (see reportgen.model.assessment.ServiceFacts): our team's
# workbook only. Brackets are ignored in matching, so "Betreuungsaufwand (Stunden/Jahr)" finds the first.
EFFORT_HOURS = Term(
    "effort_hours",
    Message(N_("Account effort (hours/year)")),
    (
        "Account effort",
        "Betreuungsaufwand",
        "Effort",
        "Aufwand",
        "Betreuungsstunden",
        "Effort hours",
        "Hours",
    ),
)
OTHER_COST = Term(
    "other_cost_to_serve",
    Message(N_("Other cost to serve (per year)")),
    ("Other cost to serve", "Weitere Betreuungskosten", "Sonstige Betreuungskosten", "Other costs"),
)
CONTRIBUTION_MARGIN = Term(
    "contribution_margin",
    Message(N_("Contribution margin (per year)")),
    ("Contribution margin", "Deckungsbeitrag", "DB", "DB I", "Margin", "Marge"),
)
HOURLY_RATE = Term(
    "hourly_rate",
    Message(N_("Hourly rate")),
    (
        "Hourly rate",
        "Stundensatz",
        "Stundenkostensatz",
        "Cost per hour",
        "Kosten pro Stunde",
        "Rate per hour",
    ),
)
SERVICE_FIELDS = (EFFORT_HOURS, OTHER_COST, CONTRIBUTION_MARGIN, HOURLY_RATE)
CATALOG = Term("catalog", Message(N_("Catalog")), ("Catalog", "Katalog", "Kriterienkatalog", "Criteria"))

FORMER_NAME = Term(
    "former_name",
    Message(N_("Former name")),
    (
        "Former name",
        "Früherer Name",
        "Frueherer Name",
        "Alter Name",
        "Old name",
        "Previous name",
        "Vorheriger Name",
    ),
)

INTENDED_TYPE = Term(
    "intended_type",
    Message(N_("Intended relationship")),
    ("Intended relationship", "Angestrebte Beziehung", "Beziehungstyp", "Intended type", "Ziel-Beziehung"),
)

ROLE = Term(
    "role", Message(N_("Role")), ("Role", "Rolle", "Funktion", "Function", "Bewerterrolle", "Rater role")
)
VIEW = Term("view", Message(N_("View")), ("View", "Sicht", "Perspektive", "Perspective", "Sichtweise"))

VIEW_WORDS: dict[View, tuple[str, ...]] = {
    View.SUPPLIER: (
        "Lieferant",
        "Supplier",
        "Lieferantensicht",
        "Supplier view",
        "Wir",
        "We",
        "Intern",
        "Internal",
    ),
    View.KEY_ACCOUNT: (
        "Key Account",
        "Key-Account",
        "KA",
        "Kunde",
        "Customer",
        "Kundensicht",
        "Customer view",
        "Key Account view",
        "Sicht des Key Accounts",
    ),
}
"""What a workbook may write under *View*."""

VIEW_TEMPLATE_WORDS: dict[View, dict[str, str]] = {
    View.SUPPLIER: {"de": "Lieferant", "en": "Supplier"},
    View.KEY_ACCOUNT: {"de": "Key Account", "en": "Key Account"},
}
"""What the template writes under *View*, by language; messages offer all of them."""
VIEW_OPTIONS = tuple(dict.fromkeys(word for words in VIEW_TEMPLATE_WORDS.values() for word in words.values()))


def view_named(text: object) -> View | None:
    """The view a cell names, in either language; None when it names none."""
    wanted = normalise_key(text)
    return next(
        (view for view, words in VIEW_WORDS.items() if wanted in {normalise_key(w) for w in words}), None
    )


ACCOUNT_FIELDS: tuple[Term, ...] = (
    ACCOUNT_NAME,
    ACCOUNT_ID,
    PERIOD,
    KEY_ACCOUNT_MANAGER,
    ASSESSED_BY,
    ASSESSED_ON,
    ANNUAL_REVENUE,
    CURRENCY,
    CATALOG,
    INTENDED_TYPE,
    FORMER_NAME,
    ROLE,
    VIEW,
    *SERVICE_FIELDS,
)

FACTOR_ID = Term(
    "factor_id",
    Message(N_("Factor ID")),
    ("Factor ID", "Faktor-ID", "FaktorID", "ID", "Kriterium-ID", "Criterion ID"),
)
FACTOR = Term(
    "factor",
    Message(N_("Factor")),
    ("Factor", "Faktor", "Kriterium", "Criterion", "Titel", "Title", "Factor title", "Faktortitel"),
)
SUPPLIER_SCORE = Term(
    "supplier",
    Message(N_("Supplier")),
    (
        "Supplier",
        "Lieferant",
        "Supplier score",
        "Supplier invests",
        "Lieferant investiert",
        "Bewertung Lieferant",
        "Investition Lieferant",
        "Score supplier",
        "Wir",
        "We",
    ),
)
KEY_ACCOUNT_SCORE = Term(
    "key_account",
    Message(N_("Key account")),
    (
        "Key account",
        "Key-Account",
        "KA",
        "Key account score",
        "Key account invests",
        "Key Account investiert",
        "Bewertung Key Account",
        "Investition Key Account",
        "Score key account",
        # The key account's own questionnaire names its column for its reader (reportgen template
        # --view key-account): "Ihr Unternehmen (Zeppelin Süd GmbH)".
        "Your company",
        "Ihr Unternehmen",
    ),
)
COMMENT = Term(
    "comment",
    Message(N_("Comment")),
    ("Comment", "Comments", "Kommentar", "Kommentare", "Bemerkung", "Anmerkung", "Notes", "Notiz"),
)

SHARE_COMMENT = Term(
    "share_comment",
    Message(N_("Share comment")),
    (
        "Share comment",
        "Kommentar teilen",
        "Comment shared",
        "Kommentar geteilt",
        "Share with key account",
        "Mit Key Account teilen",
    ),
)
"""Whether the row's comment may reach the edition handed to the key account; blank: as
:data:`COMMENTS_SHARED_BY_DEFAULT` says for the workbook's view."""

COMMENTS_SHARED_BY_DEFAULT: dict[View, bool] = {View.SUPPLIER: False, View.KEY_ACCOUNT: True}
"""Whether a comment whose share cell is blank, or whose workbook has no share column, reaches the edition
handed to the key account. Our team's stay internal: a comment handed over by mistake cannot be taken back.
The key account's contacts write for the joint meeting, and the edition goes to their own company: their
questionnaire says their comments are shared unless marked no, and before it had the column it already
told them their comments "help both companies discuss it"."""

RATING_COLUMNS: tuple[Term, ...] = (
    FACTOR_ID,
    FACTOR,
    SUPPLIER_SCORE,
    KEY_ACCOUNT_SCORE,
    COMMENT,
    SHARE_COMMENT,
)

# The optional Actions sheet: what our team will do about the findings, one row per action.
ACTIONS_SHEET = Term(
    "actions_sheet",
    Message(N_("Actions")),
    ("Actions", "Maßnahmen", "Massnahmen", "Maßnahmenplan", "Action plan", "Aktionen", "Action items"),
)
ACTION_FACTOR = Term(
    "action_factor",
    FACTOR.label,
    tuple(dict.fromkeys((*FACTOR.aliases, *FACTOR_ID.aliases))),
)
"""An action's factor: one column that takes the factor's id or its title, as the assessment sheet does."""
ACTION = Term(
    "action",
    Message(N_("Action")),
    ("Action", "Maßnahme", "Massnahme", "Aktion", "Action item", "Aufgabe", "Task", "To do", "Todo"),
)
OWNER = Term(
    "owner",
    Message(N_("Owner")),
    (
        "Owner",
        "Verantwortlich",
        "Verantwortliche",
        "Verantwortlicher",
        "Zuständig",
        "Responsible",
        "Wer",
        "Who",
    ),
)
DUE = Term(
    "due",
    Message(N_("Due date")),
    ("Due date", "Due", "Fällig am", "Fällig", "Fälligkeit", "Termin", "Bis", "Deadline", "Due by"),
)
STATUS = Term("status", Message(N_("Status")), ("Status", "Stand", "State"))
SHARED = Term(
    "shared",
    Message(N_("Share with the key account")),
    (
        "Share with the key account",
        "Mit dem Key Account teilen",
        "Mit Key Account teilen",
        "Share with key account",
        "Shared",
        "Share",
        "Geteilt",
        "Teilen",
        "Mit dem Kunden teilen",
        "Share with the customer",
    ),
)
ACTION_COLUMNS: tuple[Term, ...] = (ACTION_FACTOR, ACTION, OWNER, DUE, STATUS, SHARED)

STATUS_WORDS: dict[ActionStatus, LocalizedText] = {
    ActionStatus.OPEN: LocalizedText(de="offen", en="open"),
    ActionStatus.DONE: LocalizedText(de="erledigt", en="done"),
    ActionStatus.DROPPED: LocalizedText(de="verworfen", en="dropped"),
}
"""What the status column says, by language: the template's drop-down offers the workbook's language, the
reader takes either."""
SHARE_WORDS: dict[bool, LocalizedText] = {
    True: LocalizedText(de="ja", en="yes"),
    False: LocalizedText(de="nein", en="no"),
}
"""Yes or no in a share column, by language: whether a comment or an action goes into the edition for the
key account. The template offers the workbook's language; the reader takes either."""


def _named(words: dict, text: object):
    wanted = normalise_key(text)
    return next(
        (key for key, word in words.items() if wanted in {normalise_key(w) for w in word.variants()}), None
    )


def status_named(text: object) -> ActionStatus | None:
    """The status a cell names, in either language and any case; None when it names none."""
    return _named(STATUS_WORDS, text)


def share_named(text: object) -> bool | None:
    """Whether a share cell says yes (``ja``/``yes``) or no (``nein``/``no``), case ignored; None when it
    says neither."""
    return _named(SHARE_WORDS, text)


# In a long CSV every row also names its account; "Key Account" there is the score column, so the
# account's name goes by its other names only.
CSV_ACCOUNT_NAME = Term(
    "name", ACCOUNT_NAME.label, tuple(a for a in ACCOUNT_NAME.aliases if a not in ("Key Account", "Name"))
)
CSV_COLUMNS: tuple[Term, ...] = (
    *RATING_COLUMNS,
    CSV_ACCOUNT_NAME,
    *(term for term in ACCOUNT_FIELDS if term is not ACCOUNT_NAME),
)
