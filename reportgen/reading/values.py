"""Turning raw cell values (as a spreadsheet or a CSV gives them) into clean Python values."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from reportgen.model.assessment import YEARS, Period

# Invisible format characters (Unicode category Cf: soft hyphen, BOM, bidi marks …), except the
# zero-width joiner that emoji sequences need. Listed as ranges: scanning all of Unicode at import
# time cost 130 ms on every start. The list is Unicode 15.1's (Python 3.13): an older Python, whose
# tables do not know the newest of them yet, strips them all the same, so a file reads alike on each.
_FORMAT_RANGES = (
    (0x00AD, 0x00AD), (0x0600, 0x0605), (0x061C, 0x061C), (0x06DD, 0x06DD), (0x070F, 0x070F),
    (0x0890, 0x0891), (0x08E2, 0x08E2), (0x180E, 0x180E), (0x200B, 0x200C), (0x200E, 0x200F),
    (0x202A, 0x202E), (0x2060, 0x2064), (0x2066, 0x206F), (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD), (0x110CD, 0x110CD), (0x13430, 0x1343F), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001), (0xE0020, 0xE007F),
)  # fmt: skip
_INVISIBLE = {cp: None for first, last in _FORMAT_RANGES for cp in range(first, last + 1)}


def clean_text(value: object) -> str:
    """A cell as text: NFC-normalised, stripped, without invisible format characters (BOM, LRM)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = unicodedata.normalize("NFC", str(value)).translate(_INVISIBLE)
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


_BRACKETED = re.compile(r"\(.*?\)|\[.*?\]")
_NOT_A_LETTER = re.compile(r"[^\w]|_")


def normalise_key(text: object) -> str:
    """A header or label reduced for matching: ``"Key-Account (1–5)"`` → ``"keyaccount"``."""
    return _NOT_A_LETTER.sub("", _BRACKETED.sub("", clean_text(text)).casefold())


class NotANumber(ValueError):
    pass


_NUMBER = re.compile(r"^[+-]?(\d+|\d{1,3}([.,' ]\d{3})+)([.,]\d+)?$")


def parse_number(value: object, grouping: str | None = None) -> float:
    """A number from a cell: numeric cells as they are, text in German or English notation.

    ``3``, ``3.5``, ``3,5``, ``1.250.000``, ``1,250,000.50``, ``1.250.000,50`` and ``1 250 000`` all work;
    currency signs are ignored. Dates, booleans and other text raise :class:`NotANumber`.

    A single mark before three digits (``1.250``, ``1,250``) groups thousands, unless *grouping* names the
    mark that does (``"."`` in German notation): then the other one is the decimal mark. A mark written twice
    groups thousands, so ``1.250.000.00`` is no number: which mark was meant as the decimal one is not
    guessed.
    """
    if isinstance(value, bool | date):
        raise NotANumber(value)
    if isinstance(value, int | float):
        return float(value)
    # split() takes every space, the no-break ones too: "1 250 000" with U+00A0 or U+202F between reads too
    text = " ".join(_CURRENCY_SIGN.sub(" ", clean_text(value)).split()).replace("\u2212", "-")
    if not _NUMBER.match(text):
        raise NotANumber(value)
    digits = text.replace(" ", "").replace("'", "")
    marks = [(index, mark) for index, mark in enumerate(digits) if mark in ".,"]
    if not marks:
        return float(digits)
    last_index, last_mark = marks[-1]
    mixed = any(mark != last_mark for _, mark in marks)
    tail = digits[last_index + 1 :]
    if len(marks) > 1 and not mixed and len(tail) != 3:
        # "1.250.000.00": a mark written twice groups thousands, so three digits follow it every time. Which
        # mark was meant as the decimal one is not guessed: read as grouping, it is a hundredfold amount.
        raise NotANumber(value)
    if mixed and len({mark for _, mark in marks[:-1]}) > 1:
        # "1.250,000.5": the marks before the decimal one group thousands, so they are all one mark
        raise NotANumber(value)
    # "0,250" and "00,250" are fractions: no one groups the thousands of nothing
    grouping_only = not mixed and len(tail) == 3 and digits[:last_index].lstrip("+-").strip("0") != ""
    if grouping is not None and len(marks) == 1 and len(tail) == 3:
        grouping_only = last_mark == grouping
    if grouping_only:
        # "1.250.000", "1,250,000" or "1.250": the marks group thousands, there is no decimal point.
        return float(re.sub(r"[.,]", "", digits))
    whole = re.sub(r"[.,]", "", digits[:last_index])
    return float(f"{whole}.{tail}")


CURRENCY_SIGNS = {
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "chf": "CHF",
    "fr.": "CHF",
    "$": "USD",
    "usd": "USD",
    "£": "GBP",
    "gbp": "GBP",
}
"""The currency a sign, code or word names (in lower case), in the currency field or beside an amount:
one table, so that ``$`` or ``Fr.`` means the same in both."""
_CURRENCY_SIGN = re.compile(
    "|".join(re.escape(sign) for sign in sorted(CURRENCY_SIGNS, key=len, reverse=True)), re.IGNORECASE
)
_SCALED = re.compile(r"^(?P<number>[+-]?[\d.,' ]*\d)\s*(?P<word>[a-z]+)\.?$", re.IGNORECASE)
_SCALE_WORDS: dict[str, tuple[int, str | None]] = {
    "t": (1_000, "."),
    "tsd": (1_000, "."),
    "tausend": (1_000, "."),
    "k": (1_000, ","),
    "thousand": (1_000, ","),
    "mio": (1_000_000, "."),
    "millionen": (1_000_000, "."),
    "million": (1_000_000, None),
    "millions": (1_000_000, ","),
    "m": (1_000_000, ","),
    "mn": (1_000_000, ","),
    "mrd": (1_000_000_000, "."),
    "milliarde": (1_000_000_000, "."),
    "milliarden": (1_000_000_000, "."),
    "bn": (1_000_000_000, ","),
}
"""The words that scale an amount, with the mark that groups thousands in the language they belong to
(``1.300 T€`` is German: 1,300 thousand; ``1,300 k`` English: the same), None for a word both languages
share. "Billion" is not among them: it is a thousand million in English, a million million in German."""


@dataclass(frozen=True)
class ReadAmount:
    """An amount read from a cell, and how: ``exact`` when written as a plain number."""

    amount: float
    exact: bool = True
    currency: str | None = None
    """The currency the cell names beside the amount (``1,3 Mio. CHF``), if it names one."""


def parse_amount(value: object) -> ReadAmount:
    """An amount of money: a number (see :func:`parse_number`), or one scaled by a word, the currency before
    or after it: ``1,3 Mio. €``, ``1.3 m``, ``1.300 T€``, ``EUR 1,3 Mio``, ``1.3 million``,
    ``1,3 Mrd. €``. A scaled amount is not exact – the reader says how it read it. Anything else, and an
    amount in two currencies, raises :class:`NotANumber`."""
    if isinstance(value, bool | date):
        raise NotANumber(value)
    if isinstance(value, int | float):
        return ReadAmount(float(value))
    text = clean_text(value).replace("\u2212", "-")
    named = {CURRENCY_SIGNS[sign.casefold()] for sign in _CURRENCY_SIGN.findall(text)}
    if len(named) > 1:
        raise NotANumber(value)
    currency = next(iter(named), None)
    bare = " ".join(_CURRENCY_SIGN.sub(" ", text).split())
    match = _SCALED.match(bare)
    scale = _SCALE_WORDS.get(match["word"].casefold()) if match else None
    if match is None or scale is None:
        return ReadAmount(parse_number(bare), currency=currency)
    factor, grouping = scale
    return ReadAmount(round(parse_number(match["number"], grouping) * factor, 2), False, currency)


_HOUR_UNIT = re.compile(r"\s*(h|std\.?|stunden|stunde|hours|hour|hrs\.?)\s*$", re.IGNORECASE)


def parse_hours(value: object) -> float:
    """A number of hours: a number (see :func:`parse_number`), with or without its unit (``1.150 h``,
    ``1150 Stunden``, ``1,150 hours``). Anything else raises :class:`NotANumber`."""
    if isinstance(value, str):
        value = _HOUR_UNIT.sub("", clean_text(value))
    return parse_number(value)


_PERCENT = re.compile(r"^(?P<number>.*?)\s*(%|prozent|percent|pct\.?)$", re.IGNORECASE)


@dataclass(frozen=True)
class ReadShare:
    """A share read from a cell (0.18 for 18 %): ``exact`` when written with its percent sign. A bare number
    up to 1 (what a spreadsheet keeps of a cell formatted as a percentage) is a share too, read with a
    note."""

    fraction: float
    exact: bool = True


def parse_share(value: object) -> ReadShare | None:
    """A share of a whole: ``18 %``, ``18,5 Prozent``, or a number from above 0 up to 1 (``0.18``, what a
    spreadsheet keeps of ``18 %``); None for anything else, which may be an amount. A text with a percent
    sign that is no number raises :class:`NotANumber`."""
    if isinstance(value, str):
        match = _PERCENT.match(clean_text(value))
        if match:
            return ReadShare(parse_number(match["number"]) / 100)
    try:
        number = parse_number(value)
    except NotANumber:
        return None
    return ReadShare(number, exact=False) if 0 < abs(number) <= 1 else None


class NotADate(ValueError):
    pass


_GERMAN_DATE = re.compile(r"^(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4}|\d{2})$")
_SPREADSHEET_DAY_ZERO = date(1899, 12, 30)
_SERIAL_DAYS = range(*((date(year, 1, 1) - _SPREADSHEET_DAY_ZERO).days for year in (YEARS.start, YEARS.stop)))
"""Day numbers of the years an assessment can be of: a date cell that lost its date format still reads
as a date, while a stray small number does not."""


_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("januar", "jänner", "jan", "jän", "january"),
            ("februar", "feb", "february"),
            ("märz", "mär", "mrz", "march", "mar"),
            ("april", "apr"),
            ("mai", "may"),
            ("juni", "jun", "june"),
            ("juli", "jul", "july"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "okt", "october", "oct"),
            ("november", "nov"),
            ("dezember", "dez", "december", "dec"),
        ),
        start=1,
    )
    for name in names
}
"""Month names and their abbreviations, German and English, as a date written out uses them."""
_DAY_MONTH_YEAR = re.compile(r"^(?P<day>\d{1,2})\.?\s*(?P<month>[^\W\d_]+)\.?\s*(?P<year>\d{4})$")
_MONTH_DAY_YEAR = re.compile(r"^(?P<month>[^\W\d_]+)\.?\s*(?P<day>\d{1,2}),?\s*(?P<year>\d{4})$")


_CLOCK = r"(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:[.,]\d+)?)?|24:00(?::00)?"
_CLOCK_12 = r"(?:0?[1-9]|1[0-2]):[0-5]\d(?::[0-5]\d)?\s*[AP]M"
_ZONE = r"\s*(?:Z|UTC|[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?)"
_ISO_DAY_AND_TIME = re.compile(
    rf"^\d{{4}}-\d{{2}}-\d{{2}}(?:[T ](?:(?:{_CLOCK})(?:{_ZONE})?|{_CLOCK_12}))?$", re.ASCII | re.IGNORECASE
)
"""``2026-09-15``, alone or with a time as exports write it (``T13:00:00Z``, `` 0:00``, `` 10:30:00 UTC``,
``+02``, `` 12:00 AM``): a time that is no time (``99:99``) is a typo, and the day is not guessed."""


def parse_date(value: object) -> date:
    """A date cell, text as ``2026-09-15``, ``15.09.2026`` or ``15.09.26``, written out (``15. Sept. 2026``,
    ``September 15, 2026``: the month named in German or English), or a date cell that lost its format
    and shows the spreadsheet's day number (``46022``). A month without its day (``Sept. 2026``) names no
    date: which day it was is not guessed."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if value == int(value) and int(value) in _SERIAL_DAYS:
            return _SPREADSHEET_DAY_ZERO + timedelta(days=int(value))
        raise NotADate(value)
    text = clean_text(value)
    try:
        match = _GERMAN_DATE.match(text)
        if match:
            year = int(match[3]) + (2000 if len(match[3]) == 2 else 0)
            return date(year, int(match[2]), int(match[1]))
        written_out = _DAY_MONTH_YEAR.match(text) or _MONTH_DAY_YEAR.match(text)
        if written_out and written_out["month"].casefold() in _MONTHS:
            month = _MONTHS[written_out["month"].casefold()]
            return date(int(written_out["year"]), month, int(written_out["day"]))
        # an ISO date, or the date and time a CSV export writes; nothing else may follow the day
        return date.fromisoformat(text[:10]) if _ISO_DAY_AND_TIME.match(text) else _fail(value)
    except ValueError as exc:
        raise NotADate(value) from exc


def _fail(value: object) -> date:
    raise NotADate(value)


class NotAPeriod(ValueError):
    pass


_YEAR = r"(?P<year>\d{4}|['’]?\d{2})"
_LOOSE_PERIODS = (
    # 3. Quartal 2026, 3 Quartal 26, 3rd quarter 2026, III. Quartal 2026
    re.compile(
        r"^(?P<quarter>[1-4]|I{1,3}|IV)\s*(?:\.|st|nd|rd|th)?\s*(?:quartal|quarter|qtr\.?)\s*[,/-]?\s*"
        + _YEAR
        + "$",
        re.IGNORECASE,
    ),
    # Q3 26, Q3 '26, Q3/26
    re.compile(r"^Q(?P<quarter>[1-4])\s*[-/ ]?\s*" + _YEAR + "$", re.IGNORECASE),
    # III/2026, III 2026, III-26
    re.compile(r"^(?P<quarter>I{1,3}|IV)\s*[-/. ]\s*" + _YEAR + "$", re.IGNORECASE),
)
_ROMAN_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4}


@dataclass(frozen=True)
class ReadPeriod:
    """A quarter read from a cell, and how: ``exact`` when written the way reports write it."""

    period: Period
    exact: bool = False
    day: date | None = None
    """The day a date cell gave, when the quarter was read from one."""


def parse_period(value: object) -> ReadPeriod:
    """A quarter from a cell, forgiving where the meaning is unambiguous.

    ``2026-Q3`` and ``Q3 2026`` (:meth:`Period.parse`) are exact. ``3. Quartal 2026``,
    ``3rd quarter 2026``, ``Q3 26``, ``Q3 '26``, ``III/2026`` and a date (a date cell, ``01.07.2026``,
    ``2026-07-01``: the quarter it falls in) are read too, but not exact – the reader says how it read
    them. A two-digit year is this century's. A year no assessment can be of
    (:data:`~reportgen.model.assessment.YEARS`: ``0000-Q3``) and anything else raise :class:`NotAPeriod`. The
    command line's ``--period`` and the analysts' API read a quarter this way too, so that what a workbook may
    write, they take.
    """
    if isinstance(value, date):  # a date cell (datetime is a date too)
        day = value.date() if isinstance(value, datetime) else value
        return ReadPeriod(_quarter_of(day, value), day=day)
    text = clean_text(value)
    exact = Period.parse(text)
    if exact is not None:
        return ReadPeriod(exact, exact=True)
    for pattern in _LOOSE_PERIODS:
        match = pattern.match(text)
        if match:
            quarter = match["quarter"].upper()
            year = match["year"].lstrip("'’")
            period = Period.of(
                int(year) + (2000 if len(year) == 2 else 0), _ROMAN_QUARTERS.get(quarter) or int(quarter)
            )
            if period is None:
                raise NotAPeriod(value)
            return ReadPeriod(period)
    try:
        return ReadPeriod(_quarter_of(parse_date(text), value))
    except NotADate as exc:
        raise NotAPeriod(value) from exc


def period_key(value: object) -> str:
    """The quarter a period cell means (``Q3 26`` and ``2026-Q3`` alike), or the cell's text, case
    ignored, when it names no quarter: rows of a CSV export that write one quarter two ways are one
    assessment, and a text that is no quarter is reported where the facts are read."""
    try:
        return str(parse_period(value).period)
    except NotAPeriod:
        return clean_text(value).casefold()


def _quarter_of(day: date, value: object) -> Period:
    """The quarter *day* falls in; :class:`NotAPeriod` of *value* when no assessment can be of its year."""
    period = Period.of(day.year, (day.month - 1) // 3 + 1)
    if period is None:
        raise NotAPeriod(value)
    return period


def column_letter(index: int) -> str:
    """0 → ``A``, 25 → ``Z``, 26 → ``AA``."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def cell_name(row: int, column: int) -> str:
    """The A1-style name of a cell given 0-based row and column."""
    return f"{column_letter(column)}{row + 1}"
